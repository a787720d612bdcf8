// Issue 14 on a real database: the normalised-name matches behind the publish form's suggestions
// (listed companies and the asker's own only), and the moderators' duplicates queue with its merge
// through the company-merge use case (audit row, search events, permission checked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCompanyMatches, insertCompany, listDuplicateGroups } from '../../src/db/company.repository.ts';
import { countIdentityQueues, listLikelyDuplicates, mergeDuplicateGroup } from '../../src/services/moderation.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, consumer, moderator } from '../helpers/workflow.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('company matches for the publish form', () => {
  it('finds listed companies by the normalised start of their name, near misses after, never merged ones', async () => {
    const fiori = await insertCompany(t.db, { name: 'FioriVeloci', website: 'fioriveloci.example' }, T0);
    await insertCompany(t.db, { name: 'Fiori Rapidi S.r.l.' }, T0);
    const merged = await insertCompany(t.db, { name: 'Fiori Veloci Vecchia' }, T0);
    await t.db.updateTable('companies').set({ merged_into_id: fiori.id }).where('id', '=', merged.id).execute();
    const names = async (q: string) => (await findCompanyMatches(t.db, q, { userId: null, limit: 8 })).map((m) => `${m.name}:${m.match}`);
    expect(await names('fiori v')).toEqual(['FioriVeloci:prefix']);
    expect(await names('FIORI-VELOCI srl')).toEqual(['FioriVeloci:same']);
    expect(await names('Fiori Velocci')).toEqual(['FioriVeloci:close']);
    expect((await names('fiori')).sort()).toEqual(['Fiori Rapidi S.r.l.:prefix', 'FioriVeloci:prefix']);
    expect(await names('f')).toEqual([]);
  });

  it('shows a new unlisted company to its creator only', async () => {
    const anna = await consumer(t.db, 'Anna');
    const bruno = await consumer(t.db, 'Bruno');
    await insertCompany(t.db, { name: 'Zanzara Quieta', createdByUserId: anna.userId }, T0);
    expect(await findCompanyMatches(t.db, 'zanzara', { userId: anna.userId, limit: 8 })).toEqual([expect.objectContaining({ name: 'Zanzara Quieta', listed: false })]);
    expect(await findCompanyMatches(t.db, 'zanzara', { userId: bruno.userId, limit: 8 })).toEqual([]);
    expect(await findCompanyMatches(t.db, 'zanzara', { userId: null, limit: 8 })).toEqual([]);
  });
});

describe('the duplicates queue', () => {
  it('groups companies with the same name key or the same domain, and merges a group through the merge use case', async () => {
    const mod = { id: (await moderator(t.db)).userId!, role: 'moderator' as const };
    const a = await insertCompany(t.db, { name: 'Telco Lenta', website: 'telcolenta.example' }, T0);
    const b = await insertCompany(t.db, { name: 'Telco Lenta', website: 'telco-lenta.example' }, T0 + 1);
    const c = await insertCompany(t.db, { name: 'TL Servizi', website: 'https://www.telcolenta.example/' }, T0 + 2);
    const groups = await listDuplicateGroups(t.db, 50);
    expect(groups).toContainEqual(expect.objectContaining({ reason: 'name', value: 'telcolenta', companies: [expect.objectContaining({ id: a.id }), expect.objectContaining({ id: b.id })] }));
    expect(groups).toContainEqual(expect.objectContaining({ reason: 'domain', value: 'telcolenta.example', companies: [expect.objectContaining({ id: a.id }), expect.objectContaining({ id: c.id })] }));
    expect((await countIdentityQueues(t.db, mod)).duplicates).toBe(groups.length);

    const anna = await consumer(t.db, 'Anna bis');
    await expect(listLikelyDuplicates(t.db, { role: 'consumer' })).rejects.toMatchObject({ code: 'not_moderator' });
    await expect(mergeDuplicateGroup(t.db, { id: anna.userId!, role: 'consumer' }, a.id, [a.id, b.id], 'Same company: same normalised name.', T0)).rejects.toMatchObject({ code: 'not_moderator' });
    await expect(mergeDuplicateGroup(t.db, mod, a.id, [a.id, b.id], 'short', T0)).rejects.toMatchObject({ code: 'reason_required' });
    await expect(mergeDuplicateGroup(t.db, mod, a.id, [a.id], 'Same company: same normalised name.', T0)).rejects.toMatchObject({ code: 'invalid_input' });

    const r = await mergeDuplicateGroup(t.db, mod, a.id, [a.id, b.id, c.id], 'Same company: same name and domain.', T0 + 10);
    expect(r.merged).toBe(2);
    const rows = await t.db.selectFrom('companies').select(['id', 'merged_into_id']).where('id', 'in', [b.id, c.id]).execute();
    expect(rows.map((x) => x.merged_into_id)).toEqual([a.id, a.id]);
    const audit = await t.db.selectFrom('audit_log').select(['subject_id', 'actor_role']).where('action', '=', 'moderation.merge_company').execute();
    expect(audit.map((x) => x.subject_id).sort()).toEqual([String(b.id), String(c.id)].sort());
    const outbox = await t.db.selectFrom('outbox').select(['kind', 'key']).where('kind', '=', 'company.delete').execute();
    expect(outbox.map((x) => x.key).sort()).toEqual([`company:${b.id}`, `company:${c.id}`].sort());
    const after = await listDuplicateGroups(t.db, 50);
    expect(after.some((g) => g.companies.some((x) => x.id === b.id || x.id === c.id))).toBe(false);
  });

  it('compares web domains by their registrable part: a shop on a subdomain is a candidate, two sites on a hosting platform are not', async () => {
    const main = await insertCompany(t.db, { name: 'Caffè Tostato', website: 'caffetostato.it' }, T0);
    const shop = await insertCompany(t.db, { name: 'Negozio del Caffè', website: 'https://shop.caffetostato.it/ordini' }, T0 + 1);
    const one = await insertCompany(t.db, { name: 'Bottega Uno', website: 'bottegauno.github.io' }, T0 + 2);
    const two = await insertCompany(t.db, { name: 'Bottega Due', website: 'bottegadue.github.io' }, T0 + 3);
    const groups = await listDuplicateGroups(t.db, 50);
    expect(groups).toContainEqual({ reason: 'domain', value: 'caffetostato.it', companies: [expect.objectContaining({ id: main.id, domain: 'caffetostato.it' }), expect.objectContaining({ id: shop.id, domain: 'shop.caffetostato.it' })] });
    expect(groups.some((g) => g.companies.some((x) => x.id === one.id || x.id === two.id))).toBe(false);
  });
});
