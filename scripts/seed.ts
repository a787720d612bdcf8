// npm run seed — loads the demo data (scripts/demo/data.ts) by replaying every story's life
// through the real services, in time order: publish, company replies, consumer answers, verdicts,
// "still resolved?" answers, with the scheduler's tick run at each moment in between. So every
// state, clock and score on the pages is computed, never typed in.
//
//   npm run seed              load into an empty database (refuses a non-empty one)
//   npm run seed -- --if-empty   do nothing when the database already has companies (npm start)
//   npm run seed -- --reset      delete the database file first
import { existsSync, rmSync } from 'node:fs';
import { databasePath, openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { insertCompany } from '../src/db/company.repository.ts';
import { rebuildAllCompanyStats } from '../src/db/stats.repository.ts';
import { hashPassword } from '../src/auth/password.ts';
import { DAY_MS } from '../src/domain/clocks.ts';
import type { Actor } from '../src/domain/story-workflow.ts';
import type { Locale } from '../src/domain/vocabulary.ts';
import { rebuildSearchIndex } from '../src/search/reindex.ts';
import { createSearchIndexFromEnv } from '../src/search/select.ts';
import { runTick } from '../src/services/scheduler.ts';
import { answerStillResolved, giveVerdict, publishStory, replyToStory } from '../src/services/story.service.ts';
import { DEMO_PASSWORD } from '../src/server/demo-accounts.ts';
import { demoCompanies, demoStories, demoUsers } from './demo/data.ts';
import { loadDemoContacts } from './demo/contacts.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const HOUR_MS = 3_600_000;
export { DEMO_PASSWORD };

const args = new Set(process.argv.slice(2));
const path = databasePath();
if (args.has('--reset')) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
const fresh = !existsSync(path);
const opened = openDatabase(path);
const { db } = opened;

async function main(): Promise<void> {
  await migrateToLatest(db);
  const existing = await db.selectFrom('companies').select('id').limit(1).executeTakeFirst();
  if (existing) {
    if (args.has('--if-empty')) return;
    throw new Error(`${path} already has data: use "npm run seed -- --reset" to start over.`);
  }
  const now = Date.now();
  const started = performance.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const longAgo = now - 600 * DAY_MS;

  // People: the story authors, one representative per company that answers, staff.
  const userIds = new Map<string, number>();
  const addUser = async (email: string, displayName: string, role: 'consumer' | 'company_rep' | 'moderator' | 'admin', locale: Locale) => {
    const row = await db
      .insertInto('users')
      .values({ email, display_name: displayName, password_hash: passwordHash, role, locale, email_verified_at: longAgo, created_at: longAgo, password_changed_at: null, banned_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  for (const u of demoUsers) userIds.set(u.key, await addUser(u.email, u.displayName, 'consumer', u.locale));
  await addUser('moderatore@example.org', 'Moderazione Answerable', 'moderator', 'it');
  await addUser('admin@example.org', 'Answerable Admin', 'admin', 'en');

  const companyIds = new Map<string, number>();
  const repActors = new Map<string, Actor>();
  const answering = new Set(demoStories.flatMap((s) => s.messages.filter((m) => m.by === 'company').map((m) => m.company ?? s.company)));
  for (const c of demoCompanies) {
    const row = await insertCompany(db, { name: c.name, website: c.website, country: c.country, sector: c.sector }, longAgo);
    const description = c.country === 'IT' ? c.description.it : c.description.en;
    await db.updateTable('companies').set({ slug: c.slug, domain: c.domain, description }).where('id', '=', row.id).execute();
    companyIds.set(c.key, row.id);
    if (!answering.has(c.key)) continue;
    // A company speaks only through a verified representative (a claim by e-mail at its domain).
    const repId = await addUser(`assistenza@${c.domain}`, `Team ${c.name}`, 'company_rep', c.country === 'IT' ? 'it' : 'en');
    await db
      .insertInto('company_claims')
      .values({ company_id: row.id, user_id: repId, method: 'domain_email', email: `assistenza@${c.domain}`, status: 'verified', created_at: longAgo, decided_at: longAgo, decided_by: null })
      .execute();
    // The demo's claim domains count as set by a moderator (a consumer typed none of them).
    await db.updateTable('companies').set({ claimed_by_user_id: repId, claimed_at: longAgo, domain_trust: 'moderator', domain_trusted_at: longAgo }).where('id', '=', row.id).execute();
    repActors.set(c.key, { kind: 'company', userId: repId, companyIds: [row.id] });
  }

  // Every event of every story on one time line.
  type Event = { at: number; order: number; run: () => Promise<unknown> };
  const events: Event[] = [];
  let order = 0;
  const storyIds = new Map<number, number>();
  demoStories.forEach((s, index) => {
    const publishedAt = now - s.daysAgo * DAY_MS + (index % 9) * 37 * 60_000; // spread within the day
    const consumer: Actor = { kind: 'consumer', userId: userIds.get(s.author)!, companyIds: [] };
    const company = repActors.get(s.company);
    const id = () => storyIds.get(index)!;
    events.push({
      at: publishedAt,
      order: order++,
      run: async () => {
        const experience = new Date(publishedAt - s.experienceDaysBefore * DAY_MS).toISOString().slice(0, 10);
        const r = await publishStory(
          db,
          consumer,
          {
            company: { id: companyIds.get(s.company)! },
            title: s.title,
            body: s.body,
            experienceDate: experience,
            category: s.category,
            language: s.language,
            channels: s.channels.map((c) => ({ ...c, answered: c.waitMinutes !== null })),
            orderReference: s.orderReference ?? null,
            marketplace: s.marketplace ? { company: { id: companyIds.get(s.marketplace.via)! }, responsible: s.marketplace.responsible } : null,
            source: 'demo',
          },
          { now: publishedAt },
        );
        storyIds.set(index, r.storyId);
      },
    });
    for (const m of s.messages) {
      const at = publishedAt + m.afterHours * HOUR_MS;
      const actor = m.by === 'company' ? (m.company ? repActors.get(m.company) : company) : consumer;
      if (!actor) throw new Error(`demo story "${s.title}": ${s.company} has no representative to reply`);
      events.push({ at, order: order++, run: () => replyToStory(db, actor, { storyId: id(), body: m.body, as: m.by }, { now: at }) });
    }
    if (s.verdict) {
      const v = s.verdict;
      const at = publishedAt + v.afterHours * HOUR_MS;
      events.push({
        at,
        order: order++,
        run: () => giveVerdict(db, consumer, { storyId: id(), resolved: v.resolved, wouldBuyAgain: v.wouldBuyAgain, rating: v.rating, comment: v.comment ?? null }, { now: at }),
      });
      if (s.stillResolved) {
        const sr = s.stillResolved;
        const answerAt = at + sr.afterDays * DAY_MS + 5 * HOUR_MS;
        events.push({
          at: answerAt,
          order: order++,
          run: () => answerStillResolved(db, consumer, { storyId: id(), kind: sr.afterDays === 7 ? '7d' : '30d', stillResolved: sr.yes }, { now: answerAt }),
        });
      }
    }
  });
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const e of events) {
    if (e.at > now) continue;
    await runTick(db, e.at); // deadlines that passed before this moment take effect first
    await e.run();
  }
  await runTick(db, now);
  // The contact directories, with the stories' channels linked to them (decision 0042).
  await loadDemoContacts(db, demoCompanies.map((c) => ({ key: c.key, id: companyIds.get(c.key)!, domain: c.domain, country: c.country })), now);
  await rebuildAllCompanyStats(db, now);
  // Search is ready at first start (instead of the relay replaying every historic event); if the
  // engine cannot be reached now, the outbox keeps the events and the relay catches up later.
  try {
    const mark = await db.selectFrom('outbox').select((eb) => eb.fn.max<number | null>('id').as('id')).where('topic', '=', 'search').executeTakeFirst();
    await rebuildSearchIndex(db, createSearchIndexFromEnv(opened));
    // Everything announced before the rebuild is in the index now.
    await db.updateTable('outbox').set({ processed_at: now }).where('topic', '=', 'search').where('processed_at', 'is', null).where('id', '<=', mark?.id ?? 0).execute();
  } catch (error) {
    console.warn(`Search index not built now (${error instanceof Error ? error.message : String(error)}); the server's relay will index the demo stories.`);
  }
  // The demo's notification mails are history, not news: nobody should receive them.
  await db.updateTable('outbox').set({ processed_at: now }).where('topic', '=', 'mail').where('processed_at', 'is', null).execute();

  const states = await db.selectFrom('stories').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  console.log(
    `Demo data loaded into ${path}${fresh ? ' (new database)' : ''} in ${Math.round(performance.now() - started)} ms: ` +
      `${demoCompanies.length} companies, ${demoUsers.length} authors, ${demoStories.length} stories (` +
      states.map((s) => `${s.state} ${s.n}`).join(', ') +
      `). Demo accounts sign in with the password "${DEMO_PASSWORD}".`,
  );
}

try {
  await main();
} finally {
  await db.destroy();
}
