// The demo accounts (npm run seed) all sign in with one password that the README publishes. A
// production server must not run with them: boot() refuses to start while one exists, unless
// ALLOW_DEMO_ACCOUNTS=on says the operator knows (a public demo site).
//
// What counts as a demo account: an address at a domain reserved for examples (RFC 2606 / 6761:
// example.org, example.com, example.net, *.example — every demo address is one; nobody real
// can receive mail there) whose password is still the demo password. An account whose password
// was changed is not a demo account any more.
import type { DB } from '../db/client.ts';
import { verifyPassword } from '../auth/password.ts';
import { listExampleDomainAccounts } from '../db/user.repository.ts';

/** Every demo account signs in with this password (shown in the README). */
export const DEMO_PASSWORD = 'answerable-demo-2026';

/** The addresses of the accounts that still sign in with the demo password. */
export async function findDemoAccounts(db: DB): Promise<string[]> {
  const rows = await listExampleDomainAccounts(db);
  // The seed hashes the password once for every demo account: one check per distinct hash.
  const byHash = new Map<string, string[]>();
  for (const r of rows) byHash.set(r.password_hash, [...(byHash.get(r.password_hash) ?? []), r.email]);
  const found: string[] = [];
  for (const [hash, emails] of byHash) if (await verifyPassword(hash, DEMO_PASSWORD)) found.push(...emails);
  return found;
}

/** The message on stderr when a production server refuses to start. */
export function demoAccountsMessage(emails: string[]): string {
  const shown = emails.slice(0, 5).join(', ') + (emails.length > 5 ? `, … (${emails.length} in all)` : '');
  return [
    `Refusing to start: NODE_ENV=production and the database holds demo accounts whose password is published in the README (${shown}).`,
    'Use a database without the demo data (start with SEED_DEMO=off on an empty database), change or remove these accounts,',
    'or set ALLOW_DEMO_ACCOUNTS=on if this really is a public demo site.',
  ].join('\n');
}
