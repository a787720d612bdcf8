// Read models for the public pages (home, company list, company page, story page). Every query
// is bounded (LIMIT) and served by an index; aggregated figures come from company_stats, and a
// company's story counts per state from company_story_counts (kept by triggers, see the
// migration 2026-11-23T1600-page-read-models). The plans are pinned by
// tests/integration/page-query-plans.test.ts.
import { sql } from 'kysely';
import { RULES_VERSION, type Period } from '../domain/scoring.ts';
import { publicStates } from '../domain/story-workflow.ts';
import type { DB } from './client.ts';
import type { Channel, CompanyRow, Locale, StatsPeriod, StoryCategory, StoryState } from './schema.ts';
import { preparedQuery } from './prepared-query.ts';
import { statsColumns, toCompanyStats, type CompanyStats } from './stats.repository.ts';

/** States a visitor may see in lists (hidden stories are left out; withdrawn ones show as tombstones only on their own page). */
export const listedStates: readonly StoryState[] = publicStates;

export interface StorySummary {
  id: number;
  title: string;
  state: StoryState;
  category: StoryCategory;
  language: Locale;
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  companyId: number;
  companySlug: string;
  companyName: string;
  authorName: string | null;
  excerpt: string;
  messageCount: number;
  /** Why the story does not count in the score yet (rule 8): under review after a burst, or an unverified author; null when it counts. */
  scoreHold: 'unverified' | 'review' | null;
}

function summarySelect(db: DB) {
  return db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .leftJoin('users as u', 'u.id', 's.author_id')
    .select([
      's.id',
      's.title',
      's.state',
      's.category',
      's.language',
      's.published_at',
      's.reply_due_at',
      's.first_reply_at',
      's.score_hold',
      's.company_id',
      'c.slug as company_slug',
      'c.name as company_name',
      'u.display_name as author_name',
      sql<string>`substr(s.body, 1, 320)`.as('excerpt'),
      // Read from the index story_messages_story_hidden alone (no message row is read).
      (eb) =>
        eb
          .selectFrom('story_messages as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.story_id', '=', 's.id')
          .where('m.hidden_at', 'is', null)
          .as('message_count'),
    ]);
}

type SummaryRow = {
  id: number;
  title: string;
  state: StoryState;
  category: StoryCategory;
  language: Locale;
  published_at: number;
  reply_due_at: number;
  first_reply_at: number | null;
  score_hold: 'unverified' | 'review' | null;
  company_id: number;
  company_slug: string;
  company_name: string;
  author_name: string | null;
  excerpt: string;
  message_count: number | null;
};

function toSummary(r: SummaryRow): StorySummary {
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    category: r.category,
    language: r.language,
    publishedAt: r.published_at,
    replyDueAt: r.reply_due_at,
    firstReplyAt: r.first_reply_at,
    companyId: r.company_id,
    companySlug: r.company_slug,
    companyName: r.company_name,
    authorName: r.author_name,
    excerpt: plainExcerpt(r.excerpt),
    messageCount: Number(r.message_count ?? 0),
    scoreHold: r.score_hold,
  };
}

/** Markdown source → a short plain-text teaser (no markup reaches the page, it is escaped anyway). */
export function plainExcerpt(markdown: string, max = 220): string {
  // Twenty of these per company page: the rare constructs are only looked for when present, and
  // markup characters and whitespace collapse to one space in a single pass.
  let text = markdown;
  if (text.includes('```')) text = text.replace(/```[\s\S]*?```/g, ' ');
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  text = text.replace(/[\s*_`>#~-]+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).trimEnd()}…`;
}

export async function findRecentStories(db: DB, limit = 10): Promise<StorySummary[]> {
  const rows = await summarySelect(db)
    // `+s.state`: not through the state index, whose rows (most of the site) would all be read
    // and sorted (~1 s at 150k stories); newest first through stories_published, stopping at
    // `limit` (decision 0046).
    .where(sql<string>`+s.state`, 'in', listedStates)
    // Stories about a company not yet listed (new, not reviewed) stay on its own page.
    .where('c.listed_at', 'is not', null)
    .orderBy('s.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export interface CompanyListItem {
  id: number;
  slug: string;
  name: string;
  sector: string;
  country: string;
  claimed: boolean;
  storyCount: number;
  score: number | null;
  band: string;
  replyRate: number | null;
  /** Stories the reply rate is over (answered or past their deadline); null without current details. */
  replyN: number | null;
  resolutionRate: number | null;
  /** Outcomes the resolution rate is over (verdicts, 30-day silences, closed without verdict). */
  resolutionN: number | null;
  /** Known only from imported public complaint data (score rules v2). */
  importedOnly: boolean;
}

type CompanyListRow = {
  id: number;
  slug: string;
  name: string;
  sector: string;
  country: string;
  claimed_at: number | null;
  story_count: number | null;
  score: number | null;
  band: string | null;
  reply_rate: number | null;
  resolution_rate: number | null;
  list_facts: string | null;
};

// The few details a list shows beside the rates, taken out of the stored JSON in the same row
// read (one json_extract, no query per row): [eligible, verdicts, silent, closedNoVerdict,
// importedOnly, rulesVersion].
const listFacts = sql<string | null>`json_extract(st.details, '$.counts.eligible', '$.counts.verdicts', '$.counts.silent', '$.counts.closedNoVerdict', '$.importedOnly', '$.rulesVersion')`.as('list_facts');

/** Counts behind the rates of a list row; details of other rules versions are not read. */
export function parseListFacts(text: string | null): { replyN: number | null; resolutionN: number | null; importedOnly: boolean } {
  const none = { replyN: null, resolutionN: null, importedOnly: false };
  if (!text) return none;
  const facts: unknown = JSON.parse(text);
  if (!Array.isArray(facts) || facts[5] !== RULES_VERSION) return none;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    replyN: num(facts[0]),
    resolutionN: num(facts[1]) + num(facts[2]) + num(facts[3]),
    importedOnly: facts[4] === true || facts[4] === 1,
  };
}

/** Companies without statistics yet (no story) show as "not enough data". */
function toCompanyListItem(r: CompanyListRow): CompanyListItem {
  return {
    ...parseListFacts(r.list_facts),
    resolutionRate: r.resolution_rate ?? null,
    id: r.id,
    slug: r.slug,
    name: r.name,
    sector: r.sector,
    country: r.country,
    claimed: r.claimed_at !== null,
    storyCount: r.story_count ?? 0,
    score: r.score ?? null,
    band: r.band ?? 'not_enough_data',
    replyRate: r.reply_rate ?? null,
  };
}

export async function listCompanies(
  db: DB,
  opts: { sector?: string; limit: number; offset: number; period?: StatsPeriod },
): Promise<{ items: CompanyListItem[]; total: number }> {
  const period = opts.period ?? '12m';
  let q = db
    .selectFrom('companies as c')
    .leftJoin('company_stats as st', (j) => j.onRef('st.company_id', '=', 'c.id').on('st.period', '=', period))
    .where('c.merged_into_id', 'is', null)
    .where('c.listed_at', 'is not', null);
  if (opts.sector) q = q.where('c.sector', '=', opts.sector);
  const [rows, count] = await Promise.all([
    q
      .select([
        'c.id',
        'c.slug',
        'c.name',
        'c.sector',
        'c.country',
        'c.claimed_at',
        'st.story_count',
        'st.score',
        'st.band',
        'st.reply_rate',
        'st.resolution_rate',
        listFacts,
      ])
      .orderBy('c.name')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map(toCompanyListItem),
  };
}

/** Companies ordered by score for the home page; only those with enough data. */
export async function findRankedCompanies(
  db: DB,
  direction: 'best' | 'worst',
  limit: number,
  opts: { sector?: string; period?: StatsPeriod } = {},
): Promise<CompanyListItem[]> {
  let q = db
    .selectFrom('company_stats as st')
    .innerJoin('companies as c', 'c.id', 'st.company_id')
    .where('st.period', '=', opts.period ?? '12m')
    .where('st.score', 'is not', null)
    .where('st.band', '!=', 'not_enough_data')
    .where('c.merged_into_id', 'is', null)
    .where('c.listed_at', 'is not', null);
  if (opts.sector) q = q.where('c.sector', '=', opts.sector);
  const rows = await q
    .select(['c.id', 'c.slug', 'c.name', 'c.sector', 'c.country', 'c.claimed_at', 'st.story_count', 'st.score', 'st.band', 'st.reply_rate', 'st.resolution_rate', listFacts])
    .orderBy('st.score', direction === 'best' ? 'desc' : 'asc')
    .orderBy('st.story_count', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCompanyListItem);
}

const scorecardRows = preparedQuery((db, companyId: number) =>
  db
    .selectFrom('company_stats')
    .select([
      ...statsColumns.filter((c) => c !== 'details'),
      sql<string>`case when period = '12m' then details else '{}' end`.as('details'),
    ])
    .where('company_id', '=', companyId),
);

/**
 * A company's figures in the three windows, for its page: one read, and only the 12-month window
 * brings its details (history, components, channels), the only ones the page shows — the JSON of
 * the other two windows is neither read nor parsed.
 */
export async function findCompanyScorecard(db: DB, companyId: number): Promise<Partial<Record<Period, CompanyStats>>> {
  const rows = await scorecardRows(db, companyId);
  return Object.fromEntries(rows.map((r) => [r.period, toCompanyStats(r)]));
}

/** How many stories a company has in each state (hidden and withdrawn included), from the read model. */
export async function countCompanyStoriesByState(db: DB, companyId: number): Promise<Partial<Record<StoryState, number>>> {
  const { rows } = await sql<{ state: StoryState; n: number }>`select state, n from company_story_counts where company_id = ${companyId} and n > 0`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Stories a visitor can list among `counts`: those in `state`, or in every listed state. */
export function countListedStories(counts: Partial<Record<StoryState, number>>, state?: StoryState): number {
  if (state) return listedStates.includes(state) ? (counts[state] ?? 0) : 0;
  return listedStates.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
}

// One page of a company's stories, newest first, in two reads: the ids from a covering index
// (the offset skips index entries, not rows), then those rows by primary key. Kept apart on
// purpose: with the ordered id scan inside the summary select, SQLite planned the whole statement
// again on every run (see findStoryPage), which cost more than reading the twenty rows.
const companyStoryIdsInListedStates = preparedQuery((db, companyId: number, limit: number, offset: number) =>
  db
    .selectFrom('stories')
    .select('id')
    .where('company_id', '=', companyId)
    .where('state', 'in', listedStates)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .offset(offset),
);

const companyStoryIdsInState = preparedQuery((db, companyId: number, state: StoryState, limit: number, offset: number) =>
  db
    .selectFrom('stories')
    .select('id')
    .where('company_id', '=', companyId)
    .where('state', '=', state)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .offset(offset),
);

/** Summary reads by id, one prepared statement per number of ids (a page holds at most `limit`). */
const summariesByIdCount = new Map<number, (db: DB, ...ids: number[]) => Promise<SummaryRow[]>>();

/** The summaries of `ids` in that order, leaving out any that left `states` since the ids were read. */
async function findSummariesInOrder(db: DB, ids: readonly number[], states: readonly StoryState[]): Promise<StorySummary[]> {
  if (ids.length === 0) return [];
  let read = summariesByIdCount.get(ids.length);
  if (!read) summariesByIdCount.set(ids.length, (read = preparedQuery((db: DB, ...placeholders: number[]) => summarySelect(db).where('s.id', 'in', placeholders))));
  const byId = new Map((await read(db, ...ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row && states.includes(row.state) ? [toSummary(row)] : [];
  });
}

/** One page of a company's listed stories (all listed states, or one of them), newest first. */
export async function listCompanyStories(db: DB, companyId: number, opts: { state?: StoryState; limit: number; offset: number }): Promise<StorySummary[]> {
  if (opts.state && !listedStates.includes(opts.state)) return [];
  const ids = opts.state
    ? await companyStoryIdsInState(db, companyId, opts.state, opts.limit, opts.offset)
    : await companyStoryIdsInListedStates(db, companyId, opts.limit, opts.offset);
  return findSummariesInOrder(
    db,
    ids.map((r) => r.id),
    opts.state ? [opts.state] : listedStates,
  );
}

/** A company's role on marketplace stories (decision 0037). */
export type MarketplaceRole = 'seller' | 'marketplace';

const marketplaceStoryIdsFor = (column: 'mp.seller_id' | 'mp.marketplace_id') =>
  preparedQuery((db, companyId: number, limit: number, offset: number) =>
    db
      .selectFrom('story_marketplaces as mp')
      .innerJoin('stories as s', 's.id', 'mp.story_id')
      .select('s.id')
      .where(column, '=', companyId)
      .where('s.state', 'in', listedStates)
      .orderBy('s.published_at', 'desc')
      .limit(limit)
      .offset(offset),
  );
const marketplaceStoryIds = { seller: marketplaceStoryIdsFor('mp.seller_id'), marketplace: marketplaceStoryIdsFor('mp.marketplace_id') };

/** One page of the listed stories in which the company was the seller (or the marketplace), newest first. */
export async function listCompanyMarketplaceStories(db: DB, companyId: number, role: MarketplaceRole, opts: { limit: number; offset: number }): Promise<StorySummary[]> {
  // The role decides the column, so each role has its own prepared statement.
  const ids = await marketplaceStoryIds[role](db, companyId, opts.limit, opts.offset);
  return findSummariesInOrder(
    db,
    ids.map((r) => r.id),
    listedStates,
  );
}

/** How many listed stories name the company as seller and as marketplace. */
export async function countCompanyMarketplaceStories(db: DB, companyId: number): Promise<Record<MarketplaceRole, number>> {
  const row = await db
    .selectFrom('story_marketplaces as mp')
    .innerJoin('stories as s', 's.id', 'mp.story_id')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('mp.seller_id', '=', companyId).then(1).else(0).end()).as('seller'),
      eb.fn.sum<number>(eb.case().when('mp.marketplace_id', '=', companyId).then(1).else(0).end()).as('marketplace'),
    ])
    .where((eb) => eb.or([eb('mp.seller_id', '=', companyId), eb('mp.marketplace_id', '=', companyId)]))
    .where('s.state', 'in', listedStates)
    .executeTakeFirst();
  return { seller: Number(row?.seller ?? 0), marketplace: Number(row?.marketplace ?? 0) };
}

export async function findCompanyStories(
  db: DB,
  companyId: number,
  opts: { state?: StoryState; limit: number; offset: number },
): Promise<{ items: StorySummary[]; total: number }> {
  const [items, counts] = await Promise.all([listCompanyStories(db, companyId, opts), countCompanyStoriesByState(db, companyId)]);
  return { items, total: countListedStories(counts, opts.state) };
}

/**
 * The directory contact the author picked for a channel (decision 0042): a menu path carries the
 * phone number it belongs to. Contacts found fake are not shown (a scam line is not advertised).
 */
export interface StoryContact {
  kind: string;
  value: string;
  costClass: string | null;
  withdrawn: boolean;
  phone: { value: string; costClass: string | null } | null;
}

export interface StoryPage {
  id: number;
  title: string;
  body: string;
  state: StoryState;
  stateBeforeHidden: StoryState | null;
  category: StoryCategory;
  language: Locale;
  source: 'member' | 'cfpb' | 'demo';
  experienceDate: string;
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  verdictAt: number | null;
  resolved: boolean | null;
  wouldBuyAgain: boolean | null;
  rating: number | null;
  verdictComment: string | null;
  /** Given or changed after its on-time window (score rules v2, rule 2). */
  verdictLate: boolean;
  reopenedAt: number | null;
  closedAt: number | null;
  editedAt: number | null;
  withdrawnAt: number | null;
  evidenceVerified: boolean;
  /** Why it does not count in the score yet (rule 8): shown on the page; null: it counts. */
  scoreHold: 'unverified' | 'review' | null;
  /** The company confirmed the (private) order reference. */
  verifiedCustomer: boolean;
  authorId: number | null;
  authorName: string | null;
  company: Pick<CompanyRow, 'id' | 'slug' | 'name' | 'claimed_at' | 'sector' | 'country'>;
  channels: { channel: Channel; waitMinutes: number | null; answered: boolean; contact: StoryContact | null }[];
  /** standardReply: a company reply sent, identical, to 5+ other stories within 30 days (rule 9). */
  messages: { id: number; authorRole: 'consumer' | 'company'; authorName: string | null; body: string; createdAt: number; editedAt: number | null; standardReply: boolean; /** Company replies: which company wrote it (null: the story's own). */ companyId: number | null }[];
  /** Bought through a marketplace: both companies and who the author holds responsible (the story's company). */
  marketplace: { seller: Pick<CompanyRow, 'id' | 'slug' | 'name'>; marketplace: Pick<CompanyRow, 'id' | 'slug' | 'name'>; responsible: 'seller' | 'marketplace' } | null;
  photos: { id: string; width: number; height: number; alt: string | null }[];
}

// The story page's four reads. Their shapes are chosen for SQLite: a statement whose plan joins
// tables or sorts on an index, with a bound parameter, is planned again at every run in this
// build (STAT4), which cost more than the read itself — so the company and the names come from
// correlated lookups on primary keys, and the few messages and photos are put in order here.
const storyPageRow = preparedQuery((db, id: number) =>
  db
    .selectFrom('stories as s')
    .select((eb) => [
      's.id',
      's.title',
      's.body',
      's.state',
      's.state_before_hidden',
      's.category',
      's.language',
      's.source',
      's.experience_date',
      's.published_at',
      's.reply_due_at',
      's.first_reply_at',
      's.verdict_at',
      's.resolved',
      's.would_buy_again',
      's.rating',
      's.verdict_comment',
      's.verdict_late',
      's.reopened_at',
      's.closed_at',
      's.edited_at',
      's.withdrawn_at',
      's.evidence_verified_at',
      's.score_hold',
      's.customer_confirmed_at',
      's.author_id',
      's.company_id',
      eb.selectFrom('users as u').select('u.display_name').whereRef('u.id', '=', 's.author_id').as('author_name'),
    ])
    .where('s.id', '=', id),
);

const storyPageCompany = preparedQuery((db, id: number) =>
  db.selectFrom('companies').select(['id', 'slug', 'name', 'claimed_at', 'sector', 'country']).where('id', '=', id),
);

const storyPageChannels = preparedQuery((db, id: number) =>
  db.selectFrom('story_channels').select(['channel', 'wait_minutes', 'answered', 'contact_id']).where('story_id', '=', id),
);

/** The contacts picked on a story's channels, and the phones their menu paths belong to (most stories pick none: no query). */
async function storyPageContacts(db: DB, ids: number[]): Promise<Map<number, StoryContact>> {
  const out = new Map<number, StoryContact>();
  if (ids.length === 0) return out;
  const columns = ['id', 'kind', 'value', 'cost_class', 'status', 'parent_id'] as const;
  // Never a look-alike: not one found fake, not one a "not this company's" report added, not one
  // awaiting confirmation that someone reported as not the company's (decision 0050).
  const rows = await db
    .selectFrom('company_contacts')
    .select(columns)
    .where('id', 'in', ids)
    .where('status', '!=', 'fake')
    .where('lookalike', '=', 0)
    .where(({ eb, exists, selectFrom, not }) =>
      eb.or([
        eb('status', '!=', 'pending'),
        not(exists(selectFrom('contact_reports as r').select('r.id').whereRef('r.contact_id', '=', 'company_contacts.id').where('r.kind', '=', 'fake').where('r.resolved_at', 'is', null))),
      ]),
    )
    .execute();
  const parentIds = rows.flatMap((r) => (r.kind === 'menu_path' && r.parent_id !== null ? [r.parent_id] : []));
  const parents = parentIds.length ? await db.selectFrom('company_contacts').select(columns).where('id', 'in', parentIds).execute() : [];
  const parentById = new Map(parents.map((p) => [p.id, p]));
  for (const r of rows) {
    const phone = r.parent_id === null ? undefined : parentById.get(r.parent_id);
    out.set(r.id, { kind: r.kind, value: r.value, costClass: r.cost_class, withdrawn: r.status === 'withdrawn', phone: phone ? { value: phone.value, costClass: phone.cost_class } : null });
  }
  return out;
}

const storyPageMessages = preparedQuery((db, id: number) =>
  db
    .selectFrom('story_messages as m')
    .select((eb) => [
      'm.id',
      'm.author_role',
      eb.selectFrom('users as u').select('u.display_name').whereRef('u.id', '=', 'm.author_id').as('author_name'),
      'm.body',
      'm.created_at',
      'm.edited_at',
      'm.standard_reply',
      'm.company_id',
    ])
    .where('m.story_id', '=', id)
    .where('m.hidden_at', 'is', null),
);

const storyPageMarketplace = preparedQuery((db, id: number) =>
  db.selectFrom('story_marketplaces').select(['seller_id', 'marketplace_id', 'responsible']).where('story_id', '=', id),
);

const storyPagePhotos = preparedQuery((db, id: number) =>
  db.selectFrom('photos').select(['id', 'width', 'height', 'alt', 'position']).where('story_id', '=', id).where('hidden_at', 'is', null),
);

export async function findStoryPage(db: DB, id: number): Promise<StoryPage | null> {
  const s = (await storyPageRow(db, id))[0];
  if (!s) return null;
  const [companies, channels, messages, photos, links] = await Promise.all([
    storyPageCompany(db, s.company_id),
    storyPageChannels(db, id),
    storyPageMessages(db, id),
    storyPagePhotos(db, id),
    storyPageMarketplace(db, id),
  ]);
  const company = companies[0];
  if (!company) return null;
  const contacts = await storyPageContacts(db, [...new Set(channels.flatMap((c) => (c.contact_id === null ? [] : [c.contact_id])))]);
  const link = links[0];
  let marketplace: StoryPage['marketplace'] = null;
  if (link) {
    const [seller, market] = await Promise.all([storyPageCompany(db, link.seller_id), storyPageCompany(db, link.marketplace_id)]);
    if (seller[0] && market[0]) {
      const pick = (c: (typeof seller)[number]) => ({ id: c.id, slug: c.slug, name: c.name });
      marketplace = { seller: pick(seller[0]), marketplace: pick(market[0]), responsible: link.responsible };
    }
  }
  messages.sort((a, b) => a.created_at - b.created_at || a.id - b.id);
  photos.sort((a, b) => a.position - b.position);
  const flag = (v: number | null) => (v === null ? null : v === 1);
  return {
    id: s.id,
    title: s.title,
    body: s.body,
    state: s.state,
    stateBeforeHidden: s.state_before_hidden,
    category: s.category,
    language: s.language,
    source: s.source,
    experienceDate: s.experience_date,
    publishedAt: s.published_at,
    replyDueAt: s.reply_due_at,
    firstReplyAt: s.first_reply_at,
    verdictAt: s.verdict_at,
    resolved: flag(s.resolved),
    wouldBuyAgain: flag(s.would_buy_again),
    rating: s.rating,
    verdictComment: s.verdict_comment,
    verdictLate: s.verdict_late === 1,
    reopenedAt: s.reopened_at,
    closedAt: s.closed_at,
    editedAt: s.edited_at,
    withdrawnAt: s.withdrawn_at,
    evidenceVerified: s.evidence_verified_at !== null,
    scoreHold: s.score_hold,
    verifiedCustomer: s.customer_confirmed_at !== null,
    authorId: s.author_id,
    authorName: s.author_name,
    company,
    channels: channels.map((c) => ({
      channel: c.channel,
      waitMinutes: c.wait_minutes,
      answered: c.answered === 1,
      contact: c.contact_id === null ? null : (contacts.get(c.contact_id) ?? null),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      authorRole: m.author_role,
      authorName: m.author_name,
      body: m.body,
      createdAt: m.created_at,
      editedAt: m.edited_at,
      standardReply: m.standard_reply === 1,
      companyId: m.company_id,
    })),
    marketplace,
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height, alt: p.alt })),
  };
}

/**
 * The holds (rule 8) of the stories among `ids` that do not count in the score yet: the search
 * index does not carry them (a hold changes without the story's text changing), so a result page
 * reads them by primary key, at most one page of ids.
 */
export async function findScoreHolds(db: DB, ids: readonly number[]): Promise<Map<number, 'unverified' | 'review'>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('stories').select(['id', 'score_hold']).where('id', 'in', [...ids]).where('score_hold', 'is not', null).execute();
  return new Map(rows.flatMap((r) => (r.score_hold === null ? [] : [[r.id, r.score_hold] as const])));
}

export async function countSiteTotals(db: DB): Promise<{ stories: number; companies: number }> {
  const [stories, companies] = await Promise.all([
    db
      .selectFrom('company_stats')
      .select((eb) => eb.fn.sum<number>('story_count').as('n'))
      .where('period', '=', 'all')
      .executeTakeFirstOrThrow(),
    db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into_id', 'is', null).where('listed_at', 'is not', null).executeTakeFirstOrThrow(),
  ]);
  return { stories: Number(stories.n ?? 0), companies: Number(companies.n) };
}
