// The figures of quality.md's table, their targets, and the readable table printed beside the JSON.

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  /** Null for figures shown for context only (absolute rates that depend on the machine). */
  target: { op: '>=' | '<='; value: number } | null;
  pass: boolean | null;
  note?: string;
}

export function figure(id: string, label: string, value: number | null, unit: string, target: Figure['target'], note?: string): Figure {
  let pass: boolean | null = null;
  if (target && value !== null && Number.isFinite(value)) pass = target.op === '>=' ? value >= target.value : value <= target.value;
  return { id, label, value: value === null || !Number.isFinite(value) ? null : value, unit, target, pass, ...(note ? { note } : {}) };
}

export function ratio(a: number | null | undefined, b: number | null | undefined, digits = 2): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return Number((a / b).toFixed(digits));
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    f.value === null ? 'n/a' : `${f.value}${f.unit ? ` ${f.unit}` : ''}`,
    f.target ? `${f.target.op} ${f.target.value}${f.unit ? ` ${f.unit}` : ''}` : '',
    f.pass === null ? (f.target ? 'n/a' : '') : f.pass ? 'pass' : 'MISS',
  ]);
  const head = ['figure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
