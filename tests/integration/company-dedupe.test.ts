// Duplicate-company detection when a story is published: the same web domain, or the same
// normalised name (accents, punctuation and legal forms dropped), is the same company; merged
// companies lead to the company they were merged into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyNameKey, findDuplicateCompany, insertCompany, normalizeDomain, slugify } from '../../src/db/company.repository.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, consumer, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('company names and domains', () => {
  it.each([
    ['Fiori Veloci S.r.l.', 'fioriveloci'],
    ['FIORI VELOCI SRL', 'fioriveloci'],
    ['Fiorì Velòci s.p.a.', 'fioriveloci'],
    ['Fiori & Veloci', 'fioriveloci'],
    ['Telco Lenta S.r.l. unipersonale', 'telcolenta'],
    ['Telco Lenta Italia S.p.A.', 'telcolentaitalia'],
    ['Acme Inc.', 'acme'],
    ['S.p.A.', 'spa'],
  ])('keys "%s" as "%s"', (name, key) => {
    expect(companyNameKey(name)).toBe(key);
  });

  it('reduces a website to its bare host, and refuses what is not one', () => {
    expect(normalizeDomain('https://www.Example.it/contatti?x=1')).toBe('example.it');
    expect(normalizeDomain('shop.example.co.uk')).toBe('shop.example.co.uk');
    expect(normalizeDomain('www2.example.com')).toBe('example.com');
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeDomain('not a url at all')).toBeNull();
    expect(normalizeDomain('')).toBeNull();
    expect(normalizeDomain(null)).toBeNull();
  });

  it('makes URL-safe slugs', () => {
    expect(slugify('Caffè & Cornetti S.r.l.')).toBe('caffe-cornetti-s-r-l');
    expect(slugify('!!!')).toBe('company');
  });
});

describe('find-or-create on publish', () => {
  it('creates a company once and finds it again by domain or by name', async () => {
    const a = await consumer(t.db);
    const first = await publishStory(t.db, a, storyInput({ company: { name: 'Caffè Lento S.r.l.', website: 'caffelento.example' }, title: 'Caffè freddo e nessuna risposta' }), { now: T0 });
    expect(first.companyCreated).toBe(true);
    const byDomain = await publishStory(t.db, a, storyInput({ company: { name: 'Totally different name', website: 'https://www.caffelento.example/' }, title: 'Secondo ordine sbagliato' }), { now: T0 + 1 });
    expect(byDomain).toMatchObject({ companyId: first.companyId, companyCreated: false });
    const byName = await publishStory(t.db, a, storyInput({ company: { name: 'caffe lento' }, title: 'Terzo ordine, stesso problema' }), { now: T0 + 2 });
    expect(byName).toMatchObject({ companyId: first.companyId, companyCreated: false });
  });

  it('gives a new company a unique slug when the name is taken by a different company', async () => {
    const one = await insertCompany(t.db, { name: 'Omonimo', website: 'omonimo-uno.example' }, T0);
    const two = await insertCompany(t.db, { name: 'Omonimo', website: 'omonimo-due.example' }, T0);
    expect(one.slug).toBe('omonimo');
    expect(two.slug).toBe('omonimo-2');
  });

  it('never gives a company a slug that a fixed route beside the company pages uses', async () => {
    const suggest = await insertCompany(t.db, { name: 'Suggest', website: 'suggest.example' }, T0);
    expect(suggest.slug).toBe('suggest-2');
  });

  it('follows a merge to the surviving company', async () => {
    const survivor = await insertCompany(t.db, { name: 'Grande Magazzino', website: 'grande.example' }, T0);
    const dup = await insertCompany(t.db, { name: 'Grande Magazzino Online' }, T0);
    await t.db.updateTable('companies').set({ merged_into_id: survivor.id }).where('id', '=', dup.id).execute();
    expect((await findDuplicateCompany(t.db, { name: 'Grande Magazzino Online' }))!.id).toBe(survivor.id);
    const a = await consumer(t.db);
    const r = await publishStory(t.db, a, storyInput({ company: { id: dup.id }, title: 'Reso rifiutato senza motivo' }), { now: T0 });
    expect(r.companyId).toBe(survivor.id);
  });

  it('refuses a company that does not exist', async () => {
    const a = await consumer(t.db);
    await expect(publishStory(t.db, a, storyInput({ company: { id: 987_654 } }))).rejects.toMatchObject({ code: 'company_not_found' });
  });
});

describe('channel waits', () => {
  it('stores reported waits as whole minutes', async () => {
    const a = await consumer(t.db);
    const { storyId } = await publishStory(
      t.db,
      a,
      storyInput({ company: { name: 'Attese Srl' }, title: 'Attese frazionarie al telefono', channels: [{ channel: 'phone_paid', waitMinutes: 12.6, answered: true }] }),
      { now: T0 },
    );
    const row = await t.db.selectFrom('story_channels').select('wait_minutes').where('story_id', '=', storyId).executeTakeFirstOrThrow();
    expect(row.wait_minutes).toBe(13);
  });
});
