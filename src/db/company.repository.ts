// Companies: lookup, duplicate detection (same web domain, or same normalised name) and creation.
// Others may append read-only query functions at the end of this file.
import { DomainError } from '../domain/errors.ts';
import { normalizeWebsite } from '../domain/website.ts';
import type { DB } from './client.ts';
import type { CompanyRow, Locale } from './schema.ts';

// Legal-form words that do not tell two companies apart ("Fiori Rapidi S.r.l." = "fiori rapidi").
const legalForms = new Set([
  'srl', 'srls', 'spa', 'sapa', 'snc', 'sas', 'ss', 'scarl', 'scrl', 'scpa', 'coop', 'onlus',
  'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company',
  'gmbh', 'ag', 'kg', 'sa', 'sl', 'sarl', 'bv', 'nv', 'ab', 'oy', 'group', 'holding', 'italia', 'italy',
]);

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The duplicate-detection key of a company name: lower case, accents and punctuation dropped,
 * trailing legal forms removed, spaces removed ("Fiori & Co. S.r.l." → "fiori").
 */
export function companyNameKey(name: string): string {
  const folded = fold(name).replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1').replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1');
  const tokens = folded.replace(/&/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const kept = [...tokens];
  while (kept.length > 1 && legalForms.has(kept[kept.length - 1]!)) kept.pop();
  const key = kept.join('');
  return key === '' ? tokens.join('') : key;
}

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

export async function findCompanyBySlug(db: DB, slug: string): Promise<CompanyRow | null> {
  return (await db.selectFrom('companies').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
}

/** Follows merges to the surviving company (a moderator merged duplicates). */
export async function resolveMergedCompany(db: DB, company: CompanyRow): Promise<CompanyRow> {
  let current = company;
  for (let hops = 0; current.merged_into_id !== null && hops < 10; hops++) {
    const next = await findCompanyById(db, current.merged_into_id);
    if (!next) break;
    current = next;
  }
  return current;
}

/** An existing company that is the same as the one described: same domain first, then same name key. */
export async function findDuplicateCompany(db: DB, candidate: { name: string; website?: string | null }): Promise<CompanyRow | null> {
  const domain = normalizeDomain(candidate.website);
  if (domain) {
    const byDomain = await db.selectFrom('companies').selectAll().where('domain', '=', domain).orderBy('id').executeTakeFirst();
    if (byDomain) return resolveMergedCompany(db, byDomain);
  }
  const key = companyNameKey(candidate.name);
  const byName = await db.selectFrom('companies').selectAll().where('name_key', '=', key).orderBy('id').executeTakeFirst();
  return byName ? resolveMergedCompany(db, byName) : null;
}

export interface NewCompanyInput {
  name: string;
  website?: string | null;
  country?: string;
  sector?: string;
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
