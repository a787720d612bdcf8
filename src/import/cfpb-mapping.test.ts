import { createReadStream } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CFPB_FIXTURE, CFPB_FULL_SAMPLE, FULL_SAMPLE_NOTE, hasFullSample } from '../../tests/fixtures/cfpb.ts';
import { parseCsv } from './csv.ts';
import {
  type CfpbFields,
  type CfpbHeader,
  cfpbCategory,
  mapCfpbRow,
  normalizeHeaderName,
  parseCfpbDate,
  resolveHeader,
  responseOutcome,
  rowFields,
} from './cfpb-mapping.ts';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

let header: CfpbHeader;
let rows = new Map<string, CfpbFields>();

async function readSample(path: string): Promise<{ header: CfpbHeader; rows: Map<string, CfpbFields> }> {
  let found: CfpbHeader | null = null;
  const byId = new Map<string, CfpbFields>();
  for await (const item of parseCsv(createReadStream(path))) {
    if (item.kind !== 'record') continue;
    if (!found) {
      found = resolveHeader(item.fields);
      continue;
    }
    const r = rowFields(found, item.fields);
    if (r.ok) byId.set(r.row.complaint_id, r.row);
  }
  return { header: found!, rows: byId };
}

function stateCounts(all: Map<string, CfpbFields>) {
  const results = [...all.values()].map((r) => mapCfpbRow(r, NOW));
  const states = new Map<string, number>();
  for (const r of results) if (r.ok) states.set(r.story.state, (states.get(r.story.state) ?? 0) + 1);
  return { rejected: results.filter((r) => !r.ok), states: Object.fromEntries(states) };
}

beforeAll(async () => {
  ({ header, rows } = await readSample(CFPB_FIXTURE));
});

function sampleRow(id: string): CfpbFields {
  const row = rows.get(id);
  if (!row) throw new Error(`complaint ${id} not in the sample`);
  return row;
}

function mapped(id: string) {
  const r = mapCfpbRow(sampleRow(id), NOW);
  if (!r.ok) throw new Error(r.detail);
  return r.story;
}

describe('CFPB headers', () => {
  it('recognises every column of the sample and needs nothing else', () => {
    expect(header.missing).toEqual([]);
    expect(header.unknown).toEqual([]);
    expect(Object.keys(header.columns)).toHaveLength(18);
  });

  it('matches the spellings of other years and of the API', () => {
    const h = resolveHeader([
      '\uFEFFdate_received',
      'PRODUCT',
      'Sub-product',
      'Consumer Complaint',
      'Company response',
      ' Timely response? ',
      'Consumer disputed?',
      'Complaint ID',
      'Company',
      'ZIP code',
    ]);
    expect(h.missing).toEqual([]);
    expect(h.columns).toMatchObject({ date_received: 0, product: 1, sub_product: 2, narrative: 3, company_response: 4, timely: 5, disputed: 6, complaint_id: 7, company: 8, zip_code: 9 });
    expect(resolveHeader(['complaint_what_happened', 'timely', 'company_name', 'date_received', 'complaint_id']).missing).toEqual([]);
    expect(normalizeHeaderName('Timely response?')).toBe('timely_response');
  });

  it('names the required columns a file lacks', () => {
    expect(resolveHeader(['Product', 'Issue', 'Company']).missing).toEqual(['complaint_id', 'date_received']);
  });

  it('rejects a row whose field count differs from the header', () => {
    expect(rowFields(header, ['2023-01-01', 'x'])).toMatchObject({ ok: false, reason: 'wrong_field_count' });
  });
});

describe('CFPB dates', () => {
  it('reads ISO, ISO with a time, and US month/day/year dates', () => {
    expect(parseCfpbDate('2023-08-25')).toBe('2023-08-25');
    expect(parseCfpbDate('2023-08-25T00:00:00-05:00')).toBe('2023-08-25');
    expect(parseCfpbDate('08/25/2023')).toBe('2023-08-25');
    expect(parseCfpbDate('1/5/2012')).toBe('2012-01-05');
    expect(parseCfpbDate('1/5/12')).toBe('2012-01-05');
  });

  it('refuses impossible dates and other text', () => {
    expect(parseCfpbDate('2023-02-30')).toBeNull();
    expect(parseCfpbDate('13/01/2023')).toBeNull();
    expect(parseCfpbDate('yesterday')).toBeNull();
    expect(parseCfpbDate('')).toBeNull();
  });
});

describe('CFPB categories', () => {
  it.each([
    ['Checking or savings account', 'Closing an account', '', 'cancellation'],
    ['Credit card or prepaid card', 'Problem with a purchase shown on your statement', 'Card was charged for something you did not purchase', 'billing'],
    ['Debt collection', 'Attempts to collect debt not owed', 'Debt is not yours', 'billing'],
    ['Checking or savings account', 'Managing an account', 'Deposits and withdrawals', 'account_access'],
    ['Money transfer, virtual currency, or money service', 'Money was not available when promised', '', 'delivery'],
    ['Credit card', 'Trouble using the card', '', 'technical_support'],
    ['Credit reporting', 'Incorrect information on your report', 'Information belongs to someone else', 'other'],
    ['Debt collection', 'Took or threatened to take negative or legal action', 'Threatened to sue you', 'billing'],
    ['Vehicle loan or lease', 'Getting a loan or lease', '', 'other'],
  ])('files %s / %s / %s under %s', (product, issue, subIssue, category) => {
    expect(cfpbCategory(product, issue, subIssue)).toBe(category);
  });
});

describe('CFPB company responses', () => {
  it('reads relief as resolved, explanation as not resolved', () => {
    expect(responseOutcome('Closed with monetary relief', true, null)).toEqual({ replied: true, resolved: 1, state: 'resolved' });
    expect(responseOutcome('Closed with non-monetary relief', true, null)).toEqual({ replied: true, resolved: 1, state: 'resolved' });
    expect(responseOutcome('Closed with relief', true, null)).toEqual({ replied: true, resolved: 1, state: 'resolved' });
    expect(responseOutcome('Closed with explanation', true, null)).toEqual({ replied: true, resolved: 0, state: 'unresolved' });
    expect(responseOutcome('Closed without relief', false, null)).toEqual({ replied: true, resolved: 0, state: 'unresolved' });
    expect(responseOutcome('Closed', true, null)).toEqual({ replied: true, resolved: null, state: 'closed_no_verdict' });
  });

  it('counts a timely "In progress" as an interim reply and an untimely one as none', () => {
    expect(responseOutcome('In progress', true, null)).toEqual({ replied: true, resolved: null, state: 'answered' });
    expect(responseOutcome('In progress', false, null)).toEqual({ replied: false, resolved: null, state: null });
    expect(responseOutcome('Untimely response', false, null)).toEqual({ replied: false, resolved: null, state: null });
  });

  it('turns relief the consumer disputed into not resolved', () => {
    expect(responseOutcome('Closed with monetary relief', true, true)).toEqual({ replied: true, resolved: 0, state: 'unresolved' });
  });
});

describe('CFPB rows from the sample', () => {
  it('maps a row without narrative to a story built from product and issue', () => {
    const s = mapped('7523056');
    expect(s).toMatchObject({
      complaintId: '7523056',
      companyName: 'EQUIFAX, INC.',
      title: 'Incorrect information on your report: Information belongs to someone else',
      experienceDate: '2023-08-25',
      category: 'other',
      language: 'en',
      state: 'unresolved',
      resolved: 0,
      publishedAt: Date.UTC(2023, 7, 25),
      replyDueAt: Date.UTC(2023, 7, 25) + 15 * DAY,
      firstReplyAt: Date.UTC(2023, 7, 25),
    });
    expect(s.body).toContain('without publishing a narrative');
    expect(s.body).toContain('- Product: Credit reporting or other personal consumer reports › Credit reporting');
    expect(s.body).toContain('- Company response: Closed with explanation (timely)');
    expect(s.body).toContain('complaint 7523056');
  });

  it('keeps the narrative as the body, newlines and XXXX masking included', () => {
    const withNewlines = [...rows.values()].find((r) => r.narrative.includes('\n') && r.narrative.includes('XXXX'))!;
    const s = mapped(withNewlines.complaint_id);
    expect(s.body.startsWith(withNewlines.narrative.replace(/\r\n?/g, '\n').trim())).toBe(true);
    expect(s.body).toContain('XXXX');
  });

  it('masks an e-mail address or phone number the CFPB left in a narrative, in the body and the title', () => {
    const base = sampleRow('7523056');
    const narrative = 'Write to me at jane.doe@example.com or call 415-555-0134. XXXX never answered.';
    const r = mapCfpbRow({ ...base, issue: '', sub_issue: '', narrative }, NOW);
    if (!r.ok) throw new Error(r.reason);
    for (const text of [r.story.body, r.story.title]) {
      expect(text).not.toContain('jane.doe@example.com');
      expect(text).not.toContain('415-555-0134');
    }
    expect(r.story.body).toContain('XXXX never answered.');
  });

  it('gives relief a resolved verdict on the day the complaint was sent', () => {
    const s = mapped('7286060');
    expect(s).toMatchObject({ state: 'resolved', resolved: 1, category: 'billing' });
    expect(s.verdictAt).toBe(s.firstReplyAt);
    expect(s.closedAt).toBe(s.firstReplyAt);
  });

  it('treats a timely "In progress" as answered with no verdict yet', () => {
    expect(mapped('7446803')).toMatchObject({ state: 'answered', resolved: null, verdictAt: null, closedAt: null });
  });

  it('reads a 2013 complaint the consumer disputed as not resolved, replied on the day it was sent', () => {
    expect(mapped('236456')).toMatchObject({ state: 'unresolved', resolved: 0, experienceDate: '2013-01-16', firstReplyAt: Date.UTC(2013, 0, 17) });
  });

  it('marks an unanswered complaint overdue once the CFPB deadline has passed, waiting before', () => {
    const row = { ...sampleRow('7446803'), timely: 'No' };
    expect(mapCfpbRow(row, NOW)).toMatchObject({ ok: true, story: { state: 'overdue', firstReplyAt: null } });
    expect(mapCfpbRow(row, Date.UTC(2023, 7, 24))).toMatchObject({ ok: true, story: { state: 'awaiting_reply' } });
  });

  it('takes the title from the narrative when there is no issue', () => {
    const row = { ...sampleRow('7172701'), issue: '', sub_issue: '' };
    const s = mapped('7172701');
    const r = mapCfpbRow(row, NOW);
    expect(r.ok && r.story.title.length).toBeLessThanOrEqual(140);
    expect(r.ok && s.body.startsWith(r.story.title.replace(/…$/, ''))).toBe(true);
  });

  it('rejects rows with no complaint id, no company or an unreadable date, saying why', () => {
    const base = sampleRow('7523056');
    expect(mapCfpbRow({ ...base, complaint_id: ' ' }, NOW)).toMatchObject({ ok: false, reason: 'missing_complaint_id' });
    expect(mapCfpbRow({ ...base, company: '' }, NOW)).toMatchObject({ ok: false, reason: 'missing_company' });
    expect(mapCfpbRow({ ...base, date_received: '2023-13-01' }, NOW)).toMatchObject({ ok: false, reason: 'invalid_date_received' });
    expect(mapCfpbRow({ ...base, product: '', issue: '', narrative: '' }, NOW)).toMatchObject({ ok: false, reason: 'no_content' });
  });

  it('maps every one of the 249 rows of the extract to a story', () => {
    expect(rows.size).toBe(249);
    const { rejected, states } = stateCounts(rows);
    expect(rejected).toEqual([]);
    // 90 + 13 relief, none disputed; explanation 72 + without relief 2.
    expect(states).toEqual({ resolved: 103, unresolved: 74, answered: 72 });
  });
});

describe.skipIf(!hasFullSample)(`CFPB rows from the full sample${FULL_SAMPLE_NOTE}`, () => {
  it('maps every one of the 2,067 sample rows to a story', async () => {
    const full = await readSample(CFPB_FULL_SAMPLE);
    expect(full.header.missing).toEqual([]);
    expect(full.rows.size).toBe(2067);
    const { rejected, states } = stateCounts(full.rows);
    expect(rejected).toEqual([]);
    // 789 + 33 relief, of which none disputed; explanation 627 + without relief 2 + one disputed.
    expect(states).toEqual({ resolved: 822, unresolved: 629, answered: 616 });
  });
});
