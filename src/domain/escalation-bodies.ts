// The reviewed table of out-of-court bodies shown as "next steps" on overdue and unresolved
// stories (issue 17). Each entry says what the body is, what it costs, how long it takes and what
// it needs first, in both languages, with its official source and the day the facts were checked.
// Facts we could not confirm from a public source are listed in `unconfirmed` (and shown as
// "to be checked on the official site" rather than stated). Never legal advice: the site says
// what the body is and links it. Pure data and lookups: no imports outside src/domain.
import type { Locale } from './vocabulary.ts';

export type BodyId =
  | 'it_conciliaweb'
  | 'it_arera_conciliazione'
  | 'it_abf'
  | 'it_acf'
  | 'it_ivass'
  | 'gb_fos'
  | 'gb_energy_ombudsman'
  | 'gb_communications_ombudsman'
  | 'gb_cisas'
  | 'eu_ecc_net';

type Text = Record<Locale, string>;

export interface EscalationBody {
  id: BodyId;
  /** ISO 3166-1 alpha-2 of the body ('EU' for the European network). */
  country: 'IT' | 'GB' | 'EU';
  name: string;
  /** One neutral sentence: what the body is. */
  what: Text;
  /** What it costs the consumer. */
  cost: Text;
  /** How long it takes (or "not stated" when we could not confirm it). */
  duration: Text;
  /** What must happen first (complain to the company, wait N days). */
  prerequisites: Text;
  /** The official page (http(s) only). */
  sourceUrl: string;
  /** 'YYYY-MM-DD': the day the facts above were checked against public pages. */
  checkedOn: string;
  /**
   * Facts we could not confirm from a public page ('field: why' — such a field says "not stated"
   * instead of a figure) or found only on secondary pages ('secondary: …' — stated, to re-check
   * on the official site); empty when every stated fact was confirmed.
   */
  unconfirmed: readonly string[];
}

const CHECKED = '2026-12-04';

export const ESCALATION_BODIES: Readonly<Record<BodyId, EscalationBody>> = {
  it_conciliaweb: {
    id: 'it_conciliaweb',
    country: 'IT',
    name: 'CoReCom / AGCOM ConciliaWeb',
    what: {
      it: 'La piattaforma online dell’Autorità per le Garanzie nelle Comunicazioni (AGCOM) con cui i CoReCom regionali gestiscono le conciliazioni tra utenti e operatori di telefonia, internet e pay-TV.',
      en: 'The online platform of Italy’s communications authority (AGCOM) through which the regional CoReCom committees handle conciliations between customers and phone, internet and pay-TV operators.',
    },
    cost: { it: 'Gratuita per l’utente.', en: 'Free for the customer.' },
    duration: {
      it: 'La durata massima non è indicata qui: verificala sul sito ufficiale.',
      en: 'The maximum length is not stated here: check it on the official site.',
    },
    prerequisites: {
      it: 'Prima un reclamo formale all’operatore; il tentativo di conciliazione è di norma obbligatorio prima di rivolgersi al giudice. Accesso con SPID o CIE.',
      en: 'A formal complaint to the operator first; the conciliation attempt is normally required before going to court. Sign-in with SPID or CIE.',
    },
    sourceUrl: 'https://conciliaweb.agcom.it/',
    checkedOn: CHECKED,
    unconfirmed: ['duration: no public page found stating the maximum length of the procedure', 'sourceUrl: the platform address is confirmed by operators’ pages; AGCOM’s own rules page was not found'],
  },
  it_arera_conciliazione: {
    id: 'it_arera_conciliazione',
    country: 'IT',
    name: 'ARERA – Servizio Conciliazione',
    what: {
      it: 'Il servizio online dell’Autorità di Regolazione per Energia Reti e Ambiente (ARERA), gestito da Acquirente Unico, in cui un conciliatore aiuta cliente e fornitore di luce, gas o acqua a trovare un accordo.',
      en: 'The online service of Italy’s energy regulator (ARERA), run by Acquirente Unico, where a conciliator helps a customer and an electricity, gas or water supplier reach an agreement.',
    },
    cost: { it: 'Gratuito.', en: 'Free.' },
    duration: { it: 'Al massimo 90 giorni, prorogabili.', en: 'At most 90 days, which can be extended.' },
    prerequisites: {
      it: 'Prima un reclamo scritto al fornitore; si può attivare se la risposta non soddisfa o se dopo 40 giorni non è arrivata. Per l’energia il tentativo è obbligatorio prima del giudice.',
      en: 'A written complaint to the supplier first; it can be started when the answer is unsatisfactory or none came within 40 days. For energy the attempt is required before going to court.',
    },
    sourceUrl: 'https://conciliazione.arera.it/',
    checkedOn: CHECKED,
    unconfirmed: ['secondary: the 90-day maximum duration comes from secondary pages, not ARERA’s own text'],
  },
  it_abf: {
    id: 'it_abf',
    country: 'IT',
    name: 'Arbitro Bancario Finanziario (ABF)',
    what: {
      it: 'Il sistema di risoluzione stragiudiziale delle controversie tra clienti e banche o intermediari finanziari, sostenuto dalla Banca d’Italia.',
      en: 'The out-of-court dispute scheme between customers and banks or financial intermediaries, supported by the Bank of Italy.',
    },
    cost: { it: '20 euro di contributo alle spese della procedura.', en: 'A 20-euro contribution to the costs of the procedure.' },
    duration: {
      it: 'La durata non è indicata qui: verificala sul sito ufficiale.',
      en: 'The length is not stated here: check it on the official site.',
    },
    prerequisites: {
      it: 'Prima un reclamo scritto all’intermediario; il ricorso è possibile se la risposta non soddisfa o non arriva nei termini, ed entro 12 mesi dal reclamo.',
      en: 'A written complaint to the intermediary first; an application is possible when the answer is unsatisfactory or late, and within 12 months of the complaint.',
    },
    sourceUrl: 'https://www.arbitrobancariofinanziario.it/',
    checkedOn: CHECKED,
    unconfirmed: [
      'duration: the decision time appears only on secondary pages',
      'prerequisites: the intermediary’s reply deadline (30 or 60 days, depending on the service) was not confirmed on the ABF site',
    ],
  },
  it_acf: {
    id: 'it_acf',
    country: 'IT',
    name: 'Arbitro per le Controversie Finanziarie (ACF)',
    what: {
      it: 'Lo strumento della Consob per le controversie tra risparmiatori e intermediari sui servizi di investimento, per richieste fino a 500.000 euro.',
      en: 'Consob’s scheme for disputes between retail investors and intermediaries about investment services, for claims up to 500,000 euros.',
    },
    cost: { it: 'Gratuito, senza obbligo di avvocato.', en: 'Free, no lawyer required.' },
    duration: { it: 'La decisione arriva di norma entro sei mesi dal ricorso.', en: 'A decision normally comes within six months of the application.' },
    prerequisites: {
      it: 'Prima un reclamo all’intermediario, senza esito o senza risposta dopo 60 giorni; il ricorso va presentato entro un anno dal reclamo.',
      en: 'A complaint to the intermediary first, rejected or unanswered after 60 days; the application must be made within a year of the complaint.',
    },
    sourceUrl: 'https://www.acf.consob.it/',
    checkedOn: CHECKED,
    unconfirmed: ['secondary: the six-month duration comes from press and partner pages, not from the ACF site'],
  },
  it_ivass: {
    id: 'it_ivass',
    country: 'IT',
    name: 'IVASS – reclami',
    what: {
      it: 'L’Istituto per la Vigilanza sulle Assicurazioni, l’autorità che vigila sulle assicurazioni e riceve i reclami dei consumatori contro imprese e intermediari assicurativi.',
      en: 'Italy’s insurance supervisory authority, which receives consumers’ complaints against insurers and insurance intermediaries.',
    },
    cost: { it: 'Il costo non è indicato qui: verificalo sul sito ufficiale.', en: 'The cost is not stated here: check it on the official site.' },
    duration: { it: 'La durata non è indicata qui: verificala sul sito ufficiale.', en: 'The length is not stated here: check it on the official site.' },
    prerequisites: {
      it: 'Prima un reclamo scritto all’ufficio reclami dell’impresa, che deve rispondere entro 45 giorni; poi, senza risposta o con risposta insoddisfacente, il reclamo a IVASS.',
      en: 'A written complaint to the insurer’s complaints office first, which must answer within 45 days; then, with no answer or an unsatisfactory one, the complaint to IVASS.',
    },
    sourceUrl: 'https://www.ivass.it/',
    checkedOn: CHECKED,
    unconfirmed: ['cost: no public page found stating it', 'duration: no public page found stating it', 'sourceUrl: the complaints page address was not confirmed, the home page is linked'],
  },
  gb_fos: {
    id: 'gb_fos',
    country: 'GB',
    name: 'Financial Ombudsman Service',
    what: {
      it: 'Il servizio pubblico britannico che risolve le controversie tra consumatori e imprese finanziarie (banche, assicurazioni, prestiti, pensioni).',
      en: 'The UK public service that settles disputes between consumers and financial businesses (banks, insurers, lenders, pensions).',
    },
    cost: { it: 'Gratuito per i consumatori.', en: 'Free for consumers.' },
    duration: { it: 'La durata non è indicata qui: verificala sul sito ufficiale.', en: 'The length is not stated here: check it on the official site.' },
    prerequisites: {
      it: 'Prima un reclamo all’impresa; ci si può rivolgere dopo la sua risposta finale o dopo 8 settimane senza, ed entro 6 mesi dalla risposta finale.',
      en: 'A complaint to the business first; you can turn to it after the final response or after 8 weeks without one, and within 6 months of the final response.',
    },
    sourceUrl: 'https://www.financial-ombudsman.org.uk/',
    checkedOn: CHECKED,
    unconfirmed: ['duration: no public page found stating a typical length'],
  },
  gb_energy_ombudsman: {
    id: 'gb_energy_ombudsman',
    country: 'GB',
    name: 'Energy Ombudsman',
    what: {
      it: 'Il servizio indipendente britannico (Ombudsman Services) per le controversie tra consumatori e fornitori di energia aderenti.',
      en: 'The UK independent service (Ombudsman Services) for disputes between consumers and the energy suppliers signed up to it.',
    },
    cost: { it: 'Gratuito per i consumatori.', en: 'Free for consumers.' },
    duration: { it: 'La durata non è indicata qui: verificala sul sito ufficiale.', en: 'The length is not stated here: check it on the official site.' },
    prerequisites: {
      it: 'Prima un reclamo formale al fornitore; poi dopo 8 settimane o dopo la lettera di “deadlock”, entro 12 mesi dal reclamo.',
      en: 'A formal complaint to the supplier first; then after 8 weeks or after a deadlock letter, within 12 months of the complaint.',
    },
    sourceUrl: 'https://www.energyombudsman.org/',
    checkedOn: CHECKED,
    unconfirmed: ['duration: no public page found stating a typical length', 'sourceUrl: the 12-month limit and the service were confirmed on ombudsman-services.org pages; the energyombudsman.org address was not opened'],
  },
  gb_communications_ombudsman: {
    id: 'gb_communications_ombudsman',
    country: 'GB',
    name: 'Communications Ombudsman',
    what: {
      it: 'Uno dei due servizi di risoluzione alternativa approvati da Ofcom per le controversie con gli operatori di telefonia e internet aderenti.',
      en: 'One of the two Ofcom-approved dispute resolution services for complaints against the phone and internet providers signed up to it.',
    },
    cost: { it: 'Gratuito per i consumatori.', en: 'Free for consumers.' },
    duration: { it: 'La durata non è indicata qui: verificala sul sito ufficiale.', en: 'The length is not stated here: check it on the official site.' },
    prerequisites: {
      it: 'Prima un reclamo all’operatore; dall’8 aprile 2026 ci si può rivolgere dopo 6 settimane (prima erano 8) o dopo la lettera di “deadlock”.',
      en: 'A complaint to the provider first; since 8 April 2026 you can turn to it after 6 weeks (previously 8) or after a deadlock letter.',
    },
    sourceUrl: 'https://www.ombudsman-services.org/',
    checkedOn: CHECKED,
    unconfirmed: ['duration: no public page found stating a typical length', 'secondary: the six-week rule comes from Ofcom’s announcement as reported by the press, not from the ombudsman’s own page'],
  },
  gb_cisas: {
    id: 'gb_cisas',
    country: 'GB',
    name: 'CISAS (Communications and Internet Services Adjudication Scheme)',
    what: {
      it: 'L’altro servizio approvato da Ofcom, gestito dal CEDR, che decide le controversie con gli operatori di comunicazioni aderenti.',
      en: 'The other Ofcom-approved service, run by CEDR, that adjudicates disputes with the communications providers registered with it.',
    },
    cost: { it: 'Gratuito per i clienti.', en: 'Free for customers.' },
    duration: { it: 'Entro 90 giorni dall’accettazione della domanda; in media 40–50 giorni.', en: 'Within 90 days of the application being accepted; 40–50 days on average.' },
    prerequisites: {
      it: 'Prima la procedura di reclamo dell’operatore, fino alla lettera di “deadlock” o al termine di attesa fissato da Ofcom.',
      en: 'The provider’s complaints procedure first, until a deadlock letter or the waiting time Ofcom sets.',
    },
    sourceUrl: 'https://www.cedr.com/consumer/cisas/',
    checkedOn: CHECKED,
    unconfirmed: [],
  },
  eu_ecc_net: {
    id: 'eu_ecc_net',
    country: 'EU',
    name: 'European Consumer Centres Network (ECC-Net) – Centro Europeo Consumatori Italia',
    what: {
      it: 'La rete dei Centri Europei dei Consumatori, cofinanziata dalla Commissione europea, che aiuta a risolvere in via amichevole le controversie con un venditore che ha sede in un altro Paese europeo.',
      en: 'The network of European Consumer Centres, co-funded by the European Commission, that helps settle amicably a dispute with a trader based in another European country.',
    },
    cost: { it: 'Gratuito.', en: 'Free.' },
    duration: { it: 'La durata non è indicata qui: verificala sul sito ufficiale.', en: 'The length is not stated here: check it on the official site.' },
    prerequisites: {
      it: 'Solo per acquisti transfrontalieri (venditore in un altro Paese); ci si rivolge al Centro del proprio Paese di residenza, che contatta l’impresa ma non può imporre un rimborso.',
      en: 'Cross-border purchases only (trader in another country); you contact the Centre of your country of residence, which contacts the trader but cannot impose a refund.',
    },
    sourceUrl: 'https://ecc-netitalia.it/it/centro-ecc-net-italia/',
    checkedOn: CHECKED,
    unconfirmed: ['duration: no public page found stating it', 'whether a UK resident can still use the network after 2021 was not confirmed'],
  },
};

/** Countries of the EU and EEA, where the European Consumer Centres help across borders. */
export const ECC_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'NO',
];

/**
 * Which bodies deal with a company of this sector in this country. Every sector the site files
 * companies under has an entry (an empty country list means: no sector body we know of, the
 * complaint letter is the next step). Sectors are the company sectors of src/http/story-forms.ts
 * plus 'finance' (imported complaints) and 'insurance'.
 */
export const SECTOR_BODIES: Readonly<Record<string, Readonly<Partial<Record<string, readonly BodyId[]>>>>> = {
  telco: { IT: ['it_conciliaweb'], GB: ['gb_communications_ombudsman', 'gb_cisas'] },
  energy: { IT: ['it_arera_conciliazione'], GB: ['gb_energy_ombudsman'] },
  bank: { IT: ['it_abf', 'it_acf'], GB: ['gb_fos'] },
  finance: { IT: ['it_abf', 'it_acf'], GB: ['gb_fos'] },
  insurance: { IT: ['it_ivass'], GB: ['gb_fos'] },
  ecommerce: {},
  marketplace: {},
  florist: {},
  electronics: {},
  fitness: {},
  courier: {},
  travel: {},
  other: {},
};

export interface EscalationRoute {
  /** The sector's bodies for the company's country (may be empty). */
  bodies: EscalationBody[];
  /** The European Consumer Centres, when the company is in the EU/EEA (for buyers from another country). */
  crossBorder: EscalationBody | null;
  /** false when the sector is not in SECTOR_BODIES (the table needs a review). */
  sectorKnown: boolean;
}

/** The out-of-court route for a company: its country (ISO alpha-2) and sector. */
export function escalationRoute(country: string, sector: string): EscalationRoute {
  const byCountry = Object.hasOwn(SECTOR_BODIES, sector) ? SECTOR_BODIES[sector] : undefined;
  const code = country.toUpperCase();
  const ids = byCountry && Object.hasOwn(byCountry, code) ? (byCountry[code] ?? []) : [];
  return {
    bodies: ids.map((id) => ESCALATION_BODIES[id]),
    crossBorder: ECC_COUNTRIES.includes(code) ? ESCALATION_BODIES.eu_ecc_net : null,
    sectorKnown: byCountry !== undefined,
  };
}
