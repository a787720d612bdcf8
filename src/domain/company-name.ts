// A company's name as people type it on the publish form (issue 14): plain text only (no markup,
// no emoji or control characters), and a key to find the same company however it is spelt
// (case, accents, spacing, punctuation, trailing legal forms such as S.p.A., S.r.l., Ltd, GmbH).

// Legal-form words that do not tell two companies apart ("Fiori Rapidi S.r.l." = "fiori rapidi").
// Only legal forms: words such as "Italia", "Group", "Holding", "Company", "Co" are part of a
// name ("Amazon Italia" is not "Amazon", "Banca d'Italia" is not "Banca d'"; decision 0049).
const legalForms = new Set([
  'srl', 'srls', 'spa', 'sapa', 'snc', 'sas', 'ss', 'scarl', 'scrl', 'scpa', 'coop', 'onlus',
  'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'inc', 'incorporated', 'corp', 'corporation',
  'gmbh', 'ag', 'kg', 'sa', 'sl', 'sarl', 'bv', 'nv', 'ab', 'oy',
]);

// Words that follow a legal form ("S.r.l. unipersonale", "S.r.l. a socio unico", "S.p.A. in
// liquidazione"): dropped with it, only when a legal form comes right before them.
const legalQualifiers: readonly (readonly string[])[] = [
  ['unipersonale'], ['a', 'socio', 'unico'], ['con', 'socio', 'unico'], ['socio', 'unico'], ['in', 'liquidazione'],
];

/** The tokens without the trailing legal form and its qualifiers (at least one token kept). */
function withoutLegalForm(tokens: readonly string[]): string[] {
  const kept = [...tokens];
  for (;;) {
    const before = kept.length;
    for (const q of legalQualifiers) {
      const at = kept.length - q.length;
      if (at >= 2 && legalForms.has(kept[at - 1]!) && q.every((w, i) => kept[at + i] === w)) {
        kept.length = at;
        break;
      }
    }
    while (kept.length > 1 && legalForms.has(kept[kept.length - 1]!)) kept.pop();
    if (kept.length === before) return kept;
  }
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The duplicate-detection key of a company name: lower case, accents and punctuation dropped,
 * trailing legal forms (and their qualifiers: "S.r.l. unipersonale") removed, spaces removed
 * ("Fiori & Co. S.r.l." → "fiorico", "FIORI VELOCI S.r.l.s." → "fioriveloci").
 */
export function companyNameKey(name: string): string {
  const folded = fold(name).replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1').replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1');
  const tokens = folded.replace(/&/g, ' ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const key = withoutLegalForm(tokens).join('');
  return key === '' ? tokens.join('') : key;
}

/** Longest company name kept (the form field's limit). */
export const COMPANY_NAME_MAX = 120;

const MARKUP = /[<>]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;
// Emoji and pictographs, their modifiers and joiners, control and format characters.
const NOT_TEXT = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}|\u{FE0E}|\u{FE0F}|\u{20E3}/u;

export type CompanyNameProblem = 'markup' | 'not_text' | 'empty';

/** Why a typed company name cannot be stored as typed, or null when it is plain text. */
export function companyNameProblem(raw: string): CompanyNameProblem | null {
  if (MARKUP.test(raw)) return 'markup';
  // ©, ® and ™ are pictographs to Unicode but belong in some company names.
  if (NOT_TEXT.test(raw.replace(/[\u00A9\u00AE\u2122]/g, ''))) return 'not_text';
  if (companyNameKey(raw) === '') return 'empty';
  return null;
}

/**
 * The plain-text name to store: tags and entities removed, emoji and control characters
 * dropped, spaces collapsed. The form refuses such names first (companyNameProblem); this is the
 * service's guarantee for every other path.
 */
export function plainCompanyName(raw: string): string {
  return raw
    .replace(/<[^>]*>?/g, ' ')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ')
    .replace(/[<>]/g, ' ')
    .replace(new RegExp(NOT_TEXT.source, 'gu'), (c) => (/[\u00A9\u00AE\u2122]/.test(c) ? c : ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, COMPANY_NAME_MAX);
}

/**
 * The extra words a company name is indexed under so that search finds it however it is spelt
 * (issue 14): camel case split ("FioriVeloci" → "fiori veloci"), words joined ("Fiori Veloci" →
 * "fioriveloci") and punctuation dropped ("L'Oréal" → "loreal"). Only the words the name does not
 * already contain, lower case and without accents, separated by spaces; '' when there are none.
 */
export function companyNameForms(name: string): string {
  const own = new Set(fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const split = name
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  const words = fold(split).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const forms = [...words];
  // Joined: all the words, and the words of each run the name wrote without spaces.
  if (words.length > 1) forms.push(words.join(''));
  for (const chunk of fold(name).split(/\s+/)) {
    const joined = chunk.replace(/[^\p{L}\p{N}]+/gu, '');
    if (joined) forms.push(joined);
  }
  const out: string[] = [];
  for (const form of forms) if (!own.has(form) && !out.includes(form)) out.push(form);
  return out.join(' ');
}

/** The text a search engine indexes for a company name: the name, then its extra forms. */
export function companyNameSearchText(name: string): string {
  const forms = companyNameForms(name);
  return forms ? `${name} ${forms}` : name;
}

export type CompanyKeyMatch = 'same' | 'prefix' | 'close';

function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}

/**
 * How an existing company's name key matches the key of what someone typed (companyNameKey of
 * both): the same company, a name that starts with what was typed (the suggestion list while
 * typing), or one or two letters apart (a "did you mean?" on submit); null when unrelated.
 */
export function companyKeyMatch(typedKey: string, candidateKey: string): CompanyKeyMatch | null {
  if (typedKey === '' || candidateKey === '') return null;
  if (typedKey === candidateKey) return 'same';
  if (typedKey.length >= 3 && candidateKey.startsWith(typedKey)) return 'prefix';
  const shorter = Math.min(typedKey.length, candidateKey.length);
  if (shorter >= 5 && editDistanceWithin(typedKey, candidateKey, shorter >= 9 ? 2 : 1)) return 'close';
  return null;
}
