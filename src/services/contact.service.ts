// The contact directory's use cases (issue 17, decision 0042): consumers report a contact, a
// change ("no longer works", "now costs money", "now only a form") or a look-alike that is not the
// company's; the company's team declares its official contacts; moderators confirm or dismiss.
// Each is one transaction: the decision (src/domain/contacts.ts), the writes, an audit row (which
// also drops the cached company page) and a search-outbox row for the company.
import type { SessionUser } from '../auth/types.ts';
import { isModerator, userRepresentsCompany } from '../auth/permissions.ts';
import { rateLimit } from '../auth/rate-limit.ts';
import type { DB } from '../db/client.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { enqueueSearchEvent } from '../db/outbox.repository.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CompanyRow } from '../db/schema.ts';
import {
  contactStoryUses,
  countOpenReporters,
  findContact,
  findContactByKey,
  insertContact,
  insertContactEvent,
  insertContactReport,
  listCompanyContacts,
  listContactEvents,
  openReports,
  reportCounts,
  resolveReports,
  setStoryChannelContact,
  updateContact,
  type ContactEventRow,
  type ContactRow,
} from '../db/contact.repository.ts';
import {
  applyReport,
  CHANNEL_CONTACT_KINDS,
  CHANNEL_NEW_KIND,
  CONFIRM_REPORTS,
  contactFigures,
  isListed,
  normalizeContact,
  removedWithin,
  reportApplies,
  reportGroup,
  withdrawalReason,
  type ChangeKind,
  type ContactFigures,
  type ContactKind,
  type ReporterRole,
  type ReportKind,
} from '../domain/contacts.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { maskPii } from '../content/pii.ts';

/** Reports per person and hour: enough to fix a directory, too few to flood one. */
export const CONTACT_REPORT_LIMIT = { limit: 10, windowMs: 60 * 60_000 };
/** Declarations per team member and hour. */
export const CONTACT_DECLARE_LIMIT = { limit: 40, windowMs: 60 * 60_000 };

export type ContactOutcome =
  | { kind: 'done'; contactId: number; applied: boolean; reporters: number }
  | { kind: 'already_reported'; contactId: number }
  | { kind: 'invalid'; field: string; error: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'forbidden' }
  | { kind: 'unverified' }
  | { kind: 'not_found' };

export interface NewContactInput {
  kind: ContactKind;
  value: string;
  label?: string | null;
  hours?: string | null;
  /** For a menu path: the phone contact it belongs to. */
  parentId?: number | null;
}

const AUDIT_ROLE: Record<ReporterRole, string> = { company: 'company_rep', consumer: 'consumer', moderator: 'moderator' };

async function roleFor(db: DB, user: SessionUser, companyId: number): Promise<ReporterRole> {
  if (await userRepresentsCompany(db, user.id, companyId)) return 'company';
  return isModerator(user) ? 'moderator' : 'consumer';
}

/** Free text shown publicly (label, hours): plain, single line, personal data masked. */
function plainText(raw: string | null | undefined, max: number): string | null {
  if (!raw) return null;
  const text = raw.normalize('NFKC').replace(/[\u0000-\u001f\u007f<>]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
  return text === '' ? null : maskPii(text).text;
}

async function limited(db: DB, key: string, limit: { limit: number; windowMs: number }, now: number): Promise<ContactOutcome | null> {
  const r = await rateLimit(db, key, limit.limit, limit.windowMs, now);
  return r.ok ? null : { kind: 'rate_limited', retryAfterSeconds: r.retryAfterSeconds };
}

/** Finds the contact or adds it (pending, reported by this role), checking what was typed. */
async function findOrAdd(trx: DB, company: Pick<CompanyRow, 'id' | 'country'>, input: NewContactInput, role: ReporterRole, userId: number, now: number, lookalike = false): Promise<{ row: ContactRow; created: boolean } | { error: string }> {
  let parentId: number | null = null;
  if (input.kind === 'menu_path') {
    const parent = input.parentId ? await findContact(trx, input.parentId) : undefined;
    if (!parent || parent.company_id !== company.id || parent.kind !== 'phone') return { error: 'contacts.error.menuPhone' };
    parentId = parent.id;
  }
  const normalized = normalizeContact(input.kind, input.value, company.country, parentId);
  if (!normalized.ok) return { error: normalized.error };
  const existing = await findContactByKey(trx, company.id, input.kind, normalized.key);
  if (existing) return { row: existing, created: false };
  // Postal addresses are public text too: a private address typed by mistake is masked.
  const value = input.kind === 'postal' ? maskPii(normalized.value).text : normalized.value;
  const row: Omit<ContactRow, 'id'> = {
    company_id: company.id,
    kind: input.kind,
    value,
    value_key: normalized.key,
    label: plainText(input.label, 80),
    cost_class: normalized.costClass,
    parent_id: parentId,
    hours: plainText(input.hours, 120),
    source: role,
    official: 0,
    status: 'pending',
    withdrawn_reason: null,
    replaced_by_id: null,
    confirmed_at: null,
    withdrawn_at: null,
    // Added by a "not this company's" report: never listed as the company's (decision 0050).
    lookalike: lookalike ? 1 : 0,
    created_by_user_id: userId,
    created_at: now,
    updated_at: now,
  };
  const id = await insertContact(trx, row);
  await insertContactEvent(trx, { contact_id: id, at: now, event: 'added', by_role: role, reason: null, replaced_by_id: null, reports: null });
  return { row: { ...row, id }, created: true };
}

/** Counts the report and, when it is confirmed (domain rule), changes the entry and writes its history. */
async function fileReport(
  trx: DB,
  contact: ContactRow,
  kind: ReportKind,
  role: ReporterRole,
  userId: number,
  now: number,
  extra: { note?: string | null; replacementId?: number | null } = {},
): Promise<ContactOutcome> {
  // "Now costs money" re-classes a phone number: said of anything else, or of a number already
  // charged above a call, it changes nothing.
  if (kind === 'now_paid' && contact.kind !== 'phone') return { kind: 'invalid', field: 'change', error: 'contacts.error.nowPaidPhone' };
  if (kind === 'now_paid' && (contact.cost_class === 'premium_rate' || contact.cost_class === 'shared_cost')) return { kind: 'invalid', field: 'change', error: 'contacts.error.alreadyPaid' };
  const added = await insertContactReport(trx, { contact_id: contact.id, user_id: userId, kind, note: plainText(extra.note, 500), replacement_id: extra.replacementId ?? null, created_at: now });
  if (!added) return { kind: 'already_reported', contactId: contact.id };
  const reporters = await countOpenReporters(trx, contact.id, reportGroup(kind));
  const openFake = kind === 'exists' ? await countOpenReporters(trx, contact.id, ['fake']) : 0;
  const applies = reportApplies({ kind, role, distinctReporters: reporters, official: contact.official === 1, status: contact.status, lookalike: contact.lookalike === 1, openFake });
  if (applies) await applyToContact(trx, contact, kind, role, now, reporters);
  await appendAudit(trx, {
    at: now,
    actorId: userId,
    actorRole: AUDIT_ROLE[role],
    action: applies ? 'contact.change' : 'contact.report',
    subjectKind: 'contact',
    subjectId: contact.id,
    companyId: contact.company_id,
    data: { report: kind, reporters, applied: applies },
  });
  await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: contact.company_id }, now);
  return { kind: 'done', contactId: contact.id, applied: applies, reporters };
}

async function applyToContact(trx: DB, contact: ContactRow, kind: ReportKind, role: ReporterRole, now: number, reporters: number | null): Promise<void> {
  const open = await openReports(trx, contact.id);
  const group = reportGroup(kind);
  const patch = applyReport(kind, role, { status: contact.status, official: contact.official === 1, lookalike: contact.lookalike === 1 }, withdrawalReason(open.filter((r) => group.includes(r.kind))));
  let replacedBy: number | null = null;
  if (patch.status === 'withdrawn') replacedBy = open.filter((r) => group.includes(r.kind) && r.replacement_id !== null).at(-1)?.replacement_id ?? null;
  const repriced = patch.event === 'repriced';
  await updateContact(trx, contact.id, {
    status: patch.status,
    withdrawn_reason: patch.withdrawnReason,
    official: patch.official ? 1 : 0,
    lookalike: patch.lookalike ? 1 : 0,
    ...(patch.costClass ? { cost_class: patch.costClass } : {}),
    replaced_by_id: patch.status === 'withdrawn' ? replacedBy : null,
    withdrawn_at: patch.status === 'withdrawn' ? now : null,
    confirmed_at: patch.status === 'active' && !repriced ? now : contact.confirmed_at,
    ...(role === 'company' && kind === 'exists' ? { source: 'company' as const } : {}),
    updated_at: now,
  });
  // The replacement a consumer named is listed once the change is confirmed.
  if (replacedBy !== null) {
    const replacement = await findContact(trx, replacedBy);
    if (replacement && replacement.status === 'pending') await updateContact(trx, replacedBy, { status: 'active', confirmed_at: now, updated_at: now });
  }
  await insertContactEvent(trx, { contact_id: contact.id, at: now, event: patch.event, by_role: role, reason: repriced ? (patch.costClass ?? null) : patch.withdrawnReason, replaced_by_id: replacedBy, reports: role === 'consumer' ? reporters : null });
  // Reports that this change answers are settled; the others stay open.
  const settled: ReportKind[] = kind === 'exists' ? ['exists'] : kind === 'fake' ? ['fake', 'exists'] : repriced ? ['now_paid'] : ['gone', 'now_paid', 'form_only'];
  await resolveReports(trx, contact.id, settled, 'applied', now);
}

/**
 * A consumer says how they reached the company (or that a look-alike is not the company's:
 * `fake`). The contact is added if new, and listed as confirmed once enough different people,
 * a moderator or the company's team said so.
 */
export async function reportContact(db: DB, user: SessionUser, company: Pick<CompanyRow, 'id' | 'country'>, input: NewContactInput & { fake?: boolean }, now: number): Promise<ContactOutcome> {
  if (!user.emailVerified) return { kind: 'unverified' };
  const over = await limited(db, `contact-report:${user.id}`, CONTACT_REPORT_LIMIT, now);
  if (over) return over;
  return inTransaction(db, async (trx) => {
    const role = await roleFor(trx, user, company.id);
    const found = await findOrAdd(trx, company, input, role, user.id, now, input.fake === true);
    if ('error' in found) return { kind: 'invalid', field: 'value', error: found.error };
    return fileReport(trx, found.row, input.fake ? 'fake' : 'exists', role, user.id, now);
  });
}

/** "No longer works" / "now costs money" / "now only a form" (with what replaced it), or "not this company's". */
export async function reportContactChange(
  db: DB,
  user: SessionUser,
  contactId: number,
  input: { change: ChangeKind | 'fake'; replacement?: NewContactInput | null; note?: string | null },
  now: number,
): Promise<ContactOutcome> {
  if (!user.emailVerified) return { kind: 'unverified' };
  const over = await limited(db, `contact-report:${user.id}`, CONTACT_REPORT_LIMIT, now);
  if (over) return over;
  return inTransaction(db, async (trx) => {
    const contact = await findContact(trx, contactId);
    if (!contact) return { kind: 'not_found' };
    const company = await trx.selectFrom('companies').select(['id', 'country']).where('id', '=', contact.company_id).executeTakeFirstOrThrow();
    const role = await roleFor(trx, user, company.id);
    let replacementId: number | null = null;
    if (input.replacement && input.change !== 'fake' && input.replacement.value.trim() !== '') {
      const found = await findOrAdd(trx, company, input.replacement, role, user.id, now);
      if ('error' in found) return { kind: 'invalid', field: 'replacementValue', error: found.error };
      if (found.row.id === contact.id) return { kind: 'invalid', field: 'replacementValue', error: 'contacts.error.sameReplacement' };
      replacementId = found.row.id;
    }
    return fileReport(trx, contact, input.change, role, user.id, now, { note: input.note, replacementId });
  });
}

/** The company's team declares a contact: listed at once, marked official. Nobody else may. */
export async function declareContact(db: DB, user: SessionUser, company: Pick<CompanyRow, 'id' | 'country'>, input: NewContactInput, now: number): Promise<ContactOutcome> {
  if (!(await userRepresentsCompany(db, user.id, company.id))) return { kind: 'forbidden' };
  const over = await limited(db, `contact-declare:${user.id}`, CONTACT_DECLARE_LIMIT, now);
  if (over) return over;
  return inTransaction(db, async (trx) => {
    const found = await findOrAdd(trx, company, input, 'company', user.id, now);
    if ('error' in found) return { kind: 'invalid', field: 'value', error: found.error };
    const contact = found.row;
    const label = plainText(input.label, 80);
    const hours = plainText(input.hours, 120);
    if (!found.created && (label !== null || hours !== null)) await updateContact(trx, contact.id, { ...(label ? { label } : {}), ...(hours ? { hours } : {}) });
    if (contact.status === 'active' && contact.official === 1) {
      await updateContact(trx, contact.id, { confirmed_at: now, updated_at: now });
      await insertContactEvent(trx, { contact_id: contact.id, at: now, event: 'confirmed', by_role: 'company', reason: null, replaced_by_id: null, reports: null });
    } else {
      await applyToContact(trx, contact, 'exists', 'company', now, null);
    }
    await appendAudit(trx, { at: now, actorId: user.id, actorRole: 'company_rep', action: 'contact.declare', subjectKind: 'contact', subjectId: contact.id, companyId: company.id, data: { kind: contact.kind } });
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: company.id }, now);
    return { kind: 'done', contactId: contact.id, applied: true, reporters: 0 };
  });
}

export type ModeratorContactAction = 'confirm' | 'withdraw' | 'fake' | 'dismiss' | 'reprice';

/** A moderator settles a contact's open reports. */
export async function moderateContact(db: DB, user: SessionUser, contactId: number, action: ModeratorContactAction, now: number): Promise<ContactOutcome> {
  if (!isModerator(user)) return { kind: 'forbidden' };
  return inTransaction(db, async (trx) => {
    const contact = await findContact(trx, contactId);
    if (!contact) return { kind: 'not_found' };
    if (action === 'dismiss') {
      await resolveReports(trx, contact.id, null, 'dismissed', now);
    } else {
      let kind: ReportKind = action === 'confirm' ? 'exists' : action === 'reprice' ? 'now_paid' : 'fake';
      // "Now costs money": a phone number not already charged keeps its place with its new class.
      if (action === 'reprice' && contact.kind !== 'phone') return { kind: 'invalid', field: 'action', error: 'contacts.error.nowPaidPhone' };
      if (action === 'reprice' && (contact.cost_class === 'premium_rate' || contact.cost_class === 'shared_cost')) return { kind: 'invalid', field: 'action', error: 'contacts.error.alreadyPaid' };
      if (action === 'withdraw') {
        // The reason most people gave (no longer works, by default): applyToContact counts them.
        kind = 'gone';
        if (contact.status === 'withdrawn') return { kind: 'invalid', field: 'action', error: 'contacts.error.alreadyWithdrawn' };
      }
      await applyToContact(trx, contact, kind, 'moderator', now, null);
    }
    await appendAudit(trx, { at: now, actorId: user.id, actorRole: user.role, action: `contact.moderate_${action}`, subjectKind: 'contact', subjectId: contact.id, companyId: contact.company_id });
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: contact.company_id }, now);
    return { kind: 'done', contactId: contact.id, applied: action !== 'dismiss', reporters: 0 };
  });
}

// ---------------------------------------------------------------- reading

export interface DirectoryContact {
  id: number;
  kind: ContactKind;
  value: string;
  label: string | null;
  costClass: ContactRow['cost_class'];
  parentId: number | null;
  hours: string | null;
  source: ContactRow['source'];
  official: boolean;
  status: ContactRow['status'];
  /** Added by a "not this company's" report (decision 0050). */
  lookalike: boolean;
  /** Shown as the company's (domain isListed). */
  listed: boolean;
  withdrawnReason: ContactRow['withdrawn_reason'];
  withdrawnAt: number | null;
  replacedBy: { id: number; kind: ContactKind; value: string } | null;
  confirmedAt: number | null;
  createdAt: number;
  /** Consumers' reports by kind (applied and open). */
  reports: Partial<Record<ReportKind, number>>;
  openReports: Partial<Record<ReportKind, number>>;
  figures: ContactFigures;
  history: ContactEventRow[];
  menuPaths: DirectoryContact[];
}

export interface Directory {
  /** Listed ways to reach the company (active and awaiting confirmation), phones with their menu paths. */
  contacts: DirectoryContact[];
  /** Withdrawn channels, newest first, with their history. */
  withdrawn: DirectoryContact[];
  /** Look-alikes that are not the company's. */
  warnings: DirectoryContact[];
  /**
   * Awaiting a decision and not shown as the company's: added by a look-alike report, or with open
   * look-alike reports. For moderators only (decision 0050).
   */
  unlisted: DirectoryContact[];
  removedLast12Months: DirectoryContact[];
}

export async function companyDirectory(db: DB, companyId: number, now: number): Promise<Directory> {
  const rows = await listCompanyContacts(db, [companyId]);
  const ids = rows.map((r) => r.id);
  const [events, counts, uses] = await Promise.all([listContactEvents(db, ids), reportCounts(db, ids), contactStoryUses(db, ids)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<number, number[]>();
  for (const r of rows) if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  const view = (r: ContactRow): DirectoryContact => {
    // A phone's figures include the stories that named one of its menu paths.
    const own = [r.id, ...(r.kind === 'phone' ? (children.get(r.id) ?? []) : [])];
    const replaced = r.replaced_by_id === null ? undefined : byId.get(r.replaced_by_id);
    const reports: DirectoryContact['reports'] = {};
    const open: DirectoryContact['openReports'] = {};
    for (const c of counts.filter((x) => x.contact_id === r.id)) {
      reports[c.kind] = Number(c.n);
      if (Number(c.open) > 0) open[c.kind] = Number(c.open);
    }
    return {
      id: r.id,
      kind: r.kind,
      value: r.value,
      label: r.label,
      costClass: r.cost_class,
      parentId: r.parent_id,
      hours: r.hours,
      source: r.source,
      official: r.official === 1,
      status: r.status,
      lookalike: r.lookalike === 1,
      listed: isListed({ status: r.status, lookalike: r.lookalike === 1, openFake: open.fake ?? 0 }),
      withdrawnReason: r.withdrawn_reason,
      withdrawnAt: r.withdrawn_at,
      replacedBy: replaced ? { id: replaced.id, kind: replaced.kind, value: replaced.value } : null,
      confirmedAt: r.confirmed_at,
      createdAt: r.created_at,
      reports,
      openReports: open,
      figures: contactFigures(uses.filter((u) => own.includes(u.contact_id)).map((u) => ({ waitMinutes: u.wait_minutes, answered: u.answered === 1 }))),
      history: events.filter((e) => e.contact_id === r.id),
      menuPaths: [],
    };
  };
  const all = rows.map(view);
  // A phone lists its listed menu paths only; a withdrawn one is among the withdrawn channels.
  for (const c of all) if (c.kind === 'menu_path' && c.parentId !== null && c.listed) all.find((p) => p.id === c.parentId)?.menuPaths.push(c);
  const order = (c: DirectoryContact) => (c.official ? 0 : c.status === 'active' ? 1 : 2);
  const top = all.filter((c) => c.kind !== 'menu_path');
  const withdrawn = all.filter((c) => c.status === 'withdrawn').sort((a, b) => (b.withdrawnAt ?? 0) - (a.withdrawnAt ?? 0));
  return {
    contacts: top.filter((c) => c.listed).sort((a, b) => order(a) - order(b) || a.id - b.id),
    withdrawn,
    warnings: top.filter((c) => c.status === 'fake'),
    unlisted: all.filter((c) => c.status === 'pending' && !c.listed),
    removedLast12Months: removedWithin(withdrawn, now),
  };
}

export interface PickableContact {
  id: number;
  kind: ContactKind;
  value: string;
  label: string | null;
  costClass: ContactRow['cost_class'];
  parentValue: string | null;
}
export type PickableByChannel = Partial<Record<Channel, PickableContact[]>>;

/** The listed contacts of companies (the publish picker, attachStoryContacts): active, or awaiting confirmation and undisputed. */
async function listedContacts(db: DB, companyIds: readonly number[]): Promise<ContactRow[]> {
  const rows = await listCompanyContacts(db, companyIds);
  const counts = await reportCounts(db, rows.filter((r) => r.status === 'pending').map((r) => r.id));
  const openFake = new Map(counts.filter((c) => c.kind === 'fake').map((c) => [c.contact_id, Number(c.open)]));
  const listed = rows.filter((r) => isListed({ status: r.status, lookalike: r.lookalike === 1, openFake: openFake.get(r.id) ?? 0 }));
  // A menu path is listed with its phone only.
  const ids = new Set(listed.map((r) => r.id));
  return listed.filter((r) => r.kind !== 'menu_path' || ids.has(r.parent_id ?? -1));
}

/** The contacts the publish form offers for a company, per story channel (listed ones only). */
export async function pickableContacts(db: DB, companyId: number): Promise<PickableByChannel> {
  const rows = await listedContacts(db, [companyId]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: PickableByChannel = {};
  for (const [channel, kinds] of Object.entries(CHANNEL_CONTACT_KINDS) as [Channel, ContactKind[]][]) {
    const list = rows
      .filter((r) => kinds.includes(r.kind))
      .filter((r) => {
        const cost = r.kind === 'menu_path' ? byId.get(r.parent_id!)!.cost_class : r.cost_class;
        if (channel === 'phone_tollfree') return cost === 'toll_free';
        if (channel === 'phone_paid') return cost !== 'toll_free';
        return true;
      })
      .map((r) => ({ id: r.id, kind: r.kind, value: r.value, label: r.label, costClass: r.kind === 'menu_path' ? byId.get(r.parent_id!)!.cost_class : r.cost_class, parentValue: r.kind === 'menu_path' ? byId.get(r.parent_id!)!.value : null }));
    if (list.length > 0) out[channel] = list;
  }
  return out;
}

export interface StoryContactPick {
  channel: Channel;
  contactId?: number;
  newValue?: string;
  /** Whose contact the new one is: the marketplace the story names, or (default) the seller. */
  newFor?: 'seller' | 'marketplace';
}

/**
 * Inside publishStory's transaction: the contact used on each channel. A picked contact must be
 * listed (not withdrawn, not a look-alike, not disputed) and belong to one of the story's
 * companies (`companyIds`: the seller first, then the marketplace if the story names one); a new
 * one is added to the directory of the company the author chose (the seller by default) as
 * reported by the author (it counts as one report towards its confirmation).
 */
export async function attachStoryContacts(trx: DB, userId: number | null, storyId: number, companyIds: readonly number[], channels: readonly Channel[], picks: readonly StoryContactPick[], now: number): Promise<void> {
  if (picks.length === 0) return;
  const companies = await trx.selectFrom('companies').select(['id', 'country']).where('id', 'in', companyIds).execute();
  const listed = picks.some((p) => p.contactId !== undefined) ? new Set((await listedContacts(trx, companyIds)).map((r) => r.id)) : new Set<number>();
  for (const pick of picks) {
    if (!channels.includes(pick.channel)) continue;
    const kinds = CHANNEL_CONTACT_KINDS[pick.channel] ?? [];
    if (pick.contactId !== undefined) {
      const c = listed.has(pick.contactId) ? await findContact(trx, pick.contactId) : undefined;
      if (c && companyIds.includes(c.company_id) && kinds.includes(c.kind)) await setStoryChannelContact(trx, storyId, pick.channel, c.id);
      continue;
    }
    const kind = CHANNEL_NEW_KIND[pick.channel];
    const owner = pick.newFor === 'marketplace' && companyIds.length > 1 ? companyIds[1] : companyIds[0];
    const company = companies.find((c) => c.id === owner);
    if (!kind || !pick.newValue || userId === null || !company) continue;
    const found = await findOrAdd(trx, company, { kind, value: pick.newValue }, 'consumer', userId, now);
    if ('error' in found) continue;
    const row = found.row;
    // A contact someone reported as not the company's, or withdrawn, is not attached: the author's
    // "it exists" is counted (a withdrawn line may work again) but never lists a look-alike.
    const openFake = row.status === 'pending' ? await countOpenReporters(trx, row.id, ['fake']) : 0;
    if (isListed({ status: row.status, lookalike: row.lookalike === 1, openFake })) await setStoryChannelContact(trx, storyId, pick.channel, row.id);
    if (row.status === 'pending' || row.status === 'withdrawn') await fileReport(trx, row, 'exists', 'consumer', userId, now);
  }
}

/** The directory's postal address and PEC for the complaint letter (official first). */
export async function letterAddress(db: DB, companyId: number): Promise<{ postal: string | null; pec: string | null }> {
  const rows = (await listCompanyContacts(db, [companyId])).filter((r) => r.status === 'active').sort((a, b) => b.official - a.official);
  return { postal: rows.find((r) => r.kind === 'postal')?.value ?? null, pec: rows.find((r) => r.kind === 'pec')?.value ?? null };
}

export { CONFIRM_REPORTS };
