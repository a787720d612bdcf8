// The home of the reports table: notices about stories, messages and photos (DSA art. 16), their
// moderation queue and decisions, and the reporters' activity shown to moderators.
import type { DB } from './client.ts';
import type { ReportRow, ReportTable } from './schema.ts';
import type { Insertable } from 'kysely';

export type ReportTargetKind = ReportRow['target_kind'];

/** The reporter's own open report about an item, if any (a second one is a duplicate). */
export async function findOpenReportBy(db: DB, reporterId: number, kind: ReportTargetKind, targetId: string): Promise<number | null> {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('reporter_id', '=', reporterId)
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertReport(db: DB, report: Insertable<ReportTable>): Promise<number> {
  return (await db.insertInto('reports').values(report).returning('id').executeTakeFirstOrThrow()).id;
}

/** Open reports about one item, oldest first. */
export async function listOpenReportsForTarget(db: DB, kind: ReportTargetKind, targetId: string): Promise<ReportRow[]> {
  return db.selectFrom('reports').selectAll().where('target_kind', '=', kind).where('target_id', '=', targetId).where('status', '=', 'open').orderBy('id').execute();
}

/** Records a moderator's decision on the given reports. */
export async function decideReports(db: DB, ids: readonly number[], decision: { status: 'actioned' | 'dismissed'; decidedAt: number; decidedBy: number | null; statement: string }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('reports')
    .set({ status: decision.status, decided_at: decision.decidedAt, decided_by: decision.decidedBy, statement: decision.statement })
    .where('id', 'in', ids)
    .execute();
}

export interface ReportQueueRow {
  target_kind: ReportTargetKind;
  target_id: string;
  story_id: number | null;
  reports: number;
  takedown: number;
  first_at: number;
  reasons: string | null;
}

/** Open reports grouped by the reported item: takedown requests first, then the most reported, then the oldest. */
export async function listOpenReportGroups(db: DB, limit: number, offset: number): Promise<ReportQueueRow[]> {
  const rows = await db
    .selectFrom('reports')
    .select((eb) => [
      'target_kind',
      'target_id',
      eb.fn.max('story_id').as('story_id'),
      eb.fn.countAll<number>().as('reports'),
      eb.fn.max('is_takedown_request').as('takedown'),
      eb.fn.min('created_at').as('first_at'),
      eb.fn<string>('group_concat', [eb.ref('reason')]).as('reasons'),
    ])
    .where('status', '=', 'open')
    .groupBy(['target_kind', 'target_id'])
    .orderBy('takedown', 'desc')
    .orderBy('reports', 'desc')
    .orderBy('first_at', 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    target_kind: r.target_kind,
    target_id: r.target_id,
    story_id: r.story_id === null ? null : Number(r.story_id),
    reports: Number(r.reports),
    takedown: Number(r.takedown),
    first_at: Number(r.first_at),
    reasons: r.reasons === null ? null : String(r.reasons),
  }));
}

export interface ReportWithReporterName extends ReportRow {
  reporter_name: string | null;
}

/** Every report (open and decided) about one item, newest first, with the reporter's display name. */
export async function listReportsWithReporterName(db: DB, kind: ReportTargetKind, targetId: string): Promise<ReportWithReporterName[]> {
  return db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.reporter_id')
    .selectAll('reports')
    .select('users.display_name as reporter_name')
    .where('reports.target_kind', '=', kind)
    .where('reports.target_id', '=', targetId)
    .orderBy('reports.id', 'desc')
    .execute();
}

/** Accounts with at least `threshold` reports since `since`, most first, with how many were dismissed. */
export async function listFrequentReporters(db: DB, since: number, threshold: number): Promise<{ reporterId: number; displayName: string | null; reports: number; dismissed: number }[]> {
  const rows = await db
    .selectFrom('reports')
    .leftJoin('users', 'users.id', 'reports.reporter_id')
    .select((eb) => [
      'reports.reporter_id as reporterId',
      'users.display_name as displayName',
      eb.fn.countAll<number>().as('reports'),
      eb.fn.countAll<number>().filterWhere('reports.status', '=', 'dismissed').as('dismissed'),
    ])
    .where('reports.reporter_id', 'is not', null)
    .where('reports.created_at', '>=', since)
    .groupBy(['reports.reporter_id', 'users.display_name'])
    .having((eb) => eb.fn.countAll(), '>=', threshold)
    .orderBy('reports', 'desc')
    .execute();
  return rows.map((r) => ({ reporterId: r.reporterId!, displayName: r.displayName ?? null, reports: Number(r.reports), dismissed: Number(r.dismissed) }));
}

/** How many reports one account filed since `since`, and how many of them were dismissed. */
export async function countReportsBy(db: DB, reporterId: number, since: number): Promise<{ reports: number; dismissed: number }> {
  const r = await db
    .selectFrom('reports')
    .select((eb) => [eb.fn.countAll<number>().as('reports'), eb.fn.countAll<number>().filterWhere('status', '=', 'dismissed').as('dismissed')])
    .where('reporter_id', '=', reporterId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { reports: Number(r.reports), dismissed: Number(r.dismissed) };
}

/** Erasure: the reports stay (moderation history) without the person's account or address. */
export async function anonymiseReportsOf(db: DB, userId: number, email: string): Promise<void> {
  await db.updateTable('reports').set({ reporter_id: null, reporter_email: null }).where('reporter_id', '=', userId).execute();
  await db.updateTable('reports').set({ reporter_email: null }).where('reporter_email', '=', email).execute();
}

/** Whether an open moderation entry of `reason` about a story of the company was created since `since`. */
export async function hasOpenCompanyReport(db: DB, companyId: number, reason: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom('reports as r')
    .innerJoin('stories as s', 's.id', 'r.story_id')
    .select('r.id')
    .where('r.status', '=', 'open')
    .where('r.reason', '=', reason)
    .where('r.created_at', '>=', since)
    .where('s.company_id', '=', companyId)
    .executeTakeFirst();
  return row !== undefined;
}
