// Full rebuild of the search index from the database (npm run reindex). The adapter builds a
// fresh index and swaps it in; changes made while it was being built are then sent again by
// re-queueing the outbox rows written since the start (the relay sends current state, so
// sending twice is harmless).
import { sql } from 'kysely';
import type { DB } from '../db/client.ts';
import { companyDocumentBatches, storyDocumentBatches } from './load-documents.ts';
import type { RebuildResult, SearchIndex } from './search-index.ts';

export interface ReindexOptions {
  batchSize?: number;
  onProgress?: (done: { stories: number; companies: number }) => void | Promise<void>;
  now?: () => number;
}

export interface ReindexResult extends RebuildResult {
  /** Outbox rows written during the rebuild and queued again for the relay. */
  requeued: number;
}

export async function rebuildSearchIndex(db: DB, index: SearchIndex, options: ReindexOptions = {}): Promise<ReindexResult> {
  const size = options.batchSize ?? 1000;
  const now = options.now ?? Date.now;
  await index.init();
  const mark = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max<number | null>('id').as('id'))
    .where('topic', '=', 'search')
    .executeTakeFirst();
  const highWater = mark?.id ?? 0;
  const done = { stories: 0, companies: 0 };
  const result = await index.rebuild({
    async *stories() {
      for await (const batch of storyDocumentBatches(db, size)) {
        yield batch;
        done.stories += batch.length;
        await options.onProgress?.({ ...done });
      }
    },
    async *companies() {
      for await (const batch of companyDocumentBatches(db, size)) {
        yield batch;
        done.companies += batch.length;
        await options.onProgress?.({ ...done });
      }
    },
  });
  const requeued = await sql`update outbox set processed_at = null, available_at = ${now()}
    where topic = 'search' and id > ${highWater} and processed_at is not null`.execute(db);
  return { ...result, requeued: Number(requeued.numAffectedRows ?? 0) };
}
