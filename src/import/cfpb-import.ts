// Imports a CFPB consumer-complaint CSV export (npm run import:cfpb -- <file.csv>).
// Streaming: the file is parsed record by record (src/import/csv.ts) and written in batches of
// `batchSize` rows, one transaction each (src/import/story-batch-writer.ts); memory stays flat
// whatever the file size. Every record is accounted for: imported, updated or rejected, and each
// rejection is written with its line and reason to the rejects file. See decision 0007.
import { config } from '../config.ts';
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../db/client.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { rebuildAllCompanyStats, recomputeCompanyStats } from '../db/stats.repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { parseCsv } from './csv.ts';
import {
  CFPB_COUNTRY,
  CFPB_SECTOR,
  type CfpbHeader,
  type CfpbStory,
  type RejectReason,
  mapCfpbRow,
  resolveHeader,
  rowFields,
} from './cfpb-mapping.ts';
import { type ImportStory, type SearchMode, StoryBatchWriter } from './story-batch-writer.ts';
import { compactIndex } from '../search/fts/compaction.ts';
import { FtsConnection } from '../search/fts/connection.ts';
import { type BulkPhase, BulkLoadRefused, BulkStoryLoader, recoverInterruptedBulkImport } from './bulk-load.ts';

export const DEFAULT_BATCH_SIZE = 2000;
/** Files this large (≈ 30,000+ CFPB rows) go through the bulk load path unless told otherwise (decision 0043). */
export const BULK_AUTO_BYTES = 64 * 1024 * 1024;
/** Batch size of the bulk load path (one transaction each). */
const BULK_BATCH_SIZE = 20_000;
/** Up to this many touched companies are recomputed one by one; more, and one full pass is cheaper. */
const PER_COMPANY_STATS_LIMIT = 500;

export type ImportRejectReason = RejectReason | 'database_error';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  imported: number;
  updated: number;
  rejected: number;
  /** What the import is doing: 'import' (today's path), or the bulk load's phase. */
  phase: 'import' | BulkPhase;
  elapsedMs: number;
}

export interface ImportSummary extends ImportProgress {
  file: string;
  rejectsFile: string | null;
  rejectedByReason: Partial<Record<ImportRejectReason, number>>;
  companiesCreated: number;
  companiesTouched: number;
  /** How statistics were brought up to date: per company, one full rebuild, or not at all. */
  stats: 'per_company' | 'full_rebuild' | 'skipped';
  /** Which path wrote the stories: today's batch writer, or the bulk load path (decision 0043). */
  path: 'incremental' | 'bulk';
}

export interface CfpbImportOptions {
  /** Where rejected rows are written; default: next to the input, `<input>.rejects.csv`. */
  rejectsPath?: string;
  batchSize?: number;
  now?: number;
  /** Default: 'fts' (the embedded index); 'outbox' when the site uses Meilisearch. */
  search?: SearchMode;
  /** Recompute company statistics at the end (default true). */
  stats?: boolean;
  /**
   * The bulk load path (decision 0043): true, false, or 'auto' (the default: files of at least
   * BULK_AUTO_BYTES). Only with the embedded index; with Meilisearch ('outbox') today's path is used.
   */
  bulk?: boolean | 'auto';
  onProgress?: (progress: ImportProgress) => void;
}

/** The file cannot be imported at all (no header, required columns missing): nothing is written. */
export class CfpbFileError extends Error {
  override name = 'CfpbFileError';
}

export function searchModeFromEnv(env: Record<string, string | undefined> = { MEILISEARCH_URL: config().meilisearch?.url }): SearchMode {
  return env.MEILISEARCH_URL?.trim() ? 'outbox' : 'fts';
}

/** A mapped CFPB row in the writer's terms. */
export function toImportStory(s: CfpbStory): ImportStory {
  return {
    source: 'cfpb',
    externalId: s.complaintId,
    company: { name: s.companyName, country: CFPB_COUNTRY, sector: CFPB_SECTOR },
    title: s.title,
    body: s.body,
    experienceDate: s.experienceDate,
    category: s.category,
    language: s.language,
    state: s.state,
    publishedAt: s.publishedAt,
    replyDueAt: s.replyDueAt,
    firstReplyAt: s.firstReplyAt,
    verdictAt: s.verdictAt,
    resolved: s.resolved,
    wouldBuyAgain: null,
    rating: null,
    verdictComment: null,
    closedAt: s.closedAt,
    lastActivityAt: s.lastActivityAt,
  };
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Opened on the first rejection, so a clean import leaves no empty file behind. */
class RejectsFile {
  readonly path: string;
  #out: WriteStream | null = null;
  constructor(path: string) {
    this.path = path;
  }
  get used(): boolean {
    return this.#out !== null;
  }
  write(line: number, complaintId: string, reason: ImportRejectReason, detail: string): void {
    if (!this.#out) {
      this.#out = createWriteStream(this.path);
      this.#out.write('line,complaint_id,reason,detail\n');
    }
    this.#out.write(`${[line, complaintId, reason, detail].map(csvCell).join(',')}\n`);
  }
  async close(): Promise<void> {
    const out = this.#out;
    if (!out) return;
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

export async function importCfpbFile(
  database: { db: DB; sqlite: BetterSqlite3.Database },
  file: string,
  options: CfpbImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const totalBytes = statSync(file).size;
  const rejects = new RejectsFile(options.rejectsPath ?? `${file}.rejects.csv`);
  const search = options.search ?? searchModeFromEnv();
  let bulk = search !== 'outbox' && (options.bulk === true || ((options.bulk ?? 'auto') === 'auto' && totalBytes >= BULK_AUTO_BYTES));
  const progress: ImportProgress = { bytesRead: 0, totalBytes, rowsRead: 0, imported: 0, updated: 0, rejected: 0, phase: bulk ? 'load' : 'import', elapsedMs: 0 };
  const report = () => options.onProgress?.({ ...progress, elapsedMs: Math.round(performance.now() - started) });
  // A header error must leave the database untouched: the bulk loader begins at the first batch.
  let loader: BulkStoryLoader | null = null;
  const writer = new StoryBatchWriter(database, { now, search });
  const rejectedByReason: Partial<Record<ImportRejectReason, number>> = {};
  const reject = (line: number, id: string, reason: ImportRejectReason, detail: string) => {
    progress.rejected++;
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
    rejects.write(line, id, reason, detail);
  };

  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
      progress.bytesRead += chunk.length;
      yield chunk;
    }
  }

  let batch: { story: ImportStory; line: number }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (bulk && !loader) {
      try {
        loader = await BulkStoryLoader.begin(database, {
          now,
          search: search as 'fts' | 'none',
          onProgress: (p) => {
            if (p.phase === 'load' || p.phase === 'done') return;
            progress.phase = p.phase;
            if (p.phase === 'updates') progress.updated = p.rows;
            report();
          },
        });
      } catch (error) {
        // A schema the bulk path does not know how to reproduce (an unknown insert trigger):
        // today's path, which is always correct.
        if (!(error instanceof BulkLoadRefused)) throw error;
        bulk = false;
        progress.phase = 'import';
      }
    }
    if (bulk && loader) {
      const bulkLoader: BulkStoryLoader = loader;
      const failed = await bulkLoader.write(batch.map((b) => b.story));
      for (const f of failed) {
        const b = batch[f.index]!;
        reject(b.line, b.story.externalId, 'database_error', f.error);
      }
      progress.imported += batch.length - failed.length;
      batch = [];
      report();
      return;
    }
    const outcome = await writer.write(batch.map((b) => b.story));
    progress.imported += outcome.imported;
    progress.updated += outcome.updated;
    for (const f of outcome.failed) {
      const b = batch[f.index]!;
      reject(b.line, b.story.externalId, 'database_error', f.error);
    }
    batch = [];
    report();
  };

  let header: CfpbHeader | null = null;
  let touched = [...writer.touchedCompanyIds];
  let companiesCreated = writer.companiesCreated;
  try {
    for await (const item of parseCsv(counted())) {
      if (!header) {
        if (item.kind === 'malformed') throw new CfpbFileError(`the header line cannot be read (${item.reason})`);
        header = resolveHeader(item.fields);
        if (header.missing.length > 0) {
          throw new CfpbFileError(`not a CFPB complaints export: missing column(s) ${header.missing.join(', ')}`);
        }
        continue;
      }
      progress.rowsRead++;
      if (item.kind === 'malformed') {
        reject(item.line, '', 'malformed_csv', `${item.reason}: ${item.excerpt.slice(0, 120)}`);
        continue;
      }
      const fields = rowFields(header, item.fields);
      const complaintId = (header.columns.complaint_id !== undefined ? item.fields[header.columns.complaint_id] : '') ?? '';
      if (!fields.ok) {
        reject(item.line, complaintId, fields.reason, fields.detail);
        continue;
      }
      const mapped = mapCfpbRow(fields.row, now);
      if (!mapped.ok) {
        reject(item.line, complaintId, mapped.reason, mapped.detail);
        continue;
      }
      batch.push({ story: toImportStory(mapped.story), line: item.line });
      if (batch.length >= (bulk ? Math.max(batchSize, BULK_BATCH_SIZE) : batchSize)) await flush();
    }
    if (!header) throw new CfpbFileError('the file is empty');
    await flush();
    if (loader) {
      // Stories already in the database (or repeated in the file) were set aside by the bulk
      // path and are written now by today's path, as updates.
      const bulkLoader: BulkStoryLoader = loader;
      const summary = await bulkLoader.finish();
      loader = null;
      progress.imported = summary.imported;
      progress.updated = summary.updated;
      for (const f of summary.failed) reject(0, f.story.externalId, 'database_error', f.error);
      touched = summary.touchedCompanyIds;
      companiesCreated = summary.companiesCreated;
      // One ordered pass still leaves the FTS5 index in several segments: merge them now
      // (decision 0045) rather than waiting for the daily background pass.
      if (search === 'fts') {
        progress.phase = 'search';
        report();
        await compactIndex(new FtsConnection(database.db, database.sqlite));
      }
    }
  } catch (error) {
    // A bulk load that cannot finish is rolled back now: the database is as before.
    if (loader) await recoverInterruptedBulkImport(database.db);
    throw error;
  } finally {
    await rejects.close();
  }

  if (!bulk) {
    touched = [...writer.touchedCompanyIds];
    companiesCreated = writer.companiesCreated;
  }
  progress.phase = bulk ? 'done' : 'import';
  report();

  let stats: ImportSummary['stats'] = 'skipped';
  if (options.stats !== false && touched.length > 0) {
    if (touched.length <= PER_COMPANY_STATS_LIMIT) {
      for (let i = 0; i < touched.length; i += 50) {
        await inTransaction(database.db, async (trx) => {
          for (const id of touched.slice(i, i + 50)) await recomputeCompanyStats(trx, id, now);
        });
      }
      stats = 'per_company';
    } else {
      await rebuildAllCompanyStats(database.db, now);
      stats = 'full_rebuild';
    }
  }

  const summary: ImportSummary = {
    ...progress,
    file,
    rejectsFile: rejects.used ? rejects.path : null,
    rejectedByReason,
    companiesCreated,
    companiesTouched: touched.length,
    stats,
    path: bulk ? 'bulk' : 'incremental',
    elapsedMs: Math.round(performance.now() - started),
  };
  await appendAudit(database.db, {
    at: now,
    actorId: null,
    actorRole: 'system',
    action: 'import.cfpb',
    subjectKind: 'import',
    subjectId: basename(file),
    data: { rowsRead: summary.rowsRead, imported: summary.imported, updated: summary.updated, rejected: summary.rejected, rejectedByReason, path: summary.path },
  });
  return summary;
}
