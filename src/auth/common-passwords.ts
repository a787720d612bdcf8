// Our own list of the passwords and password "cores" people choose most often (English and
// Italian), written for this project from the well-known patterns: words, names, teams, cities,
// keyboard walks. A password is refused when, after lower-casing, undoing common letter/number
// swaps (p@ssw0rd) and removing leading/trailing digits and symbols (Password2024!), what is left
// is on this list, a repetition of an entry, a keyboard walk, a run (abcdef, 987654) or a single
// repeated character. The length rule (≥ 10) does the rest.
const CORES = `
password passw0rd passwort passe motdepasse contrasena contraseña parola parolachiave chiave segreto
segreta accesso entra entrare login admin administrator amministratore root user utente guest ospite
welcome benvenuto benvenuta letmein openup opensesame changeme cambiami cambiala default predefinita
test testing prova provaprova demo sample example esempio secret secure sicuro sicura private privato
iloveyou ilovey0u loveyou tiamo tiamotanto tivogliobene teamo amore amoremio amoremia love lovely
lover loveme baby babygirl babyboy sweety sweetheart honey tesoro tesorino cuore cuoricino angel
angelo angela princess principessa prince principe queen regina king re dragon drago monkey scimmia
tiger tigre lion leone shadow ombra master padrone superman batman spiderman ironman starwars
pokemon pikachu naruto goku minecraft fortnite roblox zelda mario luigi sonic matrix hunter killer
football soccer calcio baseball basketball hockey tennis golf rugby juventus juve forzajuve milan
acmilan forzamilan inter forzainter internazionale napoli forzanapoli roma forzaroma lazio
forzalazio fiorentina viola torino toro genoa sampdoria atalanta bologna udinese chelsea arsenal
liverpool manchester barcelona barca realmadrid madrid italia italy forzaitalia azzurri mondiale
milano torino napoli palermo firenze venezia genova bologna bari catania verona padova trieste
brescia parma modena roma london paris berlin newyork america california canada london
maria mario giuseppe giovanni antonio francesco alessandro alessandra andrea marco luca matteo
lorenzo davide simone federico riccardo stefano paolo paola giulia chiara sara francesca martina
anna laura valentina elena silvia federica giorgia sofia aurora alice ginevra emma beatrice
michael michelle jennifer jessica ashley amanda daniel david james robert john joseph thomas
charlie jordan taylor andrew matthew joshua william harley thomas ginger buster pepper daisy
bella luna lucky rocky max chloe molly sophie oliver jack sam sammy maggie bailey coco milo
nicole daniela federica giada camilla elisa ilaria erika veronica monica roberta barbara
qwerty qwertz azerty asdf zxcv qazwsx wsxedc asdfgh zxcvbn ytrewq poiuyt lkjhgf mnbvcx
abc abcd abcde abcdef abcdefg abcdefgh abcdefghi abcdefghij
sunshine sunflower flower fiore fiori rainbow arcobaleno summer estate winter inverno spring
primavera autumn autunno heaven paradise paradiso freedom libertà liberta whatever anything
nothing niente nulla everything tutto something qualcosa forever persempre always sempre
computer internet google yahoo hotmail gmail facebook instagram tiktok whatsapp twitter youtube
netflix amazon apple iphone samsung android windows microsoft linux ubuntu server database
mustang ferrari porsche lamborghini mercedes bmw audi fiat lancia alfaromeo vespa ducati harley
yamaha honda toyota volkswagen tesla corvette camaro
chocolate cioccolato cioccolata pizza pasta spaghetti lasagna gelato nutella biscotto cookie
banana apple mela fragola strawberry cherry ciliegia orange arancia lemon limone coffee caffe
caffè cappuccino birra beer vino wine whisky vodka
family famiglia mamma papà papa mommy daddy mother father madre padre figlio figlia nonna nonno
fratello sorella brother sister friends amici amico amica friend bestfriend
hello ciao ciaociao hola bonjour salve buongiorno buonasera goodmorning goodnight
jesus christ cristo gesu gesù madonna dio god goddess lord angels diavolo devil lucifer
blessed benedetto faith fede hope speranza trust trustno1 believe credo
money soldi euro dollar dollari cash rich ricco lucky fortuna fortunato
music musica rock metal guitar chitarra piano pianoforte dance ballo danza disco party festa
magic magia wizard mago harrypotter hogwarts gandalf frodo legolas matrix neo morpheus
blue blu red rosso rossa green verde yellow giallo black nero nera white bianco bianca purple
viola silver argento gold oro diamond diamante
cat gatto gattino gatta dog cane cagnolino puppy kitty micio micia horse cavallo bunny coniglio
dolphin delfino butterfly farfalla eagle aquila wolf lupo fox volpe bear orso panda
hunter2 letmein1 access14 zaq12wsx 1q2w3e4r 1qaz2wsx q1w2e3r4 a1b2c3d4 1a2b3c4d qweasd
qweasdzxc asdasd qweqwe zxczxc asdfasdf qwertyuiop asdfghjkl zxcvbnm qwertzuiop azertyuiop
iloveu ilovu tvb tvtb tat tvbmdb ti amo
samsung123 password1 password123 passw0rd1 admin123 root123 qwerty123 welcome1
starwars1 pokemon1 michael1 football1 baseball1 superman1 batman1 trustno
snoopy garfield topolino paperino paperina minnie mickey pippo pluto winnie pooh
answerable
`;

const SET = new Set(
  CORES.split(/\s+/)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0),
);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '€': 'e' };

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'yxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'];

function deLeet(s: string): string {
  return [...s].map((c) => LEET[c] ?? c).join('');
}

/** A run of at least `min` consecutive characters ascending or descending by one (abcdef, 987654). */
function isRun(s: string): boolean {
  if (s.length < 4) return false;
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (step !== 1 && step !== -1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

function isKeyboardWalk(s: string): boolean {
  if (s.length < 4) return false;
  return KEYBOARD_ROWS.some((row) => row.includes(s) || [...row].reverse().join('').includes(s));
}

/** True when `s` is one entry repeated, or two entries glued together (e.g. "tiamotiamo", "ciaoamore"). */
function isRepetitionOrPair(s: string): boolean {
  for (let len = 1; len <= s.length / 2; len++) {
    if (s.length % len !== 0) continue;
    const unit = s.slice(0, len);
    if (unit.repeat(s.length / len) === s && (len <= 3 || SET.has(unit) || isRun(unit) || isKeyboardWalk(unit))) return true;
  }
  for (let i = 3; i <= s.length - 3; i++) {
    if (SET.has(s.slice(0, i)) && SET.has(s.slice(i))) return true;
  }
  return false;
}

function weakCore(core: string): boolean {
  if (core.length === 0) return true;
  if (new Set(core).size <= 2) return true;
  return SET.has(core) || isRun(core) || isKeyboardWalk(core) || isRepetitionOrPair(core);
}

/** Whether a password is one of the common choices or built from one (see the header comment). */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (weakCore(lower)) return true;
  // Digits and symbols around a word: Password2024!, !!roma1927
  const stripped = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (stripped !== lower && weakCore(stripped)) return true;
  const unleeted = deLeet(lower);
  if (weakCore(unleeted)) return true;
  const unleetedStripped = deLeet(lower.replace(/[^\p{L}0-9@$!€]+$/u, '').replace(/[0-9]+$/, '')).replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (unleetedStripped !== unleeted && weakCore(unleetedStripped)) return true;
  // Only digits and symbols: a date, a phone-pad pattern, a run.
  if (!/\p{L}/u.test(lower)) {
    const digits = lower.replace(/\D/g, '');
    if (digits.length < 12 || isRun(digits) || isKeyboardWalk(digits) || isRepetitionOrPair(digits)) return true;
  }
  return false;
}
