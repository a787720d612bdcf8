// The domain proof with an injected prover (no network): which check proves, what an error
// counts as, and which waiting claims a proof grants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { createSession, validateSessionToken } from '../../src/auth/session.ts';
import type { SessionUser } from '../../src/auth/types.ts';
import { checkCompanyDomain, confirmDomainClaim, domainVerificationRecord, startDomainClaim } from '../../src/services/claim.service.ts';
import type { DomainProver } from '../../src/services/domain-proof.ts';
import { findCompanyBySlug } from '../../src/db/company.repository.ts';
import { firstLink, info, makeUser, T0, tokenFromLink } from './auth-fixtures.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.cleanup();
});

async function newCompany(slug: string, domain: string) {
  await tdb.db.insertInto('companies').values({ slug, name: slug, name_key: slug, domain, website: `https://${domain}/`, description: null, claimed_by_user_id: null, claimed_at: null, merged_into_id: null, created_at: T0, updated_at: T0 }).execute();
  return (await findCompanyBySlug(tdb.db, slug))!;
}

async function sessionUser(userId: number): Promise<SessionUser> {
  const { token } = await createSession(tdb.db, userId, { now: T0 });
  return (await validateSessionToken(tdb.db, token, T0))!.user;
}

/** A claimant at the domain; with `confirm`, the link from the mail is opened. */
async function claimant(slug: string, domain: string, confirm: boolean): Promise<SessionUser> {
  const u = await makeUser(tdb.db);
  const me = await sessionUser(u.id);
  const address = `p${u.id}@${domain}`;
  expect((await startDomainClaim(tdb.db, me, (await findCompanyBySlug(tdb.db, slug))!, address, info())).kind).toBe('sent');
  if (confirm) {
    const row = await tdb.db.selectFrom('outbox').select('payload').where('key', '=', address).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const token = tokenFromLink(firstLink((JSON.parse(row.payload) as { text: string }).text));
    expect(await confirmDomainClaim(tdb.db, token, T0 + 1)).toMatchObject({ kind: 'awaiting_review' });
  }
  return me;
}

const prover = (over: Partial<DomainProver>): DomainProver => ({ resolveTxt: async () => [], fetchProofFile: async () => null, ...over });

describe('domain proofs with an injected prover', () => {
  it('counts a network error as no proof and records it as evidence', async () => {
    const company = await newCompany('rete-lenta', 'rete-lenta.example');
    const me = await claimant('rete-lenta', 'rete-lenta.example', true);
    const res = await checkCompanyDomain(tdb.db, me, company, info(T0 + 2), prover({ resolveTxt: async () => { throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' }); } }));
    expect(res).toMatchObject({ kind: 'not_proven', result: { dns: 'error', file: 'not_found' } });
    const claim = await tdb.db.selectFrom('company_claims').select(['status', 'evidence']).where('user_id', '=', me.id).executeTakeFirstOrThrow();
    expect(claim.status).toBe('pending');
    expect(JSON.parse(claim.evidence!)).toMatchObject({ domain: 'rete-lenta.example', dns: 'error', file: 'not_found' });
  });

  it('trusts the domain by the file and grants only the claims whose mailbox was confirmed', async () => {
    const company = await newCompany('file-sicuro', 'file-sicuro.example');
    const confirmed = await claimant('file-sicuro', 'file-sicuro.example', true);
    const unconfirmed = await claimant('file-sicuro', 'file-sicuro.example', false);
    const record = await domainVerificationRecord(tdb.db, company);
    const token = record.slice('answerable-verification='.length);
    expect(await domainVerificationRecord(tdb.db, company)).toBe(record);
    const asked: string[] = [];
    const res = await checkCompanyDomain(tdb.db, unconfirmed, company, info(T0 + 2), prover({ fetchProofFile: async (d) => (asked.push(d), `${token}\n`) }));
    expect(res).toMatchObject({ kind: 'proven', via: 'file', granted: 1 });
    expect(asked).toEqual(['file-sicuro.example']);
    const statuses = await tdb.db.selectFrom('company_claims').select(['user_id', 'status']).where('company_id', '=', company.id).orderBy('id').execute();
    expect(statuses).toEqual([{ user_id: confirmed.id, status: 'verified' }, { user_id: unconfirmed.id, status: 'pending' }]);
    expect((await findCompanyBySlug(tdb.db, 'file-sicuro'))!.domain_trust).toBe('file');
  });

  it('refuses to check for someone without a pending claim, and a company at a web-mail domain', async () => {
    const company = await newCompany('nessuno', 'nessuno.example');
    const u = await sessionUser((await makeUser(tdb.db)).id);
    expect(await checkCompanyDomain(tdb.db, u, company, info(), prover({}))).toEqual({ kind: 'no_pending_claim' });
    const webmail = await newCompany('posta', 'gmail.com');
    expect(await checkCompanyDomain(tdb.db, u, webmail, info(), prover({}))).toEqual({ kind: 'no_domain' });
  });
});
