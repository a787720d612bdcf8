// A separate process running account and claim use cases against a shared SQLite file (as the
// server's workers, `npm run tick` and `npm run user:role` do).
// Usage: node tests/helpers/account-worker.ts <db> <role|reject> <json args>
// Prints "ready" once the database is open and starts when a line arrives on stdin, so that two
// workers really run at the same time; then prints the results as one JSON line.
import { once } from 'node:events';
import { openDatabase } from '../../src/db/client.ts';
import type { SessionUser } from '../../src/auth/types.ts';
import { setUserRole } from '../../src/services/account.service.ts';
import { rejectClaim } from '../../src/services/claim.service.ts';

const [path, command, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as { email?: string; moderator?: SessionUser; claimIds?: number[]; times?: number; now: number };
const { db } = openDatabase(path);
const out: unknown[] = [];
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  process.stdin.pause();
  if (command === 'role') {
    for (let i = 0; i < args.times!; i++) out.push(await setUserRole(db, args.email!, i % 2 === 0 ? 'moderator' : 'consumer', args.now + i));
  } else if (command === 'reject') {
    for (const [i, claimId] of args.claimIds!.entries()) out.push((await rejectClaim(db, args.moderator!, claimId, args.now + i)).kind);
  } else {
    throw new Error(`unknown command ${command}`);
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await db.destroy();
}
