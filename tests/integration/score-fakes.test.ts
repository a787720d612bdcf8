// Score rules v2, rule 8 (fakes and bombs) through the services on a real database: a story
// counts only from a verified address (and starts counting when the author verifies), a burst
// from new accounts is held for a moderator who releases or rejects it, authors at the company's
// domain are refused, and the company confirms the private order reference ("verified customer").
// Each use case writes its audit rows and outbox events in its own transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserToken } from '../../src/auth/user-tokens.ts';
import { findCompanyStats } from '../../src/db/stats.repository.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { verifyEmail } from '../../src/services/account.service.ts';
import { listHeldStories, rejectHeldStory, releaseHeldStory } from '../../src/services/moderation.service.ts';
import { addOrderReference, confirmCustomer, publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, auditActions, consumer, createUser, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let mod: { id: number; role: 'moderator' };
beforeAll(async () => {
  t = await createTestDatabase();
  mod = { id: await createUser(t.db, 'moderator', 'Mod'), role: 'moderator' };
});
afterAll(() => t.cleanup());

const company = (key: string) => ({ name: `Rule eight ${key}`, website: `https://www.rule-eight-${key}.example` });
const publish = (author: Actor, key: string, i: number, at: number, extra: Parameters<typeof storyInput>[0] = {}) =>
  publishStory(t.db, author, storyInput({ company: company(key), title: `Storia ${i} su ${key} e il suo servizio`, body: `Racconto ${i}: il servizio clienti di ${key} non ha risposto come doveva per giorni.`, ...extra }), { now: at });
const hold = async (storyId: number) => (await t.db.selectFrom('stories').select(['score_hold', 'state']).where('id', '=', storyId).executeTakeFirstOrThrow());
const outboxKinds = async (since: number) =>
  (await t.db.selectFrom('outbox').select(['kind', 'payload']).where('id', '>', since).orderBy('id').execute()).map((r) => `${r.kind}:${r.payload}`);
const lastOutboxId = async () => (await t.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0;

describe('rule 8: a story counts only from a verified address', () => {
  it('holds a story by an unverified author out of the score, and counts it once the author verifies', async () => {
    const author = await consumer(t.db, 'Unverified', { createdAt: T0 - 30 * DAY, verified: false });
    const r = await publish(author, 'verify', 1, T0);
    expect(await hold(r.storyId)).toEqual({ score_hold: 'unverified', state: 'awaiting_reply' });
    expect((await findCompanyStats(t.db, r.companyId, '12m'))!.storyCount).toBe(0);

    const token = await createUserToken(t.db, author.userId!, 'verify_email', T0 + HOUR);
    const outboxBefore = await lastOutboxId();
    expect(await verifyEmail(t.db, token, { now: T0 + 2 * HOUR, origin: 'http://localhost', locale: 'it', ip: '127.0.0.1' })).toEqual({ userId: author.userId });
    expect((await hold(r.storyId)).score_hold).toBeNull();
    expect((await findCompanyStats(t.db, r.companyId, '12m'))!.storyCount).toBe(1);
    expect(await auditActions(t.db, r.storyId)).toContain('story.score_counts');
    const events = await outboxKinds(outboxBefore);
    expect(events.some((e) => e.startsWith('story.upsert') && e.includes(`${r.storyId}`))).toBe(true);
    expect(events.some((e) => e.startsWith('company.upsert') && e.includes(`${r.companyId}`))).toBe(true);
  });
});

describe('rule 8: a burst of stories from new accounts', () => {
  it('holds the whole burst for review (audit and outbox rows), leaves older and established stories counted', async () => {
    const established = await consumer(t.db, 'Established');
    const first = await publish(established, 'burst', 0, T0);
    const outboxBefore = await lastOutboxId();
    const ids: number[] = [];
    for (let k = 0; k < 3; k++) {
      const at = T0 + DAY + k * HOUR;
      ids.push((await publish(await consumer(t.db, `New ${k}`, { createdAt: at - HOUR }), 'burst', k + 1, at)).storyId);
    }
    for (const id of ids) {
      expect(await hold(id)).toEqual({ score_hold: 'review', state: 'awaiting_reply' });
      expect(await auditActions(t.db, id)).toContain('story.held_for_review');
    }
    expect((await hold(first.storyId)).score_hold).toBeNull();
    const events = await outboxKinds(outboxBefore);
    for (const id of ids.slice(0, 2)) expect(events.filter((e) => e.startsWith('story.upsert') && e.includes(`"storyId":${id}`)).length).toBeGreaterThanOrEqual(2);
    expect((await findCompanyStats(t.db, first.companyId, '12m'))!.storyCount).toBe(1);
    const queue = (await listHeldStories(t.db, mod)).filter((h) => h.companyId === first.companyId);
    expect(queue.map((h) => h.id)).toEqual(ids);

    // Released: counts, audited, and never held again by a later burst.
    await releaseHeldStory(t.db, mod, ids[0]!, T0 + DAY + 4 * HOUR);
    expect((await hold(ids[0]!)).score_hold).toBeNull();
    expect(await auditActions(t.db, ids[0]!)).toContain('moderation.release_held_story');
    expect((await findCompanyStats(t.db, first.companyId, '12m'))!.storyCount).toBe(2);
    const later = await publish(await consumer(t.db, 'New later', { createdAt: T0 + DAY + 4 * HOUR }), 'burst', 9, T0 + DAY + 5 * HOUR);
    expect((await hold(later.storyId)).score_hold).toBe('review');
    expect((await hold(ids[0]!)).score_hold).toBeNull();

    // Rejected: hidden with the statement, audited, the author told; out of the queue and the score.
    const outboxBeforeReject = await lastOutboxId();
    await rejectHeldStory(t.db, mod, ids[1]!, 'Account creato solo per questa raffica di storie identiche.', T0 + 2 * DAY);
    expect(await hold(ids[1]!)).toEqual({ score_hold: 'review', state: 'hidden' });
    expect(await auditActions(t.db, ids[1]!)).toEqual(expect.arrayContaining(['moderation.reject_held_story']));
    expect((await outboxKinds(outboxBeforeReject)).some((e) => e.includes('moderation_hidden'))).toBe(true);
    expect((await listHeldStories(t.db, mod)).map((h) => h.id)).not.toContain(ids[1]);
    await expect(releaseHeldStory(t.db, mod, ids[1]!, T0 + 2 * DAY)).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(releaseHeldStory(t.db, { id: established.userId!, role: 'consumer' } as never, ids[2]!, T0 + 2 * DAY)).rejects.toMatchObject({ code: 'not_moderator' });
  });

  it('does not list a new company because a burst from new accounts wrote about it', async () => {
    let companyId = 0;
    for (let k = 0; k < 3; k++) {
      const at = T0 + 10 * DAY + k * HOUR;
      companyId = (await publish(await consumer(t.db, `Lister ${k}`, { createdAt: at - HOUR }), 'listing', k, at)).companyId;
    }
    const row = await t.db.selectFrom('companies').select('listed_at').where('id', '=', companyId).executeTakeFirstOrThrow();
    expect(row.listed_at).toBeNull();
  });

  it('does not call two stories from new accounts a burst, nor stories from established accounts', async () => {
    const a = await publish(await consumer(t.db, 'New a', { createdAt: T0 }), 'quiet', 1, T0 + HOUR);
    const b = await publish(await consumer(t.db, 'New b', { createdAt: T0 }), 'quiet', 2, T0 + 2 * HOUR);
    const c = await publish(await consumer(t.db, 'Old c'), 'quiet', 3, T0 + 3 * HOUR);
    for (const r of [a, b, c]) expect((await hold(r.storyId)).score_hold).toBeNull();
  });
});

describe('rule 8: authors at the company’s own domain', () => {
  it('refuses an address at the company’s website domain and writes nothing, also for a new company', async () => {
    const employee = await consumer(t.db, 'Employee', { email: 'mario@staff.rule-eight-domain.example' });
    const companies = await t.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(publish(employee, 'domain', 1, T0)).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'company_domain_author');
    expect((await t.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(companies.n);
    // A customer with a personal address may.
    const customer = await consumer(t.db, 'Customer', { email: 'mario.rossi@gmail.com' });
    const r = await publish(customer, 'domain', 2, T0);
    // Now the company exists: the employee is still refused, and so is its representative.
    await expect(publish(employee, 'domain', 3, T0 + HOUR)).rejects.toMatchObject({ code: 'company_domain_author' });
    const rep = await representative(t.db, r.companyId);
    await expect(publishStory(t.db, rep, storyInput({ company: { id: r.companyId } }), { now: T0 + HOUR })).rejects.toMatchObject({ code: 'own_company' });
  });
});

describe('rule 8: verified customer', () => {
  it('lets the author add the private order reference later, the company confirm it, and audits both', async () => {
    const author = await consumer(t.db, 'Customer order');
    const r = await publish(author, 'order', 1, T0, { orderReference: null });
    const rep = await representative(t.db, r.companyId);
    await expect(confirmCustomer(t.db, rep, { storyId: r.storyId }, { now: T0 + HOUR })).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(addOrderReference(t.db, rep, { storyId: r.storyId, orderReference: 'X' }, { now: T0 + HOUR })).rejects.toMatchObject({ code: 'not_author' });
    await expect(addOrderReference(t.db, author, { storyId: r.storyId, orderReference: '   ' }, { now: T0 + HOUR })).rejects.toMatchObject({ code: 'invalid_input' });
    await addOrderReference(t.db, author, { storyId: r.storyId, orderReference: ' ORD-77 ' }, { now: T0 + HOUR });

    const stranger = await consumer(t.db, 'Stranger');
    await expect(confirmCustomer(t.db, stranger, { storyId: r.storyId }, { now: T0 + 2 * HOUR })).rejects.toMatchObject({ code: 'not_company_representative' });
    await confirmCustomer(t.db, rep, { storyId: r.storyId }, { now: T0 + 2 * HOUR });
    const row = await t.db.selectFrom('stories').select(['order_reference', 'customer_confirmed_at', 'customer_confirmed_by']).where('id', '=', r.storyId).executeTakeFirstOrThrow();
    expect(row).toEqual({ order_reference: 'ORD-77', customer_confirmed_at: T0 + 2 * HOUR, customer_confirmed_by: rep.userId });
    expect(await auditActions(t.db, r.storyId)).toEqual(expect.arrayContaining(['story.order_reference', 'story.customer_confirmed']));
    await expect(confirmCustomer(t.db, rep, { storyId: r.storyId }, { now: T0 + 3 * HOUR })).rejects.toMatchObject({ code: 'invalid_state' });

    // A corrected reference must be confirmed again.
    await addOrderReference(t.db, author, { storyId: r.storyId, orderReference: 'ORD-78' }, { now: T0 + 4 * HOUR });
    expect((await t.db.selectFrom('stories').select('customer_confirmed_at').where('id', '=', r.storyId).executeTakeFirstOrThrow()).customer_confirmed_at).toBeNull();
  });
});
