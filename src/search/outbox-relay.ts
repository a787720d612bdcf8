// Drains topic 'search' of the transactional outbox into the search index.
//
// Guarantees, and how:
// - Order: rows are read in id order and marked in id order. Each row only names a story or a
//   company; the relay sends that entity's *current* state (loaded now), so an older row can
//   never overwrite a newer change.
// - Duplicates and a crash between send and mark are harmless: upserts replace by id, deletes of
//   absent ids are no-ops, and a re-sent row sends the same current state again.
// - Engine down (SearchUnavailableError): nothing is marked and no row is blamed; the relay backs
//   off as a whole (exponentially) and catches up when the engine is back. Publishing never
//   waits for the index: it only writes the outbox row in its own transaction.
// - Poison rows (a document the engine refuses, a payload that cannot be read): after a batch
//   fails, its rows are retried one entity at a time so the others go through; a failing row is
//   retried with exponential backoff and parked after `maxAttempts` tries.
import type { DB } from '../db/client.ts';
import type { OutboxRow } from '../db/schema.ts';
import { type OutboxLag, type SearchEvent, findPendingOutbox, getOutboxLag, markOutboxFailed, markOutboxProcessed } from '../db/outbox.repository.ts';
import { loadCompanyDocuments, loadStoryDocuments, storyDocumentBatches } from './load-documents.ts';
import { type SearchIndex, type StoryDocument, SearchRejectedError, SearchUnavailableError } from './search-index.ts';

export interface SearchRelayOptions {
  /** Rows read per drain. */
  batchSize?: number;
  /** A row that failed this many times is parked (kept, never retried automatically). */
  maxAttempts?: number;
  /** First retry delay; doubles with every attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Poll interval while the outbox is empty. */
  idleMs?: number;
  now?: () => number;
  /** Called after the index accepted a batch and before its rows are marked (tests use it). */
  onSent?: (rowIds: number[]) => void | Promise<void>;
  log?: (message: string) => void;
}

export interface DrainResult {
  processed: number;
  failed: number;
  parked: number;
  /** True when the engine was unreachable: nothing was marked, try again after a pause. */
  unavailable: boolean;
  /** Why the engine was unavailable. */
  reason?: string;
}

async function attempt(fn: () => Promise<void>): Promise<unknown> {
  try {
    await fn();
    return null;
  } catch (error) {
    return error ?? new Error('unknown failure');
  }
}

/**
 * Upserts documents refreshed on behalf of another entity (a company's stories): a document the
 * engine refuses is skipped here, since its own outbox row retries and parks it.
 */
async function upsertTolerant(index: SearchIndex, docs: StoryDocument[]): Promise<void> {
  try {
    await index.upsertStories(docs);
  } catch (error) {
    if (!(error instanceof SearchRejectedError)) throw error;
    for (const doc of docs) {
      try {
        await index.upsertStories([doc]);
      } catch (single) {
        if (!(single instanceof SearchRejectedError)) throw single;
      }
    }
  }
}

const defaults = {
  batchSize: 200,
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  idleMs: 500,
};

export function backoffDelay(attempt: number, baseDelayMs = defaults.baseDelayMs, maxDelayMs = defaults.maxDelayMs): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

interface Unit {
  key: string;
  rows: OutboxRow[];
  event: SearchEvent | null;
}

function parseEvent(row: OutboxRow): SearchEvent | null {
  try {
    const e = JSON.parse(row.payload) as SearchEvent;
    if ((e.kind === 'story.upsert' || e.kind === 'story.delete') && Number.isInteger(e.storyId)) return e;
    if ((e.kind === 'company.upsert' || e.kind === 'company.delete') && Number.isInteger(e.companyId)) return e;
    return null;
  } catch {
    return null;
  }
}

/** Rows grouped by the entity they name, in order of each entity's first row. */
function unitsOf(rows: OutboxRow[]): Unit[] {
  const units = new Map<string, Unit>();
  for (const row of rows) {
    const event = parseEvent(row);
    const key = event ? ('storyId' in event ? `story:${event.storyId}` : `company:${event.companyId}`) : `row:${row.id}`;
    const unit = units.get(key) ?? { key, rows: [], event };
    unit.rows.push(row);
    units.set(key, unit);
  }
  return [...units.values()];
}

/** Sends the current state of every entity named by `units`. Throws what the index throws. */
async function send(db: DB, index: SearchIndex, units: Unit[]): Promise<void> {
  const storyIds: number[] = [];
  const companyIds: number[] = [];
  for (const u of units) {
    if (!u.event) throw new Error(`unreadable search outbox payload: ${u.rows[0]!.payload.slice(0, 200)}`);
    if ('storyId' in u.event) storyIds.push(u.event.storyId);
    else companyIds.push(u.event.companyId);
  }
  if (storyIds.length) {
    const docs = await loadStoryDocuments(db, storyIds);
    const gone = [...docs].filter(([, d]) => d === null).map(([id]) => id);
    await index.deleteStories(gone);
    await index.upsertStories([...docs.values()].filter((d) => d !== null));
  }
  if (companyIds.length) {
    const docs = await loadCompanyDocuments(db, companyIds);
    await index.deleteCompanies([...docs].filter(([, d]) => d === null).map(([id]) => id));
    const live = [...docs.values()].filter((d) => d !== null);
    // Stories carry the company's name, slug and country: when one of those changed (rename,
    // merge), the company's stories are sent again. Most company events (new story, claim,
    // statistics) change none of them and cost one lookup.
    const renamed: number[] = [];
    for (const company of live) {
      const before = await index.getCompany(company.id);
      if (before && (before.name !== company.name || before.slug !== company.slug || before.country !== company.country)) {
        renamed.push(company.id);
      }
    }
    await index.upsertCompanies(live);
    for (const id of renamed) {
      for await (const batch of storyDocumentBatches(db, 500, id)) await upsertTolerant(index, batch);
    }
  }
}

async function markDone(db: DB, units: Unit[], now: number, options: SearchRelayOptions): Promise<number> {
  const ids = units.flatMap((u) => u.rows.map((r) => r.id)).sort((a, b) => a - b);
  await options.onSent?.(ids);
  await markOutboxProcessed(db, ids, now);
  return ids.length;
}

/** One pass over the due rows of topic 'search'. */
export async function drainSearchOutbox(db: DB, index: SearchIndex, options: SearchRelayOptions = {}): Promise<DrainResult> {
  const o = { ...defaults, ...options };
  const now = (options.now ?? Date.now)();
  const result: DrainResult = { processed: 0, failed: 0, parked: 0, unavailable: false };
  const rows = await findPendingOutbox(db, 'search', now, o.batchSize);
  if (rows.length === 0) return result;
  const units = unitsOf(rows);

  // Only the send is guarded: an error while marking (or a crash) leaves the rows pending,
  // unblamed, to be sent again.
  const bulk = await attempt(() => send(db, index, units));
  if (bulk === null) {
    result.processed += await markDone(db, units, now, options);
    return result;
  }
  if (bulk instanceof SearchUnavailableError) return { ...result, unavailable: true, reason: bulk.message };

  // Something in the batch is refused: isolate it by sending one entity at a time.
  for (const unit of units) {
    const error = await attempt(() => send(db, index, [unit]));
    if (error === null) {
      result.processed += await markDone(db, [unit], now, options);
    } else {
      if (error instanceof SearchUnavailableError) return { ...result, unavailable: true, reason: error.message };
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      for (const row of unit.rows) {
        const attempts = row.attempts + 1;
        await markOutboxFailed(db, row, message, now, now + backoffDelay(attempts, o.baseDelayMs, o.maxDelayMs), o.maxAttempts);
        if (attempts >= o.maxAttempts) {
          result.parked++;
          (options.log ?? console.warn)(`search relay: parked outbox row ${row.id} (${unit.key}) after ${attempts} attempts: ${message}`);
        } else {
          result.failed++;
        }
      }
    }
  }
  return result;
}

// --- the relay loop inside the server, and its status for /healthz.

interface RelayState {
  running: boolean;
  engineAvailable: boolean | null;
  lastError: string | null;
  lastDrainAt: number | null;
}

const state: RelayState = { running: false, engineAvailable: null, lastError: null, lastDrainAt: null };

export interface SearchLag extends OutboxLag {
  /** Age of the oldest pending row in ms (0 when nothing waits). */
  lagMs: number;
  relayRunning: boolean;
  /** Whether the engine answered at the last attempt (null before the first one). */
  engineAvailable: boolean | null;
  lastError: string | null;
}

/** Outbox backlog of the search topic plus the relay's view of the engine, for /healthz. */
export async function getSearchLag(db: DB, now = Date.now()): Promise<SearchLag> {
  const lag = await getOutboxLag(db, 'search');
  return {
    ...lag,
    lagMs: lag.oldestPendingAt === null ? 0 : Math.max(0, now - lag.oldestPendingAt),
    relayRunning: state.running,
    engineAvailable: state.engineAvailable,
    lastError: state.lastError,
  };
}

/**
 * Starts draining in the background (call once, at server start). Returns a function that stops
 * the loop and resolves when the current pass has finished.
 */
export function startSearchRelay(db: DB, index: SearchIndex, options: SearchRelayOptions = {}): () => Promise<void> {
  const o = { ...defaults, ...options };
  const now = options.now ?? Date.now;
  const log = options.log ?? console.warn;
  let stopped = false;
  let initialised = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  const pass = async (): Promise<number> => {
    try {
      if (!initialised) {
        await index.init();
        initialised = true;
      }
      const r = await drainSearchOutbox(db, index, options);
      state.lastDrainAt = now();
      if (r.unavailable) throw new SearchUnavailableError(r.reason ?? 'search engine unavailable');
      state.engineAvailable = true;
      state.lastError = null;
      failures = 0;
      if (r.processed + r.failed + r.parked > 0) return 0; // more may be waiting
      await index.maintain(now());
      return o.idleMs;
    } catch (error) {
      failures++;
      state.engineAvailable = !(error instanceof SearchUnavailableError);
      state.lastError = error instanceof Error ? error.message : String(error);
      // Log the first failure and then every tenth, not every retry of a long outage.
      if (failures === 1 || failures % 10 === 0) log(`search relay: ${state.lastError} (retry ${failures})`);
      return backoffDelay(failures, o.baseDelayMs, o.maxDelayMs);
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = pass().then(schedule);
    }, delay);
    timer.unref?.();
  };

  state.running = true;
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
    state.running = false;
  };
}
