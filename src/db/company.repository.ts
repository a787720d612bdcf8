// The home of the companies table: lookup (by id, by slug, by ids), merges (the surviving
// company, where a merged company's page redirects), duplicate detection (same web domain, or same
// normalised name), creation, the representatives, and the sitemap's list.
import { DomainError } from '../domain/errors.ts';
import { normalizeWebsite } from '../domain/website.ts';
import { publicMailKind, registrableDomain } from '../domain/claim-domain.ts';
import { isPlatformHost } from '../domain/platform-hosts.ts';
import type { DB } from './client.ts';
import { preparedQuery } from './prepared-query.ts';
import type { CompanyRow, Locale } from './schema.ts';

export { companyNameKey } from '../domain/company-name.ts';
import { type CompanyKeyMatch, companyKeyMatch, companyNameKey } from '../domain/company-name.ts';

/** The bare host of a website or domain ("https://www.Fiori.it/x" → "fiori.it"); null when not a host name. */
export function normalizeDomain(input: string | null | undefined): string | null {
  const raw = input?.trim();
  if (!raw) return null;
  try {
    const host = new URL(raw.includes('://') ? raw : `https://${raw}`).hostname.toLowerCase().replace(/\.$/, '');
    if (!host.includes('.') || !/^[a-z0-9.-]+$/.test(host)) return null;
    return host.replace(/^www\d?\./, '');
  } catch {
    return null;
  }
}

/**
 * Slugs a company may not have because a fixed route sits beside /companies/[slug]
 * (/api/v1/companies/suggest): a company named "Suggest" gets "suggest-2".
 */
export const RESERVED_COMPANY_SLUGS: readonly string[] = ['suggest'];

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function slugify(name: string): string {
  // Words that hold masked personal data ("•••67") are left out of the slug entirely.
  const slug = fold(name.replace(/\S*•\S*/g, ' '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'company' : slug;
}

export async function findCompanyById(db: DB, id: number): Promise<CompanyRow | null> {
  return (await db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function getCompanyOrThrow(db: DB, id: number): Promise<CompanyRow> {
  const company = await findCompanyById(db, id);
  if (!company) throw new DomainError('company_not_found');
  return company;
}

const companyBySlug = preparedQuery((db, slug: string) => db.selectFrom('companies').selectAll().where('slug', '=', slug));

/** The company page's lookup (prepared once: it runs on every company page, feed, badge and API call). */
export async function findCompanyBySlug(db: DB, slug: string): Promise<CompanyRow | null> {
  return (await companyBySlug(db, slug))[0] ?? null;
}

export async function findCompanyIdBySlug(db: DB, slug: string): Promise<number | null> {
  return (await db.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;
}

/** Name and slug of the given companies (a representative's own), by name. */
export async function listCompaniesByIds(db: DB, ids: readonly number[]): Promise<Pick<CompanyRow, 'id' | 'slug' | 'name'>[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('companies').select(['id', 'slug', 'name']).where('id', 'in', ids).orderBy('name').execute();
}

/**
 * Follows merged_into_id to the company that is kept (a moderator merged duplicates): the company
 * itself when not merged; null when it does not exist or the chain does not end within 10 hops.
 */
export async function resolveMergedCompany(db: DB, companyId: number): Promise<CompanyRow | null> {
  let id = companyId;
  for (let hops = 0; hops < 10; hops++) {
    const c = await findCompanyById(db, id);
    if (!c) return null;
    if (c.merged_into_id === null) return c;
    id = c.merged_into_id;
  }
  return null;
}

/**
 * Where a merged company's page should redirect: the slug of the company it was merged into, or
 * null when the company was not merged (or does not exist).
 */
export async function findMergeRedirect(db: DB, slug: string): Promise<string | null> {
  const c = await db.selectFrom('companies').select(['id', 'merged_into_id']).where('slug', '=', slug).executeTakeFirst();
  if (!c || c.merged_into_id === null) return null;
  const kept = await resolveMergedCompany(db, c.id);
  return kept === null || kept.id === c.id ? null : kept.slug;
}

/** Companies the sitemap lists (not merged), oldest first, bounded. */
export async function listSitemapCompanies(db: DB, limit: number): Promise<Pick<CompanyRow, 'slug' | 'updated_at'>[]> {
  return db.selectFrom('companies').select(['slug', 'updated_at']).where('merged_into_id', 'is', null).where('listed_at', 'is not', null).orderBy('id').limit(limit).execute();
}

/** Whether a website host is shared by unrelated companies: a platform or a public mail service. */
export function isSharedHost(host: string): boolean {
  return isPlatformHost(host) || publicMailKind(registrableDomain(host) ?? host) !== null;
}

/** An existing company that is the same as the one described: same domain first, then same name key. */
export async function findDuplicateCompany(db: DB, candidate: { name: string; website?: string | null }): Promise<CompanyRow | null> {
  const domain = normalizeDomain(candidate.website);
  // A host many companies share (a Facebook page, an Etsy shop; an old gmail.com row) says
  // nothing about which company this is: only the name decides then (decision 0049).
  if (domain && !isSharedHost(domain)) {
    const byDomain = await db.selectFrom('companies').selectAll().where('domain', '=', domain).orderBy('id').executeTakeFirst();
    if (byDomain) return (await resolveMergedCompany(db, byDomain.id)) ?? byDomain;
  }
  const key = companyNameKey(candidate.name);
  const byName = await db.selectFrom('companies').selectAll().where('name_key', '=', key).orderBy('id').executeTakeFirst();
  return byName ? ((await resolveMergedCompany(db, byName.id)) ?? byName) : null;
}

export interface NewCompanyInput {
  name: string;
  website?: string | null;
  country?: string;
  sector?: string;
  /** The non-staff user who created it (its first story's author): it then awaits a moderator's review. */
  createdByUserId?: number | null;
}

/** Creates a company with a unique slug. Call findDuplicateCompany first (in the same transaction). */
export async function insertCompany(db: DB, input: NewCompanyInput, now: number): Promise<CompanyRow> {
  const base = slugify(input.name);
  const taken = await db
    .selectFrom('companies')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  const used = new Set([...RESERVED_COMPANY_SLUGS, ...taken.map((r) => r.slug)]);
  let slug = base;
  for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
  // Only a website that passes the rule is stored (normalised); the service refuses the others.
  const website = normalizeWebsite(input.website)?.url ?? null;
  const domain = normalizeDomain(website);
  return db
    .insertInto('companies')
    .values({
      slug,
      name: input.name.trim(),
      name_key: companyNameKey(input.name),
      website,
      domain,
      country: (input.country ?? 'IT').toUpperCase(),
      sector: input.sector ?? 'other',
      description: null,
      claimed_by_user_id: null,
      claimed_at: null,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
      created_by_user_id: input.createdByUserId ?? null,
      // Seeded, imported and staff-made companies count as reviewed; one a consumer or a company
      // representative typed waits.
      reviewed_at: input.createdByUserId ? null : now,
      listed_at: input.createdByUserId ? null : now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface Recipient {
  userId: number;
  email: string;
  locale: Locale;
}

/** People who speak for a company (verified or approved claims, or the recorded claimant), not banned. */
export async function findCompanyRepresentatives(db: DB, companyId: number): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.locale'])
    .where('u.banned_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('company_claims as cc')
            .select('cc.id')
            .whereRef('cc.user_id', '=', 'u.id')
            .where('cc.company_id', '=', companyId)
            .where('cc.status', 'in', ['verified', 'approved']),
        ),
        eb('u.id', '=', eb.selectFrom('companies').select('claimed_by_user_id').where('id', '=', companyId)),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, locale: r.locale }));
}

/**
 * Every person who speaks for at least one company, with those companies (verified or approved
 * claims, or the recorded claimant): the recipients of the daily digest. Banned and unverified
 * accounts are left out.
 */
export async function listRepresentativesWithCompanies(db: DB): Promise<{ userId: number; email: string; locale: Locale; displayName: string; companyIds: number[] }[]> {
  const viaClaims = await db
    .selectFrom('company_claims as cc')
    .innerJoin('users as u', 'u.id', 'cc.user_id')
    .innerJoin('companies as c', 'c.id', 'cc.company_id')
    .select(['u.id', 'u.email', 'u.locale', 'u.display_name', 'c.id as company_id'])
    .where('cc.status', 'in', ['verified', 'approved'])
    .where('u.banned_at', 'is', null)
    .where('u.email_verified_at', 'is not', null)
    .where('c.merged_into_id', 'is', null)
    .execute();
  const viaClaimant = await db
    .selectFrom('companies as c')
    .innerJoin('users as u', 'u.id', 'c.claimed_by_user_id')
    .select(['u.id', 'u.email', 'u.locale', 'u.display_name', 'c.id as company_id'])
    .where('u.banned_at', 'is', null)
    .where('u.email_verified_at', 'is not', null)
    .where('c.merged_into_id', 'is', null)
    .execute();
  const byUser = new Map<number, { userId: number; email: string; locale: Locale; displayName: string; companyIds: number[] }>();
  for (const r of [...viaClaims, ...viaClaimant]) {
    const entry = byUser.get(r.id) ?? { userId: r.id, email: r.email, locale: r.locale, displayName: r.display_name, companyIds: [] };
    if (!entry.companyIds.includes(r.company_id)) entry.companyIds.push(r.company_id);
    byUser.set(r.id, entry);
  }
  for (const e of byUser.values()) e.companyIds.sort((a, b) => a - b);
  return [...byUser.values()].sort((a, b) => a.userId - b.userId);
}

/** A granted claim: the company shows this person as its claimant, unless it already has one. */
export async function setClaimantIfNone(db: DB, companyId: number, userId: number, now: number): Promise<void> {
  await db.updateTable('companies').set({ claimed_by_user_id: userId, claimed_at: now, updated_at: now }).where('id', '=', companyId).where('claimed_by_user_id', 'is', null).execute();
}

/** The company's claimant after a revocation (another representative, or nobody). */
export async function setClaimant(db: DB, companyId: number, claimant: { userId: number; claimedAt: number | null } | null, now: number): Promise<void> {
  await db
    .updateTable('companies')
    .set({ claimed_by_user_id: claimant?.userId ?? null, claimed_at: claimant?.claimedAt ?? null, updated_at: now })
    .where('id', '=', companyId)
    .execute();
}

/** A merge: the duplicate points at the kept company and no longer has a claimant of its own. */
export async function markCompanyMerged(db: DB, companyId: number, keptId: number, now: number): Promise<void> {
  await db.updateTable('companies').set({ merged_into_id: keptId, claimed_by_user_id: null, claimed_at: null, updated_at: now }).where('id', '=', companyId).execute();
}

/** Erasure: the person is no longer shown as any company's claimant. */
export async function clearClaimantEverywhere(db: DB, userId: number): Promise<void> {
  await db.updateTable('companies').set({ claimed_by_user_id: null, claimed_at: null }).where('claimed_by_user_id', '=', userId).execute();
}

/** A moderator set the claim domain as trusted, or the domain was proven (DNS TXT record, file). */
export async function setDomainTrust(db: DB, companyId: number, trust: 'moderator' | 'dns' | 'file', now: number): Promise<void> {
  await db.updateTable('companies').set({ domain_trust: trust, domain_trusted_at: now, updated_at: now }).where('id', '=', companyId).execute();
}

/** The company's verification token, created with `fresh` when it has none yet. */
export async function ensureDomainToken(db: DB, companyId: number, fresh: string): Promise<string> {
  await db.updateTable('companies').set({ domain_token: fresh }).where('id', '=', companyId).where('domain_token', 'is', null).execute();
  const row = await db.selectFrom('companies').select('domain_token').where('id', '=', companyId).executeTakeFirstOrThrow();
  return row.domain_token ?? fresh;
}

/**
 * A moderator reviewed a company a consumer created: released, it appears in lists; kept out, it
 * stays off them for good (its own page and stories still work). True when this call decided.
 */
export async function markCompanyReviewed(db: DB, companyId: number, moderatorId: number, release: boolean, now: number): Promise<boolean> {
  const res = await db
    .updateTable('companies')
    .set((eb) => ({ reviewed_at: now, reviewed_by: moderatorId, listed_at: release ? eb.fn.coalesce('listed_at', eb.val(now)) : null, updated_at: now }))
    .where('id', '=', companyId)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The company appears in lists from now on (enough different authors wrote about it). */
export async function markCompanyListed(db: DB, companyId: number, now: number): Promise<void> {
  await db.updateTable('companies').set({ listed_at: now, updated_at: now }).where('id', '=', companyId).where('listed_at', 'is', null).execute();
}

export interface CompanyAwaitingReview {
  id: number;
  slug: string;
  name: string;
  website: string | null;
  createdAt: number;
  listedAt: number | null;
  creatorName: string | null;
}

/** Companies consumers created that no moderator reviewed yet, oldest first, bounded. */
export async function listCompaniesAwaitingReview(db: DB, limit: number): Promise<CompanyAwaitingReview[]> {
  const rows = await db
    .selectFrom('companies as c')
    .leftJoin('users as u', 'u.id', 'c.created_by_user_id')
    .select(['c.id', 'c.slug', 'c.name', 'c.website', 'c.created_at', 'c.listed_at', 'u.display_name'])
    .where('c.reviewed_at', 'is', null)
    .where('c.merged_into_id', 'is', null)
    .orderBy('c.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, website: r.website, createdAt: r.created_at, listedAt: r.listed_at, creatorName: r.display_name }));
}

export interface CompanyMatch {
  id: number;
  slug: string;
  name: string;
  country: string;
  match: CompanyKeyMatch;
  /** False for the asker's own new company that is not listed yet. */
  listed: boolean;
}

const matchOrder: Record<CompanyKeyMatch, number> = { same: 0, prefix: 1, close: 2 };

/**
 * Existing companies whose normalised name matches what was typed (domain/company-name.ts): the
 * same key, a key that starts with it, or one a letter or two apart. Only listed companies, plus
 * the asker's own (a company they created that is not listed yet); merged ones never. Reads the
 * name_key index: a range for the prefix, a short range of the first letters for near misses.
 */
export async function findCompanyMatches(db: DB, typed: string, opts: { userId: number | null; limit: number }): Promise<CompanyMatch[]> {
  const key = companyNameKey(typed);
  if (key.length < 2) return [];
  const visible = (q: any) =>
    q.where('merged_into_id', 'is', null).where((eb: any) => (opts.userId === null ? eb('listed_at', 'is not', null) : eb.or([eb('listed_at', 'is not', null), eb('created_by_user_id', '=', opts.userId)])));
  const columns = ['id', 'slug', 'name', 'name_key', 'country', 'listed_at'] as const;
  const stem = key.slice(0, 3);
  const [byPrefix, near] = await Promise.all([
    visible(db.selectFrom('companies').select(columns).where('name_key', '>=', key).where('name_key', '<', `${key}\uffff`)).orderBy('name_key').limit(50).execute(),
    key.length >= 5
      ? visible(db.selectFrom('companies').select(columns).where('name_key', '>=', stem).where('name_key', '<', `${stem}\uffff`)).orderBy('name_key').limit(200).execute()
      : Promise.resolve([]),
  ]);
  const seen = new Set<number>();
  const out: CompanyMatch[] = [];
  for (const r of [...byPrefix, ...near] as { id: number; slug: string; name: string; name_key: string; country: string; listed_at: number | null }[]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const match = companyKeyMatch(key, r.name_key);
    if (match) out.push({ id: r.id, slug: r.slug, name: r.name, country: r.country, match, listed: r.listed_at !== null });
  }
  out.sort((a, b) => matchOrder[a.match] - matchOrder[b.match] || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return out.slice(0, opts.limit);
}

export interface DuplicateGroupCompany {
  id: number;
  slug: string;
  name: string;
  domain: string | null;
  createdAt: number;
  listed: boolean;
  stories: number;
}

export interface DuplicateGroup {
  /** What the companies share: the same normalised name, or the same web domain. */
  reason: 'name' | 'domain';
  /** The shared name key or domain. */
  value: string;
  /** Oldest first: the first is the one kept by default. */
  companies: DuplicateGroupCompany[];
}

/**
 * Likely duplicate companies for the moderators' queue (issue 14): companies not merged that share
 * a normalised name key or a registrable web domain (public-suffix aware, so two subdomains of
 * one registrable domain are grouped; platform and public-mail hosts never group, decision 0049).
 * Publishing reuses such a company, so groups come from
 * imports, from companies created before names were normalised, and from renames. Bounded.
 */
export async function listDuplicateGroups(db: DB, limit: number): Promise<DuplicateGroup[]> {
  // Domains are compared by their registrable part (public-suffix aware): shop.fioriveloci.it and
  // fioriveloci.it are one candidate group, user1.github.io and user2.github.io are not. Grouped
  // here rather than in SQL: one narrow row per company with a website, for a moderators' page.
  const [byName, domainRows] = await Promise.all([
    db.selectFrom('companies').select(['name_key as value']).where('merged_into_id', 'is', null).groupBy('name_key').having((eb) => eb.fn.countAll(), '>', 1).orderBy('name_key').limit(limit).execute(),
    db.selectFrom('companies').select(['domain']).where('merged_into_id', 'is', null).where('domain', 'is not', null).execute(),
  ]);
  const hostsByDomain = new Map<string, string[]>();
  for (const r of domainRows) {
    // Shops on one platform (facebook.com, etsy.com…) or typed with a mail domain are not alike.
    if (isSharedHost(r.domain!)) continue;
    const key = registrableDomain(r.domain) ?? r.domain!;
    hostsByDomain.set(key, [...(hostsByDomain.get(key) ?? []), r.domain!]);
  }
  const byDomain = [...hostsByDomain.entries()].filter(([, hosts]) => hosts.length > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
  const groups: { reason: 'name' | 'domain'; value: string }[] = [
    ...byName.map((r) => ({ reason: 'name' as const, value: r.value })),
    ...byDomain.map(([value]) => ({ reason: 'domain' as const, value })),
  ].slice(0, limit);
  if (groups.length === 0) return [];
  const names = groups.filter((g) => g.reason === 'name').map((g) => g.value);
  const domains = [...new Set(groups.filter((g) => g.reason === 'domain').flatMap((g) => hostsByDomain.get(g.value) ?? []))];
  const rows = await db
    .selectFrom('companies as c')
    .leftJoin('company_stats as st', (j) => j.onRef('st.company_id', '=', 'c.id').on('st.period', '=', 'all'))
    .select(['c.id', 'c.slug', 'c.name', 'c.name_key', 'c.domain', 'c.created_at', 'c.listed_at', 'st.story_count'])
    .where('c.merged_into_id', 'is', null)
    .where((eb) => eb.or([...(names.length ? [eb('c.name_key', 'in', names)] : []), ...(domains.length ? [eb('c.domain', 'in', domains)] : [])]))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const toCompany = (r: (typeof rows)[number]): DuplicateGroupCompany => ({
    id: r.id, slug: r.slug, name: r.name, domain: r.domain, createdAt: r.created_at, listed: r.listed_at !== null, stories: r.story_count ?? 0,
  });
  const out: DuplicateGroup[] = [];
  const shown = new Set<string>();
  for (const g of groups) {
    const companies = rows.filter((r) => (g.reason === 'name' ? r.name_key === g.value : r.domain !== null && (registrableDomain(r.domain) ?? r.domain) === g.value)).map(toCompany);
    // The same companies sharing both name and domain are shown once.
    const ids = companies.map((c) => c.id).join(',');
    if (companies.length < 2 || shown.has(ids)) continue;
    shown.add(ids);
    out.push({ reason: g.reason, value: g.value, companies });
  }
  return out;
}
