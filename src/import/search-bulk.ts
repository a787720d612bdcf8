// Bulk writes into the embedded FTS5 index, inside a transaction the caller already holds.
//
// Why this exists beside src/search/sqlite-fts.ts: a bulk import writes thousands of stories per
// transaction, and going through the outbox (one row per story, then the relay re-reading every
// story) or through SqliteFtsIndex.upsertStories (which takes Kysely's connection and opens its
// own transaction) would either double the work or split the story and its index entry across
// two transactions. This writer targets the same tables with the same doc keys
// (storyDocKey), channel bit masks (storyChannels order) and facet rows as the adapter's own
// writer, and it adds up facet changes per batch instead of per story. If the search tables
// change shape (a new migration), this file changes with sqlite-fts.ts.
import type BetterSqlite3 from 'better-sqlite3';
import { type CompanyDocument, type StoryDocument, channelMask, storyChannels } from '../search/search-index.ts';
import { storyDocKey } from '../search/sqlite-fts.ts';
import { companyNameSearchText } from '../domain/company-name.ts';

function facetRow(d: StoryDocument, mask: number): Omit<IndexedStory, 'doc_key'> {
  return { state: d.state, category: d.category, channel_mask: mask, country: d.country };
}

interface IndexedStory {
  doc_key: number;
  state: string;
  category: string;
  channel_mask: number;
  country: string;
}

interface PendingStory {
  key: number;
  doc: StoryDocument;
  mask: number;
}

/**
 * Prepared statements over the live search tables; create once per connection.
 *
 * Story entries are buffered and written by flush() in ascending doc key order. FTS5 keeps the
 * terms of the current transaction in memory only while rowids arrive in ascending order: a
 * smaller rowid makes it flush everything written so far as a new segment, and a batch in
 * arbitrary order ends up as hundreds of tiny segments that must be merged again (measured: the
 * import ran at ~1,200 stories/s on 1M stories that way). Sorted, a batch is one segment.
 */
export class FtsBulkWriter {
  readonly #s;
  readonly #facetDelta = new Map<string, number>();
  /** Story entries written by the next flush(), by story id. */
  readonly #pending = new Map<number, PendingStory>();
  readonly #pendingKeys = new Set<number>();
  #dirty = false;

  constructor(sqlite: BetterSqlite3.Database) {
    this.#s = {
      findStory: sqlite.prepare<[number], IndexedStory>(
        'select doc_key, state, category, channel_mask, country from search_stories where story_id = ?',
      ),
      keyTaken: sqlite.prepare<[number], { story_id: number }>('select story_id from search_stories where doc_key = ?'),
      deleteStory: sqlite.prepare('delete from search_stories where doc_key = ?'),
      deleteFts: sqlite.prepare('delete from search_stories_fts where rowid = ?'),
      insertStory: sqlite.prepare(
        `insert into search_stories (doc_key, story_id, company_id, company_slug, company_name, country, state, category,
          channel_mask, language, experience_date, published_at, published_day, reply_due_at, overdue_rank)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: sqlite.prepare('insert into search_stories_fts (rowid, title, company, body) values (?, ?, ?, ?)'),
      bumpFacet: sqlite.prepare(
        `insert into search_facet_counts (facet, value, count) values (?, ?, ?)
         on conflict (facet, value) do update set count = count + excluded.count`,
      ),
      deleteCompany: sqlite.prepare('delete from search_companies where company_id = ?'),
      deleteCompanyFts: sqlite.prepare('delete from search_companies_fts where rowid = ?'),
      insertCompany: sqlite.prepare(
        'insert into search_companies (company_id, slug, name, domain, country, sector) values (?, ?, ?, ?, ?, ?)',
      ),
      insertCompanyFts: sqlite.prepare('insert into search_companies_fts (rowid, name, domain) values (?, ?, ?)'),
      markDirty: sqlite.prepare(
        `insert into search_meta (key, value) values ('vocabulary_dirty', '1') on conflict (key) do update set value = '1'`,
      ),
      // The index's generation, as SqliteFtsIndex's own writes bump it: servers that keep search
      // results or filter columns in memory see that the index changed.
      bumpGeneration: sqlite.prepare(
        `insert into search_meta (key, value) values ('generation', '1')
         on conflict (key) do update set value = cast(cast(value as integer) + 1 as text)`,
      ),
    };
  }

  #facets(row: Omit<IndexedStory, 'doc_key'>, delta: number): void {
    const bump = (facet: string, value: string) => {
      const key = `${facet}\u0000${value}`;
      this.#facetDelta.set(key, (this.#facetDelta.get(key) ?? 0) + delta);
    };
    bump('total', 'all');
    bump('state', row.state);
    bump('category', row.category);
    bump('country', row.country);
    storyChannels.forEach((c, bit) => {
      if ((row.channel_mask & (1 << bit)) !== 0) bump('channels', c);
    });
  }

  /** Removes a story's entry if the index holds one (hidden, withdrawn, or about to be replaced). */
  removeStory(storyId: number): void {
    const pending = this.#pending.get(storyId);
    if (pending) {
      this.#pending.delete(storyId);
      this.#pendingKeys.delete(pending.key);
      this.#facets(facetRow(pending.doc, pending.mask), -1);
    }
    const old = this.#s.findStory.get(storyId);
    if (!old) return;
    this.#s.deleteFts.run(old.doc_key);
    this.#s.deleteStory.run(old.doc_key);
    this.#facets(old, -1);
    this.#dirty = true;
  }

  /**
   * Inserts or replaces one story's entry (written by flush()). `isNew`: the story was just
   * created, so the index holds no old entry.
   */
  upsertStory(d: StoryDocument, isNew = false): void {
    if (!isNew) this.removeStory(d.id);
    let key = storyDocKey(d.publishedAt, d.id);
    while (this.#pendingKeys.has(key) || this.#s.keyTaken.get(key)) key++;
    const mask = channelMask(d.channels);
    this.#pending.set(d.id, { key, doc: d, mask });
    this.#pendingKeys.add(key);
    this.#facets(facetRow(d, mask), 1);
    this.#dirty = true;
  }

  upsertCompany(d: CompanyDocument): void {
    this.#s.deleteCompany.run(d.id);
    this.#s.deleteCompanyFts.run(d.id);
    this.#s.insertCompany.run(d.id, d.slug, d.name, d.domain, d.country, d.sector);
    this.#s.insertCompanyFts.run(d.id, companyNameSearchText(d.name), d.domain ?? '');
    this.#dirty = true;
  }

  /** Writes the buffered entries in doc key order, the facet changes (one statement per facet value) and the vocabulary flag. */
  flush(): void {
    const entries = [...this.#pending.values()].sort((a, b) => a.key - b.key);
    this.#pending.clear();
    this.#pendingKeys.clear();
    for (const { key, doc: d, mask } of entries) {
      this.#s.insertStory.run(
        key, d.id, d.companyId, d.companySlug, d.companyName, d.country, d.state, d.category, mask,
        d.language, d.experienceDate, d.publishedAt, d.publishedDay, d.replyDueAt, d.overdueRank,
      );
      this.#s.insertFts.run(key, d.title, companyNameSearchText(d.companyName), d.body);
    }
    for (const [key, delta] of this.#facetDelta) {
      if (delta === 0) continue;
      const [facet, value] = key.split('\u0000') as [string, string];
      this.#s.bumpFacet.run(facet, value, delta);
    }
    this.#facetDelta.clear();
    if (this.#dirty) {
      this.#s.markDirty.run();
      this.#s.bumpGeneration.run();
    }
    this.#dirty = false;
  }

  /** Forgets pending entries and facet changes (the caller's transaction rolled back). */
  discard(): void {
    this.#pending.clear();
    this.#pendingKeys.clear();
    this.#facetDelta.clear();
    this.#dirty = false;
  }
}
