// npm run migrate — bring the database (DATABASE_PATH) to the latest schema.
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const { db, path } = openDatabase();
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${path}: ${applied.join(', ')}` : `${path} is up to date.`);
} finally {
  await db.destroy();
}
