// The mixed-traffic figure (quality.md, issue #18): many simulated people at once on the bench
// database, against the built server with its background workers on (search and mail outbox
// relays, the workflow scheduler), as `npm start` runs them in production.
//
// Each virtual user loops without think time: 85% anonymous reads (home, company pages of many
// companies, story pages of many stories, the search page with the bench's query mix on pages
// 1–3), 10% signed-in reads (own dashboard, company pages), 5% writes through the real forms with
// real sessions: publish (a consumer), reply (the verified representative of the story's company),
// verdict (the story's author), report (a consumer). Every writer has its own account and the
// client keeps each account under its per-user rate limits; a 429 is still counted apart.
// Afterwards: outbox lag when the load stops and time to drain, and every acknowledged write is
// looked up in the database, every acknowledged story in the search page.
import { Agent, request as httpRequest } from 'node:http';
import { createSession } from '../../src/auth/session.ts';
import { SESSION_COOKIE_BASE } from '../../src/auth/cookies.ts';
import { decideClaim, insertClaim } from '../../src/db/claim.repository.ts';
import type { OpenedDatabase } from '../../src/db/client.ts';
import { insertUser } from '../../src/db/user.repository.ts';
import { isCacheablePath } from '../../src/server/page-cache.ts';
import { rebuildAllCompanyStats } from '../../src/db/stats.repository.ts';
import { drainSearchOutbox } from '../../src/search/outbox-relay.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { refreshCompanyChannelFigures } from '../../src/db/channel-breakdown.repository.ts';
import type { Corpus } from './corpus.ts';
import { Rng } from './prng.ts';
import { queryMix } from './search-mix.ts';

export type Kind = 'anonymous' | 'signedIn' | 'write';
export type WriteOp = 'publish' | 'reply' | 'verdict' | 'report';

export interface MixedOptions {
  /** Virtual users (request loops) sharing `connections` keep-alive sockets. */
  users: number;
  connections: number;
  seconds: number;
  seed: number;
  /** Writer accounts (consumers) and companies given a verified representative. */
  writers: number;
  repCompanies: number;
  /** Signed-in readers (consumers with a session). */
  readers: number;
  log?: (message: string) => void;
}

export interface Account {
  userId: number;
  cookie: string;
}

export interface MixedSetup {
  storyIds: number[];
  companySlugs: string[];
  /** Companies with a verified representative: the stories published during the run name them. */
  repCompanies: { id: number; slug: string; name: string; rep: Account }[];
  writers: Account[];
  readers: Account[];
  /** A word that occurs in no corpus story: every story published during the run carries it. */
  tag: string;
}

/** Publishes per member and hour (PUBLISH_LIMIT), replies per person and hour (REPLY_LIMIT), reports per user and hour. */
export const CLIENT_LIMITS = { publish: 10, reply: 30, report: 10 } as const;

// --- set-up -----------------------------------------------------------------------------------------

export interface CatchUp {
  ms: number;
  overdue: number;
  closed: number;
  searchRows: number;
  /** Company pages' channel tables stored for the caught-up statistics (decision 0048). */
  channelTables: number;
}

/**
 * The corpus is generated at a fixed "now" (reproducible figures), weeks before the real clock the
 * server runs on: its first ticks would find thousands of stories past their deadlines and every
 * company's statistics a month old, a backlog no running site has. Bring the database to the real
 * clock first — statistics recomputed, the scheduler's ticks run until they find nothing (as
 * `npm run tick` from cron would), the search outbox drained — so the figure measures the workers
 * in their steady state, not a catch-up after a month's stop.
 */
export async function catchUpToNow(bench: OpenedDatabase): Promise<CatchUp> {
  const t = performance.now();
  await rebuildAllCompanyStats(bench.db, Date.now());
  let overdue = 0;
  let closed = 0;
  for (;;) {
    const r = await runTick(bench.db, Date.now(), { batch: 5000 });
    overdue += r.overdue;
    closed += r.closed;
    if (r.overdue + r.closed + r.followupsSent + r.verdictReminders + r.statsRefreshed === 0) break;
  }
  // What the ticks of a running site have stored by now: every company's channel table.
  const channelTables = await refreshCompanyChannelFigures(bench.db);
  const index = new SqliteFtsIndex(bench);
  let searchRows = 0;
  for (;;) {
    const r = await drainSearchOutbox(bench.db, index, { batchSize: 500 });
    searchRows += r.processed;
    if (r.processed === 0) break;
  }
  return { ms: Math.round(performance.now() - t), overdue, closed, searchRows, channelTables };
}

/**
 * Accounts and sessions written into the bench database the way the test harnesses do (users
 * through the user repository, sessions as sign-in creates them, claims through the claim
 * repository, then decided "verified" as a confirmed domain e-mail does).
 */
export async function prepareMixed(bench: OpenedDatabase, corpus: Corpus, opts: MixedOptions): Promise<MixedSetup> {
  const rng = new Rng(opts.seed ^ 0x3d1e);
  const now = Date.now();
  const tag = `mixq${opts.seed.toString(36)}z`;
  const sq = bench.sqlite;
  // Visible stories and companies with stories: the anonymous readers' spread.
  const sampled = sq.prepare('select s.id, c.slug from stories s join companies c on c.id = s.company_id where s.hidden_at is null and s.withdrawn_at is null order by random() limit 20000').all() as { id: number; slug: string }[];
  const storyIds = sampled.map((r) => r.id);
  // Company pages are visited in proportion to their stories (the companies of the sampled
  // stories, repeats kept): big companies often, the long tail too.
  const companySlugs = sampled.map((r) => r.slug);
  const companies = sq.prepare('select c.id, c.slug, c.name from companies c where exists (select 1 from stories s where s.company_id = c.id) order by random() limit 5000').all() as { id: number; slug: string; name: string }[];
  const unclaimed = sq.prepare("select 1 from company_claims where company_id = ? and status in ('verified', 'approved')");
  const repTargets = companies.filter((c) => !unclaimed.get(c.id)).slice(0, opts.repCompanies);
  const account = async (email: string, name: string, role: 'consumer' | 'company_rep'): Promise<Account> => {
    const existing = sq.prepare('select id from users where email = ?').get(email) as { id: number } | undefined;
    const userId = existing?.id ?? (await insertUser(bench.db, { email, display_name: name, password_hash: 'not-a-password-hash', role, locale: rng.next() < 0.5 ? 'it' : 'en', created_at: now, email_verified_at: now }));
    const { token } = await createSession(bench.db, userId, { now });
    return { userId, cookie: `${SESSION_COOKIE_BASE}=${token}` };
  };
  const writers: Account[] = [];
  for (let i = 0; i < opts.writers; i++) writers.push(await account(`mixed-writer-${i}@bench.invalid`, `Scrittore ${i}`, 'consumer'));
  const readers: Account[] = [];
  for (let i = 0; i < opts.readers; i++) readers.push(await account(`mixed-reader-${i}@bench.invalid`, `Lettore ${i}`, 'consumer'));
  const repCompanies: MixedSetup['repCompanies'] = [];
  for (const [i, c] of repTargets.entries()) {
    const rep = await account(`mixed-rep-${i}@bench.invalid`, `Assistenza ${i}`, 'company_rep');
    const claimId = await insertClaim(bench.db, { companyId: c.id, userId: rep.userId, method: 'domain_email', email: `care-${i}@bench.invalid`, note: null, createdAt: now });
    await decideClaim(bench.db, claimId, { status: 'verified', decidedAt: now, decidedBy: null });
    repCompanies.push({ ...c, rep });
  }
  void corpus;
  return { storyIds, companySlugs, repCompanies, writers, readers, tag };
}

// --- the read mix ---------------------------------------------------------------------------------

/** Search page URLs from the bench's query mix (scripts/bench/search-mix.ts), pages 1–3. */
export function searchUrls(corpus: Corpus): string[] {
  const urls: string[] = [];
  for (const { query } of queryMix(corpus)) {
    const p = new URLSearchParams();
    p.set('q', query.q);
    const f = query.filters ?? {};
    for (const v of f.states ?? []) p.append('state', v);
    for (const v of f.categories ?? []) p.append('category', v);
    for (const v of f.channels ?? []) p.append('channel', v);
    for (const v of f.countries ?? []) p.append('country', v);
    if (f.from) p.set('from', f.from);
    if (query.sort && query.sort !== 'relevance') p.set('sort', query.sort);
    const lang = /[àèéìòù]/.test(query.q) || urls.length % 2 === 0 ? 'it' : 'en';
    for (const page of [1, 2, 3]) {
      const q = new URLSearchParams(p);
      if (page > 1) q.set('page', String(page));
      urls.push(`/${lang}/search?${q.toString()}`);
    }
  }
  return urls;
}

/** One anonymous read: home 10%, company 30%, story 35%, search 25% (page 1 70%, 2 20%, 3 10%). */
export function anonymousPath(rng: Rng, setup: Pick<MixedSetup, 'storyIds' | 'companySlugs'>, search: string[]): { page: string; path: string } {
  const lang = rng.next() < 0.7 ? 'it' : 'en';
  const r = rng.next();
  if (r < 0.1) return { page: 'home', path: `/${lang}` };
  if (r < 0.4) return { page: 'company', path: `/${lang}/companies/${setup.companySlugs[rng.int(0, setup.companySlugs.length - 1)]}` };
  if (r < 0.75) return { page: 'story', path: `/${lang}/stories/${setup.storyIds[rng.int(0, setup.storyIds.length - 1)]}` };
  const query = rng.int(0, search.length / 3 - 1) * 3;
  const p = rng.next();
  return { page: 'search', path: search[query + (p < 0.7 ? 0 : p < 0.9 ? 1 : 2)]! };
}

// --- measuring -------------------------------------------------------------------------------------------

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.ceil(h)]! - sorted[lo]!);
}

interface Answer {
  status: number;
  location: string | null;
  pageCache: string | null;
  body: string;
  /** From the moment a socket carried the request to the end of the response. */
  ms: number;
}

export interface KindFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

export interface AckedStory {
  id: number;
  author: Account;
  company: MixedSetup['repCompanies'][number];
  title: string;
  token: string;
}

export interface MixedResult {
  users: number;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  byKind: Record<Kind, KindFigures>;
  byPage: Record<string, KindFigures>;
  writes: Record<WriteOp, { attempted: number; acknowledged: number; rateLimited: number }>;
  /** 2xx/3xx answers other than expected, 5xx, socket errors: the figure must be 0. */
  errors: number;
  errorSamples: string[];
  rateLimited: number;
  /** Pages the cache may hold (anonymous GETs): share answered from the cache. */
  pageCache: { cacheable: number; hits: number; hitRate: number | null; personalised: number };
  outbox: { pendingAtStop: Record<string, number>; drainSeconds: number | null; pendingAfterDrain: number };
  sqliteBusy: number;
  verification: {
    stories: { acknowledged: number; missing: number; missingInSearch: number };
    replies: { acknowledged: number; missing: number };
    verdicts: { acknowledged: number; missing: number };
    reports: { acknowledged: number; missing: number };
  };
}

function summarise(times: number[]): KindFigures {
  const s = [...times].sort((a, b) => a - b);
  const r = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(2)) : NaN);
  return { requests: s.length, p50Ms: r(percentile(s, 0.5)), p99Ms: r(percentile(s, 0.99)) };
}

/** Counts SQLITE_BUSY / "database is locked" in what the server writes (src/db/transaction.ts logs each retry). */
export function busyCounter(child: { stdout: NodeJS.ReadableStream | null; stderr: NodeJS.ReadableStream | null }): () => number {
  let count = 0;
  let tail = '';
  const scan = (chunk: Buffer) => {
    const text = tail + chunk.toString();
    count += (text.match(/SQLITE_BUSY|SQLITE_LOCKED|database is locked/g) ?? []).length - (tail.match(/SQLITE_BUSY|SQLITE_LOCKED|database is locked/g) ?? []).length;
    tail = text.slice(-40);
  };
  child.stdout?.on('data', scan);
  child.stderr?.on('data', scan);
  return () => count;
}

export async function runMixed(
  baseUrl: string,
  bench: OpenedDatabase,
  corpus: Corpus,
  setup: MixedSetup,
  opts: MixedOptions & { busy: () => number; warmupSeconds?: number },
): Promise<MixedResult> {
  const log = opts.log ?? (() => undefined);
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const search = searchUrls(corpus);
  const rng = new Rng(opts.seed ^ 0x61c5);

  const send = (method: 'GET' | 'POST', path: string, cookie: string | null, form?: Record<string, string>, keepBody = false): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'text/html' };
      if (cookie) headers.cookie = cookie;
      let body: string | undefined;
      if (form) {
        body = new URLSearchParams(form).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
        headers['content-length'] = String(Buffer.byteLength(body));
        // As a browser on our own pages: the cross-site check (Origin, Sec-Fetch-Site) passes.
        headers.origin = url.origin;
        headers['sec-fetch-site'] = 'same-origin';
      }
      let started = 0;
      const req = httpRequest({ host: url.hostname, port: url.port, path, method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          if (keepBody) chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: (res.headers.location as string | undefined) ?? null,
            pageCache: (res.headers['x-page-cache'] as string | undefined) ?? null,
            body: keepBody ? Buffer.concat(chunks).toString() : '',
            ms: performance.now() - started,
          }),
        );
      });
      req.on('socket', () => {
        started = performance.now();
      });
      req.on('error', reject);
      req.end(body);
    });

  // --- write state: stories move publish → reply → verdict; reports on corpus stories -----------------
  const acked = { stories: [] as AckedStory[], replies: [] as { storyId: number; body: string }[], verdicts: [] as { storyId: number; rating: number }[], reports: [] as { storyId: number; userId: number }[] };
  const awaitingReply: AckedStory[] = [];
  const awaitingVerdict: AckedStory[] = [];
  const used = { publish: new Map<number, number>(), reply: new Map<number, number>(), report: new Map<number, number>() };
  const take = (kind: keyof typeof used, accounts: Account[], start: number): Account | null => {
    for (let i = 0; i < accounts.length; i++) {
      const a = accounts[(start + i) % accounts.length]!;
      const n = used[kind].get(a.userId) ?? 0;
      if (n < CLIENT_LIMITS[kind]) {
        used[kind].set(a.userId, n + 1);
        return a;
      }
    }
    return null;
  };
  const writes: MixedResult['writes'] = {
    publish: { attempted: 0, acknowledged: 0, rateLimited: 0 },
    reply: { attempted: 0, acknowledged: 0, rateLimited: 0 },
    verdict: { attempted: 0, acknowledged: 0, rateLimited: 0 },
    report: { attempted: 0, acknowledged: 0, rateLimited: 0 },
  };
  let sequence = 0;
  let writeTurn = 0;
  const reportedStories = new Set<number>();

  interface Outcome {
    answer: Answer;
    ok: boolean;
    page: string;
  }

  async function write(): Promise<Outcome | null> {
    const turn = writeTurn++ % 4;
    const op: WriteOp = turn === 1 && awaitingReply.length ? 'reply' : turn === 2 && awaitingVerdict.length ? 'verdict' : turn === 3 ? 'report' : 'publish';
    if (op === 'reply') {
      const story = awaitingReply.shift()!;
      const rep = story.company.rep;
      if ((used.reply.get(rep.userId) ?? 0) >= CLIENT_LIMITS.reply) return null;
      used.reply.set(rep.userId, (used.reply.get(rep.userId) ?? 0) + 1);
      const body = `Gentile cliente, abbiamo verificato la pratica ${story.token}: il rimborso parte oggi (risposta ${++sequence}).`;
      writes.reply.attempted++;
      const answer = await send('POST', `/it/stories/${story.id}`, rep.cookie, { _action: 'reply', body });
      const ok = answer.status === 303 && (answer.location ?? '').endsWith('#thread-h');
      if (ok) {
        writes.reply.acknowledged++;
        acked.replies.push({ storyId: story.id, body });
        awaitingVerdict.push(story);
      } else if (answer.status === 429) writes.reply.rateLimited++;
      return { answer, ok, page: 'reply' };
    }
    if (op === 'verdict') {
      const story = awaitingVerdict.shift()!;
      const rating = 1 + (story.id % 5);
      writes.verdict.attempted++;
      const answer = await send('POST', `/it/stories/${story.id}`, story.author.cookie, { _action: 'verdict', resolved: rating >= 3 ? 'yes' : 'no', wouldBuyAgain: rating >= 4 ? 'yes' : 'no', rating: String(rating), comment: '' });
      const ok = answer.status === 303;
      if (ok) {
        writes.verdict.acknowledged++;
        acked.verdicts.push({ storyId: story.id, rating });
      } else if (answer.status === 429) writes.verdict.rateLimited++;
      return { answer, ok, page: 'verdict' };
    }
    if (op === 'report') {
      const reporter = take('report', setup.writers, rng.int(0, setup.writers.length - 1));
      if (!reporter) return null;
      let storyId = setup.storyIds[rng.int(0, setup.storyIds.length - 1)]!;
      for (let i = 0; reportedStories.has(storyId) && i < 10; i++) storyId = setup.storyIds[rng.int(0, setup.storyIds.length - 1)]!;
      reportedStories.add(storyId);
      writes.report.attempted++;
      const answer = await send('POST', `/it/report?target=story:${storyId}`, reporter.cookie, {
        targetKind: 'story',
        targetId: String(storyId),
        reason: 'spam',
        location: 'secondo paragrafo',
        explanation: 'Sembra un messaggio pubblicitario ripetuto, non una storia vera di un cliente.',
        goodFaith: 'on',
        reporterKind: 'consumer',
      });
      // The report page answers 200 with its "received" notice (no redirect).
      const ok = answer.status === 200;
      if (ok) {
        writes.report.acknowledged++;
        acked.reports.push({ storyId, userId: reporter.userId });
      } else if (answer.status === 429) writes.report.rateLimited++;
      return { answer, ok, page: 'report' };
    }
    const author = take('publish', setup.writers, sequence);
    if (!author || setup.repCompanies.length === 0) return null;
    const n = ++sequence;
    const company = setup.repCompanies[n % setup.repCompanies.length]!;
    const token = `${setup.tag}${n}`;
    const title = `Rimborso mai arrivato ${token}`;
    writes.publish.attempted++;
    const answer = await send('POST', '/it/publish', author.cookie, {
      companySlug: company.slug,
      companyName: company.name,
      title,
      body: `Ho restituito il prodotto ${token} un mese fa: il corriere ha confermato la consegna al magazzino, ma il rimborso non è mai arrivato e nessuno risponde alle mail.`,
      experienceDate: '2026-10-01',
      category: 'refund',
      language: 'it',
      channels: 'email',
      wait_email: '30',
      unit_email: 'minutes',
      intent: 'publish',
    });
    const id = /^\/it\/stories\/(\d+)$/.exec(answer.location ?? '')?.[1];
    const ok = answer.status === 303 && id !== undefined;
    if (ok) {
      writes.publish.acknowledged++;
      const story = { id: Number(id), author, company, title, token };
      acked.stories.push(story);
      awaitingReply.push(story);
    } else if (answer.status === 429) writes.publish.rateLimited++;
    return { answer, ok, page: 'publish' };
  }

  const times: Record<Kind, number[]> = { anonymous: [], signedIn: [], write: [] };
  const pageTimes = new Map<string, number[]>();
  const all: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let rateLimited = 0;
  const pageCache = { cacheable: 0, hits: 0, personalised: 0 };
  let measuring = false;
  let stopAt = 0;
  const signedIn = [...setup.readers, ...setup.repCompanies.map((c) => c.rep)];

  async function once(forced?: Kind): Promise<void> {
    const r = rng.next();
    const kind: Kind = forced ?? (r < 0.85 ? 'anonymous' : r < 0.95 ? 'signedIn' : 'write');
    let outcome: Outcome | null;
    try {
      if (kind === 'anonymous') {
        const { page, path } = anonymousPath(rng, setup, search);
        const answer = await send('GET', path, null);
        outcome = { answer, ok: answer.status >= 200 && answer.status < 400, page };
        if (measuring && outcome.ok && isCacheablePath(path.split('?')[0]!)) {
          pageCache.cacheable++;
          if (answer.pageCache === 'hit') pageCache.hits++;
        }
      } else if (kind === 'signedIn') {
        const who = signedIn[rng.int(0, signedIn.length - 1)]!;
        const lang = rng.next() < 0.7 ? 'it' : 'en';
        const dashboard = rng.next() < 0.4;
        const path = dashboard ? `/${lang}/dashboard` : `/${lang}/companies/${setup.companySlugs[rng.int(0, setup.companySlugs.length - 1)]}`;
        const answer = await send('GET', path, who.cookie);
        outcome = { answer, ok: answer.status === 200, page: dashboard ? 'dashboard' : 'company (signed in)' };
        if (measuring && answer.pageCache === 'personalised') pageCache.personalised++;
      } else {
        outcome = await write();
        if (!outcome) return;
      }
    } catch (error) {
      errors++;
      if (errorSamples.length < 10) errorSamples.push(`socket: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const { answer, ok, page } = outcome;
    if (answer.status === 429) rateLimited++;
    else if (!ok) {
      errors++;
      if (errorSamples.length < 10) errorSamples.push(`${page}: ${answer.status} ${answer.location ?? ''}`);
    }
    if (!measuring) return;
    times[kind].push(answer.ms);
    all.push(answer.ms);
    const list = pageTimes.get(page);
    if (list) list.push(answer.ms);
    else pageTimes.set(page, [answer.ms]);
  }

  const warmup = (opts.warmupSeconds ?? 2) * 1000;
  const begin = performance.now();
  stopAt = begin + warmup + opts.seconds * 1000;
  let measuredFrom = begin;
  setTimeout(() => {
    measuring = true;
    measuredFrom = performance.now();
  }, warmup);
  const loop = async () => {
    while (performance.now() < stopAt) await once();
  };
  await Promise.all(Array.from({ length: opts.users }, loop));
  const elapsed = (performance.now() - measuredFrom) / 1000;

  // --- outbox lag -------------------------------------------------------------------------------------
  const pendingStmt = bench.sqlite.prepare('select topic, count(*) as n from outbox where processed_at is null and parked_at is null group by topic');
  const pending = () => Object.fromEntries((pendingStmt.all() as { topic: string; n: number }[]).map((r) => [r.topic, r.n]));
  const pendingAtStop = pending();
  const drainStart = performance.now();
  let drainSeconds: number | null = null;
  for (;;) {
    const left = Object.values(pending()).reduce((a, b) => a + b, 0);
    if (left === 0) {
      drainSeconds = Number(((performance.now() - drainStart) / 1000).toFixed(2));
      break;
    }
    if (performance.now() - drainStart > 120_000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // Stories left half-way (published, not yet answered or judged) finish their course now, outside
  // the measurement, so every run exercises every form; then the outbox drains again.
  measuring = false;
  stopAt = Infinity;
  const settle = async () => {
    while (awaitingReply.length || awaitingVerdict.length) {
      writeTurn = awaitingReply.length ? 1 : 2;
      await once('write');
    }
  };
  await Promise.all(Array.from({ length: 4 }, settle));
  agent.destroy();
  for (const t0 = performance.now(); Object.values(pending()).reduce((a, b) => a + b, 0) > 0 && performance.now() - t0 < 120_000; ) await new Promise((r) => setTimeout(r, 50));
  const pendingAfterDrain = Object.values(pending()).reduce((a, b) => a + b, 0);
  log(`  [mixed] outbox pending at stop ${JSON.stringify(pendingAtStop)}, drained in ${drainSeconds ?? 'n/a (timeout)'} s`);

  // --- every acknowledged write is there, every acknowledged story is found by search ---------------------
  const sq = bench.sqlite;
  const storyRow = sq.prepare<[number], { title: string; author_id: number }>('select title, author_id from stories where id = ? and hidden_at is null and withdrawn_at is null');
  const replyRow = sq.prepare("select 1 from story_messages where story_id = ? and body = ? and author_role = 'company'");
  const verdictRow = sq.prepare('select 1 from stories where id = ? and verdict_at is not null and rating = ?');
  const reportRow = sq.prepare("select 1 from reports where target_kind = 'story' and target_id = ? and reporter_id = ?");
  let storiesMissing = 0;
  for (const s of acked.stories) {
    const row = storyRow.get(s.id);
    if (!row || row.title !== s.title || row.author_id !== s.author.userId) storiesMissing++;
  }
  const repliesMissing = acked.replies.filter((r) => !replyRow.get(r.storyId, r.body)).length;
  const verdictsMissing = acked.verdicts.filter((v) => !verdictRow.get(v.storyId, v.rating)).length;
  const reportsMissing = acked.reports.filter((r) => !reportRow.get(String(r.storyId), r.userId)).length;
  const searchAgent = new Agent({ keepAlive: true, maxSockets: 4 });
  let missingInSearch = 0;
  try {
    for (const s of acked.stories) {
      const answer = await new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: url.hostname, port: url.port, path: `/it/search?q=${encodeURIComponent(s.token)}`, headers: { accept: 'text/html' }, agent: searchAgent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(`${res.statusCode} ${Buffer.concat(chunks).toString()}`));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });
      if (!answer.startsWith('200 ') || !answer.includes(`/it/stories/${s.id}"`)) missingInSearch++;
    }
  } finally {
    searchAgent.destroy();
  }

  const round = (x: number) => Number(x.toFixed(2));
  const sorted = [...all].sort((a, b) => a - b);
  return {
    users: opts.users,
    connections: opts.connections,
    seconds: opts.seconds,
    requests: all.length,
    reqPerSec: Math.round(all.length / elapsed),
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    byKind: { anonymous: summarise(times.anonymous), signedIn: summarise(times.signedIn), write: summarise(times.write) },
    byPage: Object.fromEntries([...pageTimes].map(([page, t]) => [page, summarise(t)])),
    writes,
    errors,
    errorSamples,
    rateLimited,
    pageCache: { ...pageCache, hitRate: pageCache.cacheable ? Number((pageCache.hits / pageCache.cacheable).toFixed(3)) : null },
    outbox: { pendingAtStop, drainSeconds, pendingAfterDrain },
    sqliteBusy: opts.busy(),
    verification: {
      stories: { acknowledged: acked.stories.length, missing: storiesMissing, missingInSearch },
      replies: { acknowledged: acked.replies.length, missing: repliesMissing },
      verdicts: { acknowledged: acked.verdicts.length, missing: verdictsMissing },
      reports: { acknowledged: acked.reports.length, missing: reportsMissing },
    },
  };
}
