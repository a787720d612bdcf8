// Company name keys without the over-broad "legal forms" (decision 0049): "Italia", "Italy",
// "Group", "Holding", "Company" and "Co" are part of a name again ("Amazon Italia" is not
// "Amazon"), and "S.r.l. unipersonale" / "S.r.l.s." are dropped like "S.r.l.". Recomputes every
// company's name_key with the current companyNameKey (src/domain/company-name.ts), in batches,
// writing only the rows whose key changed. Data only: down leaves the keys (the old rule's keys
// come back with nothing but a re-run of the old code).
import { type Kysely } from 'kysely';
import { companyNameKey } from '../src/domain/company-name.ts';

const BATCH = 2000;

export async function up(db: Kysely<any>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = (await db.selectFrom('companies').select(['id', 'name', 'name_key']).where('id', '>', after).orderBy('id').limit(BATCH).execute()) as { id: number; name: string; name_key: string }[];
    if (rows.length === 0) return;
    for (const r of rows) {
      const key = companyNameKey(r.name);
      if (key !== r.name_key) await db.updateTable('companies').set({ name_key: key }).where('id', '=', r.id).execute();
    }
    after = rows.at(-1)!.id;
  }
}

export async function down(): Promise<void> {}
