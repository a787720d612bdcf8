// The contact directory's second step (decision 0050) through its services: a "this is NOT the
// company's" report never lists its contact as the company's (directory, picker, stories) before
// or after the threshold; consumers saying it exists cannot override that; "no longer works" and
// "now only a form" add up towards a withdrawal; "now costs money" re-classes a number and keeps
// it listed; a story attaches only listed contacts, the marketplace's included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/auth/types.ts';
import { insertCompany } from '../../src/db/company.repository.ts';
import { CONFIRM_REPORTS } from '../../src/domain/contacts.ts';
import { eventLine } from '../../src/http/contact-display.ts';
import { companyDirectory, declareContact, moderateContact, pickableContacts, reportContact, reportContactChange } from '../../src/services/contact.service.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, T0, consumer, moderator, representative, sessionOf, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let shop: { id: number; country: string };
let market: { id: number; country: string };
let people: SessionUser[];
let rep: SessionUser;
let mod: SessionUser;

const session = sessionOf;

beforeAll(async () => {
  t = await createTestDatabase();
  const s = await insertCompany(t.db, { name: 'Negozio Lume', website: 'negoziolume.example', sector: 'ecommerce' }, T0 - DAY);
  const m = await insertCompany(t.db, { name: 'Grande Piazza', website: 'grandepiazza.example', sector: 'marketplace' }, T0 - DAY);
  shop = { id: s.id, country: s.country };
  market = { id: m.id, country: m.country };
  people = [];
  for (let i = 0; i < 5; i++) people.push(session(await consumer(t.db, `Persona ${i}`)));
  rep = session(await representative(t.db, shop.id));
  mod = session(await moderator(t.db));
});
afterAll(() => t.cleanup());

const shown = async (value: string) => {
  const dir = await companyDirectory(t.db, shop.id, T0 + 100 * DAY);
  const picks = Object.values(await pickableContacts(t.db, shop.id)).flat();
  return { listed: dir.contacts.some((c) => c.value === value), picker: picks.some((p) => p.value === value), unlisted: dir.unlisted.some((c) => c.value === value), warning: dir.warnings.some((c) => c.value === value) };
};

describe('look-alike reports', () => {
  it('one "not this company’s" report lists nothing as the company’s: only moderators see it, then it is a warning', async () => {
    const page = 'https://social.example/negoziolume-assistenza';
    const premium = '+39899123456';
    await reportContact(t.db, people[0]!, shop, { kind: 'social', value: page, fake: true }, T0);
    await reportContact(t.db, people[0]!, shop, { kind: 'phone', value: '899 123 456', fake: true }, T0);
    expect(await shown(page)).toEqual({ listed: false, picker: false, unlisted: true, warning: false });
    expect(await shown(premium)).toEqual({ listed: false, picker: false, unlisted: true, warning: false });
    for (let i = 1; i < CONFIRM_REPORTS; i++) await reportContact(t.db, people[i]!, shop, { kind: 'social', value: page, fake: true }, T0 + i);
    expect(await shown(page)).toEqual({ listed: false, picker: false, unlisted: false, warning: true });
  });

  it('consumers saying it exists cannot list a look-alike report’s contact; a moderator can', async () => {
    const premium = '+39899123456';
    for (let i = 1; i < 5; i++) expect(await reportContact(t.db, people[i]!, shop, { kind: 'phone', value: '899 123 456' }, T0 + 2 * DAY + i)).toMatchObject({ kind: 'done', applied: false });
    expect(await shown(premium)).toMatchObject({ listed: false, picker: false, unlisted: true });
    // A warning stays a warning whatever consumers add.
    for (let i = 0; i < 5; i++) await reportContact(t.db, people[i]!, shop, { kind: 'social', value: 'https://social.example/negoziolume-assistenza' }, T0 + 3 * DAY + i);
    expect(await shown('https://social.example/negoziolume-assistenza')).toMatchObject({ listed: false, warning: true });
    const id = (await companyDirectory(t.db, shop.id, T0)).unlisted.find((c) => c.value === premium)!.id;
    await moderateContact(t.db, mod, id, 'confirm', T0 + 4 * DAY);
    expect(await shown(premium)).toMatchObject({ listed: true, picker: true, unlisted: false });
  });

  it('a contact awaiting confirmation leaves the lists once someone says it is not the company’s', async () => {
    await reportContact(t.db, people[0]!, shop, { kind: 'email', value: 'aiuto@negoziolume.example' }, T0 + 5 * DAY);
    expect(await shown('aiuto@negoziolume.example')).toMatchObject({ listed: true, picker: true });
    await reportContact(t.db, people[1]!, shop, { kind: 'email', value: 'aiuto@negoziolume.example', fake: true }, T0 + 5 * DAY);
    expect(await shown('aiuto@negoziolume.example')).toMatchObject({ listed: false, picker: false, unlisted: true });
  });
});

describe('changes add up', () => {
  it('2 “no longer works” and 1 “now only a form” from different people withdraw it; one person counts once', async () => {
    const added = (await declareContact(t.db, rep, shop, { kind: 'chat', value: 'https://negoziolume.example/chat' }, T0)) as { contactId: number };
    // Not official through a consumer's report only: make a consumer-listed one.
    const chat = (await reportContact(t.db, people[0]!, shop, { kind: 'web_form', value: 'https://negoziolume.example/modulo' }, T0)) as { contactId: number };
    await moderateContact(t.db, mod, chat.contactId, 'confirm', T0);
    expect(added.contactId).toBeGreaterThan(0);
    await reportContactChange(t.db, people[0]!, chat.contactId, { change: 'gone' }, T0 + 10 * DAY);
    // The same person saying the other thing too is still one person.
    expect(await reportContactChange(t.db, people[0]!, chat.contactId, { change: 'form_only' }, T0 + 10 * DAY)).toMatchObject({ applied: false, reporters: 1 });
    await reportContactChange(t.db, people[1]!, chat.contactId, { change: 'gone' }, T0 + 10 * DAY + 1);
    expect(await reportContactChange(t.db, people[2]!, chat.contactId, { change: 'form_only' }, T0 + 10 * DAY + 2)).toMatchObject({ applied: true, reporters: 3 });
    const dir = await companyDirectory(t.db, shop.id, T0 + 11 * DAY);
    // Two "form only" (people 0 and 2) against two "gone" (0 and 1): the latest reason decides the tie.
    expect(dir.withdrawn.find((c) => c.id === chat.contactId)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'form_only' });
  });

  it('“now costs money” re-classes a number: it stays listed, with a history line', async () => {
    const line = (await reportContact(t.db, people[0]!, shop, { kind: 'phone', value: '800 555 111' }, T0)) as { contactId: number };
    await moderateContact(t.db, mod, line.contactId, 'confirm', T0);
    for (let i = 0; i < CONFIRM_REPORTS; i++) await reportContactChange(t.db, people[i]!, line.contactId, { change: 'now_paid' }, T0 + 20 * DAY + i);
    const dir = await companyDirectory(t.db, shop.id, T0 + 21 * DAY);
    const phone = dir.contacts.find((c) => c.id === line.contactId)!;
    expect(phone).toMatchObject({ status: 'active', costClass: 'premium_rate' });
    expect(phone.history.at(-1)).toMatchObject({ event: 'repriced', reason: 'premium_rate', reports: CONFIRM_REPORTS });
    expect(eventLine('en', phone.history.at(-1)!)).toMatch(/^Became premium rate on /);
    expect(eventLine('it', phone.history.at(-1)!)).toMatch(/^Diventato a pagamento, tariffa maggiorata il /);
    expect((await pickableContacts(t.db, shop.id)).phone_paid?.some((p) => p.id === line.contactId)).toBe(true);
    expect(await reportContactChange(t.db, people[3]!, line.contactId, { change: 'now_paid' }, T0 + 22 * DAY)).toMatchObject({ kind: 'invalid', error: 'contacts.error.alreadyPaid' });
    const mail = (await companyDirectory(t.db, shop.id, T0)).contacts.find((c) => c.kind === 'chat')!;
    expect(await reportContactChange(t.db, people[3]!, mail.id, { change: 'now_paid' }, T0 + 22 * DAY)).toMatchObject({ kind: 'invalid', error: 'contacts.error.nowPaidPhone' });
  });

  it('a moderator re-classes an official number (consumers alone cannot)', async () => {
    const official = (await declareContact(t.db, rep, shop, { kind: 'phone', value: '800 555 222' }, T0)) as { contactId: number };
    for (let i = 0; i < 4; i++) await reportContactChange(t.db, people[i]!, official.contactId, { change: 'now_paid' }, T0 + 30 * DAY + i);
    expect((await companyDirectory(t.db, shop.id, T0)).contacts.find((c) => c.id === official.contactId)?.costClass).toBe('toll_free');
    expect(await moderateContact(t.db, mod, official.contactId, 'reprice', T0 + 31 * DAY)).toMatchObject({ kind: 'done' });
    expect((await companyDirectory(t.db, shop.id, T0)).contacts.find((c) => c.id === official.contactId)).toMatchObject({ costClass: 'premium_rate', official: true, status: 'active' });
  });
});

describe('stories attach listed contacts only, the marketplace’s too', () => {
  it('refuses withdrawn, look-alike and warning contacts; accepts the marketplace’s; a new one goes to the company named', async () => {
    const dir = await companyDirectory(t.db, shop.id, T0 + 40 * DAY);
    const withdrawn = dir.withdrawn[0]!;
    const warning = dir.warnings[0]!;
    const lookalike = dir.unlisted[0]!;
    const mpMail = (await reportContact(t.db, people[0]!, market, { kind: 'email', value: 'venditori@grandepiazza.example' }, T0)) as { contactId: number };
    await moderateContact(t.db, mod, mpMail.contactId, 'confirm', T0);
    const author = { kind: 'consumer' as const, userId: people[4]!.id, companyIds: [] };
    const r = await publishStory(
      t.db,
      author,
      storyInput({
        company: { id: shop.id },
        marketplace: { company: { id: market.id }, responsible: 'seller' },
        title: 'Ordine sparito tra negozio e marketplace',
        channels: [
          { channel: 'web_form', waitMinutes: 10, answered: true },
          { channel: 'social', waitMinutes: null, answered: false },
          { channel: 'email', waitMinutes: 60, answered: true },
          { channel: 'chat', waitMinutes: null, answered: false },
          { channel: 'phone_paid', waitMinutes: 5, answered: true },
        ],
        contacts: [
          { channel: 'web_form', contactId: withdrawn.id },
          { channel: 'social', contactId: warning.id },
          { channel: 'email', contactId: mpMail.contactId },
          { channel: 'chat', newValue: 'https://grandepiazza.example/chat', newFor: 'marketplace' },
          { channel: 'phone_paid', newValue: lookalike.value },
        ],
      }),
      { now: T0 + 41 * DAY },
    );
    const rows = await t.db.selectFrom('story_channels').select(['channel', 'contact_id']).where('story_id', '=', r.storyId).execute();
    const used = Object.fromEntries(rows.map((x) => [x.channel, x.contact_id]));
    expect(used.web_form).toBeNull();
    expect(used.social).toBeNull();
    expect(used.phone_paid).toBeNull();
    expect(used.email).toBe(mpMail.contactId);
    const chat = await t.db.selectFrom('company_contacts').select(['id', 'company_id', 'status']).where('value', '=', 'https://grandepiazza.example/chat').executeTakeFirstOrThrow();
    expect(chat).toMatchObject({ company_id: market.id, status: 'pending' });
    expect(used.chat).toBe(chat.id);
  });
});
