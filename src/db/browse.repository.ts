// Read models for the public pages (home, company list, company page, story page). Every query
// is bounded (LIMIT) and served by an index; aggregated figures come from company_stats.
import { sql } from 'kysely';
import { publicStates } from '../domain/story-workflow.ts';
import type { DB } from './client.ts';
import type { Channel, CompanyRow, CompanyStatsRow, StatsPeriod, StoryCategory, StoryState } from './schema.ts';

/** States a visitor may see in lists (hidden stories are left out; withdrawn ones show as tombstones only on their own page). */
export const listedStates: readonly StoryState[] = publicStates;

export interface StorySummary {
  id: number;
  title: string;
  state: StoryState;
  category: StoryCategory;
  language: 'it' | 'en';
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  companyId: number;
  companySlug: string;
  companyName: string;
  authorName: string | null;
  excerpt: string;
  messageCount: number;
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
      's.company_id',
      'c.slug as company_slug',
      'c.name as company_name',
      'u.display_name as author_name',
      sql<string>`substr(s.body, 1, 320)`.as('excerpt'),
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
  language: 'it' | 'en';
  published_at: number;
  reply_due_at: number;
  first_reply_at: number | null;
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
  };
}

/** Markdown source → a short plain-text teaser (no markup reaches the page, it is escaped anyway). */
export function plainExcerpt(markdown: string, max = 220): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).trimEnd()}…`;
}

export async function findRecentStories(db: DB, limit = 10): Promise<StorySummary[]> {
  const rows = await summarySelect(db)
    .where('s.state', 'in', listedStates)
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
};

/** Companies without statistics yet (no story) show as "not enough data". */
function toCompanyListItem(r: CompanyListRow): CompanyListItem {
  return {
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
    .where('c.merged_into_id', 'is', null);
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
    .where('c.merged_into_id', 'is', null);
  if (opts.sector) q = q.where('c.sector', '=', opts.sector);
  const rows = await q
    .select(['c.id', 'c.slug', 'c.name', 'c.sector', 'c.country', 'c.claimed_at', 'st.story_count', 'st.score', 'st.band', 'st.reply_rate'])
    .orderBy('st.score', direction === 'best' ? 'desc' : 'asc')
    .orderBy('st.story_count', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCompanyListItem);
}

export async function findCompanyBySlug(db: DB, slug: string): Promise<CompanyRow | null> {
  return (await db.selectFrom('companies').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function findCompanyStats(db: DB, companyId: number): Promise<CompanyStatsRow[]> {
  return db.selectFrom('company_stats').selectAll().where('company_id', '=', companyId).execute();
}

export async function findCompanyStories(
  db: DB,
  companyId: number,
  opts: { state?: StoryState; limit: number; offset: number },
): Promise<{ items: StorySummary[]; total: number }> {
  let q = summarySelect(db).where('s.company_id', '=', companyId);
  let c = db.selectFrom('stories').where('company_id', '=', companyId);
  if (opts.state) {
    q = q.where('s.state', '=', opts.state);
    c = c.where('state', '=', opts.state);
  } else {
    q = q.where('s.state', 'in', listedStates);
    c = c.where('state', 'in', listedStates);
  }
  const [rows, count] = await Promise.all([
    q.orderBy('s.published_at', 'desc').limit(opts.limit).offset(opts.offset).execute(),
    c.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(count.n) };
}

/** Counts per state for the filter tabs of a company page (one grouped query on an index). */
export async function countCompanyStoriesByState(db: DB, companyId: number): Promise<Partial<Record<StoryState, number>>> {
  const rows = await db
    .selectFrom('stories')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

export interface StoryPage {
  id: number;
  title: string;
  body: string;
  state: StoryState;
  stateBeforeHidden: StoryState | null;
  category: StoryCategory;
  language: 'it' | 'en';
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
  reopenedAt: number | null;
  closedAt: number | null;
  editedAt: number | null;
  withdrawnAt: number | null;
  evidenceVerified: boolean;
  authorId: number | null;
  authorName: string | null;
  company: Pick<CompanyRow, 'id' | 'slug' | 'name' | 'claimed_at' | 'sector' | 'country'>;
  channels: { channel: Channel; waitMinutes: number | null; answered: boolean }[];
  messages: { id: number; authorRole: 'consumer' | 'company'; authorName: string | null; body: string; createdAt: number; editedAt: number | null }[];
  photos: { id: string; width: number; height: number; alt: string | null }[];
}

export async function findStoryPage(db: DB, id: number): Promise<StoryPage | null> {
  const s = await db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .leftJoin('users as u', 'u.id', 's.author_id')
    .select([
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
      's.reopened_at',
      's.closed_at',
      's.edited_at',
      's.withdrawn_at',
      's.evidence_verified_at',
      's.author_id',
      'u.display_name as author_name',
      'c.id as company_id',
      'c.slug as company_slug',
      'c.name as company_name',
      'c.claimed_at as company_claimed_at',
      'c.sector as company_sector',
      'c.country as company_country',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!s) return null;
  const [channels, messages, photos] = await Promise.all([
    db.selectFrom('story_channels').selectAll().where('story_id', '=', id).execute(),
    db
      .selectFrom('story_messages as m')
      .leftJoin('users as u', 'u.id', 'm.author_id')
      .select(['m.id', 'm.author_role', 'u.display_name as author_name', 'm.body', 'm.created_at', 'm.edited_at'])
      .where('m.story_id', '=', id)
      .where('m.hidden_at', 'is', null)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('photos')
      .select(['id', 'width', 'height', 'alt'])
      .where('story_id', '=', id)
      .where('hidden_at', 'is', null)
      .orderBy('position')
      .execute(),
  ]);
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
    reopenedAt: s.reopened_at,
    closedAt: s.closed_at,
    editedAt: s.edited_at,
    withdrawnAt: s.withdrawn_at,
    evidenceVerified: s.evidence_verified_at !== null,
    authorId: s.author_id,
    authorName: s.author_name,
    company: {
      id: s.company_id,
      slug: s.company_slug,
      name: s.company_name,
      claimed_at: s.company_claimed_at,
      sector: s.company_sector,
      country: s.company_country,
    },
    channels: channels.map((c) => ({ channel: c.channel, waitMinutes: c.wait_minutes, answered: c.answered === 1 })),
    messages: messages.map((m) => ({
      id: m.id,
      authorRole: m.author_role,
      authorName: m.author_name,
      body: m.body,
      createdAt: m.created_at,
      editedAt: m.edited_at,
    })),
    photos,
  };
}

export async function countSiteTotals(db: DB): Promise<{ stories: number; companies: number }> {
  const [stories, companies] = await Promise.all([
    db
      .selectFrom('company_stats')
      .select((eb) => eb.fn.sum<number>('story_count').as('n'))
      .where('period', '=', 'all')
      .executeTakeFirstOrThrow(),
    db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into_id', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { stories: Number(stories.n ?? 0), companies: Number(companies.n) };
}
