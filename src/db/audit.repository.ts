// The append-only audit log: one row per state transition or moderator/admin action,
// written in the same transaction as the change.
import type { DB } from './client.ts';
import type { AuditLogTable } from './schema.ts';
import type { Selectable } from 'kysely';

export interface AuditEntry {
  at: number;
  actorId: number | null;
  actorRole: string; // 'consumer' | 'company_rep' | 'moderator' | 'admin' | 'system'
  action: string; // e.g. 'story.publish', 'story.company_reply', 'moderation.hide'
  subjectKind: string; // 'story' | 'message' | 'photo' | 'company' | 'user' | 'report' | 'claim'
  subjectId: string | number;
  companyId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  data?: unknown;
}

export async function appendAudit(db: DB, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      action: e.action,
      subject_kind: e.subjectKind,
      subject_id: String(e.subjectId),
      company_id: e.companyId ?? null,
      from_state: e.fromState ?? null,
      to_state: e.toState ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

export async function findAuditForSubject(db: DB, kind: string, id: string | number): Promise<Selectable<AuditLogTable>[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_kind', '=', kind)
    .where('subject_id', '=', String(id))
    .orderBy('id')
    .execute();
}

/** Audit rows of the given actions with `from <= at < to`, oldest first (index audit_log_action_at). */
export async function listAuditByActions(db: DB, actions: readonly string[], range: { from?: number; to?: number } = {}): Promise<{ action: string; at: number; data: string | null }[]> {
  let q = db.selectFrom('audit_log').select(['action', 'at', 'data']).where('action', 'in', actions);
  if (range.from !== undefined) q = q.where('at', '>=', range.from);
  if (range.to !== undefined) q = q.where('at', '<', range.to);
  return q.orderBy('at').execute();
}
