// Reads and writes of the contact directory (migration 2026-12-05T0240, decision 0042). The rules
// live in src/domain/contacts.ts and the use cases in src/services/contact.service.ts.
import type { Selectable } from 'kysely';
import type { DB } from './client.ts';
import type { CompanyContactTable, ContactEventTable, ContactReportTable } from './schema.ts';

export type ContactRow = Selectable<CompanyContactTable>;
export type ContactEventRow = Selectable<ContactEventTable>;
export type ContactReportRow = Selectable<ContactReportTable>;

export async function findContact(db: DB, id: number): Promise<ContactRow | undefined> {
  return db.selectFrom('company_contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findContactByKey(db: DB, companyId: number, kind: ContactRow['kind'], key: string): Promise<ContactRow | undefined> {
  return db.selectFrom('company_contacts').selectAll().where('company_id', '=', companyId).where('kind', '=', kind).where('value_key', '=', key).executeTakeFirst();
}

export async function listCompanyContacts(db: DB, companyIds: readonly number[]): Promise<ContactRow[]> {
  if (companyIds.length === 0) return [];
  return db.selectFrom('company_contacts').selectAll().where('company_id', 'in', companyIds).orderBy('kind').orderBy('id').execute();
}

export async function insertContact(db: DB, row: Omit<ContactRow, 'id'>): Promise<number> {
  const r = await db.insertInto('company_contacts').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateContact(db: DB, id: number, patch: Partial<Omit<ContactRow, 'id'>>): Promise<void> {
  await db.updateTable('company_contacts').set(patch).where('id', '=', id).execute();
}

export async function insertContactEvent(db: DB, row: Omit<ContactEventRow, 'id'>): Promise<void> {
  await db.insertInto('contact_events').values(row).execute();
}

export async function listContactEvents(db: DB, contactIds: readonly number[]): Promise<ContactEventRow[]> {
  if (contactIds.length === 0) return [];
  return db.selectFrom('contact_events').selectAll().where('contact_id', 'in', contactIds).orderBy('at').orderBy('id').execute();
}

/** false when this person already has an open report of this kind on this contact. */
export async function insertContactReport(db: DB, row: Omit<ContactReportRow, 'id' | 'resolved_at' | 'outcome'>): Promise<boolean> {
  const r = await db
    .insertInto('contact_reports')
    .values({ ...row, resolved_at: null, outcome: null })
    .onConflict((oc) => oc.columns(['contact_id', 'kind', 'user_id']).where('resolved_at', 'is', null).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Different people with an open report of one of `kinds` on the contact (one person reporting two of them counts once). */
export async function countOpenReporters(db: DB, contactId: number, kinds: readonly ContactReportRow['kind'][]): Promise<number> {
  const r = await db
    .selectFrom('contact_reports')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
    .where('contact_id', '=', contactId)
    .where('kind', 'in', kinds)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function openReports(db: DB, contactId: number): Promise<ContactReportRow[]> {
  return db.selectFrom('contact_reports').selectAll().where('contact_id', '=', contactId).where('resolved_at', 'is', null).orderBy('id').execute();
}

export async function resolveReports(db: DB, contactId: number, kinds: readonly ContactReportRow['kind'][] | null, outcome: 'applied' | 'dismissed', now: number): Promise<void> {
  let q = db.updateTable('contact_reports').set({ resolved_at: now, outcome }).where('contact_id', '=', contactId).where('resolved_at', 'is', null);
  if (kinds) q = q.where('kind', 'in', kinds);
  await q.execute();
}

/** How many times each contact was reported, by kind (all reports, open or applied; dismissed ones do not count). */
export async function reportCounts(db: DB, contactIds: readonly number[]): Promise<{ contact_id: number; kind: ContactReportRow['kind']; n: number; open: number }[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('contact_reports')
    .select((eb) => [
      'contact_id',
      'kind',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('resolved_at', 'is', null).then(1).else(0).end()).as('open'),
    ])
    .where('contact_id', 'in', contactIds)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '!=', 'dismissed')]))
    .groupBy(['contact_id', 'kind'])
    .execute();
}

/** The stories' use of each contact (public stories only). */
export async function contactStoryUses(db: DB, contactIds: readonly number[]): Promise<{ contact_id: number; wait_minutes: number | null; answered: number }[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectFrom('story_channels as c')
    .innerJoin('stories as s', 's.id', 'c.story_id')
    .select(['c.contact_id', 'c.wait_minutes', 'c.answered'])
    .where('c.contact_id', 'in', contactIds)
    .where('s.hidden_at', 'is', null)
    .where('s.withdrawn_at', 'is', null)
    .execute();
  return rows.map((r) => ({ contact_id: r.contact_id!, wait_minutes: r.wait_minutes, answered: r.answered }));
}

export async function setStoryChannelContact(db: DB, storyId: number, channel: string, contactId: number): Promise<void> {
  await db.updateTable('story_channels').set({ contact_id: contactId }).where('story_id', '=', storyId).where('channel', '=', channel as never).execute();
}

export interface OpenContactReport {
  contactId: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  kind: ContactRow['kind'];
  value: string;
  status: ContactRow['status'];
  official: boolean;
  /** Added by a "not this company's" report (decision 0050): not shown as the company's. */
  lookalike: boolean;
  reports: { kind: ContactReportRow['kind']; n: number }[];
  firstAt: number;
}

/** The moderation queue's contact entries: contacts with open reports, oldest first. */
export async function listOpenContactReports(db: DB, limit: number): Promise<OpenContactReport[]> {
  const rows = await db
    .selectFrom('contact_reports as r')
    .innerJoin('company_contacts as c', 'c.id', 'r.contact_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .select((eb) => [
      'c.id as contactId',
      'c.company_id as companyId',
      'co.slug as companySlug',
      'co.name as companyName',
      'c.kind',
      'c.value',
      'c.status',
      'c.official',
      'c.lookalike',
      'r.kind as reportKind',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min<number>('r.created_at').as('firstAt'),
    ])
    .where('r.resolved_at', 'is', null)
    .groupBy(['c.id', 'r.kind'])
    .orderBy('firstAt')
    .limit(limit * 5)
    .execute();
  const byContact = new Map<number, OpenContactReport>();
  for (const r of rows) {
    const entry =
      byContact.get(r.contactId) ??
      { contactId: r.contactId, companyId: r.companyId, companySlug: r.companySlug, companyName: r.companyName, kind: r.kind, value: r.value, status: r.status, official: r.official === 1, lookalike: r.lookalike === 1, reports: [], firstAt: r.firstAt };
    entry.reports.push({ kind: r.reportKind, n: Number(r.n) });
    entry.firstAt = Math.min(entry.firstAt, r.firstAt);
    byContact.set(r.contactId, entry);
  }
  return [...byContact.values()].sort((a, b) => a.firstAt - b.firstAt).slice(0, limit);
}

/**
 * A merge moves the duplicate's directory to the kept company. A contact both list becomes one:
 * stories, reports, history, menu paths and replacements point at the kept one.
 */
export async function moveContacts(db: DB, fromCompanyId: number, toCompanyId: number): Promise<number> {
  const moving = await db.selectFrom('company_contacts').selectAll().where('company_id', '=', fromCompanyId).orderBy('id').execute();
  // Phones before their menu paths: a menu path's key names its phone.
  moving.sort((a, b) => Number(a.kind === 'menu_path') - Number(b.kind === 'menu_path') || a.id - b.id);
  const remap = new Map<number, number>();
  for (const c of moving) {
    const parentId = c.parent_id === null ? null : (remap.get(c.parent_id) ?? c.parent_id);
    const key = c.kind === 'menu_path' && parentId !== null ? `${parentId}:${c.value_key.split(':')[1] ?? ''}` : c.value_key;
    const same = await findContactByKey(db, toCompanyId, c.kind, key);
    if (!same) {
      await db.updateTable('company_contacts').set({ company_id: toCompanyId, parent_id: parentId, value_key: key }).where('id', '=', c.id).execute();
      continue;
    }
    remap.set(c.id, same.id);
    await db.updateTable('story_channels').set({ contact_id: same.id }).where('contact_id', '=', c.id).execute();
    // Two open reports by one person on the same contact collapse into the older one.
    await db.deleteFrom('contact_reports').where('contact_id', '=', c.id).where('resolved_at', 'is', null).where(({ exists, selectFrom }) =>
      exists(selectFrom('contact_reports as k').select('k.id').where('k.contact_id', '=', same.id).whereRef('k.kind', '=', 'contact_reports.kind').whereRef('k.user_id', '=', 'contact_reports.user_id').where('k.resolved_at', 'is', null)),
    ).execute();
    await db.updateTable('contact_reports').set({ contact_id: same.id }).where('contact_id', '=', c.id).execute();
    await db.updateTable('contact_reports').set({ replacement_id: same.id }).where('replacement_id', '=', c.id).execute();
    await db.updateTable('contact_events').set({ contact_id: same.id }).where('contact_id', '=', c.id).execute();
    await db.updateTable('contact_events').set({ replaced_by_id: same.id }).where('replaced_by_id', '=', c.id).execute();
    await db.updateTable('company_contacts').set({ parent_id: same.id }).where('parent_id', '=', c.id).execute();
    await db.updateTable('company_contacts').set({ replaced_by_id: same.id }).where('replaced_by_id', '=', c.id).execute();
    if (c.official === 1 && same.official === 0) await db.updateTable('company_contacts').set({ official: 1 }).where('id', '=', same.id).execute();
    await db.deleteFrom('company_contacts').where('id', '=', c.id).execute();
  }
  return moving.length;
}
