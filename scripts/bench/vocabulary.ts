// The benchmark's vocabulary: for each language, real common words (function words first, then
// the words of customer-service stories) followed by deterministic pseudo-words, tens of thousands
// in all, drawn with a Zipf law. So the corpus has what real text has and the search design must
// cope with: a few terms in nearly every story, a long tail of terms in a handful.
import { Rng, Zipf } from './prng.ts';

const italianCommon = `di e il la che a per non un in è mi una con ho ma si lo le del da al ha sono
  come più anche se della nel ci dopo poi ancora mai tutto questo loro dei alla mio era stato sempre
  già quando solo ora così molto ogni niente nessuno delle sul senza fatto dal due tre giorni settimane
  mesi ordine ordinato rimborso consegna pacco corriere assistenza cliente servizio telefono numero
  verde chiamata email risposta rispondono risposto operatore chat modulo reclamo richiesta prodotto
  acquisto pagamento pagato fattura bolletta addebito euro costo prezzo contratto disdetta recesso
  penale tecnico installazione fibra linea internet modem router attivazione guasto riparazione
  garanzia difettoso rotto danneggiato sostituzione reso spedizione spedito arrivato ricevuto
  consegnato ritardo attesa aspettato settimana mese anno oggi ieri negozio sito app account password
  accesso codice carta credito banca bonifico conto problema problemi soluzione risolto risolvere
  gentile cortese scortese inutile pessimo ottimo veloce lento finalmente purtroppo nuovamente
  sollecito solleciti promesso promessa tecnici appuntamento visita lettera raccomandata pec avvocato
  sms messaggio contattato contattare richiamato richiamare chiesto chiedere detto dicono spiegato
  televisore lavatrice frigorifero tapis roulant divano materasso fiori quadro cornici smartphone
  computer portatile abbonamento offerta promozione sconto buono coupon voucher`;

const englishCommon = `the and to i a of it was my in for that they is on with not but have had this
  me be at we no were after so would then from an there all them or did still again never only
  their when what about said told just been back one two three days weeks months order ordered
  refund delivery delivered package parcel courier support customer service phone number call called
  email emails reply replied answer agent chat form complaint request product purchase payment paid
  invoice bill charge charged dollars cost price contract cancel cancellation fee penalty technician
  installation fiber line internet modem router activation fault repair warranty defective broken
  damaged replacement return shipping shipped arrived received late delay waiting waited week month
  year today yesterday store website app account password login access code card credit bank
  transfer problem problems solution resolved resolve polite rude useless terrible great fast slow
  finally unfortunately promised promise appointment visit letter lawyer message contacted contact
  asked ask explained tv washing machine fridge treadmill sofa mattress flowers canvas frames laptop
  subscription offer discount coupon voucher manager escalated ticket case reference hold minutes
  hours`;

const italianSyllables = 'ba be bi bo ca ce chi co cu da de di do fa fe fi fo ga ge gi go la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zo tra tre pre pro sta ste sto con ven gli sce ran dor mar lin per'.split(' ');
const italianEndings = 'o a i e one ente mento ato ita ezza ino ello'.split(' ');
const englishSyllables = 'ba con der ex for gen har in jo kel lin mor ness ter pro quin ral stan ward ble ing tion er ly ab ac ad al am an ar as at bo bu ca ce ci cy dy fa fi fu ga gi go ha he hi ho ka ke la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to un up ve vi wa we wi'.split(' ');
const englishEndings = ' s ed er ing ly ness ment able ist'.split(' ');

export type BenchLanguage = 'it' | 'en';

export interface Vocabulary {
  language: BenchLanguage;
  /** Words by rank: real words first, then pseudo-words. */
  words: string[];
  /** How many of the first ranks are real words. */
  realWords: number;
  zipf: Zipf;
}

function pseudoWords(rng: Rng, count: number, syllables: string[], endings: string[], taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const n = rng.int(2, 4);
    let w = '';
    for (let i = 0; i < n; i++) w += rng.pick(syllables);
    w += rng.pick(endings);
    if (w.length < 4 || taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

/** The vocabulary of one language, `size` words, the same for the same seed. */
export function buildVocabulary(language: BenchLanguage, size: number, seed: number, s = 1.05): Vocabulary {
  const real = [...new Set((language === 'it' ? italianCommon : englishCommon).split(/\s+/).filter(Boolean))];
  const taken = new Set(real);
  const rng = new Rng(seed ^ (language === 'it' ? 0x1717 : 0xe4e4));
  const pseudo = language === 'it'
    ? pseudoWords(rng, Math.max(0, size - real.length), italianSyllables, italianEndings, taken)
    : pseudoWords(rng, Math.max(0, size - real.length), englishSyllables, englishEndings, taken);
  const words = [...real, ...pseudo];
  return { language, words, realWords: real.length, zipf: new Zipf(words.length, s) };
}

export function drawWord(vocab: Vocabulary, rng: Rng): string {
  return vocab.words[vocab.zipf.sample(rng)]!;
}

/** A sentence of `min`–`max` words, capitalised, with a full stop. */
export function sentence(vocab: Vocabulary, rng: Rng, min: number, max: number): string {
  const n = rng.int(min, max);
  const words = vocab.words;
  const zipf = vocab.zipf;
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = words[zipf.sample(rng)]!;
  const first = parts[0]!;
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  parts[n - 1] += '.';
  return parts.join(' ');
}

/** Paragraphs of sentences until about `chars` characters. */
export function text(vocab: Vocabulary, rng: Rng, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  let sinceBreak = 0;
  while (length < chars) {
    const s = sentence(vocab, rng, 6, 22);
    if (parts.length > 0) {
      if (sinceBreak >= 3 && rng.chance(0.35)) {
        parts.push('\n\n');
        sinceBreak = 0;
      } else parts.push(' ');
    }
    parts.push(s);
    length += s.length + 1;
    sinceBreak++;
  }
  return parts.join('');
}
