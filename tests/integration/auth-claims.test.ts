import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import type { MailMessage } from '../../src/db/outbox.repository.ts';
import { createSession, validateSessionToken } from '../../src/auth/session.ts';
import type { SessionUser } from '../../src/auth/types.ts';
import {
  canPublishAbout,
  canReplyForCompany,
  canSeePrivateEvidence,
  representsCompany,
  userRepresentsCompany,
} from '../../src/auth/permissions.ts';
import {
  approveClaim,
  confirmDomainClaim,
  findClaimToken,
  isAddressAtDomain,
  isCompanyClaimed,
  rejectClaim,
  requestModeratorClaim,
  revokeClaim,
  startDomainClaim,
} from '../../src/services/claim.service.ts';
import { findCompanyBySlug } from '../../src/db/company.repository.ts';
import { firstLink, info, makeCompany, makeUser, T0, tokenFromLink } from './auth-fixtures.ts';

let tdb: TestDatabase;
let companyA: number;
let companyB: number;
let companyNoDomain: number;

beforeAll(async () => {
  tdb = await createTestDatabase();
  companyA = await makeCompany(tdb.db, 'fiori-veloci', 'fioriveloci.it');
  companyB = await makeCompany(tdb.db, 'tele-rete', 'www.telerete.it');
  companyNoDomain = await makeCompany(tdb.db, 'bottega-senza-sito', null);
});
afterAll(async () => {
  await tdb.cleanup();
});

async function sessionUser(userId: number): Promise<SessionUser> {
  const { token } = await createSession(tdb.db, userId, { now: T0 });
  const v = await validateSessionToken(tdb.db, token, T0);
  if (!v) throw new Error('no session');
  return v.user;
}

async function company(slug: string) {
  const c = await findCompanyBySlug(tdb.db, slug);
  if (!c) throw new Error(slug);
  return c;
}

async function lastMailTo(email: string): Promise<MailMessage> {
  const rows = await tdb.db.selectFrom('outbox').select('payload').where('topic', '=', 'mail').where('key', '=', email).orderBy('id', 'desc').execute();
  return JSON.parse(rows[0]!.payload) as MailMessage;
}

/** A user who has claimed company A through a link sent to an @fioriveloci.it address. */
async function representativeOfA(): Promise<SessionUser> {
  const u = await makeUser(tdb.db);
  const me = await sessionUser(u.id);
  const address = `rep${u.id}@fioriveloci.it`;
  const started = await startDomainClaim(tdb.db, me, await company('fiori-veloci'), address, info());
  expect(started.kind).toBe('sent');
  const token = tokenFromLink(firstLink((await lastMailTo(address)).text));
  expect(await confirmDomainClaim(tdb.db, token, T0 + 1)).toEqual({ kind: 'granted', companyId: companyA, userId: u.id });
  return sessionUser(u.id);
}

describe('company claims', () => {
  it('accepts only addresses at exactly the company’s domain', () => {
    expect(isAddressAtDomain('anna@fioriveloci.it', 'fioriveloci.it')).toBe(true);
    expect(isAddressAtDomain('anna@fioriveloci.it.evil.com', 'fioriveloci.it')).toBe(false);
    expect(isAddressAtDomain('anna@evilfioriveloci.it', 'fioriveloci.it')).toBe(false);
    expect(isAddressAtDomain('fioriveloci.it@gmail.com', 'fioriveloci.it')).toBe(false);
  });

  it('verifies a claim through the link sent to the company address; the company then shows as claimed', async () => {
    expect(await isCompanyClaimed(tdb.db, companyA)).toBe(false);
    const u = await makeUser(tdb.db);
    const me = await sessionUser(u.id);
    const refused = await startDomainClaim(tdb.db, me, await company('fiori-veloci'), 'me@gmail.com', info());
    expect(refused).toEqual({ kind: 'public_mail_domain', domain: 'gmail.com', why: 'webmail' });
    expect(await startDomainClaim(tdb.db, me, await company('fiori-veloci'), 'me@evilfioriveloci.it', info())).toEqual({ kind: 'wrong_domain', domain: 'fioriveloci.it' });
    const res = await startDomainClaim(tdb.db, me, await company('fiori-veloci'), 'Assistenza@FioriVeloci.it', info());
    expect(res.kind).toBe('sent');
    const mail = await lastMailTo('assistenza@fioriveloci.it');
    expect(mail.template).toBe('claim_company');
    const link = firstLink(mail.text);
    expect(link).toContain('/en/companies/fiori-veloci/claim?token=');
    expect(await findClaimToken(tdb.db, tokenFromLink(link), T0)).toMatchObject({ companySlug: 'fiori-veloci' });
    expect(await confirmDomainClaim(tdb.db, tokenFromLink(link), T0 + 1)).toEqual({ kind: 'granted', companyId: companyA, userId: u.id });
    expect(await confirmDomainClaim(tdb.db, tokenFromLink(link), T0 + 2)).toBeNull();
    expect(await isCompanyClaimed(tdb.db, companyA)).toBe(true);
    const c = await company('fiori-veloci');
    expect(c.claimed_by_user_id).toBe(u.id);
    const after = await sessionUser(u.id);
    expect(after.companyIds).toEqual([companyA]);
    expect(after.role).toBe('company_rep');
  });

  it('strips www. from the company domain', async () => {
    const u = await makeUser(tdb.db);
    const res = await startDomainClaim(tdb.db, await sessionUser(u.id), await company('tele-rete'), 'press@telerete.it', info());
    expect(res.kind).toBe('sent');
  });

  it('refuses claims from accounts whose own e-mail is not verified', async () => {
    const u = await makeUser(tdb.db, { verified: false });
    const res = await startDomainClaim(tdb.db, await sessionUser(u.id), await company('fiori-veloci'), 'x@fioriveloci.it', info());
    expect(res).toEqual({ kind: 'unverified' });
  });

  it('lets a moderator approve a claim for a company without a domain, but never their own', async () => {
    const u = await makeUser(tdb.db);
    const mod = await sessionUser((await makeUser(tdb.db, { role: 'moderator' })).id);
    const consumer = await sessionUser((await makeUser(tdb.db)).id);
    const me = await sessionUser(u.id);
    const noDomain = await company('bottega-senza-sito');
    expect(await startDomainClaim(tdb.db, me, noDomain, 'x@y.it', info())).toEqual({ kind: 'no_domain' });
    const req = await requestModeratorClaim(tdb.db, me, noDomain, 'I am the owner; call the shop on +39 055 000000.', info());
    expect(req.kind).toBe('requested');
    if (req.kind !== 'requested') return;
    expect(await approveClaim(tdb.db, consumer, req.claimId, T0)).toEqual({ kind: 'forbidden' });
    expect(await approveClaim(tdb.db, mod, req.claimId, T0)).toEqual({ kind: 'ok' });
    expect(await approveClaim(tdb.db, mod, req.claimId, T0)).toEqual({ kind: 'not_pending' });
    expect(await userRepresentsCompany(tdb.db, u.id, companyNoDomain)).toBe(true);

    const modClaim = await requestModeratorClaim(tdb.db, mod, noDomain, 'I also work there, honestly, trust me.', info());
    if (modClaim.kind !== 'requested') throw new Error(modClaim.kind);
    expect(await approveClaim(tdb.db, mod, modClaim.claimId, T0)).toEqual({ kind: 'own_claim' });
    const other = await sessionUser((await makeUser(tdb.db, { role: 'admin' })).id);
    expect(await rejectClaim(tdb.db, other, modClaim.claimId, T0)).toEqual({ kind: 'ok' });
  });

  it('ends a representation on revocation and un-claims a company left without representatives', async () => {
    const rep = await sessionUser((await makeUser(tdb.db)).id);
    const noDomain = await company('bottega-senza-sito');
    const other = await makeUser(tdb.db);
    const otherUser = await sessionUser(other.id);
    const r = await requestModeratorClaim(tdb.db, otherUser, noDomain, 'Second representative of this shop.', info());
    const admin = await sessionUser((await makeUser(tdb.db, { role: 'admin' })).id);
    if (r.kind !== 'requested') throw new Error(r.kind);
    await approveClaim(tdb.db, admin, r.claimId, T0);
    expect(await revokeClaim(tdb.db, rep, r.claimId, T0)).toEqual({ kind: 'forbidden' });
    expect(await revokeClaim(tdb.db, otherUser, r.claimId, T0)).toEqual({ kind: 'ok' });
    expect(await userRepresentsCompany(tdb.db, other.id, companyNoDomain)).toBe(false);
    expect((await sessionUser(other.id)).role).toBe('consumer');
    expect(await isCompanyClaimed(tdb.db, companyNoDomain)).toBe(true); // the first representative remains
  });
});

describe('a representative of company A', () => {
  it('cannot act for company B', async () => {
    const rep = await representativeOfA();
    expect(representsCompany(rep, companyA)).toBe(true);
    expect(representsCompany(rep, companyB)).toBe(false);
    expect(canReplyForCompany(rep, companyA)).toBe(true);
    expect(canReplyForCompany(rep, companyB)).toBe(false);
    expect(canSeePrivateEvidence(rep, companyA)).toBe(true);
    expect(canSeePrivateEvidence(rep, companyB)).toBe(false);
    expect(await userRepresentsCompany(tdb.db, rep.id, companyB)).toBe(false);
    // Nor become B's representative with A's address.
    const res = await startDomainClaim(tdb.db, rep, await company('tele-rete'), `rep${rep.id}@fioriveloci.it`, info());
    expect(res.kind).toBe('wrong_domain');
    // Nor approve claims: that is a moderator's job.
    const stranger = await sessionUser((await makeUser(tdb.db)).id);
    const pending = await requestModeratorClaim(tdb.db, stranger, await company('tele-rete'), 'Let me in, I say I work at Tele Rete.', info());
    if (pending.kind !== 'requested') throw new Error(pending.kind);
    expect(await approveClaim(tdb.db, rep, pending.claimId, T0)).toEqual({ kind: 'forbidden' });
  });

  it('cannot publish or rate stories about company A, but can about company B', async () => {
    const rep = await representativeOfA();
    expect(canPublishAbout(rep, companyA)).toBe(false);
    expect(canPublishAbout(rep, companyB)).toBe(true);
  });

  it('cannot use a claim link issued for someone else’s claim on another company', async () => {
    const rep = await representativeOfA();
    const u = await makeUser(tdb.db);
    const me = await sessionUser(u.id);
    await startDomainClaim(tdb.db, me, await company('tele-rete'), 'boss@telerete.it', info());
    const token = tokenFromLink(firstLink((await lastMailTo('boss@telerete.it')).text));
    expect(await confirmDomainClaim(tdb.db, token, T0 + 1)).toEqual({ kind: 'granted', companyId: companyB, userId: u.id });
    expect(await userRepresentsCompany(tdb.db, rep.id, companyB)).toBe(false);
  });
});
