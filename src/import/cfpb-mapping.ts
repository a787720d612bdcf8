// CFPB consumer-complaint rows → our companies and stories. Pure: no I/O, the import moment is
// passed in. The mapping, and why, is docs/decisions/0007-cfpb-import-mapping.md; in short:
// - every column is found by a normalised header name, so exports of every year match
//   ("Date received" = "date_received", "Consumer Complaint" = "Consumer complaint narrative",
//   "Company response" = "Company response to consumer", "Timely response?" = "timely");
// - narrative → body (kept as published, XXXX masking included, plus our own masking of any
//   e-mail, phone, IBAN or card number the CFPB missed); a row without narrative is
//   still imported, with a body built from product / issue / sub-issue, so every row counts;
// - product / issue → our category by keyword rules over issue and sub-issue, product as fallback;
// - "Company response to consumer" + "Timely response?" → reply and verdict fields and state;
// - the CFPB publishes no reply moment: replies get a timeline date (the day the CFPB sent the
//   complaint to the company) but source='cfpb' keeps them out of every time figure
//   (src/db/stats.repository.ts toScoringStory).
import { maskPii } from '../content/pii.ts';
import type { Flag, StoryCategory, StoryState } from '../db/schema.ts';

const DAY_MS = 86_400_000;

/** The CFPB's own deadline for a company's response (15 days from sending). */
export const CFPB_RESPONSE_DAYS = 15;
export const CFPB_COUNTRY = 'US';
export const CFPB_SECTOR = 'finance';
const MAX_TITLE_CHARS = 140;

export type CfpbColumn =
  | 'date_received'
  | 'product'
  | 'sub_product'
  | 'issue'
  | 'sub_issue'
  | 'narrative'
  | 'public_response'
  | 'company'
  | 'state'
  | 'zip_code'
  | 'tags'
  | 'consent'
  | 'submitted_via'
  | 'date_sent'
  | 'company_response'
  | 'timely'
  | 'disputed'
  | 'complaint_id';

/** Normalised header spellings seen in CFPB exports (CSV of every year, and the API's field names). */
const headerAliases: Record<string, CfpbColumn> = {
  date_received: 'date_received',
  product: 'product',
  sub_product: 'sub_product',
  subproduct: 'sub_product',
  issue: 'issue',
  sub_issue: 'sub_issue',
  subissue: 'sub_issue',
  consumer_complaint_narrative: 'narrative',
  consumer_complaint: 'narrative',
  complaint_what_happened: 'narrative',
  narrative: 'narrative',
  company_public_response: 'public_response',
  public_response: 'public_response',
  company: 'company',
  company_name: 'company',
  state: 'state',
  zip_code: 'zip_code',
  zipcode: 'zip_code',
  zip: 'zip_code',
  tags: 'tags',
  consumer_consent_provided: 'consent',
  submitted_via: 'submitted_via',
  date_sent_to_company: 'date_sent',
  company_response_to_consumer: 'company_response',
  company_response: 'company_response',
  timely_response: 'timely',
  timely: 'timely',
  consumer_disputed: 'disputed',
  complaint_id: 'complaint_id',
};

const allColumns = [...new Set(Object.values(headerAliases))];

/** Columns without which a row cannot become a story. */
export const requiredColumns: readonly CfpbColumn[] = ['complaint_id', 'company', 'date_received'];

/** "Date received" / "date_received" / " Timely response? " → "date_received" / "timely_response". */
export function normalizeHeaderName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface CfpbHeader {
  /** Field position of each recognised column. */
  columns: Partial<Record<CfpbColumn, number>>;
  /** Number of fields every row must have. */
  fieldCount: number;
  missing: CfpbColumn[];
  /** Header names we do not use (reported, not an error). */
  unknown: string[];
}

export function resolveHeader(names: readonly string[]): CfpbHeader {
  const columns: Partial<Record<CfpbColumn, number>> = {};
  const unknown: string[] = [];
  names.forEach((name, i) => {
    const column = headerAliases[normalizeHeaderName(name)];
    if (column && columns[column] === undefined) columns[column] = i;
    else unknown.push(name);
  });
  return { columns, fieldCount: names.length, missing: requiredColumns.filter((c) => columns[c] === undefined), unknown };
}

/** 'YYYY-MM-DD', 'YYYY-MM-DDThh:mm:ss…', 'MM/DD/YYYY' or 'M/D/YY' → 'YYYY-MM-DD'; null when not a real date. */
export function parseCfpbDate(value: string): string | null {
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(v))) {
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3]!.length === 2) y += y < 70 ? 2000 : 1900;
  } else {
    return null;
  }
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayStart(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

// --- category ----------------------------------------------------------------------------------

/** First matching rule wins; tested against "issue sub-issue", then against the product. */
const issueRules: readonly [RegExp, StoryCategory][] = [
  [/\bclos(e|ed|ing)\b|cancel|terminat|end of the (loan|lease)|payoff/, 'cancellation'],
  [/refund|reimburs|money back|chargeback/, 'refund'],
  [/deliver|ship|didn'?t receive|not received|never received|money was not available|transfer/, 'delivery'],
  [/install|set ?up\b/, 'installation'],
  [/warrant|defective/, 'warranty'],
  [/fee|charg|interest|\bapr\b|billing|statement|payment|\bpay\b|struggling to (re)?pay|\bdebt\b|collect|escrow|wrong amount|funds being low/, 'billing'],
  [/account|log ?in|password|access|identity theft|fraud|security freeze|unauthori[sz]ed|unable to get your credit report|getting a (credit )?card/, 'account_access'],
  [/trouble using|website|online|mobile|\bapp\b|technical|customer service|communication|can'?t contact|contact/, 'technical_support'],
];
const productRules: readonly [RegExp, StoryCategory][] = [
  [/debt collection|debt or credit management/, 'billing'],
  [/money transfer|money service/, 'delivery'],
];

export function cfpbCategory(product: string, issue: string, subIssue: string): StoryCategory {
  const text = `${issue} ${subIssue}`.toLowerCase();
  for (const [re, category] of issueRules) if (re.test(text)) return category;
  const p = product.toLowerCase();
  for (const [re, category] of productRules) if (re.test(p)) return category;
  return 'other';
}

// --- company response --------------------------------------------------------------------------

export interface ResponseOutcome {
  /** The company's response is on record. */
  replied: boolean;
  /** Verdict: 1 relief given, 0 no relief or disputed, null no outcome yet. */
  resolved: Flag | null;
  /** State after the response (unanswered stories: awaiting_reply or overdue, decided by the caller). */
  state: StoryState | null;
}

/**
 * The response columns read as our reply and verdict (decision 0007):
 * - "Closed with (monetary | non-monetary)? relief" → replied, resolved;
 * - "Closed with explanation" / "Closed without relief" → replied, not resolved;
 * - "Closed" (exports before 2013) → replied, no verdict (closed_no_verdict);
 * - "In progress" → replied (an interim response) when the CFPB marks it timely, else not yet;
 * - "Untimely response" or empty → no reply.
 * "Consumer disputed? = Yes" turns a resolved outcome into not resolved: the consumer rejected it.
 */
export function responseOutcome(response: string, timely: boolean | null, disputed: boolean | null): ResponseOutcome {
  const r = response.trim().toLowerCase();
  let out: ResponseOutcome;
  if (/^closed with (monetary |non-monetary )?relief$/.test(r)) out = { replied: true, resolved: 1, state: 'resolved' };
  else if (r === 'closed with explanation' || r === 'closed without relief') out = { replied: true, resolved: 0, state: 'unresolved' };
  else if (r.startsWith('closed')) out = { replied: true, resolved: null, state: 'closed_no_verdict' };
  else if (r === 'in progress' && timely === true) out = { replied: true, resolved: null, state: 'answered' };
  else out = { replied: false, resolved: null, state: null };
  if (disputed === true && out.resolved === 1) out = { replied: true, resolved: 0, state: 'unresolved' };
  return out;
}

function yesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'y' || v === 'true') return true;
  if (v === 'no' || v === 'n' || v === 'false') return false;
  return null;
}

// --- rows --------------------------------------------------------------------------------------

/** One row, by column name (absent columns read as ''). */
export type CfpbFields = Record<CfpbColumn, string>;

export interface CfpbStory {
  complaintId: string;
  companyName: string;
  title: string;
  body: string;
  experienceDate: string;
  category: StoryCategory;
  language: 'en';
  state: StoryState;
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  verdictAt: number | null;
  resolved: Flag | null;
  closedAt: number | null;
  lastActivityAt: number;
}

export type RejectReason =
  | 'malformed_csv'
  | 'wrong_field_count'
  | 'missing_complaint_id'
  | 'missing_company'
  | 'invalid_date_received'
  | 'no_content';

export type MapResult = { ok: true; story: CfpbStory } | { ok: false; reason: RejectReason; detail: string };

/** Fields of a parsed record, or a rejection when the record does not have the header's shape. */
export function rowFields(header: CfpbHeader, fields: readonly string[]): { ok: true; row: CfpbFields } | { ok: false; reason: RejectReason; detail: string } {
  if (fields.length !== header.fieldCount) {
    return { ok: false, reason: 'wrong_field_count', detail: `expected ${header.fieldCount} fields, found ${fields.length}` };
  }
  const row = {} as CfpbFields;
  for (const name of allColumns) {
    const i = header.columns[name];
    row[name] = i === undefined ? '' : (fields[i] ?? '');
  }
  return { ok: true, row };
}

export function mapCfpbRow(row: CfpbFields, now: number): MapResult {
  const complaintId = row.complaint_id.trim();
  if (!complaintId) return { ok: false, reason: 'missing_complaint_id', detail: 'Complaint ID is empty' };
  const companyName = row.company.replace(/\s+/g, ' ').trim();
  if (!companyName) return { ok: false, reason: 'missing_company', detail: 'Company is empty' };
  const received = parseCfpbDate(row.date_received);
  if (!received) return { ok: false, reason: 'invalid_date_received', detail: `Date received is not a date: "${row.date_received.slice(0, 40)}"` };
  // The CFPB scrubs narratives (XXXX) before publishing them; what it missed is masked the way
  // our own publish form masks it (src/content/pii.ts), since every public text gets that rule.
  const narrative = maskPii(row.narrative.replace(/\r\n?/g, '\n').trim()).text;
  const product = clean(row.product);
  const issue = clean(row.issue);
  const subIssue = clean(row.sub_issue);
  if (!narrative && !product && !issue) return { ok: false, reason: 'no_content', detail: 'no narrative, product or issue' };

  const sent = parseCfpbDate(row.date_sent);
  const publishedAt = dayStart(received);
  const sentAt = Math.max(publishedAt, sent ? dayStart(sent) : publishedAt);
  const replyDueAt = sentAt + CFPB_RESPONSE_DAYS * DAY_MS;
  const timely = yesNo(row.timely);
  const outcome = responseOutcome(row.company_response, timely, yesNo(row.disputed));
  // The reply's timeline date: the day the CFPB sent the complaint on (its real moment is unknown).
  const firstReplyAt = outcome.replied ? sentAt : null;
  const verdictAt = outcome.resolved !== null ? firstReplyAt : null;
  const state: StoryState = outcome.state ?? (replyDueAt <= now ? 'overdue' : 'awaiting_reply');
  const closedAt = state === 'resolved' || state === 'unresolved' || state === 'closed_no_verdict' ? firstReplyAt : null;

  return {
    ok: true,
    story: {
      complaintId,
      companyName,
      title: cfpbTitle(issue, subIssue, narrative, product),
      body: cfpbBody(row, complaintId, narrative),
      experienceDate: received,
      category: cfpbCategory(product, issue, subIssue),
      language: 'en',
      state,
      publishedAt,
      replyDueAt,
      firstReplyAt,
      verdictAt,
      resolved: outcome.resolved,
      closedAt,
      lastActivityAt: firstReplyAt ?? publishedAt,
    },
  };
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Issue and sub-issue; without them the narrative's first sentence; then the product. */
export function cfpbTitle(issue: string, subIssue: string, narrative: string, product: string): string {
  if (issue) return truncate(subIssue && subIssue.toLowerCase() !== issue.toLowerCase() ? `${issue}: ${subIssue}` : issue);
  if (narrative) {
    const flat = clean(narrative);
    const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
    return truncate(sentence);
  }
  return truncate(product || 'Consumer complaint');
}

function truncate(text: string): string {
  if (text.length <= MAX_TITLE_CHARS) return text;
  const cut = text.slice(0, MAX_TITLE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TITLE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** Markdown-escapes text from the CFPB that is shown inside our own list items. */
function inline(text: string): string {
  return clean(text).replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The narrative (or a description built from the complaint's fields) and where it comes from. */
export function cfpbBody(row: CfpbFields, complaintId: string, narrative: string): string {
  const parts: string[] = [];
  if (narrative) parts.push(narrative);
  else parts.push('The consumer filed this complaint with the CFPB without publishing a narrative.');
  const facts: string[] = [];
  const pair = (a: string, b: string) => [clean(a), clean(b)].filter(Boolean).map(inline).join(' › ');
  if (row.product.trim()) facts.push(`- Product: ${pair(row.product, row.sub_product)}`);
  if (row.issue.trim()) facts.push(`- Issue: ${pair(row.issue, row.sub_issue)}`);
  if (row.company_response.trim()) {
    const timely = yesNo(row.timely);
    facts.push(`- Company response: ${inline(row.company_response)}${timely === null ? '' : timely ? ' (timely)' : ' (not timely)'}`);
  }
  if (row.public_response.trim()) facts.push(`- Company public response: ${inline(row.public_response)}`);
  if (yesNo(row.disputed) !== null) facts.push(`- Consumer disputed the response: ${yesNo(row.disputed) ? 'yes' : 'no'}`);
  if (row.state.trim()) facts.push(`- Consumer's state: ${inline(row.state)}`);
  parts.push(`*From the CFPB Consumer Complaint Database, complaint ${inline(complaintId)}.*`);
  if (facts.length) parts.push(facts.join('\n'));
  return parts.join('\n\n');
}
