// The publish form's contact picker (decisions 0042, 0050), parsed apart from the rest of the form:
// per channel, `contact_<channel>` is the id of a listed contact (the seller's or, when the story
// names one, the marketplace's) and `contactNew_<channel>` a contact the author adds (a number, an
// address, a web page), with `contactNewFor_<channel>` saying whose it is ('seller' by default, or
// 'marketplace'). What is typed is checked here, a phone number in the country of the company it
// belongs to, so the form comes back filled in with a message beside the field; the service checks
// again. The picker's options (grouped by company, labelled) are built here too, for the page and
// for /api/contact-picks (the script that reloads them when the company is chosen).
import { getDomain } from 'tldts';
import { findCompanyBySlug, findDuplicateCompany } from '../db/company.repository.ts';
import type { DB } from '../db/client.ts';
import type { CompanyRow } from '../db/schema.ts';
import { CHANNEL_CONTACT_KINDS, CHANNEL_NEW_KIND, CONTACT_VALUE_MAX, normalizeContact } from '../domain/contacts.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
import { pickableContacts, type PickableContact, type StoryContactPick } from '../services/contact.service.ts';
import { contactName, contactValueText, menuPathText } from './contact-display.ts';
import { valueOf, type FieldErrors, type FormValues } from './forms.ts';

export const PICKER_CHANNELS = Object.keys(CHANNEL_CONTACT_KINDS) as Channel[];

/** The default country for a phone number typed for a company not yet in the directory. */
export const DEFAULT_COUNTRY = 'IT';

/**
 * The country of a company the form names but the directory does not know yet: its website's
 * country-code domain when it has one (".co.uk" → GB, ".ie" → IE), else Italy, the site's first
 * market (a number written with its +prefix is read as such anyway).
 */
export function countryFromWebsite(website: string | null | undefined): string {
  if (!website) return DEFAULT_COUNTRY;
  const domain = getDomain(website.trim().replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '') ?? '';
  const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
  if (tld === 'uk') return 'GB';
  return /^[a-z]{2}$/.test(tld) && !['eu', 'io', 'co', 'me', 'tv', 'ai'].includes(tld) ? tld.toUpperCase() : DEFAULT_COUNTRY;
}

export interface PickerCountries {
  seller: string;
  /** null: the story names no marketplace. */
  marketplace: string | null;
}

export function parseContactPicks(lang: Locale, values: FormValues, channels: readonly Channel[], countries: PickerCountries | string = DEFAULT_COUNTRY): { picks: StoryContactPick[]; errors: FieldErrors } {
  const where: PickerCountries = typeof countries === 'string' ? { seller: countries, marketplace: null } : countries;
  const picks: StoryContactPick[] = [];
  const errors: FieldErrors = {};
  for (const channel of PICKER_CHANNELS) {
    const picked = valueOf(values, `contact_${channel}`).trim();
    const typed = valueOf(values, `contactNew_${channel}`).trim();
    const newFor = valueOf(values, `contactNewFor_${channel}`) === 'marketplace' && where.marketplace !== null ? 'marketplace' : 'seller';
    if (!channels.includes(channel)) continue;
    if (typed !== '') {
      const kind = CHANNEL_NEW_KIND[channel]!;
      const country = newFor === 'marketplace' ? where.marketplace! : where.seller;
      const checked = typed.length <= CONTACT_VALUE_MAX ? normalizeContact(kind, typed, country) : null;
      if (!checked || !checked.ok) errors[`contactNew_${channel}`] = t(lang, (checked && !checked.ok ? checked.error : 'contacts.error.url') as MessageKey);
      // A number is passed on in its international form: read once, in the right country.
      else picks.push({ channel, newValue: kind === 'phone' ? checked.value : typed, ...(newFor === 'marketplace' ? { newFor } : {}) });
      continue;
    }
    if (picked === '') continue;
    const id = Number(picked);
    if (!Number.isSafeInteger(id) || id <= 0) errors[`contact_${channel}`] = t(lang, 'form.invalidChoice');
    else picks.push({ channel, contactId: id });
  }
  return { picks, errors };
}

type PickerCompany = Pick<CompanyRow, 'id' | 'slug' | 'name' | 'country'>;

/**
 * The companies a publish form names, as the picker and the phone check need them: the seller
 * (chosen from the suggestions: its slug; else a company whose name is the one typed) and the
 * marketplace (by name or website). Only listed companies: the picker never shows the contacts of
 * a company nobody can see yet.
 */
export async function pickerCompanies(db: DB, input: { slug?: string; name?: string; website?: string; marketplaceName?: string; marketplaceWebsite?: string }): Promise<{ seller: PickerCompany | null; marketplace: PickerCompany | null }> {
  const listed = (c: CompanyRow | null | undefined): PickerCompany | null => (c && c.listed_at !== null && c.merged_into_id === null ? { id: c.id, slug: c.slug, name: c.name, country: c.country } : null);
  const slug = input.slug?.trim().slice(0, 80);
  let seller = slug ? listed(await findCompanyBySlug(db, slug)) : null;
  const name = input.name?.trim().slice(0, 120);
  if (!seller && name) seller = listed(await findDuplicateCompany(db, { name, website: input.website?.slice(0, 200) ?? null }));
  const mpName = input.marketplaceName?.trim().slice(0, 120);
  let marketplace = mpName ? listed(await findDuplicateCompany(db, { name: mpName, website: input.marketplaceWebsite?.slice(0, 200) ?? null })) : null;
  if (marketplace && seller && marketplace.id === seller.id) marketplace = null;
  return { seller, marketplace };
}

/** The countries typed numbers are read in: the companies' own, or for a new one its website's. */
export function pickerCountries(found: { seller: PickerCompany | null; marketplace: PickerCompany | null }, values: FormValues): PickerCountries {
  const mpNamed = valueOf(values, 'marketplaceName').trim() !== '';
  return {
    seller: found.seller?.country ?? countryFromWebsite(valueOf(values, 'companyWebsite')),
    marketplace: found.marketplace?.country ?? (mpNamed ? countryFromWebsite(valueOf(values, 'marketplaceWebsite')) : null),
  };
}

export interface PickerOption {
  id: number;
  text: string;
}
export interface PickerGroup {
  role: 'seller' | 'marketplace';
  /** "Seller: Bottega del Telaio" */
  label: string;
  options: PickerOption[];
}
export interface PickerModel {
  seller: { slug: string; name: string } | null;
  marketplace: { slug: string; name: string } | null;
  /** Per channel, the groups with at least one option (one group when no marketplace is named). */
  channels: Partial<Record<Channel, PickerGroup[]>>;
}

function optionText(lang: Locale, o: PickableContact): string {
  const what = o.kind === 'menu_path' ? `${contactValueText('phone', o.parentValue ?? '')} — ${menuPathText(lang, o.value)}` : contactName(lang, o);
  return o.label ? `${what} · ${o.label}` : what;
}

/** The picker's options in a language: the seller's listed contacts and the marketplace's, labelled. */
export async function pickerModel(db: DB, lang: Locale, companies: { seller: PickerCompany | null; marketplace: PickerCompany | null }): Promise<PickerModel> {
  const [sellerOptions, marketOptions] = await Promise.all([
    companies.seller ? pickableContacts(db, companies.seller.id) : Promise.resolve({}),
    companies.marketplace ? pickableContacts(db, companies.marketplace.id) : Promise.resolve({}),
  ]);
  const channels: PickerModel['channels'] = {};
  for (const channel of PICKER_CHANNELS) {
    const groups: PickerGroup[] = [];
    const seller = (sellerOptions as Partial<Record<Channel, PickableContact[]>>)[channel] ?? [];
    const market = (marketOptions as Partial<Record<Channel, PickableContact[]>>)[channel] ?? [];
    if (companies.seller && seller.length > 0) groups.push({ role: 'seller', label: t(lang, 'contacts.picker.groupSeller', { company: companies.seller.name }), options: seller.map((o) => ({ id: o.id, text: optionText(lang, o) })) });
    if (companies.marketplace && market.length > 0) groups.push({ role: 'marketplace', label: t(lang, 'contacts.picker.groupMarketplace', { company: companies.marketplace.name }), options: market.map((o) => ({ id: o.id, text: optionText(lang, o) })) });
    if (groups.length > 0) channels[channel] = groups;
  }
  const pub = (c: PickerCompany | null) => (c ? { slug: c.slug, name: c.name } : null);
  return { seller: pub(companies.seller), marketplace: pub(companies.marketplace), channels };
}
