// company_story_counts — a company's stories per state, for the tabs and the pager of its page —
// is kept by triggers on `stories`, so every writer keeps it exact in its own transaction. These
// tests drive each kind of writer (the services, a merge, an erasure, raw inserts, updates and
// deletes like the bulk import's) and compare the read model with a recount after every step.
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCompanyStoriesByState, countListedStories, findCompanyStories } from '../../src/db/browse.repository.ts';
import { migrationProvider } from '../../src/db/migrations.ts';
import { openDatabase } from '../../src/db/client.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { eraseAccount } from '../../src/services/erasure.service.ts';
import { mergeCompanies } from '../../src/services/moderation.service.ts';
import { giveVerdict, hideStory, markStoryOverdue, publishStory, replyToStory, restoreStory, withdrawStory } from '../../src/services/story.service.ts';
import { makeCompany, makeStory } from '../helpers/content-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, moderator, representative, storyInput } from '../helpers/workflow.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

type Counts = Record<string, number>;

/** The read model, as "companyId/state" → n, leaving out the rows that fell to zero. */
async function readModel(): Promise<Counts> {
  const { rows } = await sql<{ company_id: number; state: string; n: number }>`select company_id, state, n from company_story_counts where n <> 0`.execute(t.db);
  return Object.fromEntries(rows.map((r) => [`${r.company_id}/${r.state}`, r.n]));
}

async function recount(): Promise<Counts> {
  const rows = await t.db.selectFrom('stories').select(['company_id', 'state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['company_id', 'state']).execute();
  return Object.fromEntries(rows.map((r) => [`${r.company_id}/${r.state}`, Number(r.n)]));
}

async function expectReadModelToEqualRecount(): Promise<void> {
  expect(await readModel()).toEqual(await recount());
}

describe('the per-company story counts', () => {
  let alice: Actor;
  let bob: Actor;
  let rep: Actor;
  let mod: Actor;
  let florist: number;
  let bakery: number;
  const stories: number[] = [];

  it('count each story a service publishes, in its company and state', async () => {
    alice = await consumer(t.db, 'Alice');
    bob = await consumer(t.db, 'Bob');
    mod = await moderator(t.db);
    for (const [i, actor] of [alice, alice, bob].entries()) {
      const r = await publishStory(t.db, actor, storyInput({ title: `Storia numero ${i + 1} sul fiorista` }), { now: T0 + i * HOUR });
      florist = r.companyId;
      stories.push(r.storyId);
    }
    const other = await publishStory(t.db, bob, storyInput({ company: { name: 'Forno Antico' }, title: 'Il pane non è mai arrivato' }), { now: T0 });
    bakery = other.companyId;
    stories.push(other.storyId);
    expect(await countCompanyStoriesByState(t.db, florist)).toEqual({ awaiting_reply: 3 });
    expect(await countCompanyStoriesByState(t.db, bakery)).toEqual({ awaiting_reply: 1 });
    await expectReadModelToEqualRecount();
  });

  it('follow every transition of the workflow: reply, verdict, overdue, hide, restore, withdraw', async () => {
    rep = await representative(t.db, florist);
    await replyToStory(t.db, rep, { storyId: stories[0]!, body: 'Ci scusiamo, la richiamiamo oggi.' }, { now: T0 + 2 * HOUR });
    await expectReadModelToEqualRecount();
    await giveVerdict(t.db, alice, { storyId: stories[0]!, resolved: true, wouldBuyAgain: true, rating: 4 }, { now: T0 + DAY });
    await expectReadModelToEqualRecount();
    await markStoryOverdue(t.db, stories[1]!, { now: T0 + 8 * DAY });
    await expectReadModelToEqualRecount();
    await hideStory(t.db, mod, { storyId: stories[2]!, reason: 'Dati personali di terzi nel testo.' }, { now: T0 + 8 * DAY });
    await expectReadModelToEqualRecount();
    expect(await countCompanyStoriesByState(t.db, florist)).toEqual({ resolved: 1, overdue: 1, hidden: 1 });
    await restoreStory(t.db, mod, { storyId: stories[2]!, reason: 'Dati rimossi dall’autore.' }, { now: T0 + 9 * DAY });
    await expectReadModelToEqualRecount();
    await withdrawStory(t.db, alice, { storyId: stories[1]! }, { now: T0 + 9 * DAY });
    await expectReadModelToEqualRecount();
    expect(await countCompanyStoriesByState(t.db, florist)).toEqual({ resolved: 1, withdrawn: 1, awaiting_reply: 1 });
  });

  it('move the counts with the stories when a duplicate company is merged', async () => {
    const before = await countCompanyStoriesByState(t.db, florist);
    const moderatorAccount = { id: mod.userId!, role: 'moderator' as const };
    await mergeCompanies(t.db, moderatorAccount, bakery, florist, 'Stessa azienda, due schede.', T0 + 10 * DAY);
    await expectReadModelToEqualRecount();
    expect(await countCompanyStoriesByState(t.db, bakery)).toEqual({});
    expect(await countCompanyStoriesByState(t.db, florist)).toEqual({ ...before, awaiting_reply: (before.awaiting_reply ?? 0) + 1 });
  });

  it('stay exact when an account is erased and its stories are withdrawn', async () => {
    await eraseAccount(t.db, bob.userId!, { stories: 'withdraw' }, T0 + 11 * DAY, { photosDir: t.dir });
    await expectReadModelToEqualRecount();
  });

  it('stay exact under raw inserts, updates and deletes, as the bulk import writes them', async () => {
    const shop = await makeCompany(t.db, 'Negozio Raw');
    const a = await makeStory(t.db, shop, null, { state: 'answered' });
    const b = await makeStory(t.db, shop, null, { state: 'overdue' });
    await makeStory(t.db, shop, null, { state: 'overdue' });
    await expectReadModelToEqualRecount();
    await t.db.updateTable('stories').set({ state: 'closed_no_verdict' }).where('id', '=', a).execute();
    await t.db.updateTable('stories').set({ company_id: florist, state: 'answered' }).where('id', '=', b).execute();
    await t.db.updateTable('stories').set({ title: 'Solo il titolo cambia' }).where('id', '=', a).execute();
    await expectReadModelToEqualRecount();
    await t.db.deleteFrom('stories').where('id', '=', a).execute();
    await expectReadModelToEqualRecount();
    expect(await countCompanyStoriesByState(t.db, shop)).toEqual({ overdue: 1 });
  });

  it('give the company page the same totals as counting its listed stories', async () => {
    const listed = await t.db
      .selectFrom('stories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', florist)
      .where('state', 'in', ['awaiting_reply', 'overdue', 'answered', 'resolved', 'unresolved', 'closed_no_verdict'])
      .executeTakeFirstOrThrow();
    const counts = await countCompanyStoriesByState(t.db, florist);
    expect(countListedStories(counts)).toBe(Number(listed.n));
    expect(countListedStories(counts, 'hidden')).toBe(0);
    const page = await findCompanyStories(t.db, florist, { limit: 2, offset: 0 });
    expect(page.total).toBe(Number(listed.n));
    expect(page.items.length).toBe(Math.min(2, Number(listed.n)));
  });
});

describe('the migration that adds the counts', () => {
  it('fills them from the stories already there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'answerable-read-models-'));
    const opened = openDatabase(join(dir, 'before.sqlite'));
    try {
      const migrator = new Migrator({ db: opened.db, provider: migrationProvider });
      const { error } = await migrator.migrateTo('2026-11-23T1300-workflow-indexes');
      expect(error).toBeUndefined();
      const a = await makeCompany(opened.db, 'Prima Azienda');
      const b = await makeCompany(opened.db, 'Seconda Azienda');
      for (const state of ['answered', 'answered', 'overdue'] as const) await makeStory(opened.db, a, null, { state });
      await makeStory(opened.db, b, null, { state: 'hidden' });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await countCompanyStoriesByState(opened.db, a)).toEqual({ answered: 2, overdue: 1 });
      expect(await countCompanyStoriesByState(opened.db, b)).toEqual({ hidden: 1 });
    } finally {
      await opened.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
