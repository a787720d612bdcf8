// The whole journey of two stories about one florist, driven through the services, checking the
// stored company_stats figures the company page shows after every step that changes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyNameKey, insertCompany, normalizeDomain } from '../../src/db/company.repository.ts';
import { findMessagesForStory } from '../../src/db/message.repository.ts';
import { findCompanyStats } from '../../src/db/stats.repository.ts';
import { findFollowups, findStoryById, findStoryRevisions } from '../../src/db/story.repository.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { computeScore } from '../../src/domain/scoring.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { runTick } from '../../src/services/scheduler.ts';
import {
  answerStillResolved,
  editStory,
  giveVerdict,
  hideStory,
  publishStory,
  replyToStory,
  restoreStory,
  withdrawStory,
} from '../../src/services/story.service.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, auditActions, consumer, moderator, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function mails(template: string): Promise<{ to: string; subject: string; text: string }[]> {
  const rows = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'mail').where('kind', '=', template).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.payload));
}

describe('a florist’s stories from publication to verdict', () => {
  let alice: Actor;
  let bob: Actor;
  let rep: Actor;
  let otherRep: Actor;
  let mod: Actor;
  let companyId: number;
  let s1: number;
  let s2: number;

  it('publishes a story, creating the company, starting the 7-day clock', async () => {
    alice = await consumer(t.db, 'Alice');
    bob = await consumer(t.db, 'Bob');
    mod = await moderator(t.db);
    const r = await publishStory(t.db, alice, storyInput(), { now: T0 });
    expect(r).toMatchObject({ created: true, companyCreated: true, companySlug: 'fiori-veloci-s-r-l' });
    companyId = r.companyId;
    s1 = r.storyId;
    const story = await findStoryById(t.db, s1);
    expect(story).toMatchObject({ state: 'awaiting_reply', publishedAt: T0, replyDueAt: T0 + 7 * DAY, orderReference: 'ORD-12345', authorId: alice.userId });
    const company = await t.db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirstOrThrow();
    expect(company).toMatchObject({ name: 'Fiori Veloci S.r.l.', name_key: 'fioriveloci', domain: 'fioriveloci.it' });
    expect(await auditActions(t.db, s1)).toEqual(['story.publish']);
    const stats = await findCompanyStats(t.db, companyId, '12m');
    expect(stats).toMatchObject({ storyCount: 1, replyRate: null, band: 'not_enough_data' });
    const search = await t.db.selectFrom('outbox').select(['kind', 'key']).where('topic', '=', 'search').orderBy('id').execute();
    expect(search).toEqual([
      { kind: 'story.upsert', key: `story:${s1}` },
      { kind: 'company.upsert', key: `company:${companyId}` },
    ]);
  });

  it('recognises the same company by its domain or by its normalised name', async () => {
    rep = await representative(t.db, companyId);
    const other = await insertCompany(t.db, { name: 'Altri Fiori', website: 'altrifiori.it' }, T0);
    otherRep = await representative(t.db, other.id);
    const r = await publishStory(
      t.db,
      bob,
      storyInput({ company: { name: 'FIORI VELOCI srl', website: 'fioriveloci.it' }, title: 'Ordine non modificabile', body: 'Solo il numero a pagamento funziona.' }),
      { now: T0 + HOUR },
    );
    expect(r).toMatchObject({ companyId, created: true, companyCreated: false });
    s2 = r.storyId;
    expect(companyNameKey('Fiori Veloci')).toBe('fioriveloci');
    expect(companyNameKey('Fiorì Velòci S.p.A.')).toBe('fioriveloci');
    expect(normalizeDomain('HTTPS://WWW.FioriVeloci.it/contatti')).toBe('fioriveloci.it');
    // The representative hears about the new story, in their language, with the deadline.
    const published = await mails('story.story_published');
    expect(published).toHaveLength(1);
    expect(published[0]!.text).toContain(`/stories/${s2}`);
  });

  it('lets only the florist’s representative reply for it, and only the author rate it', async () => {
    expect(await refusal(replyToStory(t.db, otherRep, { storyId: s1, body: 'We are another company', as: 'company' }))).toBe('not_company_representative');
    expect(await refusal(replyToStory(t.db, bob, { storyId: s1, body: 'Me too!' }))).toBe('not_author');
    expect(await refusal(giveVerdict(t.db, alice, { storyId: s1, resolved: true, wouldBuyAgain: true, rating: 5 }, { now: T0 + HOUR }))).toBe('no_reply_yet');
    expect(await refusal(publishStory(t.db, rep, storyInput({ company: { id: companyId }, title: 'We are great' })))).toBe('own_company');
    expect(await auditActions(t.db, s1)).toEqual(['story.publish']);
  });

  it('stops the reply clock at the first company reply (30 hours) and updates the figures', async () => {
    const r = await replyToStory(t.db, rep, { storyId: s1, body: 'Ci scusiamo, abbiamo sistemato il suo account.' }, { now: T0 + 30 * HOUR });
    expect(r).toMatchObject({ from: 'awaiting_reply', to: 'answered' });
    expect((await findStoryById(t.db, s1))!.firstReplyAt).toBe(T0 + 30 * HOUR);
    const stats = await findCompanyStats(t.db, companyId, '12m');
    // S2 is still inside its deadline, so it is not counted against the florist yet.
    expect(stats).toMatchObject({ storyCount: 2, replyRate: 1, medianFirstReplyHours: 30, p90FirstReplyHours: 30 });
    expect(stats!.details!.counts).toMatchObject({ eligible: 1, replied: 1, waiting: 1 });
    expect((await mails('story.company_replied')).length).toBe(1);

    await replyToStory(t.db, alice, { storyId: s1, body: 'Grazie, ora funziona.' }, { now: T0 + 31 * HOUR });
    const thread = await findMessagesForStory(t.db, s1);
    expect(thread.map((m) => m.authorRole)).toEqual(['company', 'consumer']);
  });

  it('records a resolved verdict and schedules the two follow-ups', async () => {
    const r = await giveVerdict(t.db, alice, { storyId: s1, resolved: true, wouldBuyAgain: true, rating: 4, comment: 'Risolto in fretta' }, { now: T0 + 3 * DAY });
    expect(r.to).toBe('resolved');
    expect((await findFollowups(t.db, s1)).map((f) => [f.kind, f.dueAt])).toEqual([
      ['7d', T0 + 10 * DAY],
      ['30d', T0 + 33 * DAY],
    ]);
    const stats = await findCompanyStats(t.db, companyId, '12m');
    expect(stats).toMatchObject({ resolutionRate: 1, wouldBuyAgainRate: 1, meanRating: 4 });
  });

  it('marks the unanswered story overdue when the clock passes 7 days, once', async () => {
    const first = await runTick(t.db, T0 + 7 * DAY + 2 * HOUR);
    expect(first).toMatchObject({ overdue: 1, closed: 0, followupsSent: 0 });
    const again = await runTick(t.db, T0 + 7 * DAY + 2 * HOUR);
    expect(again).toMatchObject({ overdue: 0, closed: 0, followupsSent: 0 });
    expect((await findStoryById(t.db, s2))!.state).toBe('overdue');
    expect(await auditActions(t.db, s2)).toEqual(['story.publish', 'story.deadline_passed']);
    const stats = await findCompanyStats(t.db, companyId, '12m');
    // Rules v2: the unanswered story counts in reply times with its age in whole days (7 days =
    // 168 h), so the median is (30 + 168) / 2, not the 30 h of the one reply.
    expect(stats).toMatchObject({ replyRate: 0.5, medianFirstReplyHours: 99 });
    expect(stats!.details!.counts).toMatchObject({ eligible: 2, replied: 1, overdue: 1, speedObservations: 2 });
  });

  it('asks "still resolved?" after 7 days, and a "no" reopens the story, counted as unresolved until a new verdict', async () => {
    expect(await runTick(t.db, T0 + 10 * DAY)).toMatchObject({ followupsSent: 1 });
    expect(await runTick(t.db, T0 + 10 * DAY + 1)).toMatchObject({ followupsSent: 0 });
    expect((await mails('story.still_resolved')).length).toBe(1);
    const r = await answerStillResolved(t.db, alice, { storyId: s1, kind: '7d', stillResolved: false }, { now: T0 + 11 * DAY });
    expect(r).toMatchObject({ from: 'resolved', to: 'answered' });
    const story = await findStoryById(t.db, s1);
    // Rules v2 (rule 7): the verdict stays on record as "not resolved"; it is not erased into neutral.
    expect(story).toMatchObject({ state: 'answered', reopenedAt: T0 + 11 * DAY, verdictAt: T0 + 3 * DAY, resolved: false, wouldBuyAgain: true, rating: 4 });
    expect((await findFollowups(t.db, s1)).map((f) => [f.kind, f.stillResolved])).toEqual([['7d', false]]);
    expect((await findCompanyStats(t.db, companyId, '12m'))!.resolutionRate).toBe(0);
    expect(await refusal(answerStillResolved(t.db, alice, { storyId: s1, kind: '7d', stillResolved: false }, { now: T0 + 11 * DAY }))).toBe('invalid_state');
  });

  it('lets the company answer again and the consumer give a new verdict', async () => {
    await replyToStory(t.db, rep, { storyId: s1, body: 'Abbiamo risolto di nuovo.' }, { now: T0 + 12 * DAY });
    await giveVerdict(t.db, alice, { storyId: s1, resolved: true, wouldBuyAgain: true, rating: 5 }, { now: T0 + 13 * DAY });
    expect((await findStoryById(t.db, s1))!.state).toBe('resolved');
    expect((await findFollowups(t.db, s1)).map((f) => [f.kind, f.dueAt])).toEqual([
      ['7d', T0 + 20 * DAY],
      ['30d', T0 + 43 * DAY],
    ]);
  });

  it('counts a late reply in the reply time figures (median and p90)', async () => {
    const r = await replyToStory(t.db, rep, { storyId: s2, body: 'Ci scusiamo del ritardo.' }, { now: T0 + 14 * DAY });
    expect(r).toMatchObject({ from: 'overdue', to: 'answered' });
    const late = (14 * DAY - HOUR) / HOUR; // 335 hours
    const stats = await findCompanyStats(t.db, companyId, '12m');
    expect(stats!.replyRate).toBe(1);
    expect(stats!.medianFirstReplyHours).toBeCloseTo((30 + late) / 2, 9);
    expect(stats!.p90FirstReplyHours).toBeCloseTo(30 + 0.9 * (late - 30), 9);
  });

  it('hides and restores a story with reasons, leaving and re-entering the figures', async () => {
    expect(await refusal(hideStory(t.db, alice, { storyId: s2, reason: 'I do not like it' }))).toBe('not_moderator');
    expect(await refusal(hideStory(t.db, mod, { storyId: s2, reason: ' ' }))).toBe('reason_required');
    await hideStory(t.db, mod, { storyId: s2, reason: 'Contiene dati personali di un dipendente' }, { now: T0 + 15 * DAY });
    expect((await findCompanyStats(t.db, companyId, '12m'))!.storyCount).toBe(1);
    const hidden = await findStoryById(t.db, s2);
    expect(hidden).toMatchObject({ state: 'hidden', stateBeforeHidden: 'answered', hiddenAt: T0 + 15 * DAY });
    await restoreStory(t.db, mod, { storyId: s2, reason: 'Dati rimossi dall’autore' }, { now: T0 + 16 * DAY });
    expect((await findStoryById(t.db, s2))!.state).toBe('answered');
    expect((await findCompanyStats(t.db, companyId, '12m'))!.storyCount).toBe(2);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'moderation.hide').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: mod.userId, actor_role: 'moderator', from_state: 'answered', to_state: 'hidden', company_id: companyId });
    expect(JSON.parse(audit.data!)).toEqual({ statement: 'Contiene dati personali di un dipendente' });
    expect((await mails('story.story_hidden')).length).toBe(1);
  });

  it('keeps the replaced text when the author edits', async () => {
    await editStory(t.db, alice, { storyId: s1, title: 'Reset password in ritardo (risolto)', body: 'Aggiornamento: tutto risolto.' }, { now: T0 + 17 * DAY });
    const story = await findStoryById(t.db, s1);
    expect(story).toMatchObject({ title: 'Reset password in ritardo (risolto)', editedAt: T0 + 17 * DAY, state: 'resolved' });
    const revisions = await findStoryRevisions(t.db, s1);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ title: 'Reset password arrivato dopo 10 ore', editorId: alice.userId });
  });

  it('keeps a story withdrawn after the company replied in the figures (content gone, numbers stay), exactly as the domain computes', async () => {
    await withdrawStory(t.db, bob, { storyId: s2 }, { now: T0 + 18 * DAY });
    expect((await findStoryById(t.db, s2))!.state).toBe('withdrawn');
    const now = T0 + 18 * DAY;
    const expected = computeScore(
      [
        {
          publishedAt: T0,
          replyDueAt: T0 + 7 * DAY,
          replied: true,
          firstReplyHours: 30,
          verdict: { at: T0 + 13 * DAY, resolved: true, wouldBuyAgain: true, rating: 5 },
          channels: [
            { channel: 'chat', waitMinutes: null, answered: false },
            { channel: 'email', waitMinutes: 600, answered: true },
            { channel: 'phone_paid', waitMinutes: 12, answered: true },
          ],
        },
        {
          // S2: answered late (335 h), no verdict, withdrawn; it would close 60 days after the reply.
          publishedAt: T0 + HOUR,
          replyDueAt: T0 + HOUR + 7 * DAY,
          replied: true,
          firstReplyHours: 335,
          verdict: null,
          channels: [
            { channel: 'chat', waitMinutes: null, answered: false },
            { channel: 'email', waitMinutes: 600, answered: true },
            { channel: 'phone_paid', waitMinutes: 12, answered: true },
          ],
          withdrawn: true,
          closedAt: T0 + 14 * DAY + 60 * DAY,
        },
      ],
      now,
      '12m',
    );
    const stats = await findCompanyStats(t.db, companyId, '12m');
    expect(expected.counts).toMatchObject({ stories: 2, withdrawn: 1 });
    expect(stats!.details!.counts).toEqual(expected.counts);
    expect(stats).toMatchObject({
      storyCount: 2,
      replyRate: 1,
      medianFirstReplyHours: (30 + 335) / 2,
      resolutionRate: 1,
      meanRating: 5,
      score: expected.score,
      scoreLow: expected.scoreLow,
      scoreHigh: expected.scoreHigh,
      band: 'not_enough_data',
    });
    expect(stats!.details!.channels).toEqual(expected.channels);
    expect(stats!.details!.history).toHaveLength(18);
    expect(stats!.details!.history.at(-1)!.score).toBe(expected.score);
  });

  it('wrote one audit row per transition and none for refusals', async () => {
    expect(await auditActions(t.db, s1)).toEqual([
      'story.publish',
      'story.company_reply',
      'story.consumer_reply',
      'story.verdict',
      'story.still_resolved_check',
      'story.company_reply',
      'story.verdict',
      'story.edit',
    ]);
    expect(await auditActions(t.db, s2)).toEqual([
      'story.publish',
      'story.deadline_passed',
      'story.company_reply',
      'moderation.hide',
      'moderation.restore',
      'story.withdraw',
    ]);
  });

  it('closes the verdict window 60 days after the first reply when no verdict comes', async () => {
    const carol = await consumer(t.db, 'Carol');
    const { storyId } = await publishStory(t.db, carol, storyInput({ title: 'Tapis roulant', body: 'Tecnico mai arrivato.' }), { now: T0 + 20 * DAY });
    await replyToStory(t.db, rep, { storyId, body: 'La richiamiamo.' }, { now: T0 + 21 * DAY });
    expect((await runTick(t.db, T0 + 80 * DAY)).closed).toBe(0);
    expect((await runTick(t.db, T0 + 81 * DAY + 1)).closed).toBe(1);
    expect((await runTick(t.db, T0 + 81 * DAY + 2)).closed).toBe(0);
    expect(await findStoryById(t.db, storyId)).toMatchObject({ state: 'closed_no_verdict', closedAt: T0 + 81 * DAY + 1 });
    // Score rules v2, rule 2: closing the window does not silence the author; a verdict comes late.
    expect(await giveVerdict(t.db, carol, { storyId, resolved: false, wouldBuyAgain: false, rating: 1 }, { now: T0 + 90 * DAY })).toMatchObject({ from: 'closed_no_verdict', to: 'unresolved' });
    expect(await findStoryById(t.db, storyId)).toMatchObject({ state: 'unresolved', verdictLate: true, verdictAt: T0 + 90 * DAY });
  });
  it('joins a caller’s transaction (moderation composes with it) and rolls back with it', async () => {
    const dave = await consumer(t.db, 'Dave');
    const { storyId } = await publishStory(t.db, dave, storyInput({ title: 'Quattro tecnici', body: 'Mai installata la fibra.' }), { now: T0 + 30 * DAY });
    await expect(
      inTransaction(t.db, async (trx) => {
        await hideStory(trx, mod, { storyId, reason: 'Verifica' }, { now: T0 + 31 * DAY });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await findStoryById(t.db, storyId))!.state).toBe('awaiting_reply');
    expect(await auditActions(t.db, storyId)).toEqual(['story.publish']);
    const hiddenMails = (await mails('story.story_hidden')).length;
    await inTransaction(t.db, (trx) => hideStory(trx, mod, { storyId, reason: 'Verifica', notifyAuthor: false, auditData: { reports: 2 } }, { now: T0 + 31 * DAY }));
    expect((await findStoryById(t.db, storyId))!.state).toBe('hidden');
    expect((await mails('story.story_hidden')).length).toBe(hiddenMails);
    const audit = await t.db.selectFrom('audit_log').select('data').where('subject_id', '=', String(storyId)).where('action', '=', 'moderation.hide').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data!)).toEqual({ statement: 'Verifica', reports: 2 });
  });
});

describe('changeStoryVisibility (for moderation and erasure)', () => {
  it('hides, restores and withdraws inside the caller’s transaction and keeps the figures current', async () => {
    const { changeStoryVisibility: changeVisibility } = await import('../../src/services/story-visibility.ts');
    const erin = await consumer(t.db, 'Erin');
    const mod = await moderator(t.db);
    const { storyId, companyId } = await publishStory(t.db, erin, storyInput({ company: { name: 'Visibile Srl' }, title: 'Pacco mai consegnato' }), { now: T0 });
    const count = async () => (await findCompanyStats(t.db, companyId, '12m'))!.storyCount;
    expect(await count()).toBe(1);
    await inTransaction(t.db, (trx) => changeVisibility(trx, storyId, 'hide', 'Dati personali', { id: mod.userId!, role: 'moderator' }, T0 + DAY, { data: { reports: 1 } }));
    expect(await count()).toBe(0);
    expect((await mails('story.story_hidden')).filter((m) => m.text.includes('Pacco mai consegnato'))).toHaveLength(0);
    const back = await changeVisibility(t.db, storyId, 'restore', 'Rimossi', { id: mod.userId!, role: 'moderator' }, T0 + 2 * DAY);
    expect(back).toEqual({ from: 'hidden', to: 'awaiting_reply' });
    expect(await count()).toBe(1);
    await changeVisibility(t.db, storyId, 'withdraw', '', { id: erin.userId!, role: 'consumer' }, T0 + 3 * DAY, { data: { reason: 'account_erasure' } });
    expect(await count()).toBe(0);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'data']).where('subject_id', '=', String(storyId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['story.publish', 'moderation.hide', 'moderation.restore', 'story.withdraw']);
    expect(JSON.parse(audit[1]!.data!)).toEqual({ statement: 'Dati personali', reports: 1 });
    expect(JSON.parse(audit[3]!.data!)).toEqual({ reason: 'account_erasure' });
  });
});
