// Notifications people expect (issue 15), through the services with a fake clock: the author is
// told once when their story goes overdue and at every company reply; company representatives get
// one daily digest of new and overdue stories, none when nothing is new; every notification
// carries a one-click unsubscribe for its kind, and a kind turned off is never mailed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompany } from '../../src/db/company.repository.ts';
import { findStoryById } from '../../src/db/story.repository.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { hideStory, publishStory, replyToStory, restoreStory } from '../../src/services/story.service.ts';
import { inspectUnsubscribeToken, notificationSettings, saveNotificationSettings, unsubscribeWithToken } from '../../src/services/notification-settings.service.ts';
import { requestPasswordReset } from '../../src/services/account.service.ts';
import { drainMailOutbox } from '../../src/mail/outbox.ts';
import { createDevTransport } from '../../src/mail/transport.ts';
import { devMailHeaders, listDevMail } from '../../src/mail/dev-mailbox.ts';
import type { MailMessage } from '../../src/db/outbox.repository.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, moderator, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let companyId: number;
let otherCompanyId: number;
let rep: Actor;
let rep2: Actor;
let otherRep: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  companyId = (await insertCompany(t.db, { name: 'Palestra Lenta', website: 'palestralenta.example' }, T0 - DAY)).id;
  otherCompanyId = (await insertCompany(t.db, { name: 'Treni Puntuali', website: 'trenipuntuali.example' }, T0 - DAY)).id;
  rep = await representative(t.db, companyId);
  rep2 = await representative(t.db, companyId);
  otherRep = await representative(t.db, otherCompanyId);
});
afterAll(() => t.cleanup());

async function emailOf(userId: number | null): Promise<string> {
  return (await t.db.selectFrom('users').select('email').where('id', '=', userId!).executeTakeFirstOrThrow()).email;
}

async function mailsTo(userId: number | null, template: string): Promise<MailMessage[]> {
  const to = await emailOf(userId);
  const rows = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'mail').where('kind', '=', template).where('key', '=', to).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.payload) as MailMessage);
}

const publish = async (author: Actor, title: string, at: number, company = companyId) =>
  (await publishStory(t.db, author, storyInput({ company: { id: company }, title, body: `${title}: il racconto.` }), { now: at })).storyId;

/** The one-click link of a mail (its List-Unsubscribe header). */
function oneClickToken(mail: MailMessage): string {
  const header = mail.headers?.['List-Unsubscribe'] ?? '';
  const url = new URL(/^<(.+)>$/.exec(header)![1]!);
  return url.searchParams.get('token')!;
}

describe('the author hears that the company missed its deadline', () => {
  it('once per story, with what they can do next and a one-click unsubscribe', async () => {
    const ugo = await consumer(t.db, 'Ugo');
    const id = await publish(ugo, 'Abbonamento mai disdetto', T0);
    await runTick(t.db, T0 + 6 * DAY);
    expect(await mailsTo(ugo.userId, 'story.story_overdue_author')).toHaveLength(0);

    await runTick(t.db, T0 + 7 * DAY + HOUR);
    await runTick(t.db, T0 + 7 * DAY + 2 * HOUR);
    const mails = await mailsTo(ugo.userId, 'story.story_overdue_author');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.text).toContain(`/stories/${id}#verdict-form`);
    expect(mail.text).toContain(`/stories/${id}#next-steps`);
    expect(mail.text).toContain('Palestra Lenta');
    expect(mail.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(mail.headers!['List-Unsubscribe']).toMatch(/^<http.+\/(it|en)\/unsubscribe\?token=/);
    // The same link is in the body, for people whose mail client shows no unsubscribe button.
    expect(mail.text).toContain(new URL(/^<(.+)>$/.exec(mail.headers!['List-Unsubscribe']!)![1]!).href);

    // A moderator hiding and restoring the story brings it back to overdue: no second notice.
    const mod = await moderator(t.db);
    await hideStory(t.db, mod, { storyId: id, reason: 'Verifica' }, { now: T0 + 8 * DAY });
    await restoreStory(t.db, mod, { storyId: id, reason: 'Tutto in ordine' }, { now: T0 + 8 * DAY + HOUR });
    expect((await findStoryById(t.db, id))!.state).toBe('overdue');
    await runTick(t.db, T0 + 9 * DAY);
    expect(await mailsTo(ugo.userId, 'story.story_overdue_author')).toHaveLength(1);
  });

  it('never to an unverified address', async () => {
    const ida = await consumer(t.db, 'Ida');
    await t.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', ida.userId!).execute();
    await publish(ida, 'Pacco perso', T0 + 30 * DAY);
    await runTick(t.db, T0 + 38 * DAY);
    expect(await mailsTo(ida.userId, 'story.story_overdue_author')).toHaveLength(0);
  });
});

describe('the author hears of every company reply', () => {
  it('one mail per reply, linking the story', async () => {
    const vera = await consumer(t.db, 'Vera');
    const id = await publish(vera, 'Rimborso promesso', T0 + 40 * DAY);
    await replyToStory(t.db, rep, { storyId: id, body: 'Le rimborseremo tutto.' }, { now: T0 + 41 * DAY });
    await replyToStory(t.db, rep2, { storyId: id, body: 'Il rimborso è partito oggi.' }, { now: T0 + 42 * DAY });
    const mails = await mailsTo(vera.userId, 'story.company_replied');
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.text).toContain(`/stories/${id}`);
      expect(m.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    }
  });

  it('not once the author turned replies off on the settings page, and again once turned back on', async () => {
    const lia = await consumer(t.db, 'Lia');
    const id = await publish(lia, 'Caldaia rotta', T0 + 50 * DAY);
    const person = { id: lia.userId!, role: 'consumer', companyIds: [] };
    expect(await saveNotificationSettings(t.db, person, ['story_overdue', 'verdict_reminders'], T0 + 50 * DAY)).toEqual({ kind: 'saved' });
    expect(await notificationSettings(t.db, person)).toEqual([
      { kind: 'story_overdue', enabled: true },
      { kind: 'company_replied', enabled: false },
      { kind: 'verdict_reminders', enabled: true },
    ]);
    await replyToStory(t.db, rep, { storyId: id, body: 'Mandiamo un tecnico.' }, { now: T0 + 51 * DAY });
    expect(await mailsTo(lia.userId, 'story.company_replied')).toHaveLength(0);

    await saveNotificationSettings(t.db, person, ['story_overdue', 'company_replied', 'verdict_reminders'], T0 + 52 * DAY);
    await replyToStory(t.db, rep, { storyId: id, body: 'Il tecnico arriva domani.' }, { now: T0 + 53 * DAY });
    expect(await mailsTo(lia.userId, 'story.company_replied')).toHaveLength(1);
  });

  it('not once the author used the one-click link of a reply mail; other kinds still arrive', async () => {
    const ezio = await consumer(t.db, 'Ezio');
    const first = await publish(ezio, 'Ordine doppio', T0 + 60 * DAY);
    await replyToStory(t.db, rep, { storyId: first, body: 'Annulliamo il secondo.' }, { now: T0 + 61 * DAY });
    const [mail] = await mailsTo(ezio.userId, 'story.company_replied');
    const token = oneClickToken(mail!);
    expect(await inspectUnsubscribeToken(t.db, token, T0 + 62 * DAY)).toMatchObject({ userId: ezio.userId, kind: 'company_replied', enabled: true });
    expect(await unsubscribeWithToken(t.db, token, T0 + 62 * DAY)).toMatchObject({ kind: 'company_replied', changed: true });
    // Twice is harmless.
    expect(await unsubscribeWithToken(t.db, token, T0 + 62 * DAY)).toMatchObject({ changed: false });

    await replyToStory(t.db, rep, { storyId: first, body: 'Fatto.' }, { now: T0 + 63 * DAY });
    expect(await mailsTo(ezio.userId, 'story.company_replied')).toHaveLength(1);
    const second = await publish(ezio, 'Reso mai accreditato', T0 + 64 * DAY);
    await runTick(t.db, T0 + 71 * DAY + HOUR);
    expect((await mailsTo(ezio.userId, 'story.story_overdue_author')).map((m) => m.text.includes(`/stories/${second}`))).toEqual([true]);
  });

  it('security mail carries no unsubscribe', async () => {
    const email = await emailOf(rep.userId);
    await requestPasswordReset(t.db, { email }, { now: T0 + 65 * DAY, origin: 'http://localhost:4321', locale: 'it', ip: '203.0.113.9' });
    const [reset] = await mailsTo(rep.userId, 'reset_password');
    expect(reset!.headers).toBeUndefined();
    expect(reset!.text).not.toContain('/unsubscribe');
  });
});

describe('the companies’ daily digest', () => {
  // A quiet day far from the other tests: 2026-06-01.
  const day = Date.UTC(2026, 5, 1);

  it('lists the new and the overdue stories to each representative, once a day', async () => {
    const ada = await consumer(t.db, 'Ada');
    const fresh = await publish(ada, 'Iscrizione annullata senza motivo', day - 10 * HOUR);
    const late = await publish(ada, 'Armadietto rotto da mesi', day - 7 * DAY - 12 * HOUR);
    // Tick through the days (overdue marking), but before 07:00 no digest of this day goes out.
    await runTick(t.db, day - 7 * DAY - 11 * HOUR);
    await runTick(t.db, day + 6 * HOUR);
    const before = (await mailsTo(rep.userId, 'company_digest')).length;

    const r = await runTick(t.db, day + 7 * HOUR + 5 * 60_000);
    expect(r.digests).toBeGreaterThanOrEqual(2);
    const digests = (await mailsTo(rep.userId, 'company_digest')).slice(before);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.subject).toContain('Palestra Lenta');
    expect(digest.text).toContain('Iscrizione annullata senza motivo');
    expect(digest.text).toContain(`/stories/${fresh}`);
    expect(digest.text).toContain('Armadietto rotto da mesi');
    expect(digest.text).toContain(`/stories/${late}`);
    expect(digest.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The second representative gets their own, in their own language.
    expect((await mailsTo(rep2.userId, 'company_digest')).slice(-1)[0]!.text).toContain(`/stories/${fresh}`);

    // Later ticks the same day send nothing more.
    expect((await runTick(t.db, day + 12 * HOUR)).digests).toBe(0);
    expect((await mailsTo(rep.userId, 'company_digest')).slice(before)).toHaveLength(1);
  });

  it('sends nothing when nothing is new, neither to a company without stories nor on a quiet day', async () => {
    expect(await mailsTo(otherRep.userId, 'company_digest')).toHaveLength(0);
    const before = (await mailsTo(rep.userId, 'company_digest')).length;
    expect((await runTick(t.db, day + DAY + 8 * HOUR)).digests).toBe(0);
    expect(await mailsTo(rep.userId, 'company_digest')).toHaveLength(before);
  });

  it('is not sent to a representative who turned it off', async () => {
    const ada = await consumer(t.db, 'Ada');
    await publish(ada, 'Lezione saltata', day + 2 * DAY + 10 * HOUR);
    await saveNotificationSettings(t.db, { id: rep2.userId!, role: 'company_rep', companyIds: [companyId] }, ['company_stories'], day + 2 * DAY);
    const before = { rep: (await mailsTo(rep.userId, 'company_digest')).length, rep2: (await mailsTo(rep2.userId, 'company_digest')).length };
    await runTick(t.db, day + 3 * DAY + 8 * HOUR);
    expect(await mailsTo(rep.userId, 'company_digest')).toHaveLength(before.rep + 1);
    expect(await mailsTo(rep2.userId, 'company_digest')).toHaveLength(before.rep2);
  });
});

describe('the development mailbox', () => {
  it('keeps the List-Unsubscribe headers of a delivered mail', async () => {
    await drainMailOutbox(t.db, createDevTransport(t.db), { now: () => T0 + 400 * DAY });
    const [digest] = await listDevMail(t.db, { to: await emailOf(rep.userId), limit: 100 }).then((m) => m.filter((x) => x.template === 'company_digest'));
    expect(devMailHeaders(digest!)).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(devMailHeaders(digest!)['List-Unsubscribe']).toMatch(/\/unsubscribe\?token=/);
  });
});
