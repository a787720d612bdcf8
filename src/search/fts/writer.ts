// Writes to the FTS5 index's tables: a story is a row of search_stories, an entry of the FTS5
// table under its doc key, and its share of search_facet_counts; a company is a row of
// search_companies and an entry of its FTS5 table. The same prepared writes serve the live
// tables and a rebuild's staging copy (rebuild.ts). Each story write returns what it changed,
// for the in-memory filter columns (column-cache.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { type CompanyDocument, type StoryDocument, channelMask, channelsOf } from '../search-index.ts';
import type { FilterColumnRow } from './filter-columns.ts';
import { storyDocKey } from './doc-keys.ts';
import type { FacetRow } from './facets.ts';
import { companyNameSearchText } from '../../domain/company-name.ts';

export interface TableNames {
  stories: string;
  fts: string;
  facets: string;
  companies: string;
  companiesFts: string;
}

/** The index's tables, each name followed by `suffix` ('' for the live ones). */
export function tableNames(suffix: string): TableNames {
  return {
    stories: `search_stories${suffix}`,
    fts: `search_stories_fts${suffix}`,
    facets: `search_facet_counts${suffix}`,
    companies: `search_companies${suffix}`,
    companiesFts: `search_companies_fts${suffix}`,
  };
}

export const liveTables = tableNames('');

/**
 * Bumps the index generation: every write to the live tables does, so that the filter columns
 * and cached results can tell the index changed (column-cache.ts, select.ts).
 */
export const BUMP_GENERATION = `insert into search_meta (key, value) values ('generation', '1')
  on conflict (key) do update set value = cast(cast(value as integer) + 1 as text)`;

/** A story written (row) or removed (null) by a write, for the in-memory filter columns. */
export interface ColumnChange {
  key: number;
  row: FilterColumnRow | null;
}

interface StoryRowInIndex extends FacetRow {
  doc_key: number;
  story_id: number;
}

/** Prepared writes against one set of tables (the live ones, or a rebuild's staging copy). */
export class Writer {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #s;
  readonly #live: boolean;
  constructor(sqlite: BetterSqlite3.Database, t: TableNames) {
    this.#sqlite = sqlite;
    // A rebuild's staging tables are not the index yet: the swap bumps the generation once.
    this.#live = t.stories === liveTables.stories;
    this.#s = {
      findStory: sqlite.prepare<[number], StoryRowInIndex>(
        `select doc_key, story_id, state, category, channel_mask, country from ${t.stories} where story_id = ?`,
      ),
      keyTaken: sqlite.prepare<[number], { story_id: number }>(`select story_id from ${t.stories} where doc_key = ?`),
      deleteStory: sqlite.prepare(`delete from ${t.stories} where doc_key = ?`),
      deleteFts: sqlite.prepare(`delete from ${t.fts} where rowid = ?`),
      insertStory: sqlite.prepare(
        `insert into ${t.stories} (doc_key, story_id, company_id, company_slug, company_name, country, state, category,
          channel_mask, language, experience_date, published_at, published_day, reply_due_at, overdue_rank)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: sqlite.prepare(`insert into ${t.fts} (rowid, title, company, body) values (?, ?, ?, ?)`),
      bumpFacet: sqlite.prepare(
        `insert into ${t.facets} (facet, value, count) values (?, ?, ?)
         on conflict (facet, value) do update set count = count + excluded.count`,
      ),
      deleteCompany: sqlite.prepare(`delete from ${t.companies} where company_id = ?`),
      deleteCompanyFts: sqlite.prepare(`delete from ${t.companiesFts} where rowid = ?`),
      insertCompany: sqlite.prepare(
        `insert into ${t.companies} (company_id, slug, name, domain, country, sector) values (?, ?, ?, ?, ?, ?)`,
      ),
      insertCompanyFts: sqlite.prepare(`insert into ${t.companiesFts} (rowid, name, domain) values (?, ?, ?)`),
      markDirty: sqlite.prepare(
        `insert into search_meta (key, value) values ('vocabulary_dirty', '1') on conflict (key) do update set value = '1'`,
      ),
      bumpGeneration: sqlite.prepare(BUMP_GENERATION),
    };
  }

  #facets(row: FacetRow, delta: number): void {
    this.#s.bumpFacet.run('total', 'all', delta);
    this.#s.bumpFacet.run('state', row.state, delta);
    this.#s.bumpFacet.run('category', row.category, delta);
    this.#s.bumpFacet.run('country', row.country, delta);
    for (const channel of channelsOf(row.channel_mask)) this.#s.bumpFacet.run('channels', channel, delta);
  }

  #removeStory(storyId: number, changes: ColumnChange[]): void {
    const old = this.#s.findStory.get(storyId);
    if (!old) return;
    this.#s.deleteFts.run(old.doc_key);
    this.#s.deleteStory.run(old.doc_key);
    this.#facets(old, -1);
    changes.push({ key: old.doc_key, row: null });
  }

  /** Writes the documents; returns what changed in the filter columns, in order. */
  upsertStories(docs: StoryDocument[]): ColumnChange[] {
    const changes: ColumnChange[] = [];
    this.#sqlite.transaction(() => {
      for (const d of docs) {
        this.#removeStory(d.id, changes);
        let key = storyDocKey(d.publishedAt, d.id);
        // Two stories share a key only with >2M stories in one second: take the next free one.
        while (this.#s.keyTaken.get(key)) key++;
        const mask = channelMask(d.channels);
        this.#s.insertStory.run(
          key, d.id, d.companyId, d.companySlug, d.companyName, d.country, d.state, d.category, mask,
          d.language, d.experienceDate, d.publishedAt, d.publishedDay, d.replyDueAt, d.overdueRank,
        );
        this.#s.insertFts.run(key, d.title, companyNameSearchText(d.companyName), d.body);
        this.#facets({ state: d.state, category: d.category, channel_mask: mask, country: d.country }, 1);
        changes.push({ key, row: { key, state: d.state, category: d.category, channelMask: mask, country: d.country } });
      }
      if (docs.length > 0) {
        this.#s.markDirty.run();
        if (this.#live) this.#s.bumpGeneration.run();
      }
    }).immediate();
    return changes;
  }

  deleteStories(ids: number[]): ColumnChange[] {
    const changes: ColumnChange[] = [];
    this.#sqlite.transaction(() => {
      for (const id of ids) this.#removeStory(id, changes);
      if (changes.length > 0 && this.#live) this.#s.bumpGeneration.run();
    }).immediate();
    return changes;
  }

  upsertCompanies(docs: CompanyDocument[]): ColumnChange[] {
    this.#sqlite.transaction(() => {
      for (const d of docs) {
        this.#s.deleteCompany.run(d.id);
        this.#s.deleteCompanyFts.run(d.id);
        this.#s.insertCompany.run(d.id, d.slug, d.name, d.domain, d.country, d.sector);
        this.#s.insertCompanyFts.run(d.id, companyNameSearchText(d.name), d.domain ?? '');
      }
      if (docs.length > 0 && this.#live) this.#s.bumpGeneration.run();
    }).immediate();
    return [];
  }

  deleteCompanies(ids: number[]): ColumnChange[] {
    this.#sqlite.transaction(() => {
      for (const id of ids) {
        this.#s.deleteCompany.run(id);
        this.#s.deleteCompanyFts.run(id);
      }
      if (ids.length > 0 && this.#live) this.#s.bumpGeneration.run();
    }).immediate();
    return [];
  }
}
