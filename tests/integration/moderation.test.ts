import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import {
  dismissReports,
  hideContent,
  listModerationQueue,
  listReportsForTarget,
  mergeCompanies,
  restoreContent,
  verifyEvidence,
} from '../../src/services/moderation.service.ts';
import { findMergeRedirect } from '../../src/db/company.repository.ts';
import { findMassReporters, ReportInputSchema, submitReport, type ReportInput, type Reporter } from '../../src/services/report.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { makeCompany, makeMessage, makeStory, makeUser } from '../helpers/content-fixtures.ts';

let t: TestDatabase;
const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const statement = 'The story names a private person and publishes their address (rule 4.2).';

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

// Raw form values (checkboxes as 'on'), parsed like the report page does.
const input = (over: Record<string, unknown> & Pick<ReportInput, 'targetKind' | 'targetId'>): ReportInput =>
  ReportInputSchema.parse({ reason: 'personal_data', explanation: 'It shows the home address of a private person.', goodFaith: 'on', ...over });

const asReporter = (user: { id: number; role: 'consumer' | 'company_rep' | 'moderator' | 'admin' } | null, companyIds: number[] = [], ip = '203.0.113.9'): Reporter => ({
  user: user ? { id: user.id, role: user.role, companyIds } : null,
  ip,
});

async function mailsTo(email: string) {
  return t.db.selectFrom('outbox').selectAll().where('topic', '=', 'mail').where('key', '=', email).execute();
}

describe('reports', () => {
  it('lets a visitor, a member and a company report, and records who they are', async () => {
    const company = await makeCompany(t.db);
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, company, author.id);
    const member = await makeUser(t.db);
    const rep = await makeUser(t.db, 'company_rep');

    const a = await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId), email: 'visitor@example.test' }), asReporter(null), now);
    const b = await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId) }), asReporter(member), now);
    const c = await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId), reason: 'defamation', takedown: 'on' }), asReporter(rep, [company]), now);
    expect([a.kind, b.kind, c.kind]).toEqual(['created', 'created', 'created']);

    const rows = await t.db.selectFrom('reports').selectAll().where('story_id', '=', storyId).orderBy('id').execute();
    expect(rows.map((r) => [r.reporter_kind, r.is_takedown_request, r.good_faith, r.status])).toEqual([
      ['anonymous', 0, 1, 'open'],
      ['consumer', 0, 1, 'open'],
      ['company', 1, 1, 'open'],
    ]);
    expect(rows[0]!.reporter_email).toBe('visitor@example.test');
    const audits = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'report.create').execute();
    expect(audits.length).toBeGreaterThanOrEqual(3);
    expect(audits.every((row) => !String(row.data).includes('@'))).toBe(true);
  });

  it('leaves reported content visible until a moderator acts', async () => {
    const storyId = await makeStory(t.db, await makeCompany(t.db), (await makeUser(t.db)).id);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId) }), asReporter(await makeUser(t.db)), now);
    const story = await t.db.selectFrom('stories').select('state').where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story.state).toBe('awaiting_reply');
  });

  it('requires the good-faith statement and a real explanation', () => {
    const base = { targetKind: 'story', targetId: '1', reason: 'spam', explanation: 'Advertising for another shop, twice.' };
    expect(ReportInputSchema.safeParse(base).success).toBe(false);
    expect(ReportInputSchema.safeParse({ ...base, goodFaith: 'on', explanation: 'bad' }).success).toBe(false);
    expect(ReportInputSchema.safeParse({ ...base, goodFaith: 'on' }).success).toBe(true);
    const noFaith = ReportInputSchema.safeParse(base);
    expect(noFaith.success ? '' : noFaith.error.issues[0]!.message).toBe('moderation.report.goodFaithRequired');
  });

  it('counts a repeated report by the same account on the same item once', async () => {
    const storyId = await makeStory(t.db, await makeCompany(t.db), (await makeUser(t.db)).id);
    const member = await makeUser(t.db);
    const first = await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId) }), asReporter(member), now);
    const again = await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId) }), asReporter(member), now + 1000);
    expect(again).toEqual({ kind: 'duplicate', reportId: (first as { reportId: number }).reportId });
  });

  it('refuses "company" from someone who represents no company, and unknown targets', async () => {
    const storyId = await makeStory(t.db, await makeCompany(t.db), (await makeUser(t.db)).id);
    const member = await makeUser(t.db);
    await expect(submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId), reporterKind: 'company' }), asReporter(member), now)).rejects.toMatchObject({ code: 'not_company_representative' });
    await expect(submitReport(t.db, input({ targetKind: 'story', targetId: '999999' }), asReporter(member), now)).rejects.toMatchObject({ code: 'story_not_found' });
    await expect(submitReport(t.db, input({ targetKind: 'photo', targetId: 'f'.repeat(32) }), asReporter(member), now)).rejects.toBeInstanceOf(DomainError);
  });

  it('rate-limits reporting and says when to try again', async () => {
    const company = await makeCompany(t.db);
    const author = await makeUser(t.db);
    const stories = await Promise.all(Array.from({ length: 6 }, () => makeStory(t.db, company, author.id)));
    const results = [];
    for (const id of stories) results.push(await submitReport(t.db, input({ targetKind: 'story', targetId: String(id) }), asReporter(null, [], '198.51.100.7'), now));
    expect(results.slice(0, 5).every((r) => r.kind === 'created')).toBe(true);
    expect(results[5]).toMatchObject({ kind: 'rate_limited' });
    expect((results[5] as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('shows moderators an account that reports en masse', async () => {
    const company = await makeCompany(t.db);
    const author = await makeUser(t.db);
    const zealot = await makeUser(t.db, 'consumer', { displayName: 'Reporter Zealot' });
    for (let i = 0; i < 10; i++) {
      const id = await makeStory(t.db, company, author.id);
      // Spread over the hours so the per-hour rate limit does not stop the campaign.
      const r = await submitReport(t.db, input({ targetKind: 'story', targetId: String(id), reason: 'fake' }), asReporter(zealot), now + i * 3_600_000);
      expect(r.kind).toBe('created');
    }
    const mass = await findMassReporters(t.db, now + 10 * 3_600_000);
    expect(mass).toContainEqual({ reporterId: zealot.id, displayName: 'Reporter Zealot', reports: 10, dismissed: 0 });
  });
});

describe('moderation permissions', () => {
  it('lets neither a consumer nor a company representative moderate anything', async () => {
    const company = await makeCompany(t.db);
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, company, author.id, { orderReference: 'ORD-1' });
    const other = await makeStory(t.db, company, author.id);
    const consumer = await makeUser(t.db, 'consumer');
    const rep = await makeUser(t.db, 'company_rep');
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId) }), asReporter(consumer), now);
    for (const actor of [consumer, rep, null]) {
      await expect(hideContent(t.db, actor, 'story', String(storyId), statement, now)).rejects.toMatchObject({ code: 'not_moderator' });
      await expect(restoreContent(t.db, actor, 'story', String(storyId), statement, now)).rejects.toMatchObject({ code: 'not_moderator' });
      await expect(dismissReports(t.db, actor, 'story', String(storyId), statement, now)).rejects.toMatchObject({ code: 'not_moderator' });
      await expect(verifyEvidence(t.db, actor, storyId, 'checked the invoice', now)).rejects.toMatchObject({ code: 'not_moderator' });
      await expect(mergeCompanies(t.db, actor, company, other, statement, now)).rejects.toMatchObject({ code: 'not_moderator' });
      await expect(listModerationQueue(t.db, actor)).rejects.toMatchObject({ code: 'not_moderator' });
      await expect(listReportsForTarget(t.db, actor, 'story', String(storyId))).rejects.toMatchObject({ code: 'not_moderator' });
    }
    const story = await t.db.selectFrom('stories').select(['state', 'evidence_verified_at']).where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story).toEqual({ state: 'awaiting_reply', evidence_verified_at: null });
    expect(await t.db.selectFrom('audit_log').selectAll().where('action', 'like', 'moderation.%').where('subject_id', '=', String(storyId)).execute()).toEqual([]);
  });

  it('lets moderators and admins moderate', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    await hideContent(t.db, await makeUser(t.db, 'moderator'), 'story', String(storyId), statement, now);
    await restoreContent(t.db, await makeUser(t.db, 'admin'), 'story', String(storyId), 'The address was removed by the author; restored.', now + 1000);
    const story = await t.db.selectFrom('stories').select('state').where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story.state).toBe('awaiting_reply');
  });

  it('refuses an action without a written statement of reasons', async () => {
    const storyId = await makeStory(t.db, await makeCompany(t.db), (await makeUser(t.db)).id);
    await expect(hideContent(t.db, await makeUser(t.db, 'moderator'), 'story', String(storyId), '  too short ', now)).rejects.toMatchObject({ code: 'reason_required' });
  });
});

describe('hide, restore, dismiss', () => {
  it('hides a reported story, closes its reports, audits, and mails the statement of reasons to the author', async () => {
    const author = await makeUser(t.db, 'consumer', { displayName: 'Anna', locale: 'en' });
    const company = await makeCompany(t.db);
    const storyId = await makeStory(t.db, company, author.id, { title: 'Broken TV, four technicians' });
    const reporter = await makeUser(t.db);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId) }), asReporter(reporter), now - 3 * 3_600_000);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId), email: 'v@example.test' }), asReporter(null, [], '192.0.2.44'), now - 3_600_000);
    const mod = await makeUser(t.db, 'moderator');

    const result = await hideContent(t.db, mod, 'story', String(storyId), statement, now);
    expect(result).toEqual({ reportsClosed: 2, authorNotified: true });

    const story = await t.db.selectFrom('stories').select(['state', 'state_before_hidden', 'hidden_at']).where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story).toEqual({ state: 'hidden', state_before_hidden: 'awaiting_reply', hidden_at: now });
    const reports = await t.db.selectFrom('reports').select(['status', 'statement', 'decided_by']).where('story_id', '=', storyId).execute();
    expect(reports).toEqual([
      { status: 'actioned', statement, decided_by: mod.id },
      { status: 'actioned', statement, decided_by: mod.id },
    ]);

    const [mail] = await mailsTo(author.email);
    expect(mail).toBeDefined();
    const payload = JSON.parse(mail!.payload);
    expect(payload.subject).toBe('Your content on Answerable has been hidden');
    expect(payload.text).toContain(statement);
    expect(payload.text).toContain('Broken TV, four technicians');
    expect(payload.text).toContain(`/en/stories/${storyId}`);
    expect(payload.template).toBe('moderation_hidden');
    // Both reporters are told the outcome.
    expect((await mailsTo(reporter.email)).map((m) => m.kind)).toEqual(['report_actioned']);
    expect((await mailsTo('v@example.test')).map((m) => m.kind)).toEqual(['report_actioned']);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_kind', '=', 'story').where('subject_id', '=', String(storyId)).execute();
    expect(audit.map((a) => [a.action, a.from_state, a.to_state, a.actor_id])).toEqual([['moderation.hide', 'awaiting_reply', 'hidden', mod.id]]);
    const search = await t.db.selectFrom('outbox').select('kind').where('topic', '=', 'search').where('key', '=', `story:${storyId}`).execute();
    expect(search.map((s) => s.kind)).toEqual(['story.delete']);
  });

  it('restores a hidden story to the state it had, with a statement mailed to the author', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id, { state: 'answered' });
    const mod = await makeUser(t.db, 'moderator');
    await hideContent(t.db, mod, 'story', String(storyId), statement, now);
    await restoreContent(t.db, mod, 'story', String(storyId), 'On review the story contains no personal data.', now + 60_000);
    const story = await t.db.selectFrom('stories').select(['state', 'hidden_at']).where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story).toEqual({ state: 'answered', hidden_at: null });
    const mails = (await mailsTo(author.email)).map((m) => JSON.parse(m.payload));
    expect(mails.map((m) => m.template)).toEqual(['moderation_hidden', 'moderation_restored']);
    expect(mails[1].text).toContain('On review the story contains no personal data.');
    await expect(restoreContent(t.db, mod, 'story', String(storyId), 'Restoring twice should be refused.', now)).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('hides a message and a photo, each with a statement to its author', async () => {
    const author = await makeUser(t.db);
    const companyRep = await makeUser(t.db, 'company_rep');
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const messageId = await makeMessage(t.db, storyId, companyRep.id, 'company', 'Call our lawyer, Mr Rossi, at home.');
    const photoId = 'a'.repeat(32);
    await t.db.insertInto('photos').values({ id: photoId, story_id: storyId, uploader_id: author.id, width: 10, height: 10, bytes: 10, created_at: now }).execute();
    const mod = await makeUser(t.db, 'moderator');

    await submitReport(t.db, input({ targetKind: 'message', targetId: String(messageId) }), asReporter(author), now);
    expect(await hideContent(t.db, mod, 'message', String(messageId), statement, now)).toEqual({ reportsClosed: 1, authorNotified: true });
    expect(await hideContent(t.db, mod, 'photo', photoId, 'The photo shows a car number plate (rule 4.2).', now)).toEqual({ reportsClosed: 0, authorNotified: true });

    const msg = await t.db.selectFrom('story_messages').select('hidden_at').where('id', '=', messageId).executeTakeFirstOrThrow();
    const photo = await t.db.selectFrom('photos').select('hidden_at').where('id', '=', photoId).executeTakeFirstOrThrow();
    expect([msg.hidden_at, photo.hidden_at]).toEqual([now, now]);
    expect((await mailsTo(companyRep.email)).map((m) => m.kind)).toEqual(['moderation_hidden']);
    expect((await mailsTo(author.email)).map((m) => m.kind)).toEqual(['report_actioned', 'moderation_hidden']);
    await expect(hideContent(t.db, mod, 'photo', photoId, statement, now)).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('dismisses reports, leaves the content visible and tells the reporters why', async () => {
    const storyId = await makeStory(t.db, await makeCompany(t.db), (await makeUser(t.db)).id);
    const reporter = await makeUser(t.db);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(storyId), reason: 'fake' }), asReporter(reporter), now - 7_200_000);
    const mod = await makeUser(t.db, 'moderator');
    const reasons = 'The order reference matches; the story describes a real experience.';
    expect(await dismissReports(t.db, mod, 'story', String(storyId), reasons, now)).toEqual({ reportsClosed: 1, authorNotified: false });
    const story = await t.db.selectFrom('stories').select('state').where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story.state).toBe('awaiting_reply');
    const [mail] = await mailsTo(reporter.email);
    expect(mail!.kind).toBe('report_dismissed');
    expect(JSON.parse(mail!.payload).text).toContain(reasons);
    await expect(dismissReports(t.db, mod, 'story', String(storyId), reasons, now)).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('lists the open queue with takedown requests first', async () => {
    const mod = await makeUser(t.db, 'moderator');
    const company = await makeCompany(t.db);
    const plain = await makeStory(t.db, company, (await makeUser(t.db)).id);
    const takedown = await makeStory(t.db, company, (await makeUser(t.db)).id);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(plain) }), asReporter(await makeUser(t.db)), now);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(plain) }), asReporter(await makeUser(t.db)), now);
    await submitReport(t.db, input({ targetKind: 'story', targetId: String(takedown), takedown: 'on', reason: 'defamation' }), asReporter(await makeUser(t.db)), now);
    const queue = await listModerationQueue(t.db, mod, { limit: 500 });
    const ours = queue.filter((q) => q.storyId === plain || q.storyId === takedown);
    expect(ours.map((q) => [q.storyId, q.reports, q.takedown])).toEqual([
      [takedown, 1, true],
      [plain, 2, false],
    ]);
    expect(queue.findIndex((q) => q.storyId === takedown)).toBeLessThan(queue.findIndex((q) => q.storyId === plain));
  });
});

describe('verified experience and duplicate companies', () => {
  it("verifies a story's private evidence, audited, with the author told", async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id, { orderReference: 'ORD-778812' });
    const mod = await makeUser(t.db, 'moderator');
    await verifyEvidence(t.db, mod, storyId, 'Invoice ORD-778812 matches the company and the dates.', now);
    const story = await t.db.selectFrom('stories').select('evidence_verified_at').where('id', '=', storyId).executeTakeFirstOrThrow();
    expect(story.evidence_verified_at).toBe(now);
    expect((await mailsTo(author.email)).map((m) => m.kind)).toEqual(['moderation_verified']);
    const audit = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(storyId)).where('subject_kind', '=', 'story').execute();
    expect(audit.map((a) => a.action)).toEqual(['moderation.verify_evidence']);
    await expect(verifyEvidence(t.db, mod, storyId, 'again', now)).rejects.toMatchObject({ code: 'invalid_state' });
    const noEvidence = await makeStory(t.db, await makeCompany(t.db), author.id);
    await expect(verifyEvidence(t.db, mod, noEvidence, 'nothing to check', now)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('merges a duplicate company: stories move, the duplicate redirects, everything audited and announced', async () => {
    const keep = await makeCompany(t.db, 'Fiori Veloci');
    const dup = await makeCompany(t.db, 'Fiori Veloci S.r.l.');
    const author = await makeUser(t.db);
    const s1 = await makeStory(t.db, dup, author.id);
    const s2 = await makeStory(t.db, dup, author.id);
    const mod = await makeUser(t.db, 'moderator');
    const result = await mergeCompanies(t.db, mod, dup, keep, 'Same company: same VAT number and website.', now);
    expect(result).toEqual({ storiesMoved: 2, keptId: keep });
    const moved = await t.db.selectFrom('stories').select('company_id').where('id', 'in', [s1, s2]).execute();
    expect(moved.every((s) => s.company_id === keep)).toBe(true);
    const dupRow = await t.db.selectFrom('companies').select(['slug', 'merged_into_id']).where('id', '=', dup).executeTakeFirstOrThrow();
    const keepRow = await t.db.selectFrom('companies').select('slug').where('id', '=', keep).executeTakeFirstOrThrow();
    expect(dupRow.merged_into_id).toBe(keep);
    expect(await findMergeRedirect(t.db, dupRow.slug)).toBe(keepRow.slug);
    expect(await findMergeRedirect(t.db, keepRow.slug)).toBeNull();
    const stats = await t.db.selectFrom('company_stats').select(['company_id', 'story_count']).where('company_id', 'in', [dup, keep]).where('period', '=', 'all').execute();
    expect(stats).toEqual([{ company_id: keep, story_count: 2 }]);
    const events = await t.db.selectFrom('outbox').select(['kind', 'key']).where('topic', '=', 'search').where('key', 'in', [`company:${dup}`, `company:${keep}`, `story:${s1}`, `story:${s2}`]).execute();
    expect(events.map((e) => `${e.kind} ${e.key}`).sort()).toEqual([`company.delete company:${dup}`, `company.upsert company:${keep}`, `story.upsert story:${s1}`, `story.upsert story:${s2}`].sort());
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'moderation.merge_company').where('subject_id', '=', String(dup)).execute();
    expect(audit).toHaveLength(1);
    await expect(mergeCompanies(t.db, mod, dup, keep, 'Same company, merging twice.', now)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(mergeCompanies(t.db, mod, keep, dup, 'Merging into its own duplicate.', now)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
