// Personal data that people type into public text by mistake (their own phone number, an
// e-mail address, an IBAN for the refund, a card number) is masked on publish; the author is
// told what was masked. Detection is deliberately conservative where a false positive would
// damage a story (dates, times, prices, order and ticket numbers, companies' service numbers):
// see decision 0006.
//
// Detection runs on a normalised copy of the text (NFKC: full-width ＠ and digits become ASCII;
// zero-width characters dropped; `[at]`/`(at)`/`[dot]` read as `@`/`.`), and what it finds is
// masked in the original text: the span a finding covers there (zero-width characters and
// look-alikes included) is replaced by the mask. Phone numbers are found by libphonenumber-js
// (Italy as the default country, any country written with +/00, and national formats of the
// neighbouring countries), plus North American shapes; companies' service lines stay.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';
import { t, type Locale } from '../i18n/index.ts';

export type PiiKind = 'email' | 'iban' | 'card' | 'phone' | 'tax_code';

export interface PiiFinding {
  kind: PiiKind;
  /** What the author typed (shown only to the author, never stored in public text). */
  original: string;
  /** What replaced it in the public text. */
  masked: string;
}

export interface MaskedText {
  text: string;
  found: PiiFinding[];
}

const MASK = '•';

interface Hit {
  start: number;
  end: number;
  kind: PiiKind;
  masked: string;
}

// ---------------------------------------------------------------- e-mail addresses

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,24}(?![\p{L}\p{N}-])/gu;

function emailHits(text: string): Hit[] {
  return [...text.matchAll(EMAIL)].map((m) => {
    const [local, domain] = splitAt(m[0], m[0].lastIndexOf('@'));
    // The domain stays: "wrote to •••@fiori-veloci.it" keeps the story useful.
    return { start: m.index, end: m.index + m[0].length, kind: 'email' as const, masked: `${MASK.repeat(Math.min(3, local.length))}${domain}` };
  });
}

function splitAt(s: string, i: number): [string, string] {
  return [s.slice(0, i), s.slice(i)];
}

// ---------------------------------------------------------------- IBANs (ISO 13616, mod 97)

/** Lengths of the IBANs people here are likely to type; other countries: 15–34 and mod 97. */
const IBAN_LENGTHS: Record<string, number> = {
  IT: 27, SM: 27, VA: 22, DE: 22, FR: 27, ES: 24, GB: 22, IE: 22, NL: 18, BE: 16, AT: 20, CH: 21, LU: 20,
  PT: 25, GR: 27, PL: 28, RO: 24, HR: 21, SI: 19, MT: 31, CY: 28, SE: 24, DK: 18, FI: 18, NO: 15, LT: 20,
  LV: 21, EE: 20, CZ: 24, SK: 24, HU: 28, BG: 22, MC: 27, LI: 21,
};

// Country code, check digits, then 11–30 letters/digits, optionally grouped by spaces or hyphens.
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/g;

export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

function ibanHits(text: string): Hit[] {
  const hits: Hit[] = [];
  const re = new RegExp(IBAN_CANDIDATE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The candidate may have swallowed following words ("… 456 grazie", or the next IBAN):
    // take the longest prefix that is a valid IBAN and continue the search right after it.
    const raw = m[0];
    let matchedEnd = 0;
    for (let end = raw.length; end >= 15; end--) {
      const slice = raw.slice(0, end);
      if (/[ -]$/.test(slice)) continue;
      const compact = slice.replace(/[ -]/g, '');
      if (isValidIban(compact)) {
        let seen = 0;
        const masked = slice.replace(/[A-Za-z0-9]/g, (c) => (seen++ < 2 || seen > compact.length - 4 ? c : MASK));
        hits.push({ start: m.index, end: m.index + end, kind: 'iban', masked });
        matchedEnd = end;
        break;
      }
    }
    re.lastIndex = m.index + (matchedEnd || 1);
  }
  return hits;
}

// ---------------------------------------------------------------- card numbers (Luhn + IIN)

const CARD_CANDIDATE = /(?<![\d.,/-])\d(?:[ -]?\d){12,18}(?![\d])/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths of the card schemes in use; an order number rarely fits both. */
function looksLikeCard(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (digits.startsWith('6011') || p2 === 65 || (p4 >= 6440 && p4 <= 6499)) return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p4 >= 3000 && p4 <= 3059)) return n >= 14 && n <= 19; // Diners
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  return false;
}

function cardHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    if (!looksLikeCard(digits) || !luhnValid(digits)) continue;
    if (hasReferenceContext(text, m.index)) continue;
    let seen = 0;
    const masked = m[0].replace(/\d/g, (d) => (++seen > digits.length - 4 ? d : MASK));
    hits.push({ start: m.index, end: m.index + m[0].length, kind: 'card', masked });
  }
  return hits;
}

// ---------------------------------------------------------------- phone numbers

// An optional international prefix, then digits in groups separated by one space, dot, hyphen
// or slash (Italian "02/1234567"); the area code may be in brackets.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}+€$£.,:/-])(?:(?:\+|00)\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ ./-]?\d){4,14}(?![\p{N}]|[.,]\d|:\d)/gu;

/** Words that make a number a reference (order, ticket, invoice, tracking, customer code). */
const REFERENCE_WORDS =
  /(?:ordine|order|ord\.|n\.|nr\.?|num(?:ero)?\.?|no\.|n°|nº|#|pratica|ticket|codice|code|tracking|spedizione|shipment|fattura|invoice|ricevuta|receipt|rif(?:erimento)?\.?|ref(?:erence)?\.?|cliente|customer|contratto|contract|account|id|seriale|serial|imei|matricola|protocollo|prot\.|ddt|cap|iban|p\.?\s?iva|vat|cf)\s*[:.#°]?\s*$/i;

function hasReferenceContext(text: string, index: number): boolean {
  return REFERENCE_WORDS.test(text.slice(Math.max(0, index - 24), index));
}

const DATE_LIKE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
/** A slashed date inside a run of numbers ("300 1/1/2000"): the run is not a phone number. */
const HAS_SLASHED_DATE = /(?<!\d)\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)/;

/**
 * Italian service numbers (toll-free 800/803, shared-cost 840/848, premium 199/89x, 178) belong
 * to companies, and stories are about exactly those lines: they are not personal data.
 */
const ITALIAN_SERVICE_NUMBER = /^(?:80[03]|84[078]|89[2459]|199|178|16[0-9])/;

/**
 * North American numbers as people write them — (415) 555-0134, 415-555-0134, 415.555.0134 —
 * separators required, so a bare run of ten digits (an amount, an account) is not one. The
 * imported CFPB narratives are American. Toll-free lines are companies' own, as in Italy.
 */
const NANP_SHAPE = /^(?:\([2-9]\d\d\) ?|[2-9]\d\d[-. ])[2-9]\d\d[-. ]\d{4}$/;
const NANP_TOLL_FREE = /^8(?:00|33|44|55|66|77|88)/;

function classifyPhone(candidate: string): boolean {
  if (DATE_LIKE.test(candidate.trim()) || HAS_SLASHED_DATE.test(candidate)) return false;
  if (NANP_SHAPE.test(candidate.trim())) return !NANP_TOLL_FREE.test(candidate.replace(/\D/g, ''));
  const international = /^(?:\+|00)/.test(candidate);
  let digits = candidate.replace(/\D/g, '');
  if (international) {
    if (candidate.startsWith('00')) digits = digits.slice(2);
    if (digits.startsWith('39')) return isItalianNumber(digits.slice(2));
    // A company's service line abroad (+1 800…, +44 800…) is not personal data either.
    const type = parsePhoneNumberFromString(`+${digits}`)?.getType();
    if (type !== undefined && SERVICE_TYPES.has(type)) return false;
    return digits.length >= 8 && digits.length <= 15;
  }
  // Without a prefix only Italian shapes are recognised: bare digit runs elsewhere are too
  // often amounts, years or codes.
  return isItalianNumber(digits);
}

function isItalianNumber(national: string): boolean {
  if (ITALIAN_SERVICE_NUMBER.test(national)) return false;
  if (national.startsWith('3')) return national.length === 9 || national.length === 10; // mobile
  if (national.startsWith('0')) return national.length >= 6 && national.length <= 11; // landline
  return false;
}

function maskPhone(candidate: string): string {
  const digitCount = candidate.replace(/\D/g, '').length;
  let seen = 0;
  return candidate.replace(/\d/g, (d) => (++seen > digitCount - 2 ? d : MASK));
}

/** Lines that belong to companies (toll-free, shared cost, premium, universal access numbers). */
const SERVICE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN', 'PERSONAL_NUMBER', 'VOICEMAIL']);

/** Numbers as libphonenumber finds them: Italian ones in any national format, any country with +/00. */
function libPhoneHits(text: string): Hit[] {
  const hits: Hit[] = [];
  // The library is slow on long texts (~1 ms per kB): it only reads the runs that could be a
  // number (six digits or more with separators), each with the characters just before it.
  for (const run of text.matchAll(PHONE_RUN)) {
    if (DATE_LIKE.test(run[0]) || HAS_SLASHED_DATE.test(run[0]) || hasReferenceContext(text, run.index)) continue;
    const offset = Math.max(0, run.index - 2);
    for (const f of findPhoneNumbersInText(text.slice(offset, run.index + run[0].length), { defaultCountry: 'IT' })) {
      const hit = libPhoneHit(text, f.number, offset + f.startsAt, offset + f.endsAt);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

/** Six digits or more, possibly with a +/00 prefix, brackets and separators between them. */
const PHONE_RUN = /\+?\(?\d(?:[ \t.()/-]{0,3}\d){5,}\)?/g;

function libPhoneHit(text: string, number: PhoneNumber, start: number, end: number): Hit | null {
  const candidate = text.slice(start, end);
  // The same boundaries as the hand-written candidates: not glued to a word, an amount, a time.
  if (/[\p{L}\p{N}€$£.,:/-]/u.test(text[start - 1] ?? '') || /^(?:\p{N}|[.,:]\p{N})/u.test(text.slice(end, end + 2))) return null;
  const type = number.getType();
  if (type !== undefined && SERVICE_TYPES.has(type)) return null;
  if (number.countryCallingCode === '39' && ITALIAN_SERVICE_NUMBER.test(number.nationalNumber)) return null;
  if (number.countryCallingCode === '1' && NANP_TOLL_FREE.test(number.nationalNumber)) return null;
  if (DATE_LIKE.test(candidate.trim()) || hasReferenceContext(text, start)) return null;
  return { start, end, kind: 'phone', masked: maskPhone(candidate) };
}

/**
 * National formats of the countries whose numbers people here most often write without a prefix
 * (a trunk 0 first: "06 12 34 56 78" in France, "0151 23456789" in Germany, "07911 123456" in
 * the UK). Only valid, non-service numbers of at least 9 digits.
 */
const NATIONAL_COUNTRIES: readonly CountryCode[] = ['FR', 'DE', 'GB', 'CH', 'AT', 'BE', 'NL', 'IE', 'PT'];

function isForeignNationalNumber(candidate: string): boolean {
  if (HAS_SLASHED_DATE.test(candidate)) return false;
  const digits = candidate.replace(/\D/g, '');
  if (!/^0[1-9]/.test(candidate.trim()) || digits.length < 9) return false;
  return NATIONAL_COUNTRIES.some((country) => {
    const n = parsePhoneNumberFromString(candidate, country);
    if (!n || !n.isValid()) return false;
    const type = n.getType();
    return type === undefined || !SERVICE_TYPES.has(type);
  });
}

function phoneHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0];
    if (!classifyPhone(candidate) && !isForeignNationalNumber(candidate)) continue;
    if (hasReferenceContext(text, m.index)) continue;
    hits.push({ start: m.index, end: m.index + candidate.length, kind: 'phone', masked: maskPhone(candidate) });
  }
  return hits;
}

// ---------------------------------------------------------------- codice fiscale (Italian tax code)

// Surname, name (3 letters each), year, month letter, day (+40 for women), town (letter + 3),
// check letter; digits may be replaced by letters (omocodia). Optional spaces between groups.
const CF_DIGIT = '[0-9LMNPQRSTUV]';
const TAX_CODE = new RegExp(
  `(?<![A-Za-z0-9])[A-Za-z]{3} ?[A-Za-z]{3} ?${CF_DIGIT}{2} ?[ABCDEHLMPRST] ?${CF_DIGIT}{2} ?[A-Za-z] ?${CF_DIGIT}{3} ?[A-Za-z](?![A-Za-z0-9])`,
  'gi',
);
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Whether a compact, upper-case codice fiscale has the right check character. */
export function isValidTaxCode(code: string): boolean {
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code[i]!;
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

function taxCodeHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(TAX_CODE)) {
    const compact = m[0].replace(/ /g, '').toUpperCase();
    if (!isValidTaxCode(compact)) continue;
    let seen = 0;
    const masked = m[0].replace(/[A-Za-z0-9]/g, (c) => (++seen > 14 ? c : MASK));
    hits.push({ start: m.index, end: m.index + m[0].length, kind: 'tax_code', masked });
  }
  return hits;
}

// ---------------------------------------------------------------- normalisation

/** Characters that show nothing and so can split a number or an address invisibly. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;
/** `[at]`, `(at)`, `{at}`, `[chiocciola]` … and the same for dots, with spaces around. */
const OBFUSCATED = /\s*[[({]\s*(at|chiocciola|dot|punto)\s*[\])}]\s*/iy;

/** Characters NFKC leaves alone and that hide nothing. */
const PLAIN_TEXT = /^[\t\n\r\x20-\x7e\u00c0-\u017f\u2013\u2014\u2018-\u201e\u20ac]*$/;
const HAS_OBFUSCATION = /[[({]\s*(?:at|chiocciola|dot|punto)\s*[\])}]/i;

interface Normalised {
  text: string;
  /** For each UTF-16 unit of `text`: the start and end of the original span it comes from. */
  from: number[];
  to: number[];
}

/** The text as detection sees it, with a map back to the original. */
export function normaliseForDetection(original: string): Normalised | { text: string; from: null; to: null } {
  // Most texts hold nothing to normalise (ASCII, accented letters, typographic quotes, €).
  if (PLAIN_TEXT.test(original) && !HAS_OBFUSCATION.test(original)) return { text: original, from: null, to: null };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  const emit = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) {
      from.push(start);
      to.push(end);
    }
    text += s;
  };
  let i = 0;
  while (i < original.length) {
    const ch = original[i]!;
    if (ch === '[' || ch === '(' || ch === '{' || /\s/.test(ch)) {
      OBFUSCATED.lastIndex = i;
      const m = OBFUSCATED.exec(original);
      if (m) {
        const word = m[1]!.toLowerCase();
        emit(word === 'at' || word === 'chiocciola' ? '@' : '.', i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    const cp = original.codePointAt(i)!;
    const unit = String.fromCodePoint(cp);
    if (!INVISIBLE.test(unit)) emit(unit.normalize('NFKC'), i, i + unit.length);
    i += unit.length;
  }
  return { text, from, to };
}

// ---------------------------------------------------------------- masking

/**
 * Masks personal data in public text. Earlier kinds win over later ones where matches
 * overlap (the digits of an e-mail address are not also a phone number).
 */
export function maskPii(text: string): MaskedText {
  const norm = normaliseForDetection(text);
  const accepted: Hit[] = [];
  const overlaps = (h: Hit) => accepted.some((a) => h.start < a.end && a.start < h.end);
  for (const finder of [emailHits, ibanHits, cardHits, taxCodeHits, phoneHits, libPhoneHits]) {
    for (const hit of finder(norm.text)) {
      // Back to the original text: from the first character's span to the last one's.
      const mapped = norm.from ? { ...hit, start: norm.from[hit.start]!, end: norm.to[hit.end - 1]! } : hit;
      if (!overlaps(mapped)) accepted.push(mapped);
    }
  }
  if (accepted.length === 0) return { text, found: [] };
  accepted.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const found: PiiFinding[] = [];
  for (const h of accepted) {
    out += text.slice(at, h.start) + h.masked;
    found.push({ kind: h.kind, original: text.slice(h.start, h.end), masked: h.masked });
    at = h.end;
  }
  return { text: out + text.slice(at), found };
}

/** Masks several fields of one submission (title, body, …) and merges what was found. */
export function maskPiiFields<K extends string>(fields: Record<K, string>): { fields: Record<K, string>; found: PiiFinding[] } {
  const out = {} as Record<K, string>;
  const found: PiiFinding[] = [];
  for (const key of Object.keys(fields) as K[]) {
    const r = maskPii(fields[key]);
    out[key] = r.text;
    found.push(...r.found);
  }
  return { fields: out, found };
}

/**
 * What to tell the author after publishing: a heading and one line per masked item, in their
 * language (content.pii.* keys). Empty when nothing was masked.
 */
export function piiNotice(locale: Locale, found: readonly PiiFinding[]): { heading: string; items: string[] } | null {
  if (found.length === 0) return null;
  return {
    heading: t(locale, 'content.pii.notice'),
    items: found.map((f) => t(locale, 'content.pii.item', { kind: t(locale, `content.pii.kind.${f.kind}`), original: f.original, masked: f.masked })),
  };
}
