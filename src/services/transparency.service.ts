// Transparency figures (DSA art. 15/24 style), computed from the append-only audit log, which
// nobody can edit: reports received per month by kind of reporter, removal (takedown) requests,
// outcomes, own-initiative actions and the median time from report to decision.
import type { DB } from '../db/client.ts';
import { listAuditByActions } from '../db/audit.repository.ts';

export type ReporterKindCount = Record<'consumer' | 'company' | 'anonymous' | 'authority', number>;

export interface TransparencyMonth {
  /** 'YYYY-MM' in UTC. */
  month: string;
  reports: number;
  byReporterKind: ReporterKindCount;
  takedownRequests: number;
  /** Decisions taken this month on reports: content hidden, or reports dismissed. */
  actioned: number;
  dismissed: number;
  /** Hide actions a moderator took with no open report about the item (own initiative). */
  ownInitiative: number;
  /** Median hours from report to decision, over reports decided this month; null if none. */
  medianHoursToDecision: number | null;
}

export interface TransparencyReport {
  months: TransparencyMonth[];
  totals: Omit<TransparencyMonth, 'month'>;
}

const emptyKinds = (): ReporterKindCount => ({ consumer: 0, company: 0, anonymous: 0, authority: 0 });

const emptyMonth = (month: string): TransparencyMonth => ({
  month,
  reports: 0,
  byReporterKind: emptyKinds(),
  takedownRequests: 0,
  actioned: 0,
  dismissed: 0,
  ownInitiative: 0,
  medianHoursToDecision: null,
});

export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

interface AuditData {
  reporterKind?: keyof ReporterKindCount;
  takedown?: boolean;
  outcome?: 'actioned' | 'dismissed';
  reportedAt?: number;
  /** On moderation.hide: how many open reports the action answered. */
  reports?: number;
}

function parse(data: string | null): AuditData {
  if (!data) return {};
  try {
    return JSON.parse(data) as AuditData;
  } catch {
    return {};
  }
}

/**
 * Figures for audit rows with `from <= at < to`, newest month first. Only the needed actions
 * are read (index audit_log_action_at).
 */
export async function computeTransparency(db: DB, range: { from?: number; to?: number } = {}): Promise<TransparencyReport> {
  const rows = await listAuditByActions(db, ['report.create', 'report.decide', 'moderation.hide'], range);

  const months = new Map<string, TransparencyMonth>();
  const hours = new Map<string, number[]>();
  const allHours: number[] = [];
  const at = (m: string) => {
    let v = months.get(m);
    if (!v) months.set(m, (v = emptyMonth(m)));
    return v;
  };
  for (const r of rows) {
    const m = monthOf(r.at);
    const d = parse(r.data);
    if (r.action === 'report.create') {
      const month = at(m);
      month.reports++;
      if (d.reporterKind && d.reporterKind in month.byReporterKind) month.byReporterKind[d.reporterKind]++;
      if (d.takedown) month.takedownRequests++;
    } else if (r.action === 'report.decide') {
      const month = at(m);
      if (d.outcome === 'actioned') month.actioned++;
      else if (d.outcome === 'dismissed') month.dismissed++;
      if (typeof d.reportedAt === 'number') {
        const h = (r.at - d.reportedAt) / 3_600_000;
        let list = hours.get(m);
        if (!list) hours.set(m, (list = []));
        list.push(h);
        allHours.push(h);
      }
    } else if (r.action === 'moderation.hide' && d.reports === 0) {
      at(m).ownInitiative++;
    }
  }
  for (const [m, list] of hours) at(m).medianHoursToDecision = roundHours(median(list));

  const sorted = [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
  const totals = sorted.reduce(
    (acc, m) => {
      acc.reports += m.reports;
      for (const k of Object.keys(acc.byReporterKind) as (keyof ReporterKindCount)[]) acc.byReporterKind[k] += m.byReporterKind[k];
      acc.takedownRequests += m.takedownRequests;
      acc.actioned += m.actioned;
      acc.dismissed += m.dismissed;
      acc.ownInitiative += m.ownInitiative;
      return acc;
    },
    { ...emptyMonth(''), medianHoursToDecision: roundHours(median(allHours)) } as TransparencyMonth,
  );
  const { month: _month, ...totalFigures } = totals;
  return { months: sorted, totals: totalFigures };
}

function roundHours(h: number | null): number | null {
  return h === null ? null : Math.round(h * 10) / 10;
}
