// Writes imported stories in batches: one transaction per batch holding the companies, the
// stories, their channels and messages, and their search-index entries (or outbox rows when the
// index is Meilisearch). Used by the CFPB import and by the benchmark's corpus loader, so the
// benchmark measures the real import path.
//
// - Idempotent: a story is identified by (source, external_id); seen again, it is updated in
//   place (new content, new state), never duplicated. A story a moderator hid or its author
//   withdrew keeps that state (a hidden one gets the new state to return to).
// - Never half a story: if anything in a batch fails, the batch is rolled back and retried one
//   story per transaction, so only the failing stories are refused, each with its error.
// - Statements are prepared once and run synchronously on better-sqlite3 inside Kysely's
//   connection (db.connection()), so no other transaction can interleave on that connection.
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../db/client.ts';
import type { Channel, Flag, Locale, StoryCategory, StoryState } from '../db/schema.ts';
import { RESERVED_COMPANY_SLUGS, companyNameKey, normalizeDomain, slugify } from '../db/company.repository.ts';
import { type CompanySourceRow, toCompanyDocument, toStoryDocument } from '../search/documents.ts';
import { FtsBulkWriter } from './search-bulk.ts';

export interface ImportChannel {
  channel: Channel;
  waitMinutes: number | null;
  answered: boolean;
}

export interface ImportMessage {
  role: 'consumer' | 'company';
  body: string;
  createdAt: number;
}

export interface ImportCompany {
  name: string;
  country: string;
  sector: string;
  website?: string | null;
}

export interface ImportStory {
  source: 'cfpb' | 'demo';
  externalId: string;
  company: ImportCompany;
  title: string;
  body: string;
  experienceDate: string;
  category: StoryCategory;
  language: Locale;
  state: StoryState;
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  verdictAt: number | null;
  resolved: Flag | null;
  wouldBuyAgain: Flag | null;
  rating: number | null;
  verdictComment: string | null;
  closedAt: number | null;
  lastActivityAt: number;
  channels?: ImportChannel[];
  /** Thread messages, written when the story is created (an update leaves the thread alone). */
  messages?: ImportMessage[];
}

/**
 * Where index changes go: 'fts' writes the embedded FTS5 index in the same transaction;
 * 'outbox' writes story.upsert / company.upsert rows for the relay (Meilisearch); 'none' is for
 * measurements of the database alone.
 */
export type SearchMode = 'fts' | 'outbox' | 'none';

export interface BatchFailure {
  /** Position in the batch passed to write(). */
  index: number;
  error: string;
}

export interface BatchOutcome {
  imported: number;
  updated: number;
  failed: BatchFailure[];
  /** Ids of the stories written, in batch order (null where the story failed). */
  storyIds: (number | null)[];
}

export type CompanyInfo = CompanySourceRow;

interface ExistingStory {
  id: number;
  company_id: number;
  state: StoryState;
  hidden_at: number | null;
  withdrawn_at: number | null;
  order_reference: string | null;
}

const MAX_CACHED_COMPANIES = 50_000;

export class StoryBatchWriter {
  readonly #db: DB;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #now: number;
  readonly #mode: SearchMode;
  readonly #fts: FtsBulkWriter | null;
  readonly #s;
  readonly #companies = new Map<string, CompanyInfo>();
  /** Companies whose statistics the written stories change. */
  readonly touchedCompanyIds = new Set<number>();
  companiesCreated = 0;

  constructor(database: { db: DB; sqlite: BetterSqlite3.Database }, options: { now: number; search: SearchMode }) {
    this.#db = database.db;
    this.#sqlite = database.sqlite;
    this.#now = options.now;
    this.#mode = options.search;
    const sqlite = this.#sqlite;
    this.#fts = options.search === 'fts' ? new FtsBulkWriter(sqlite) : null;
    const companyCols = 'id, slug, name, domain, country, sector, merged_into_id, listed_at';
    this.#s = {
      companyByKey: sqlite.prepare<[string], CompanyInfo>(`select ${companyCols} from companies where name_key = ? order by id limit 1`),
      companyById: sqlite.prepare<[number], CompanyInfo>(`select ${companyCols} from companies where id = ?`),
      slugsLike: sqlite.prepare<[string, string], { slug: string }>(`select slug from companies where slug = ? or slug like ?`),
      insertCompany: sqlite.prepare(
        `insert into companies (slug, name, name_key, website, domain, country, sector, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      findStory: sqlite.prepare<[string, string], ExistingStory>(
        `select id, company_id, state, hidden_at, withdrawn_at, order_reference from stories where source = ? and external_id = ?`,
      ),
      insertStory: sqlite.prepare(
        `insert into stories (company_id, author_id, source, external_id, title, body, experience_date, category, language,
           state, published_at, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating, verdict_comment,
           closed_at, last_activity_at, created_at, updated_at)
         values (?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateStory: sqlite.prepare(
        `update stories set company_id = ?, title = ?, body = ?, experience_date = ?, category = ?, language = ?,
           state = ?, state_before_hidden = ?, published_at = ?, reply_due_at = ?, first_reply_at = ?, verdict_at = ?,
           resolved = ?, would_buy_again = ?, rating = ?, verdict_comment = ?, closed_at = ?, last_activity_at = ?,
           updated_at = ?, version = version + 1
         where id = ?`,
      ),
      deleteChannels: sqlite.prepare('delete from story_channels where story_id = ?'),
      insertChannel: sqlite.prepare('insert into story_channels (story_id, channel, wait_minutes, answered) values (?, ?, ?, ?)'),
      insertMessage: sqlite.prepare(
        'insert into story_messages (story_id, author_id, author_role, body, created_at) values (?, null, ?, ?, ?)',
      ),
      enqueue: sqlite.prepare(
        `insert into outbox (topic, kind, key, payload, created_at, available_at) values ('search', ?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Writes one batch; see the module comment for the guarantees. */
  async write(stories: readonly ImportStory[]): Promise<BatchOutcome> {
    return this.#db.connection().execute(async () => {
      try {
        return this.#transaction(stories);
      } catch {
        // Something in the batch failed: retry one story per transaction to isolate it.
        const outcome: BatchOutcome = { imported: 0, updated: 0, failed: [], storyIds: [] };
        stories.forEach((story, index) => {
          try {
            const one = this.#transaction([story]);
            outcome.imported += one.imported;
            outcome.updated += one.updated;
            outcome.storyIds.push(one.storyIds[0] ?? null);
          } catch (error) {
            outcome.failed.push({ index, error: (error as Error).message });
            outcome.storyIds.push(null);
          }
        });
        return outcome;
      }
    });
  }

  #transaction(stories: readonly ImportStory[]): BatchOutcome {
    const newCompanies: string[] = [];
    const touched = new Set<number>();
    let created = 0;
    try {
      const outcome = this.#sqlite.transaction(() => {
        const result: BatchOutcome = { imported: 0, updated: 0, failed: [], storyIds: [] };
        for (const story of stories) {
          const company = this.#company(story.company, newCompanies);
          if (company.created) created++;
          const { id, isNew, oldCompanyId } = this.#story(story, company.info);
          touched.add(company.info.id);
          if (oldCompanyId !== null && oldCompanyId !== company.info.id) touched.add(oldCompanyId);
          if (isNew) result.imported++;
          else result.updated++;
          result.storyIds.push(id);
        }
        this.#fts?.flush();
        return result;
      }).immediate();
      for (const id of touched) this.touchedCompanyIds.add(id);
      this.companiesCreated += created;
      return outcome;
    } catch (error) {
      this.#fts?.discard();
      for (const key of newCompanies) this.#companies.delete(key);
      throw error;
    }
  }

  /**
   * Finds or creates the company of an imported story, exactly as write() does (the bulk loader,
   * src/import/bulk-load.ts, shares it so both paths give the same ids and slugs). Call inside a
   * transaction; on rollback, pass `newCompanies` to forgetCompanies().
   */
  companyFor(input: ImportCompany, newCompanies: string[]): { info: CompanyInfo; created: boolean } {
    return this.#company(input, newCompanies);
  }

  forgetCompanies(keys: readonly string[]): void {
    for (const key of keys) this.#companies.delete(key);
  }

  #company(input: ImportCompany, newCompanies: string[]): { info: CompanyInfo; created: boolean } {
    const key = companyNameKey(input.name);
    const cached = this.#companies.get(key);
    if (cached) return { info: cached, created: false };
    let info = this.#s.companyByKey.get(key);
    for (let hops = 0; info && info.merged_into_id !== null && hops < 10; hops++) {
      info = this.#s.companyById.get(info.merged_into_id) ?? info;
      if (info.merged_into_id === info.id) break;
    }
    let created = false;
    if (!info) {
      const base = slugify(input.name);
      const used = new Set([...RESERVED_COMPANY_SLUGS, ...this.#s.slugsLike.all(base, `${base}-%`).map((r) => r.slug)]);
      let slug = base;
      for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
      const name = input.name.trim();
      const domain = normalizeDomain(input.website);
      const country = input.country.toUpperCase();
      const r = this.#s.insertCompany.run(slug, name, key, input.website ?? null, domain, country, input.sector, this.#now, this.#now);
      info = { id: Number(r.lastInsertRowid), slug, name, domain, country, sector: input.sector, merged_into_id: null, listed_at: 0 };
      created = true;
      newCompanies.push(key);
      const doc = toCompanyDocument(info);
      if (doc && this.#fts) this.#fts.upsertCompany(doc);
      if (this.#mode === 'outbox') this.#enqueue('company.upsert', `company:${info.id}`, { kind: 'company.upsert', companyId: info.id });
    }
    if (this.#companies.size >= MAX_CACHED_COMPANIES) this.#companies.clear();
    this.#companies.set(key, info);
    return { info, created };
  }

  #story(s: ImportStory, company: CompanyInfo): { id: number; isNew: boolean; oldCompanyId: number | null } {
    const existing = this.#s.findStory.get(s.source, s.externalId);
    const now = this.#now;
    let id: number;
    let state = s.state;
    let hiddenAt: number | null = null;
    let withdrawnAt: number | null = null;
    if (existing) {
      id = existing.id;
      // Moderation and withdrawal outrank the source: the import never makes such a story visible.
      const keep = existing.state === 'hidden' || existing.state === 'withdrawn';
      if (keep) state = existing.state;
      hiddenAt = existing.hidden_at;
      withdrawnAt = existing.withdrawn_at;
      this.#s.updateStory.run(
        company.id, s.title, s.body, s.experienceDate, s.category, s.language,
        state, existing.state === 'hidden' ? s.state : null, s.publishedAt, s.replyDueAt, s.firstReplyAt, s.verdictAt,
        s.resolved, s.wouldBuyAgain, s.rating, s.verdictComment, s.closedAt, s.lastActivityAt, now, id,
      );
      this.#s.deleteChannels.run(id);
    } else {
      const r = this.#s.insertStory.run(
        company.id, s.source, s.externalId, s.title, s.body, s.experienceDate, s.category, s.language,
        s.state, s.publishedAt, s.replyDueAt, s.firstReplyAt, s.verdictAt, s.resolved, s.wouldBuyAgain, s.rating,
        s.verdictComment, s.closedAt, s.lastActivityAt, now, now,
      );
      id = Number(r.lastInsertRowid);
      for (const m of s.messages ?? []) this.#s.insertMessage.run(id, m.role, m.body, m.createdAt);
    }
    const channels: Channel[] = [];
    for (const c of s.channels ?? []) {
      if (channels.includes(c.channel)) continue;
      channels.push(c.channel);
      this.#s.insertChannel.run(id, c.channel, c.waitMinutes, c.answered ? 1 : 0);
    }

    if (this.#fts) {
      const doc = toStoryDocument({
        story: {
          id,
          company_id: company.id,
          title: s.title,
          body: s.body,
          language: s.language,
          state,
          category: s.category,
          experience_date: s.experienceDate,
          published_at: s.publishedAt,
          reply_due_at: s.replyDueAt,
          hidden_at: hiddenAt,
          withdrawn_at: withdrawnAt,
          order_reference: existing?.order_reference ?? null,
        },
        company,
        channels,
      });
      if (doc) this.#fts.upsertStory(doc, !existing);
      else if (existing) this.#fts.removeStory(id);
    } else if (this.#mode === 'outbox') {
      this.#enqueue('story.upsert', `story:${id}`, { kind: 'story.upsert', storyId: id });
    }
    return { id, isNew: !existing, oldCompanyId: existing ? existing.company_id : null };
  }

  /** Same row shape as enqueueSearchEvent (src/db/outbox.repository.ts). */
  #enqueue(kind: string, key: string, payload: unknown): void {
    this.#s.enqueue.run(kind, key, JSON.stringify(payload), this.#now, this.#now);
  }
}
