// Public names that could pass for the site's staff ("Answerable Admin", "Moderazione",
// "Аnswerable" with a Cyrillic А, "Answerab1e") are reserved. A name is folded to plain Latin
// letters first — Unicode compatibility forms, look-alike characters from other scripts (the
// `confusables` table), accents, digits used as letters — and then compared with the reserved
// words, so a disguise folds into what it imitates.
import { remove as removeConfusables } from 'confusables';

/** Words that, inside a name, mark staff or the site itself; matched anywhere in the folded name. */
const RESERVED_FRAGMENTS = ['answerable', 'admin', 'amministra', 'moderat', 'moderaz', 'sysop'];

/** Words reserved only as a whole word (inside longer names they are ordinary: "Staffordshire"). */
const RESERVED_WORDS = new Set([
  'mod',
  'mods',
  'staff',
  'support',
  'supporto',
  'assistenza',
  'helpdesk',
  'official',
  'ufficiale',
  'root',
  'system',
  'sistema',
  'owner',
  'team',
]);

/** Digits and signs people use as letters; 1 may stand for i or l, so both readings are tried. */
const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '|': 'l' };

function foldOnce(name: string, one: 'i' | 'l'): string {
  const latin = removeConfusables(name.normalize('NFKC'));
  return latin
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[0-9@$!|]/g, (c) => (c === '1' ? one : (LEET[c] ?? c)));
}

/** The folded readings of a name: lower-case Latin words. */
export function foldedReadings(name: string): string[][] {
  const readings = new Set([foldOnce(name, 'i'), foldOnce(name, 'l')]);
  return [...readings].map((r) => r.split(/[^a-z]+/).filter(Boolean));
}

/** True when a display name imitates the staff or the site (see the lists above). */
export function isReservedDisplayName(name: string): boolean {
  return foldedReadings(name).some((words) => {
    // Ordinary words that happen to contain a reserved fragment.
    const joined = words.join('').replaceAll('badminton', '');
    if (RESERVED_FRAGMENTS.some((f) => joined.includes(f))) return true;
    return words.some((w) => RESERVED_WORDS.has(w));
  });
}
