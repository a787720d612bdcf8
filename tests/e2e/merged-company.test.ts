// A merged company's pages answer with a permanent redirect to the company that was kept, in one
// hop even when the kept company was itself merged later (findMergeRedirect follows the chain).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { insertCompany } from '../../src/db/company.repository.ts';
import { mergeCompanies } from '../../src/services/moderation.service.ts';

const baseUrl = inject('baseUrl');
let opened: OpenedDatabase;

beforeAll(() => {
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
});
afterAll(async () => {
  await opened.db.destroy();
});

describe('the pages of a merged company', () => {
  it('redirect the company page and its claim page to the company finally kept', async () => {
    const { db } = opened;
    const now = Date.now();
    const moderator = await db.selectFrom('users').select(['id', 'role']).where('role', '=', 'moderator').orderBy('id').executeTakeFirstOrThrow();
    const first = await insertCompany(db, { name: 'Merge Redirect Primo' }, now);
    const second = await insertCompany(db, { name: 'Merge Redirect Secondo' }, now);
    const third = await insertCompany(db, { name: 'Merge Redirect Terzo' }, now);
    const statement = 'The same shop registered three times under slightly different names.';
    await mergeCompanies(db, moderator, first.id, second.id, statement, now);
    await mergeCompanies(db, moderator, second.id, third.id, statement, now);

    const page = await fetch(`${baseUrl}/it/companies/${first.slug}`, { redirect: 'manual' });
    expect(page.status).toBe(301);
    expect(new URL(page.headers.get('location')!, baseUrl).pathname).toBe(`/it/companies/${third.slug}`);

    const claim = await fetch(`${baseUrl}/en/companies/${first.slug}/claim`, { redirect: 'manual' });
    expect(claim.status).toBe(301);
    expect(new URL(claim.headers.get('location')!, baseUrl).pathname).toBe(`/en/companies/${third.slug}/claim`);

    const kept = await fetch(`${baseUrl}/it/companies/${third.slug}`, { redirect: 'manual' });
    expect(kept.status).toBe(200);
  });
});
