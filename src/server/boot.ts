// Process start-up inside the server: migrations, then the background workers (outbox relays,
// scheduler). Idempotent; called once from the middleware module when the server loads.
import { getDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';

type Stop = () => void | Promise<void>;

let booted: Promise<void> | undefined;
const stops: Stop[] = [];

export function ensureBooted(): Promise<void> {
  booted ??= boot();
  return booted;
}

async function boot(): Promise<void> {
  const { db } = getDatabase();
  await migrateToLatest(db);
  if (process.env.ANSWERABLE_WORKERS === 'off') return;
  for (const start of workers) stops.push(await start(db));
  const shutdown = () => {
    for (const stop of stops.splice(0)) void stop();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** Background workers started at boot; each returns its stop function. */
const workers: ((db: ReturnType<typeof getDatabase>['db']) => Stop | Promise<Stop>)[] = [];
