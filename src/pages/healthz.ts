// GET /healthz: is the database reachable and its schema current? (plus outbox lag per topic)
import type { APIRoute } from 'astro';
import { sql } from 'kysely';
import { getDb } from '../db/client.ts';
import { migrationsAreCurrent } from '../db/migrate.ts';
import { getOutboxLag } from '../db/outbox.repository.ts';
import { getSearchLag } from '../search/outbox-relay.ts';

export const GET: APIRoute = async () => {
  const db = getDb();
  const checks: Record<string, unknown> = {};
  let ok = true;
  try {
    await sql`select 1`.execute(db);
    checks.database = 'ok';
    const current = await migrationsAreCurrent(db);
    checks.migrations = current ? 'current' : 'pending';
    ok &&= current;
    const [search, mail] = await Promise.all([getOutboxLag(db, 'search'), getOutboxLag(db, 'mail')]);
    const now = Date.now();
    const lag = (l: typeof search) => ({ ...l, lagSeconds: l.oldestPendingAt === null ? 0 : Math.round((now - l.oldestPendingAt) / 1000) });
    checks.outbox = { search: lag(search), mail: lag(mail) };
    const relay = await getSearchLag(db, now);
    checks.search = { relayRunning: relay.relayRunning, engineAvailable: relay.engineAvailable, lastError: relay.lastError };
  } catch (error) {
    ok = false;
    checks.database = 'unreachable';
    checks.error = error instanceof Error ? error.message : String(error);
  }
  return new Response(JSON.stringify({ status: ok ? 'ok' : 'fail', ...checks }), {
    status: ok ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};
