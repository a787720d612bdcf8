// The bench's Meilisearch part, beside FTS5 in the same run and on the same database: a full
// `reindex` (through rebuildSearchIndex, as `npm run reindex` does), the same query mix through
// the adapter (p50/p95) next to the engine's own processingTimeMs for the same queries, the
// outbox relay's throughput for live writes (story.upsert rows drained by drainSearchOutbox),
// and what each engine answers to the mix's typo queries. The server is the one MEILISEARCH_URL
// names, else one started from the binary (tests/helpers/meilisearch-server.ts), else skipped.
import { existsSync } from 'node:fs';
import type { OpenedDatabase } from '../../src/db/client.ts';
import { enqueueSearchEvent } from '../../src/db/outbox.repository.ts';
import { MeilisearchIndex, meilisearchSearchParams } from '../../src/search/meilisearch.ts';
import { drainSearchOutbox } from '../../src/search/outbox-relay.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { rebuildSearchIndex } from '../../src/search/reindex.ts';
import type { SearchIndex } from '../../src/search/search-index.ts';
import { type MeilisearchServer, meilisearchBinary, startMeilisearchServer } from '../../tests/helpers/meilisearch-server.ts';
import type { MixQuery, SearchLatency } from './search-mix.ts';
import { measureSearch } from './search-mix.ts';

export interface MeilisearchFigures {
  version: string | null;
  reindex: { stories: number; companies: number; seconds: number; storiesPerSec: number };
  relay: { rows: number; seconds: number; rowsPerSec: number };
  search: SearchLatency;
  /** The engine's own processingTimeMs over the same mix and rounds. */
  processing: { p50Ms: number; p95Ms: number };
  /** Adapter p95 / engine processing p95 (the HTTP path's overhead). */
  p95Ratio: number | null;
  typo: { q: string; fts5: { total: number; suggestion: string | null }; meilisearch: { total: number } }[];
}

export interface MeilisearchBench {
  /** For the server run with Meilisearch as the engine. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

const INDEX_PREFIX = 'bench';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.ceil(h)]! - sorted[lo]!);
}

/** A server to measure, or the reason there is none. */
export async function meilisearchForBench(): Promise<{ url: string; apiKey: string | undefined; server: MeilisearchServer | null } | string> {
  const url = process.env.MEILISEARCH_URL?.trim();
  if (url) return { url, apiKey: process.env.MEILISEARCH_API_KEY?.trim() || undefined, server: null };
  if (!existsSync(meilisearchBinary)) return `skipped: no MEILISEARCH_URL and no binary at ${meilisearchBinary}`;
  const server = await startMeilisearchServer();
  return { url: server.url, apiKey: server.apiKey, server };
}

export async function benchMeilisearch(
  opened: OpenedDatabase,
  target: { url: string; apiKey: string | undefined; server: MeilisearchServer | null },
  mix: MixQuery[],
  fts5: SearchIndex,
  options: { rounds: number; relayRows: number; log: (m: string) => void },
): Promise<{ figures: MeilisearchFigures; bench: MeilisearchBench }> {
  const index = new MeilisearchIndex({ host: target.url, apiKey: target.apiKey, indexPrefix: INDEX_PREFIX, taskTimeoutMs: 10 * 60_000 });
  const version = await index.client.getVersion().then((v) => v.pkgVersion, () => null);

  // 1. Full reindex from the database.
  let t = performance.now();
  const rebuilt = await rebuildSearchIndex(opened.db, index, { batchSize: 1000 });
  const reindexSeconds = (performance.now() - t) / 1000;
  options.log(`  meilisearch reindex: ${rebuilt.stories} stories in ${reindexSeconds.toFixed(1)} s (${Math.round(rebuilt.stories / reindexSeconds)} stories/s)`);

  // 2. The same query mix through the adapter, then the engine's own time for the same queries.
  const search = await measureSearch(index, mix, options.rounds);
  const processing: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const m of mix) {
      const { q, params } = meilisearchSearchParams(m.query);
      processing.push((await index.client.index(index.storiesUid).search(q, params)).processingTimeMs);
    }
  }
  processing.sort((a, b) => a - b);
  const p50 = percentile(processing, 0.5);
  const p95 = percentile(processing, 0.95);
  // processingTimeMs is whole milliseconds: a 0 ms engine time makes the ratio meaningless, so 1 ms is the floor.
  const p95Ratio = Number((search.p95Ms / Math.max(1, p95)).toFixed(2));
  options.log(`  meilisearch search p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms; engine processing p50 ${p50} ms, p95 ${p95} ms`);

  // 3. Typo queries: what each engine answers.
  const typo: MeilisearchFigures['typo'] = [];
  for (const m of mix.filter((x) => x.kind === 'typo')) {
    const a = await fts5.searchStories(m.query);
    const b = await index.searchStories(m.query);
    typo.push({ q: m.query.q, fts5: { total: a.total, suggestion: a.suggestion }, meilisearch: { total: b.total } });
  }

  // 4. The relay: story.upsert rows as live writes leave them, drained into the big index.
  const ids = (opened.sqlite.prepare('select id from stories order by random() limit ?').all(options.relayRows) as { id: number }[]).map((r) => r.id);
  await inTransaction(opened.db, async (trx) => {
    for (const storyId of ids) await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId });
  });
  t = performance.now();
  let sent = 0;
  for (let pass = 0; pass < 10_000 && sent < ids.length; pass++) {
    const r = await drainSearchOutbox(opened.db, index);
    if (r.unavailable) throw new Error(`Meilisearch unavailable during the relay figure: ${r.reason}`);
    if (r.processed + r.failed + r.parked === 0) break;
    sent += r.processed;
  }
  const relaySeconds = (performance.now() - t) / 1000;
  options.log(`  meilisearch relay: ${sent} outbox rows in ${relaySeconds.toFixed(1)} s`);

  const round = (x: number) => Number(x.toFixed(2));
  return {
    figures: {
      version,
      reindex: { stories: rebuilt.stories, companies: rebuilt.companies, seconds: round(reindexSeconds), storiesPerSec: Math.round(rebuilt.stories / reindexSeconds) },
      relay: { rows: sent, seconds: round(relaySeconds), rowsPerSec: Math.round(sent / relaySeconds) },
      search,
      processing: { p50Ms: p50, p95Ms: p95 },
      p95Ratio,
      typo,
    },
    bench: {
      env: { MEILISEARCH_URL: target.url, MEILISEARCH_API_KEY: target.apiKey ?? '', MEILISEARCH_INDEX_PREFIX: INDEX_PREFIX },
      async stop() {
        if (!target.server) await index.dropIndexes().catch(() => undefined);
        index.close();
        await target.server?.stop();
      },
    },
  };
}
