// GET /healthz: is the database reachable and its schema current? Anybody (a load balancer)
// learns only {"status":"ok"} (200) or {"status":"fail"} (503); the details — migrations, outbox
// lag per topic, the search relay, the error message — are for a signed-in admin only: they
// describe the internals to whoever asks.
import type { APIRoute } from 'astro';
import { migrationsAreCurrent, pingDatabase } from '../db/migrate.ts';
import { getOutboxLag } from '../db/outbox.repository.ts';
import { getSearchLag } from '../search/outbox-relay.ts';

export const GET: APIRoute = async ({ locals }) => {
  const db = locals.db;
  const checks: Record<string, unknown> = {};
  let ok = true;
  try {
    await pingDatabase(db);
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
  const details = locals.user?.role === 'admin';
  return new Response(JSON.stringify(details ? { status: ok ? 'ok' : 'fail', ...checks } : { status: ok ? 'ok' : 'fail' }), {
    status: ok ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};
