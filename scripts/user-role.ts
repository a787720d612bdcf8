// npm run user:role -- <email> <role>
// Sets an account's role (consumer, company_rep, moderator, admin) in DATABASE_PATH, with an
// audit row. Company representation itself comes from claims; the role only labels the account.
import { openDatabase } from '../src/db/client.ts';
import type { Role } from '../src/db/schema.ts';
import { ROLES, setUserRole } from '../src/services/account.service.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const [email, role] = process.argv.slice(2);
if (!email || !role || !(ROLES as readonly string[]).includes(role)) {
  console.error(`Usage: npm run user:role -- <email> <${ROLES.join('|')}>`);
  process.exit(2);
}

const { db, path } = openDatabase();
try {
  const ok = await setUserRole(db, email, role as Role, Date.now());
  if (!ok) {
    console.error(`No account with the e-mail ${email} in ${path}.`);
    process.exitCode = 1;
  } else {
    console.log(`${email} is now ${role}.`);
  }
} finally {
  await db.destroy();
}
