// Demo data for Answerable: fictional companies, users and support stories.
// Every name, domain and story here is invented for demonstration; domains use the reserved
// `.example` TLD and e-mails use example.org / example.com. Typed data only, no logic.
import type { Channel, Locale, StoryCategory } from '../../src/db/schema.ts';

export interface DemoCompany {
  key: string;
  name: string;
  slug: string;
  website: string;
  domain: string;
  country: string;
  sector:
    | 'ecommerce'
    | 'marketplace'
    | 'florist'
    | 'telco'
    | 'electronics'
    | 'fitness'
    | 'courier'
    | 'bank'
    | 'energy'
    | 'travel'
    | 'other';
  description: { it: string; en: string };
  /** The behaviour the stories are written to show (the real score is computed from them). */
  responsiveness: 'exemplary' | 'good' | 'fair' | 'poor' | 'unresponsive';
}

export interface DemoUser {
  key: string;
  displayName: string;
  /** example.org / example.com only */
  email: string;
  locale: Locale;
}

export interface DemoMessage {
  by: 'company' | 'consumer';
  /** hours after publication of the story */
  afterHours: number;
  /** Markdown: paragraphs, lists, emphasis */
  body: string;
}

export interface DemoVerdict {
  /** hours after publication; always after the first company message */
  afterHours: number;
  resolved: boolean;
  wouldBuyAgain: boolean;
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

export interface DemoStory {
  /** DemoCompany.key */
  company: string;
  /** DemoUser.key */
  author: string;
  language: Locale;
  title: string;
  /** Markdown, 60–250 words */
  body: string;
  category: StoryCategory;
  /** publication, days before "now" (1–540) */
  daysAgo: number;
  /** experience date = publication date minus this many days */
  experienceDaysBefore: number;
  /** waitMinutes null = never answered on that channel */
  channels: { channel: Channel; waitMinutes: number | null }[];
  /** private: seen only by moderators and the company */
  orderReference?: string;
  messages: DemoMessage[];
  verdict?: DemoVerdict;
  /** answer to the "still resolved?" follow-up; a "no" reopens the story */
  stillResolved?: { afterDays: 7 | 30; yes: boolean };
}

export const demoCompanies: DemoCompany[] = [
  {
    key: 'fioriveloci',
    name: 'FioriVeloci',
    slug: 'fioriveloci',
    website: 'https://www.fioriveloci.example',
    domain: 'fioriveloci.example',
    country: 'IT',
    sector: 'florist',
    description: {
      it: 'Consegna di fiori e piante a domicilio in tutta Italia, ordini online con consegna in giornata.',
      en: 'Flower and plant delivery across Italy, ordered online with same-day delivery.',
    },
    responsiveness: 'poor',
  },
  {
    key: 'bottega-telaio',
    name: 'Bottega del Telaio',
    slug: 'bottega-del-telaio',
    website: 'https://www.bottegadeltelaio.example',
    domain: 'bottegadeltelaio.example',
    country: 'IT',
    sector: 'ecommerce',
    description: {
      it: 'Negozio online di stampe su tela, cornici su misura e poster artistici, con laboratorio a Firenze.',
      en: 'Online shop for canvas prints, made-to-measure frames and art posters, with a workshop in Florence.',
    },
    responsiveness: 'exemplary',
  },
  {
    key: 'piazzalunga',
    name: 'Piazzalunga',
    slug: 'piazzalunga',
    website: 'https://www.piazzalunga.example',
    domain: 'piazzalunga.example',
    country: 'IT',
    sector: 'marketplace',
    description: {
      it: 'Marketplace generalista: elettronica, casa, giardino e tempo libero venduti da Piazzalunga e da venditori terzi.',
      en: 'General marketplace: electronics, home, garden and leisure sold by Piazzalunga and third-party sellers.',
    },
    responsiveness: 'good',
  },
  {
    key: 'aurora-fibra',
    name: 'Aurora Fibra',
    slug: 'aurora-fibra',
    website: 'https://www.aurorafibra.example',
    domain: 'aurorafibra.example',
    country: 'IT',
    sector: 'telco',
    description: {
      it: 'Operatore di telefonia fissa e internet in fibra per famiglie e piccole imprese.',
      en: 'Landline and fibre broadband provider for households and small businesses.',
    },
    responsiveness: 'unresponsive',
  },
  {
    key: 'corsacasa',
    name: 'CorsaCasa',
    slug: 'corsacasa',
    website: 'https://www.corsacasa.example',
    domain: 'corsacasa.example',
    country: 'IT',
    sector: 'fitness',
    description: {
      it: 'Tapis roulant, cyclette, vogatori e attrezzi per la palestra di casa, con servizio di montaggio.',
      en: 'Treadmills, exercise bikes, rowers and home-gym equipment, with an assembly service.',
    },
    responsiveness: 'unresponsive',
  },
  {
    key: 'pacco-lesto',
    name: 'Pacco Lesto',
    slug: 'pacco-lesto',
    website: 'https://www.paccolesto.example',
    domain: 'paccolesto.example',
    country: 'IT',
    sector: 'courier',
    description: {
      it: 'Corriere espresso nazionale per negozi online e privati, con punti di ritiro convenzionati.',
      en: 'National express courier for online shops and individuals, with partner pick-up points.',
    },
    responsiveness: 'fair',
  },
  {
    key: 'voltaria',
    name: 'Voltaria Elettronica',
    slug: 'voltaria-elettronica',
    website: 'https://www.voltaria.example',
    domain: 'voltaria.example',
    country: 'IT',
    sector: 'electronics',
    description: {
      it: 'Catena di negozi e sito di elettronica di consumo, informatica ed elettrodomestici.',
      en: 'Chain of stores and web shop for consumer electronics, computers and home appliances.',
    },
    responsiveness: 'fair',
  },
  {
    key: 'kestrelbyte',
    name: 'Kestrelbyte',
    slug: 'kestrelbyte',
    website: 'https://www.kestrelbyte.example',
    domain: 'kestrelbyte.example',
    country: 'GB',
    sector: 'electronics',
    description: {
      it: 'Rivenditore online britannico di computer portatili, componenti e accessori di rete.',
      en: 'British online retailer of laptops, components and networking gear.',
    },
    responsiveness: 'exemplary',
  },
  {
    key: 'velanet',
    name: 'Velanet Mobile',
    slug: 'velanet-mobile',
    website: 'https://www.velanet.example',
    domain: 'velanet.example',
    country: 'IE',
    sector: 'telco',
    description: {
      it: 'Operatore mobile e di banda larga domestica in Irlanda.',
      en: 'Mobile and home broadband operator in Ireland.',
    },
    responsiveness: 'fair',
  },
  {
    key: 'rotte-chiare',
    name: 'Rotte Chiare Viaggi',
    slug: 'rotte-chiare-viaggi',
    website: 'https://www.rottechiare.example',
    domain: 'rottechiare.example',
    country: 'IT',
    sector: 'travel',
    description: {
      it: 'Agenzia di viaggi online: voli, hotel e pacchetti vacanza.',
      en: 'Online travel agency: flights, hotels and holiday packages.',
    },
    responsiveness: 'poor',
  },
  {
    key: 'lucesana',
    name: 'Lucesana Energia',
    slug: 'lucesana-energia',
    website: 'https://www.lucesana.example',
    domain: 'lucesana.example',
    country: 'IT',
    sector: 'energy',
    description: {
      it: 'Fornitore di luce e gas per il mercato libero, con area clienti e app per l’autolettura.',
      en: 'Electricity and gas supplier on the free market, with a customer area and a meter-reading app.',
    },
    responsiveness: 'good',
  },
  {
    key: 'swiftcrate',
    name: 'Swiftcrate Parcels',
    slug: 'swiftcrate-parcels',
    website: 'https://www.swiftcrate.example',
    domain: 'swiftcrate.example',
    country: 'GB',
    sector: 'courier',
    description: {
      it: 'Corriere britannico per consegne nazionali e internazionali da e verso il Regno Unito.',
      en: 'UK courier for domestic and international deliveries to and from the United Kingdom.',
    },
    responsiveness: 'poor',
  },
];

export const demoUsers: DemoUser[] = [
  { key: 'giulia', displayName: 'Giulia R.', email: 'giulia.r@example.org', locale: 'it' },
  { key: 'marco', displayName: 'Marco B.', email: 'marco.b@example.org', locale: 'it' },
  { key: 'francesca', displayName: 'Francesca M.', email: 'francesca.m@example.com', locale: 'it' },
  { key: 'luca', displayName: 'Luca T.', email: 'luca.t@example.org', locale: 'it' },
  { key: 'chiara', displayName: 'Chiara D.', email: 'chiara.d@example.com', locale: 'it' },
  { key: 'davide', displayName: 'Davide P.', email: 'davide.p@example.org', locale: 'it' },
  { key: 'elena', displayName: 'Elena S.', email: 'elena.s@example.com', locale: 'it' },
  { key: 'paolo', displayName: 'Paolo G.', email: 'paolo.g@example.org', locale: 'it' },
  { key: 'sara', displayName: 'Sara L.', email: 'sara.l@example.com', locale: 'it' },
  { key: 'alessandro', displayName: 'Alessandro V.', email: 'alessandro.v@example.org', locale: 'it' },
  { key: 'roberta', displayName: 'Roberta C.', email: 'roberta.c@example.com', locale: 'it' },
  { key: 'hannah', displayName: 'Hannah W.', email: 'hannah.w@example.com', locale: 'en' },
  { key: 'tom', displayName: 'Tom K.', email: 'tom.k@example.org', locale: 'en' },
  { key: 'priya', displayName: 'Priya N.', email: 'priya.n@example.com', locale: 'en' },
  { key: 'owen', displayName: 'Owen M.', email: 'owen.m@example.org', locale: 'en' },
  { key: 'claire', displayName: 'Claire F.', email: 'claire.f@example.com', locale: 'en' },
  { key: 'niamh', displayName: 'Niamh O.', email: 'niamh.o@example.org', locale: 'en' },
];

export const demoStories: DemoStory[] = [
  // ─── FioriVeloci (florist, poor) ───────────────────────────────────────────
  {
    company: 'fioriveloci',
    author: 'giulia',
    language: 'it',
    title: 'Mail di reset arrivata dopo 10 ore, chat muta e solo il numero a pagamento',
    body: `Dovevo correggere un ordine per il compleanno di mia madre (mazzo di ranuncoli, 48,50 €) e non riuscivo più ad accedere al mio account.

Ho chiesto il reset della password alle 9:10: la mail è arrivata alle 19:25, **più di dieci ore dopo**, quando ormai il fiorista aveva già preparato il mazzo con l'indirizzo sbagliato.

Nel frattempo ho provato:
- la chat del sito: "un operatore sarà da te a breve" per 50 minuti, poi si è chiusa da sola;
- due e-mail all'assistenza, mai una risposta;
- il modulo di contatto, che dopo l'invio mostra una pagina bianca.

L'unico canale che ha funzionato è il numero a pagamento: 18 minuti di attesa e poi un'operatrice gentile che però non poteva modificare l'ordine "perché già in lavorazione". I fiori sono arrivati a una vicina.`,
    category: 'account_access',
    daysAgo: 512,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 18 },
    ],
    orderReference: 'FV-2291847',
    messages: [
      {
        by: 'company',
        afterHours: 190,
        body: `Gentile cliente, ci scusiamo per il disagio. Nei giorni indicati abbiamo avuto un rallentamento del servizio di invio e-mail. La invitiamo a contattare il nostro servizio clienti per verificare la sua posizione.`,
      },
      {
        by: 'consumer',
        afterHours: 205,
        body: `Il servizio clienti l'ho contattato, è scritto sopra. Vorrei sapere se mi rimborsate la consegna sbagliata oppure no.`,
      },
    ],
    verdict: {
      afterHours: 300,
      resolved: false,
      wouldBuyAgain: false,
      rating: 1,
      comment: 'Nessun rimborso, solo una risposta copiata e incollata dopo otto giorni.',
    },
  },
  {
    company: 'fioriveloci',
    author: 'marco',
    language: 'it',
    title: 'Corona per un funerale consegnata il giorno dopo',
    body: `Ho ordinato una corona di fiori (119 €) con consegna garantita entro le 14 per un funerale a Modena. Il sito confermava la disponibilità in giornata e ho pagato anche il supplemento "urgente" di 9,90 €.

Alle 13:30 la corona non c'era. Ho scritto in chat: nessuno ha risposto in 40 minuti. Ho chiamato il numero a pagamento, 25 minuti di musica, e mi hanno detto che "il fiorista partner è in ritardo". La corona è arrivata alla chiesa **il giorno dopo**, quando era tutto finito.

Ho mandato una mail chiedendo almeno il rimborso del supplemento urgente. Nessuna risposta, e sono passate settimane. Non chiedo molto, solo che qualcuno si prenda la responsabilità.`,
    category: 'delivery',
    daysAgo: 330,
    experienceDaysBefore: 12,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 25 },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'FV-3310952',
    messages: [],
  },
  {
    company: 'fioriveloci',
    author: 'hannah',
    language: 'en',
    title: 'Sent flowers to my mother-in-law in Bologna, she got a completely different bouquet',
    body: `I live in Leeds and ordered a bouquet of white peonies (€62) for my mother-in-law's 70th birthday. What arrived was a small mixed bunch of carnations with the wrong card message — it was meant for someone called "Franco".

The site has an English version but support is clearly Italian-only. The chat window stayed on "connecting" for half an hour. I sent an e-mail with photos and got an answer **five days later** asking me to send the photos again.

I understand mistakes happen with partner florists, but a birthday is a one-day thing. I asked for a refund or a redelivery on the right day, and I ended up with neither.`,
    category: 'delivery',
    daysAgo: 214,
    experienceDaysBefore: 6,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'email', waitMinutes: 7200 },
    ],
    orderReference: 'FV-4418830',
    messages: [
      {
        by: 'company',
        afterHours: 260,
        body: `Dear customer, we are sorry that the bouquet did not match your order. After checking with our partner florist we can offer a refund of 50% of the order value, which will be issued to your original payment method within 10 working days.`,
      },
      {
        by: 'consumer',
        afterHours: 284,
        body: `Thank you for finally answering. Half is better than nothing, although the bouquet was simply not what I paid for. I'll accept it.`,
      },
      {
        by: 'company',
        afterHours: 300,
        body: `Thank you. The partial refund of €31 has been issued today.`,
      },
    ],
    verdict: {
      afterHours: 330,
      resolved: true,
      wouldBuyAgain: false,
      rating: 2,
      comment: 'Partial refund arrived, but it took a public post to get any answer.',
    },
  },
  {
    company: 'fioriveloci',
    author: 'francesca',
    language: 'it',
    title: 'Addebito doppio di 64,90 € e nessuno che risponde alle mail',
    body: `A San Valentino ho ordinato un mazzo di rose rosse da 64,90 €. Sull'estratto conto della carta l'addebito compare **due volte**, con lo stesso orario.

Ho scritto subito all'assistenza allegando lo screenshot dell'estratto conto (con i dati sensibili oscurati). Risposta automatica e poi silenzio. Ho compilato il modulo "problemi di pagamento": dopo una settimana mi è arrivata una mail che diceva solo di "attendere le verifiche dell'ufficio amministrativo".

La chat non l'ho neanche provata perché tutti dicono che non risponde. Vorrei semplicemente indietro i miei 64,90 € senza dover aprire una contestazione con la banca.`,
    category: 'refund',
    daysAgo: 125,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: 10080 },
    ],
    orderReference: 'FV-5520114',
    messages: [
      {
        by: 'company',
        afterHours: 150,
        body: `Gentile cliente, la sua segnalazione è stata inoltrata all'ufficio amministrativo. Le verifiche sui doppi addebiti richiedono fino a 30 giorni lavorativi. La ringraziamo per la pazienza.`,
      },
      {
        by: 'consumer',
        afterHours: 172,
        body: `Trenta giorni lavorativi per vedere che un pagamento è stato preso due volte? Vi ho mandato la prova. Aspetto.`,
      },
      {
        by: 'company',
        afterHours: 410,
        body: `Le confermiamo che la pratica è ancora in verifica. Sarà contattata via e-mail non appena conclusa.`,
      },
    ],
  },
  {
    company: 'fioriveloci',
    author: 'luca',
    language: 'it',
    title: 'Impossibile cambiare l’indirizzo di consegna online, funziona solo il numero a pagamento',
    body: `Due giorni prima della consegna mi sono accorto di aver scritto il civico sbagliato (12 invece di 21). Nell'area "I miei ordini" non c'è nessun modo di modificare l'indirizzo: il pulsante "modifica" porta al modulo di contatto.

Ho compilato il modulo alle 10 del mattino: nessuna risposta. Chat: dopo 30 minuti in coda è comparso "operatori non disponibili". Alla fine ho chiamato il numero a pagamento e, dopo 22 minuti di attesa, l'operatore ha corretto l'indirizzo in un minuto.

Quindi il problema si è risolto, ma a mie spese. Perché una modifica così banale non si può fare dal sito o almeno via chat?`,
    category: 'other',
    daysAgo: 40,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'chat', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 22 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 120,
        body: `Buongiorno, grazie per il suggerimento. Per motivi organizzativi le modifiche agli ordini già trasmessi ai fioristi partner vengono gestite esclusivamente dal servizio telefonico. Stiamo valutando di estendere la funzione al sito.`,
      },
      {
        by: 'consumer',
        afterHours: 141,
        body: `Capisco, ma allora scrivetelo chiaramente nella pagina dell'ordine invece di mandare le persone a un modulo che nessuno legge. E la chat a cosa serve?`,
      },
    ],
  },
  {
    company: 'fioriveloci',
    author: 'chiara',
    language: 'it',
    title: 'Ordine per la laurea di mia sorella: stato "in preparazione" da tre giorni',
    body: `Ho ordinato un bouquet con consegna per la mattina della laurea di mia sorella, a Padova (54 €). La proclamazione è stata venerdì alle 11. Il tracciamento dice ancora "in preparazione" e i fiori non sono mai arrivati.

Venerdì stesso ho scritto in chat (nessuna risposta dopo 35 minuti) e ho mandato una mail, senza esito. Il numero a pagamento non l'ho chiamato per principio: non dovrei pagare per sapere dove sono dei fiori che ho già pagato.

Chiedo il rimborso completo. Aggiornerò qui se qualcuno si fa vivo.`,
    category: 'delivery',
    daysAgo: 2,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'FV-7702385',
    messages: [],
  },

  // ─── Bottega del Telaio (e-commerce, exemplary) ────────────────────────────
  {
    company: 'bottega-telaio',
    author: 'davide',
    language: 'it',
    title: 'Tela arrivata rotta e cornici mancanti: richiamato in due ore e rimborsato',
    body: `Avevo ordinato una stampa su tela 70×100 e tre cornici in noce per il soggiorno, in tutto 186 €. Il pacco è arrivato con un angolo sfondato: la tela era strappata sul bordo e nella scatola c'erano solo due cornici.

Ho fatto le foto davanti al corriere e ho scritto all'assistenza alle 11:40 tramite il modulo del sito. **Alle 13:30 mi ha richiamato una persona del laboratorio**, ha visto le foto, si è scusata e mi ha proposto due strade: ristampa con spedizione gratuita oppure rimborso. Ho scelto il rimborso della tela e la spedizione della cornice mancante.

Rimborso visibile sulla carta dopo tre giorni, cornice arrivata in quattro. Così si fa.`,
    category: 'delivery',
    daysAgo: 470,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'web_form', waitMinutes: 110 },
      { channel: 'email', waitMinutes: 240 },
    ],
    orderReference: 'BT-10442',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Buongiorno Davide, grazie per aver raccontato la sua esperienza qui. Come concordato al telefono:

- rimborso di 98 € per la tela danneggiata, già disposto;
- la cornice mancante parte domani con corriere espresso, senza costi.

Abbiamo anche segnalato il danno al corriere: gli imballi da 70×100 da questa settimana hanno gli angolari rinforzati.`,
      },
      {
        by: 'consumer',
        afterHours: 6,
        body: `Grazie, confermo tutto. Vi aggiorno quando arriva la cornice.`,
      },
      {
        by: 'company',
        afterHours: 30,
        body: `La cornice è partita: il tracciamento le arriverà per e-mail. Buona giornata!`,
      },
    ],
    verdict: {
      afterHours: 98,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
      comment: 'Risposta in due ore, rimborso in tre giorni. Ricomprerò di sicuro.',
    },
    stillResolved: { afterDays: 30, yes: true },
  },
  {
    company: 'bottega-telaio',
    author: 'elena',
    language: 'it',
    title: 'Cornice su misura che si scolla dopo tre mesi',
    body: `A febbraio ho preso una cornice su misura in legno laccato bianco (76 €) per un acquerello. Dopo circa tre mesi uno degli angoli ha cominciato ad aprirsi: si vedeva una fessura di un paio di millimetri e il vetro si muoveva.

Ho mandato una mail con due foto la domenica sera, pensando di aspettare giorni. Il lunedì mattina, prima delle nove, avevo già la risposta: mi hanno chiesto se preferivo rispedirla con un'etichetta prepagata o riceverne una nuova prima di restituire la vecchia. Ho scelto la seconda opzione, così l'acquerello non è rimasto senza cornice.

Nessuna discussione sulla garanzia, nessun modulo da compilare.`,
    category: 'warranty',
    daysAgo: 288,
    experienceDaysBefore: 5,
    channels: [{ channel: 'email', waitMinutes: 720 }],
    orderReference: 'BT-13877',
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `Gentile Elena, ci dispiace molto: è un difetto di incollaggio di un lotto di febbraio che abbiamo già individuato. La nuova cornice è in produzione e partirà giovedì; insieme troverà l'etichetta per restituirci quella difettosa quando le è comodo.`,
      },
      {
        by: 'consumer',
        afterHours: 100,
        body: `Arrivata oggi, perfetta. Grazie!`,
      },
    ],
    verdict: {
      afterHours: 102,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
    },
  },
  {
    company: 'bottega-telaio',
    author: 'tom',
    language: 'en',
    title: 'Unexpected import charge on a print sent to the UK — explained and refunded',
    body: `I ordered a framed print from their Florence workshop (€138 including shipping to Manchester). When it arrived the courier asked for £31 in import VAT and a handling fee before handing it over. Nothing at checkout had mentioned it.

I e-mailed in English on a Saturday afternoon and had a reply within four hours, also in good English. They explained that their checkout should have collected UK VAT up front, that a configuration change had broken this for a few days, and that they would refund the whole £31 since it was their mistake. They asked for a photo of the courier's receipt and that was it.

Refund arrived two days later, converted at a fair rate.`,
    category: 'delivery',
    daysAgo: 176,
    experienceDaysBefore: 4,
    channels: [{ channel: 'email', waitMinutes: 230 }],
    messages: [
      {
        by: 'company',
        afterHours: 4,
        body: `Hello Tom, thank you for posting this. You are right: for four days our checkout did not add UK VAT for orders to Great Britain, so the courier collected it on delivery. This was our error. Please send the courier's receipt to our support address and we will refund the full amount you paid.`,
      },
      {
        by: 'consumer',
        afterHours: 7,
        body: `Done, receipt sent. Thanks for the straight answer.`,
      },
      {
        by: 'company',
        afterHours: 22,
        body: `Received — the refund has been issued to your card today.`,
      },
    ],
    verdict: {
      afterHours: 70,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
      comment: 'Annoying surprise at the door, but handled honestly and fast.',
    },
  },
  {
    company: 'bottega-telaio',
    author: 'paolo',
    language: 'it',
    title: 'Reso di un poster: rimborsato in tre giorni',
    body: `Racconto anche le cose che vanno bene. Ho restituito un poster con cornice (59 €) perché dal vivo il colore non si abbinava al divano. Nessun difetto, semplice ripensamento entro i 14 giorni.

Ho chiesto il reso tramite il modulo del sito alle 18; la mattina dopo avevo l'etichetta prepagata via mail, con istruzioni chiare su come imballare il vetro. Ho lasciato il pacco al punto di ritiro il lunedì e il giovedì il rimborso era già sulla carta, **senza trattenute**.

Ho scritto anche in chat per chiedere se il rimborso includesse la spedizione iniziale: risposta in 3 minuti, sì.`,
    category: 'refund',
    daysAgo: 97,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'web_form', waitMinutes: 900 },
      { channel: 'chat', waitMinutes: 3 },
    ],
    orderReference: 'BT-20931',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Grazie Paolo per il racconto! Confermiamo che per i resi per ripensamento rimborsiamo anche la spedizione iniziale: ci sembra il minimo.`,
      },
    ],
    verdict: {
      afterHours: 80,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
    },
    stillResolved: { afterDays: 7, yes: true },
  },
  {
    company: 'bottega-telaio',
    author: 'sara',
    language: 'it',
    title: 'Fattura intestata senza partita IVA',
    body: `Ho acquistato quattro stampe per lo studio dove lavoro (212 €) e in fase d'ordine ho inserito ragione sociale e partita IVA. La fattura arrivata via mail però è intestata a me come privata, senza partita IVA, e così non la posso registrare.

Ho scritto all'indirizzo dell'amministrazione e in chat. La chat ha risposto in due minuti ma mi ha detto che serve l'ufficio contabilità, che lavora al mattino. Vediamo quanto ci mettono a emettere la nota di credito e la fattura corretta: il commercialista me la chiede entro fine mese.`,
    category: 'billing',
    daysAgo: 33,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'chat', waitMinutes: 2 },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'BT-24410',
    messages: [
      {
        by: 'company',
        afterHours: 0.5,
        body: `Buongiorno Sara, ci scusiamo: il campo partita IVA non è stato trasmesso al gestionale per un errore nel modulo d'ordine, che abbiamo corretto. Nota di credito e nuova fattura saranno emesse entro 48 ore e le arriveranno allo stesso indirizzo e-mail.`,
      },
      {
        by: 'consumer',
        afterHours: 3,
        body: `Perfetto, grazie. Attendo la fattura corretta.`,
      },
    ],
  },
  {
    company: 'bottega-telaio',
    author: 'alessandro',
    language: 'it',
    title: 'Cornice su misura in ritardo rispetto ai 10 giorni indicati',
    body: `Ho ordinato una cornice su misura per una vecchia mappa di famiglia (quasi un metro di larghezza, 145 €). Il sito indicava "pronta in 10 giorni lavorativi". Siamo al quindicesimo e lo stato è fermo su "in laboratorio".

Non è un dramma, ma mi serve per un regalo e vorrei sapere se ci sono problemi con il materiale o se è solo questione di coda. Ho mandato una mail due giorni fa e non ho ancora avuto risposta, cosa strana perché in passato avevano sempre risposto in fretta. La chat stasera risultava offline.`,
    category: 'other',
    daysAgo: 9,
    experienceDaysBefore: 1,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'chat', waitMinutes: null },
    ],
    orderReference: 'BT-27106',
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `Buongiorno Alessandro, ha ragione a chiedere e ci scusiamo per il silenzio: la sua mail era finita nella coda sbagliata. La modanatura in rovere che ha scelto ci è arrivata in ritardo dal fornitore; la cornice è in montaggio e partirà **entro venerdì**. Le scriviamo con il tracciamento appena pronta.`,
      },
      {
        by: 'consumer',
        afterHours: 5,
        body: `Grazie della spiegazione, aspetto il tracciamento.`,
      },
    ],
  },

  // ─── Piazzalunga (marketplace, good) ───────────────────────────────────────
  {
    company: 'piazzalunga',
    author: 'roberta',
    language: 'it',
    title: 'Televisore arrivato con lo schermo crepato: rimborso in quattro giorni',
    body: `Ho comprato un televisore da 55 pollici venduto e spedito direttamente da Piazzalunga (449 €). All'accensione metà schermo era nera con una crepa che partiva dall'angolo: l'imballo sembrava integro, quindi il colpo l'ha preso prima.

Ho aperto la chat dall'app alle 20:15 e un operatore ha risposto in 4 minuti. Mi ha chiesto due foto, ha aperto la pratica e mi ha dato due scelte: sostituzione o rimborso. Ho scelto il rimborso perché il modello non era più disponibile.

Il corriere è passato a ritirare il televisore due giorni dopo, **nella fascia oraria che avevo scelto io**, e il rimborso è arrivato sulla carta dopo altri due giorni. Nessuna telefonata, nessuna raccomandata.`,
    category: 'refund',
    daysAgo: 535,
    experienceDaysBefore: 6,
    channels: [{ channel: 'chat', waitMinutes: 4 }],
    orderReference: 'PZ-408-1187734',
    messages: [
      {
        by: 'company',
        afterHours: 20,
        body: `Ciao Roberta, grazie per aver condiviso la tua esperienza. Siamo contenti che la pratica si sia chiusa rapidamente; abbiamo girato le foto al nostro magazzino per verificare come è stato movimentato il collo.`,
      },
    ],
    verdict: {
      afterHours: 40,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
    },
    stillResolved: { afterDays: 30, yes: true },
  },
  {
    company: 'piazzalunga',
    author: 'marco',
    language: 'it',
    title: 'Venditore terzo che non spedisce: è intervenuta la garanzia di Piazzalunga',
    body: `Ho comprato una macchina da caffè a leva da un venditore terzo sul marketplace (189 €). Dopo 12 giorni l'ordine era ancora "in attesa di spedizione" e il venditore non rispondeva ai messaggi interni.

Ho aperto una richiesta di garanzia "articolo non ricevuto" dal sito. Il modulo dice che il venditore ha 48 ore per rispondere, poi interviene Piazzalunga. Così è andata: dopo tre giorni ho ricevuto una mail che annullava l'ordine e disponeva il rimborso.

Qualche giorno di attesa in più del necessario, e la chat all'inizio mi ha solo detto di "aspettare il venditore", ma alla fine la procedura ha funzionato.`,
    category: 'refund',
    daysAgo: 355,
    experienceDaysBefore: 15,
    channels: [
      { channel: 'web_form', waitMinutes: 4320 },
      { channel: 'chat', waitMinutes: 7 },
    ],
    orderReference: 'PZ-402-5530981',
    messages: [
      {
        by: 'company',
        afterHours: 20,
        body: `Ciao Marco, ci dispiace per l'attesa. Confermiamo che la garanzia è intervenuta e il rimborso di 189 € è stato disposto; il venditore è stato sospeso in attesa di verifiche.`,
      },
      {
        by: 'consumer',
        afterHours: 70,
        body: `Rimborso ricevuto oggi, grazie.`,
      },
    ],
    verdict: {
      afterHours: 150,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
      comment: 'La chat potrebbe spiegare subito come funziona la garanzia invece di dire di aspettare.',
    },
  },
  {
    company: 'piazzalunga',
    author: 'priya',
    language: 'en',
    title: 'Account locked after logging in from London, codes sent to my old number',
    body: `I live in Turin and have used Piazzalunga for years. After logging in from London during a work trip the account was locked "for security reasons" and the unlock code went by SMS to an Italian number I stopped using two years ago.

The help pages only describe the SMS route. The chat was available (wait of about 10 minutes) but the first agent said they could not change the phone number without the code — a perfect loop. I then filled in the identity form, uploading a document as requested.

The next morning someone from the security team wrote to me, checked a couple of past orders and unlocked the account. Not instant, but sensible.`,
    category: 'account_access',
    daysAgo: 260,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'chat', waitMinutes: 10 },
      { channel: 'web_form', waitMinutes: 960 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 9,
        body: `Hi Priya, thanks for the detailed description. The loop you describe is a known gap: chat agents cannot change a phone number on a locked account, only the security team can. We have updated the chat script so agents send customers straight to the identity form instead.`,
      },
    ],
    verdict: {
      afterHours: 26,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'piazzalunga',
    author: 'giulia',
    language: 'it',
    title: 'Aspirapolvere guasto dopo 8 mesi: “la garanzia è del venditore”, che però è sparito',
    body: `Ad aprile ho comprato un aspirapolvere senza fili (129 €) da un venditore terzo del marketplace. A dicembre la batteria ha smesso di caricare. Per legge ho due anni di garanzia, quindi ho scritto al venditore tramite la messaggistica del sito: nessuna risposta in due settimane.

La chat di Piazzalunga mi ha spiegato che la garanzia legale è a carico del venditore e che la loro "garanzia acquisti" copre solo i primi 30 giorni dopo la consegna. Ho chiesto almeno i dati completi del venditore per scrivergli una raccomandata: mi hanno indicato la pagina del profilo, dove c'è solo un indirizzo in un altro paese.

Capisco le regole, ma il marketplace ha incassato e adesso non esiste più nessuno a cui rivolgersi.`,
    category: 'warranty',
    daysAgo: 150,
    experienceDaysBefore: 25,
    channels: [
      { channel: 'chat', waitMinutes: 12 },
      { channel: 'web_form', waitMinutes: null },
    ],
    orderReference: 'PZ-417-0092716',
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Ciao Giulia, ci dispiace per la situazione. Abbiamo sollecitato il venditore tramite il nostro canale interno; se non risponde entro 5 giorni lavorativi valuteremo il caso.`,
      },
      {
        by: 'consumer',
        afterHours: 160,
        body: `Sono passati i 5 giorni lavorativi e il venditore non ha risposto. Cosa succede adesso?`,
      },
      {
        by: 'company',
        afterHours: 190,
        body: `Abbiamo verificato che il venditore ha chiuso il proprio account. Purtroppo l'ordine è fuori dal periodo della garanzia acquisti e non possiamo procedere con un rimborso. Possiamo offrirti un buono di 15 € come gesto commerciale.`,
      },
    ],
    verdict: {
      afterHours: 215,
      resolved: false,
      wouldBuyAgain: true,
      rating: 2,
      comment: 'Compro ancora, ma solo articoli venduti direttamente da loro.',
    },
  },
  {
    company: 'piazzalunga',
    author: 'davide',
    language: 'it',
    title: 'Pacco “consegnato” che non ho mai ricevuto',
    body: `Il tracciamento di un paio di scarpe da trekking (94 €) diceva "consegnato" alle 12:48 di martedì. Ero in casa tutto il giorno e nessuno ha suonato; non c'era nulla nemmeno dal portiere o dai vicini.

Ho aperto la chat la sera stessa: attesa 6 minuti, l'operatore ha aperto una verifica con il corriere e mi ha detto di aspettare 48 ore. Dopo due giorni mi hanno scritto che il corriere non aveva foto né firma della consegna e mi hanno proposto il rimborso o un nuovo invio. Ho scelto il rimborso.`,
    category: 'delivery',
    daysAgo: 70,
    experienceDaysBefore: 4,
    channels: [{ channel: 'chat', waitMinutes: 6 }],
    orderReference: 'PZ-425-7781202',
    messages: [
      {
        by: 'company',
        afterHours: 6,
        body: `Ciao Davide, confermiamo che il rimborso di 94 € è stato disposto oggi sul metodo di pagamento originale. Ci scusiamo per l'inconveniente.`,
      },
      {
        by: 'consumer',
        afterHours: 12,
        body: `Grazie, lo vedo in attesa sulla carta.`,
      },
      {
        by: 'company',
        afterHours: 26,
        body: `Perfetto. Se nei prossimi giorni il pacco dovesse comparire, ti basterà segnalarcelo dalla pagina dell'ordine.`,
      },
      {
        by: 'consumer',
        afterHours: 224,
        body: `Aggiornamento: oggi mi è stato **riaddebitato** l'importo con la causale "consegna confermata dal corriere". Il pacco però non l'ho mai visto. Riapro la questione.`,
      },
      {
        by: 'company',
        afterHours: 250,
        body: `Ciao Davide, abbiamo visto il riaddebito: è partito in automatico dopo una dichiarazione del corriere che stiamo contestando. Lo abbiamo sospeso e un collega ti scriverà entro 48 ore con l'esito.`,
      },
    ],
    verdict: {
      afterHours: 48,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
    stillResolved: { afterDays: 7, yes: false },
  },
  {
    company: 'piazzalunga',
    author: 'chiara',
    language: 'it',
    title: 'Abbonamento Piazzalunga Più disdetto ma rinnovato lo stesso (49 €)',
    body: `A ottobre ho disattivato il rinnovo automatico dell'abbonamento "Più" dalla pagina del mio account: ho anche lo screenshot della conferma "Il tuo abbonamento terminerà il 14 novembre". Il 15 novembre mi sono stati addebitati 49 € per un altro anno.

Ho scritto in chat (attesa 9 minuti): l'operatore vede la disdetta ma dice che il rimborso lo deve approvare un altro reparto e che riceverò una mail. Vorrei che mi confermassero che il rimborso arriva e che l'abbonamento è davvero chiuso.`,
    category: 'cancellation',
    daysAgo: 18,
    experienceDaysBefore: 2,
    channels: [{ channel: 'chat', waitMinutes: 9 }],
    messages: [
      {
        by: 'company',
        afterHours: 5,
        body: `Ciao Chiara, abbiamo verificato: la disdetta risultava registrata ma un errore nel rinnovo di novembre ha ignorato alcune disattivazioni. Il rimborso di 49 € è stato disposto e l'abbonamento è chiuso. Ti chiediamo scusa.`,
      },
      {
        by: 'consumer',
        afterHours: 9,
        body: `Grazie. Quando vedo il rimborso sulla carta lo confermo qui.`,
      },
    ],
  },

  // ─── Aurora Fibra (telco, unresponsive) ────────────────────────────────────
  {
    company: 'aurora-fibra',
    author: 'alessandro',
    language: 'it',
    title: 'Quattro tecnici, la fibra mai attivata e poi le bollette e la penale',
    body: `Ho firmato il contratto per la fibra a febbraio. Da allora:

1. primo tecnico: "manca il permesso del condominio";
2. secondo tecnico, con il permesso in mano: "la canalina è ostruita, serve un'altra squadra";
3. terzo tecnico: non si è presentato;
4. quarto tecnico: "dalla centralina non c'è fibra, il civico non è coperto".

Nel frattempo sono arrivate **due bollette da 27,90 €** per un servizio mai attivato. Al numero verde, che allora esisteva ancora, dopo 40 minuti mi hanno detto che per chiudere il contratto dovevo mandare una raccomandata e che avrei pagato i costi di disattivazione (65 €).

Ho mandato la raccomandata, scritto in chat e aperto un reclamo. Nessuna risposta scritta a niente.`,
    category: 'installation',
    daysAgo: 498,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 40 },
      { channel: 'chat', waitMinutes: null },
      { channel: 'letter', waitMinutes: null },
    ],
    orderReference: 'AF-CTR-0088123',
    messages: [
      {
        by: 'company',
        afterHours: 600,
        body: `Gentile cliente, la sua segnalazione è stata presa in carico dal reparto competente. Per ricevere assistenza sulla sua linea può contattare il servizio clienti dall'Area Personale.`,
      },
      {
        by: 'consumer',
        afterHours: 640,
        body: `Quale linea? Non è mai stata attivata. Vi chiedo per l'ennesima volta: annullate le due bollette e la penale.`,
      },
    ],
    verdict: {
      afterHours: 1300,
      resolved: false,
      wouldBuyAgain: false,
      rating: 1,
      comment: 'Alla fine ho fatto ricorso al Corecom. Da loro nessuna risposta vera.',
    },
  },
  {
    company: 'aurora-fibra',
    author: 'elena',
    language: 'it',
    title: 'Il numero verde non esiste più: per disdire solo moduli e numero a pagamento',
    body: `Volevo disdire il contratto perché mi trasferisco. Sul vecchio contratto c'è un numero verde, che ora risponde con un messaggio registrato: "il servizio è stato sostituito dall'assistenza digitale".

L'assistenza digitale è un modulo nell'area personale che, alla voce "disdetta", ti rimanda... al numero a pagamento. Ho chiamato: 35 minuti di attesa, poi l'operatore mi ha detto che la disdetta si fa solo con raccomandata o PEC.

Ho mandato la PEC con copia del documento il 3 del mese. Sono passate quattro settimane e nessuno ha confermato niente, mentre la bolletta successiva è arrivata regolarmente.`,
    category: 'cancellation',
    daysAgo: 361,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 35 },
      { channel: 'letter', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'aurora-fibra',
    author: 'paolo',
    language: 'it',
    title: 'Passato a un altro operatore, ma continuano a fatturare',
    body: `A maggio ho fatto il passaggio a un altro operatore mantenendo il numero. Il nuovo operatore funziona da subito, quindi la migrazione è andata a buon fine. Aurora però mi ha mandato altre **due fatture da 29,90 €** (giugno e luglio) e le ha addebitate sul conto.

Ho aperto due reclami dal modulo online: nessuna risposta, solo il numero di pratica. Ho mandato una mail all'indirizzo reclami indicato in fattura: nessuna risposta. Il numero a pagamento dopo 28 minuti mi ha detto che "la cessazione è in lavorazione".

Ho revocato l'addebito diretto in banca. Chiedo il rimborso delle due fatture.`,
    category: 'billing',
    daysAgo: 245,
    experienceDaysBefore: 40,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 28 },
    ],
    orderReference: 'AF-CTR-0109876',
    messages: [],
  },
  {
    company: 'aurora-fibra',
    author: 'owen',
    language: 'en',
    title: 'Internet down for three weeks, no way to reach anyone in English',
    body: `I moved to Rome last year for work and signed up with Aurora because the fibre offer was cheap. Three weeks ago the connection dropped completely: the router shows a red light on the fibre port.

The paid support line has an Italian-only menu. With a colleague's help I got through after 45 minutes, and was told a ticket had been opened and a technician would call within 72 hours. Nobody called. The chat in the app just says "no operators available". I messaged them on social media too and got no reply.

I'm working from home and using my phone's data for everything. I'd like the line fixed, and the three weeks not billed.`,
    category: 'technical_support',
    daysAgo: 187,
    experienceDaysBefore: 21,
    channels: [
      { channel: 'phone_paid', waitMinutes: 45 },
      { channel: 'chat', waitMinutes: null },
      { channel: 'social', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'aurora-fibra',
    author: 'luca',
    language: 'it',
    title: 'Modem restituito ma continuano ad addebitare il noleggio e ora chiedono 80 €',
    body: `Dopo la disdetta ho restituito il modem, come richiesto, tramite il punto di ritiro indicato nella lettera. Ho la ricevuta con il codice di spedizione e il tracciamento dice "consegnato al magazzino" da settembre.

Da allora mi addebitano comunque 4,99 € al mese di noleggio e nell'ultima lettera mi chiedono 80 € per "mancata restituzione dell'apparato". Ho inviato la ricevuta con il modulo reclami e per PEC. Nessuna risposta, a parte la lettera di sollecito di una società di recupero crediti.`,
    category: 'billing',
    daysAgo: 86,
    experienceDaysBefore: 14,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'letter', waitMinutes: null },
    ],
    orderReference: 'AF-CTR-0132001',
    messages: [
      {
        by: 'company',
        afterHours: 400,
        body: `Gentile cliente, la informiamo che le richieste relative agli apparati vanno inoltrate tramite l'apposita sezione dell'Area Personale, allegando la prova di restituzione.`,
      },
      {
        by: 'consumer',
        afterHours: 430,
        body: `L'Area Personale è stata disattivata il giorno della disdetta. La prova di restituzione ve l'ho mandata due volte. Chi la legge?`,
      },
    ],
  },
  {
    company: 'aurora-fibra',
    author: 'roberta',
    language: 'it',
    title: 'Fibra da 1 Gb che va a 20 Mb da un mese',
    body: `Pago 29,90 € al mese per una fibra "fino a 1 Gb". Da un mese lo speed test, fatto col cavo direttamente sul modem, dà tra 15 e 20 Mb in download, a qualsiasi ora.

Ho aperto una segnalazione dal modulo online: il sistema l'ha chiusa da solo dopo tre giorni con "test di linea superato". Il numero a pagamento, dopo mezz'ora di attesa, mi ha detto di riavviare il modem. L'ho fatto, più volte.

Con lo smart working non posso continuare così. Chiedo che mandino un tecnico o che mi lascino andare senza costi.`,
    category: 'technical_support',
    daysAgo: 12,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'web_form', waitMinutes: 4320 },
      { channel: 'phone_paid', waitMinutes: 30 },
    ],
    messages: [],
  },

  // ─── CorsaCasa (fitness, unresponsive) ─────────────────────────────────────
  {
    company: 'corsacasa',
    author: 'francesca',
    language: 'it',
    title: 'Tapis roulant in garanzia: “la richiamerà un tecnico”. Tre mesi e due solleciti dopo, niente',
    body: `Il tapis roulant (899 €) comprato a gennaio ha cominciato a fare un rumore metallico forte sopra i 9 km/h. È in garanzia, quindi ho chiamato il numero dell'assistenza: 12 minuti di attesa, l'operatore ha registrato il guasto e mi ha detto che **un tecnico mi avrebbe richiamato entro 10 giorni** per fissare l'intervento.

Non ha chiamato nessuno. Dopo un mese ho mandato una mail di sollecito con il video del rumore; dopo due mesi ho compilato il modulo online. Nessuna risposta a nessuno dei due.

Sono passati tre mesi. Il tapis roulant è fermo in salotto e non lo uso per paura di romperlo del tutto.`,
    category: 'warranty',
    daysAgo: 440,
    experienceDaysBefore: 90,
    channels: [
      { channel: 'phone_paid', waitMinutes: 12 },
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    orderReference: 'CC-55120',
    messages: [],
  },
  {
    company: 'corsacasa',
    author: 'marco',
    language: 'it',
    title: 'Cyclette consegnata senza pedale e senza staffa del display',
    body: `La cyclette (429 €) è arrivata in due scatole. Al montaggio mi sono accorto che mancavano il pedale sinistro e la staffa che regge il display. Senza staffa il display resta appoggiato per terra attaccato al cavo.

Ho scritto alla mail dell'assistenza lo stesso giorno, con le foto del contenuto delle scatole e dell'elenco pezzi. Nessuna risposta per tre settimane; nemmeno il modulo online ha prodotto qualcosa. Al telefono ho trovato sempre occupato.

Ho pubblicato qui sperando che qualcuno legga.`,
    category: 'delivery',
    daysAgo: 340,
    experienceDaysBefore: 25,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    orderReference: 'CC-61874',
    messages: [
      {
        by: 'company',
        afterHours: 500,
        body: `Buongiorno, ci scusiamo per il ritardo dovuto all'elevato numero di richieste. I ricambi verranno spediti appena disponibili a magazzino.`,
      },
      {
        by: 'consumer',
        afterHours: 720,
        body: `Sono passate altre tre settimane e non è arrivato niente. Avete una data?`,
      },
    ],
    verdict: {
      afterHours: 1100,
      resolved: false,
      wouldBuyAgain: false,
      rating: 2,
      comment: 'Il pedale l\u2019ho comprato in ferramenta. La staffa mai arrivata.',
    },
  },
  {
    company: 'corsacasa',
    author: 'sara',
    language: 'it',
    title: 'Vogatore restituito nei 14 giorni, rimborso di 349 € mai arrivato',
    body: `Ho esercitato il diritto di recesso per un vogatore (349 €) che era troppo ingombrante per il mio appartamento. Ho seguito la procedura: modulo di recesso, imballo originale, ritiro con il loro corriere. Il tracciamento dice "consegnato al mittente" da sei settimane.

Il rimborso, che per legge dovrebbe arrivare entro 14 giorni, non si è visto. Ho scritto due mail e poi una PEC con il numero di spedizione del reso: nessuna risposta. Il modulo online restituisce "richiesta inviata" e basta.`,
    category: 'refund',
    daysAgo: 230,
    experienceDaysBefore: 45,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'letter', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    orderReference: 'CC-70233',
    messages: [],
  },
  {
    company: 'corsacasa',
    author: 'claire',
    language: 'en',
    title: 'Treadmill belt slipping after four months, no reply to anything',
    body: `I bought a folding treadmill (€650) while living in Milan. After four months the belt started slipping every few steps, which is genuinely dangerous at running pace.

The manual says to contact support for a belt adjustment under warranty. I wrote to the support address in English and again in (bad) Italian, attaching a video. I tried the chat on the website three evenings in a row; it always shows "we'll get back to you by e-mail", and they never do.

I'm not asking for a new treadmill, just for someone to tell me how to adjust it safely or to send a technician.`,
    category: 'warranty',
    daysAgo: 140,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'chat', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'corsacasa',
    author: 'chiara',
    language: 'it',
    title: 'Pagato il montaggio a domicilio (79 €), nessuno si è presentato',
    body: `Insieme alla panca multifunzione (540 €) ho pagato il servizio di montaggio a domicilio, 79 €. Mi hanno scritto per fissare l'appuntamento: sabato tra le 9 e le 13. Ho aspettato in casa tutta la mattina, nessuno è venuto e nessuno ha avvisato.

Ho chiamato il numero dell'assistenza lunedì: 20 minuti di attesa, poi l'operatore mi ha detto che la ditta di montaggio è esterna e che mi avrebbero ricontattato. Non è successo. La panca è ancora nelle scatole in corridoio.

Chiedo un nuovo appuntamento o il rimborso dei 79 €.`,
    category: 'installation',
    daysAgo: 55,
    experienceDaysBefore: 12,
    channels: [
      { channel: 'phone_paid', waitMinutes: 20 },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'CC-88419',
    messages: [],
  },
  {
    company: 'corsacasa',
    author: 'luca',
    language: 'it',
    title: 'Display del tapis roulant bloccato sull’errore E-07',
    body: `Da domenica il tapis roulant (comprato un anno fa, 1.090 €) si accende ma il display mostra "E-07" e il nastro non parte. Il manuale dice solo "contattare l'assistenza".

Ho mandato una mail con foto del display e numero di serie. Ho chiamato anche il numero a pagamento: dopo 16 minuti di attesa la linea è caduta. Visto quello che leggo qui sugli altri casi non sono molto fiducioso, ma ci provo: qualcuno sa dirmi cosa significa E-07?`,
    category: 'technical_support',
    daysAgo: 4,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 16 },
    ],
    messages: [],
  },

  // ─── Pacco Lesto (courier, fair) ───────────────────────────────────────────
  {
    company: 'pacco-lesto',
    author: 'paolo',
    language: 'it',
    title: 'Pacco fermo in deposito per nove giorni, il numero verde è un messaggio registrato',
    body: `Aspettavo dei ricambi per la bici ordinati da un negozio online. Il tracciamento si è fermato su "in giacenza presso il deposito di Bologna" per nove giorni, senza motivo indicato.

Il numero verde riportato sul sito risponde solo con un messaggio registrato che invita a usare il modulo online. Il modulo l'ho compilato due volte. Il negozio mi ha detto che non poteva fare niente finché il corriere non rispondeva.

Nessuno sa dirmi perché il pacco sia fermo né quando ripartirà. Vorrei solo una risposta da una persona: nove giorni di giacenza senza spiegazioni sono tanti.`,
    category: 'delivery',
    daysAgo: 520,
    experienceDaysBefore: 9,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: null },
      { channel: 'web_form', waitMinutes: 5760 },
    ],
    orderReference: 'PL-0034412279',
    messages: [
      {
        by: 'company',
        afterHours: 70,
        body: `Buongiorno, abbiamo verificato la spedizione: l'etichetta era danneggiata e il collo è stato messo in lavorazione manuale. La consegna è programmata per domani in mattinata. Ci scusiamo per il ritardo.`,
      },
      {
        by: 'consumer',
        afterHours: 96,
        body: `Arrivato stamattina, grazie.`,
      },
    ],
    verdict: {
      afterHours: 120,
      resolved: true,
      wouldBuyAgain: true,
      rating: 3,
      comment: 'Il numero verde andrebbe tolto dal sito se non risponde nessuno.',
    },
  },
  {
    company: 'pacco-lesto',
    author: 'roberta',
    language: 'it',
    title: 'Avviso di mancata consegna lasciato senza nemmeno suonare',
    body: `Ero in casa, in smart working, con il campanello funzionante. Alle 11:02 il tracciamento ha segnato "destinatario assente" e nella cassetta ho trovato l'avviso di giacenza. Il videocitofono non ha registrato nessuno che suonasse.

Per ritirare il pacco avrei dovuto andare al deposito fuori città, aperto solo dalle 9 alle 17. Ho chiesto una nuova consegna dal modulo online e ho scritto alla mail dei reclami spiegando il problema. La nuova consegna è arrivata dopo quattro giorni lavorativi.

Non è la prima volta con questo corriere nella mia zona.`,
    category: 'delivery',
    daysAgo: 345,
    experienceDaysBefore: 6,
    channels: [
      { channel: 'web_form', waitMinutes: 2880 },
      { channel: 'email', waitMinutes: 5760 },
    ],
    orderReference: 'PL-0041190337',
    messages: [
      {
        by: 'company',
        afterHours: 96,
        body: `Gentile cliente, ci dispiace per il disservizio. Abbiamo inoltrato la sua segnalazione alla filiale di competenza per le opportune verifiche.`,
      },
      {
        by: 'consumer',
        afterHours: 110,
        body: `Grazie. Mi farete sapere cosa risulta? Vorrei evitare che succeda di nuovo.`,
      },
      {
        by: 'company',
        afterHours: 150,
        body: `La filiale ci comunica che il corriere dichiara di aver effettuato il tentativo di consegna. Abbiamo comunque richiamato il personale al rispetto delle procedure.`,
      },
    ],
    verdict: {
      afterHours: 200,
      resolved: false,
      wouldBuyAgain: false,
      rating: 2,
      comment: 'Il videocitofono dice il contrario, ma tant’è.',
    },
  },
  {
    company: 'pacco-lesto',
    author: 'niamh',
    language: 'en',
    title: 'Parcel arrived crushed, damage claim form goes nowhere',
    body: `I'm an Erasmus student in Bologna. My parents sent me a box of books and a small coffee grinder through a shop that uses Pacco Lesto for the Italian leg. The box arrived flattened on one side and the grinder's glass container was smashed.

The driver wouldn't wait for me to check the contents, so I wrote "accepted with reservation" on his device as a friend told me to. The website says damage claims must be filed online within 8 days: I did it on day two, with photos. The automatic e-mail said I would be contacted within 5 working days. It's been three weeks.

There is no English option on the phone line, and my Italian isn't good enough for a claims conversation.`,
    category: 'delivery',
    daysAgo: 270,
    experienceDaysBefore: 23,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 15 },
    ],
    messages: [],
  },
  {
    company: 'pacco-lesto',
    author: 'elena',
    language: 'it',
    title: 'Contrassegno da 230 € incassato e non accreditato dopo un mese',
    body: `Ho un piccolo laboratorio di ceramiche e uso Pacco Lesto per le spedizioni. Un cliente ha pagato in contrassegno 230 € a inizio mese: la consegna risulta effettuata, ma l'importo non mi è stato accreditato, mentre il contratto parla di 10 giorni lavorativi.

La mail dell'area aziende ha risposto dopo quattro giorni con un generico "stiamo verificando". Il commerciale di zona non risponde al cellulare aziendale. Per un'attività piccola 230 € fermi contano.`,
    category: 'refund',
    daysAgo: 165,
    experienceDaysBefore: 32,
    channels: [
      { channel: 'email', waitMinutes: 5760 },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    orderReference: 'PL-0058823410',
    messages: [
      {
        by: 'company',
        afterHours: 40,
        body: `Buongiorno Elena, abbiamo verificato: il contrassegno era stato incassato con assegno dal destinatario e l'assegno è rimasto in filiale per un errore di registrazione. L'accredito di 230 € è stato disposto oggi con valuta di domani.`,
      },
      {
        by: 'consumer',
        afterHours: 70,
        body: `Accredito arrivato, grazie. Ora vorrei capire perché nessuno me l'aveva detto prima.`,
      },
      {
        by: 'company',
        afterHours: 90,
        body: `Ha ragione: abbiamo aggiunto una verifica settimanale dei contrassegni non accreditati, così casi come il suo emergono prima della segnalazione del cliente.`,
      },
    ],
    verdict: {
      afterHours: 100,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'pacco-lesto',
    author: 'alessandro',
    language: 'it',
    title: 'Riconsegna prenotata due volte dal sito, mai effettuata',
    body: `Dopo un primo tentativo di consegna (ero al lavoro) ho prenotato la riconsegna dal sito per il sabato mattina, opzione che il sito propone esplicitamente. Sabato nessuno. Ho riprenotato per il martedì successivo, chiedendo di lasciare il pacco in portineria: niente di nuovo, e il tracciamento continua a dire "in giacenza".

Il pacco contiene un paio di occhiali da vista (180 €) e tra pochi giorni torna al mittente. Ho scritto via mail e tramite il modulo reclami. Non chiedo scuse, chiedo che il pacco arrivi.`,
    category: 'delivery',
    daysAgo: 78,
    experienceDaysBefore: 5,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'PL-0069901124',
    messages: [
      {
        by: 'company',
        afterHours: 130,
        body: `Buongiorno, la riconsegna del sabato non è disponibile in tutte le zone e purtroppo il sistema l'ha proposta per errore. La spedizione è stata programmata per la consegna in portineria.`,
      },
      {
        by: 'consumer',
        afterHours: 155,
        body: `Il pacco nel frattempo è tornato al mittente, che ora mi chiede di pagare una nuova spedizione. Chi la paga?`,
      },
    ],
  },
  {
    company: 'pacco-lesto',
    author: 'francesca',
    language: 'it',
    title: 'Pacco smarrito: il negozio aspetta la dichiarazione del corriere',
    body: `Ho ordinato un set di pentole (139 €) che doveva arrivare in 48 ore. Il tracciamento è fermo da dodici giorni su "in transito verso la filiale di destinazione". Il negozio mi dice che non può rimborsarmi né rispedire finché Pacco Lesto non dichiara il pacco smarrito.

Il modulo online mi ha dato un numero di pratica e basta. In chat, dopo 25 minuti, un operatore ha detto che "la ricerca è in corso" e che servono fino a 15 giorni lavorativi. Quindi io aspetto il corriere, che aspetta la ricerca, e il negozio aspetta il corriere.`,
    category: 'delivery',
    daysAgo: 22,
    experienceDaysBefore: 12,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'chat', waitMinutes: 25 },
    ],
    orderReference: 'PL-0077215598',
    messages: [
      {
        by: 'company',
        afterHours: 50,
        body: `Buongiorno Francesca, la ricerca del collo è stata chiusa con esito negativo e abbiamo inviato oggi al mittente la dichiarazione di smarrimento, così potrà procedere con il rimborso o un nuovo invio. Ci scusiamo per l'attesa.`,
      },
      {
        by: 'consumer',
        afterHours: 56,
        body: `Grazie, ho girato l'informazione al negozio. Aspetto la loro risposta.`,
      },
    ],
  },

  // ─── Voltaria Elettronica (electronics, fair) ──────────────────────────────
  {
    company: 'voltaria',
    author: 'davide',
    language: 'it',
    title: 'Portatile in riparazione in garanzia: sette settimane',
    body: `Ho portato in negozio il mio portatile (comprato da loro, 899 €) perché la tastiera aveva smesso di funzionare a metà. Al banco assistenza, dopo 25 minuti di fila, l'hanno preso in carico dicendo "due, tre settimane".

Sono diventate sette. Nel frattempo il tracciamento online della riparazione è rimasto fermo su "presso il centro assistenza". Al telefono (a pagamento) mi hanno detto due volte che "il pezzo è in arrivo". Nessuno mi ha proposto un portatile sostitutivo, nonostante lo usi per lavoro.

Alla fine l'hanno riparato bene, ma sette settimane per una tastiera sono davvero tante.`,
    category: 'warranty',
    daysAgo: 490,
    experienceDaysBefore: 50,
    channels: [
      { channel: 'store', waitMinutes: 25 },
      { channel: 'phone_paid', waitMinutes: 14 },
    ],
    orderReference: 'VE-RIP-771203',
    messages: [
      {
        by: 'company',
        afterHours: 48,
        body: `Gentile Davide, ci scusiamo per i tempi. Il ricambio è rimasto bloccato presso il fornitore del produttore. Come gesto di cortesia le abbiamo caricato un buono da 30 € sulla carta fedeltà.`,
      },
      {
        by: 'consumer',
        afterHours: 60,
        body: `Grazie del buono. Sarebbe stato più utile saperlo durante le sette settimane.`,
      },
    ],
    verdict: {
      afterHours: 100,
      resolved: true,
      wouldBuyAgain: false,
      rating: 3,
    },
  },
  {
    company: 'voltaria',
    author: 'chiara',
    language: 'it',
    title: 'Preordine annullato da loro, rimborso arrivato solo dopo il sollecito',
    body: `Avevo preordinato online una console (549 €), pagando subito con carta. Il giorno dell'uscita mi è arrivata una mail: "ordine annullato per indisponibilità". Nessuna indicazione sui tempi del rimborso.

Dopo dieci giorni il rimborso non c'era. La chat mi ha detto di aspettare "fino a 14 giorni lavorativi". Ho scritto anche alla mail dell'assistenza.

Nessuna delle due mi ha dato una data precisa. Tenere 549 € per un ordine che hanno annullato loro, senza nemmeno dire quando li restituiranno, non è corretto.`,
    category: 'refund',
    daysAgo: 395,
    experienceDaysBefore: 12,
    channels: [
      { channel: 'chat', waitMinutes: 18 },
      { channel: 'email', waitMinutes: 4320 },
    ],
    orderReference: 'VE-WEB-2210987',
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Buongiorno Chiara, il rimborso era in coda in un lotto di annullamenti gestito manualmente. Lo abbiamo sbloccato oggi: vedrà i 549 € sulla carta entro 2-3 giorni lavorativi. Ci scusiamo.`,
      },
    ],
    verdict: {
      afterHours: 90,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'voltaria',
    author: 'paolo',
    language: 'it',
    title: 'Lavatrice che perde acqua: il negozio mi rimanda al produttore',
    body: `Lavatrice comprata da Voltaria otto mesi fa (479 €), consegna e installazione loro. Da qualche settimana perde acqua dalla parte anteriore a ogni lavaggio.

In negozio mi hanno detto che per la garanzia devo chiamare il centro assistenza del produttore. Il produttore mi ha detto che, visto che l'installazione l'ha fatta Voltaria, il problema potrebbe essere il raccordo e quindi devo rivolgermi a loro. Ho scritto a Voltaria spiegando tutto: risposta dopo quattro giorni, con il numero del produttore.

Per legge la garanzia la deve il venditore. Vorrei che qualcuno si prendesse carico del problema invece di rimbalzarmi.`,
    category: 'technical_support',
    daysAgo: 300,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'store', waitMinutes: 15 },
      { channel: 'email', waitMinutes: 5760 },
      { channel: 'phone_paid', waitMinutes: 22 },
    ],
    orderReference: 'VE-WEB-2388410',
    messages: [
      {
        by: 'company',
        afterHours: 100,
        body: `Gentile cliente, per gli interventi in garanzia sui grandi elettrodomestici ci avvaliamo dei centri assistenza autorizzati dal produttore, che sono i più indicati per la diagnosi. Le consigliamo di ricontattarli indicando il numero di serie.`,
      },
      {
        by: 'consumer',
        afterHours: 120,
        body: `L'ho fatto, ed è il produttore che mi rimanda a voi per il raccordo montato dal vostro installatore. Potete parlarvi tra voi?`,
      },
      {
        by: 'company',
        afterHours: 160,
        body: `Abbiamo aperto una segnalazione interna per un sopralluogo del nostro installatore. Sarà contattato per l'appuntamento.`,
      },
    ],
    verdict: {
      afterHours: 500,
      resolved: false,
      wouldBuyAgain: false,
      rating: 2,
      comment: 'Sopralluogo mai fissato. Ho pagato un idraulico: era davvero il raccordo.',
    },
  },
  {
    company: 'voltaria',
    author: 'sara',
    language: 'it',
    title: 'Installazione a parete del televisore: tecnico mai arrivato, due volte',
    body: `Ho comprato in negozio un televisore da 65 pollici con il servizio "installazione a parete" (99 €). Primo appuntamento: nessuno si è presentato. Sono tornata in negozio, 25 minuti al banco servizi, e mi hanno fissato una nuova data. Secondo appuntamento: di nuovo nessuno, e nessuna telefonata.

Ho chiamato il numero a pagamento (18 minuti) e scritto una mail chiedendo il rimborso dei 99 €. Il televisore è appoggiato sul mobile da un mese, con il supporto ancora nella scatola.`,
    category: 'installation',
    daysAgo: 190,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'store', waitMinutes: 25 },
      { channel: 'phone_paid', waitMinutes: 18 },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'VE-NEG-0045521',
    messages: [],
  },
  {
    company: 'voltaria',
    author: 'luca',
    language: 'it',
    title: 'Estensione di garanzia da 89 € aggiunta allo scontrino senza chiederla',
    body: `Ho comprato uno smartphone in negozio (399 €). A casa, guardando lo scontrino, ho trovato anche una "garanzia estesa 3 anni" da 89 € che non avevo mai chiesto: al momento del pagamento il commesso ha detto solo "le ho messo anche la protezione", e io pensavo parlasse della pellicola.

Sono tornato in negozio il giorno dopo: mi hanno detto che l'estensione si annulla solo tramite l'assistenza clienti. Ho compilato il modulo online chiedendo l'annullamento e il rimborso.`,
    category: 'billing',
    daysAgo: 62,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'store', waitMinutes: 10 },
      { channel: 'web_form', waitMinutes: 1500 },
    ],
    orderReference: 'VE-NEG-0061873',
    messages: [
      {
        by: 'company',
        afterHours: 26,
        body: `Gentile Luca, l'estensione di garanzia può essere annullata entro 30 giorni con rimborso integrale. Abbiamo proceduto: gli 89 € torneranno sulla carta entro 5 giorni lavorativi. Abbiamo anche segnalato il caso al punto vendita.`,
      },
      {
        by: 'consumer',
        afterHours: 95,
        body: `Rimborso arrivato. Grazie della rapidità.`,
      },
    ],
    verdict: {
      afterHours: 100,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'voltaria',
    author: 'owen',
    language: 'en',
    title: 'Wireless headphones died after five months, store says to send them to the manufacturer',
    body: `I bought noise-cancelling headphones (€249) at a Voltaria store in Rome. After five months the right earcup stopped producing any sound. I went back with the receipt, expecting an exchange or at least a repair ticket.

The staff member at the service desk said that for headphones I have to deal with the manufacturer directly and gave me a printed sheet with a web address. The manufacturer's site wants me to pay for shipping to Germany.

I wrote to Voltaria's support e-mail pointing out that, as far as I understand, in the EU the seller is responsible for the two-year legal guarantee.`,
    category: 'warranty',
    daysAgo: 28,
    experienceDaysBefore: 6,
    channels: [
      { channel: 'store', waitMinutes: 20 },
      { channel: 'email', waitMinutes: 4320 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 72,
        body: `Dear Owen, you are right that the legal guarantee is our responsibility. Please bring the headphones back to the store with your receipt: the service desk will open a repair ticket and we will handle the shipment to the manufacturer at no cost to you. We apologise for the wrong information.`,
      },
      {
        by: 'consumer',
        afterHours: 120,
        body: `Thanks. Dropped them off today and got a ticket. Let's see how long the repair takes.`,
      },
    ],
  },
  {
    company: 'voltaria',
    author: 'giulia',
    language: 'it',
    title: 'Frigorifero: consegna saltata, riprogrammata senza storie',
    body: `Avevo fissato la consegna di un frigorifero combinato (699 €) per un giovedì pomeriggio, con ritiro dell'usato. Alle 18 nessuno era arrivato e il tracciamento diceva ancora "in consegna".

Ho chiamato il numero a pagamento (11 minuti di attesa). L'operatrice ha verificato che il camion aveva avuto un guasto e mi ha proposto subito una nuova fascia il sabato mattina, senza costi. Sabato alle 9:40 erano qui, hanno montato tutto e portato via il vecchio frigo.

Un messaggio per avvisarmi del guasto sarebbe stato gradito, ma per il resto nulla da dire.`,
    category: 'delivery',
    daysAgo: 105,
    experienceDaysBefore: 4,
    channels: [{ channel: 'phone_paid', waitMinutes: 11 }],
    orderReference: 'VE-WEB-2590044',
    messages: [
      {
        by: 'company',
        afterHours: 20,
        body: `Grazie Giulia per il racconto. Ha ragione sull'avviso: da questo mese, quando un mezzo ha un problema, i clienti delle consegne successive ricevono un SMS automatico.`,
      },
    ],
    verdict: {
      afterHours: 30,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },

  // ─── Kestrelbyte (electronics, exemplary) ──────────────────────────────────
  {
    company: 'kestrelbyte',
    author: 'tom',
    language: 'en',
    title: 'Laptop screen flickering at month ten — replacement shipped before I sent mine back',
    body: `My Kestrelbyte-branded 14" laptop (£749) started flickering whenever the lid was at a certain angle, which usually means a failing display cable. It was ten months old.

I opened a ticket through the support form on a Tuesday evening with a short video. By Wednesday morning a technician had replied, asked two questions, and offered an advance replacement: a new unit would ship that day and I'd return the faulty one in the same box within 14 days.

The new laptop arrived Thursday. Migrating my files took an evening; sending the old one back took five minutes at a drop-off point. Nobody asked me to run diagnostics for the third time, nobody argued about whether I'd dropped it.`,
    category: 'warranty',
    daysAgo: 505,
    experienceDaysBefore: 7,
    channels: [{ channel: 'web_form', waitMinutes: 720 }],
    orderReference: 'KB-UK-3301847',
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `Hi Tom, thanks for taking the time to write this up. Glad the advance replacement worked well. For anyone reading: advance replacement is available on all our own-brand laptops during the first 24 months.`,
      },
    ],
    verdict: {
      afterHours: 24,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
    },
  },
  {
    company: 'kestrelbyte',
    author: 'priya',
    language: 'en',
    title: 'Wrong keyboard layout delivered, swapped in two days',
    body: `I ordered a mechanical keyboard (£119) with a UK layout and received the US layout version — the listing photos were of the right one, the box inside was not.

I used the live chat on a Sunday morning. Wait time was about two minutes. The agent confirmed from the order that the warehouse had picked the wrong SKU, sent me a prepaid return label and dispatched the correct keyboard immediately, without waiting for mine to arrive back.

The correct one arrived on Tuesday. Fast, polite, no scripts. I have nothing else to add, which is the point.`,
    category: 'delivery',
    daysAgo: 362,
    experienceDaysBefore: 5,
    channels: [{ channel: 'chat', waitMinutes: 2 }],
    orderReference: 'KB-UK-4102265',
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `Thanks Priya! We've also corrected the bin labelling in the warehouse that caused the mix-up.`,
      },
    ],
    verdict: {
      afterHours: 4,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
    },
  },
  {
    company: 'kestrelbyte',
    author: 'claire',
    language: 'en',
    title: 'Firmware update bricked my mesh router; support walked me through recovery',
    body: `After an automatic firmware update, the main node of my mesh Wi-Fi kit (bought from Kestrelbyte for £189) got stuck with a blinking orange light and no network at all.

I phoned the support line — a normal geographic number, not premium — and waited about 12 minutes. The technician knew immediately which update was involved and e-mailed me a recovery guide: hold reset while powering on, connect by cable, upload an older firmware file. It took twenty minutes and worked.

He also said that if it hadn't worked they would replace the unit. A day later I got an e-mail checking that everything was still fine.`,
    category: 'technical_support',
    daysAgo: 280,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'phone_paid', waitMinutes: 12 },
      { channel: 'email', waitMinutes: 30 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 5,
        body: `Hi Claire, thanks for sharing. The faulty firmware was withdrawn the same day, and the fixed version is now rolling out. If the node misbehaves again, reply to your ticket and we'll send a replacement.`,
      },
      {
        by: 'consumer',
        afterHours: 30,
        body: `Fixed version installed this morning, all good.`,
      },
    ],
    verdict: {
      afterHours: 32,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
      comment: 'Annoying bug, excellent support.',
    },
    stillResolved: { afterDays: 30, yes: true },
  },
  {
    company: 'kestrelbyte',
    author: 'niamh',
    language: 'en',
    title: 'Return refund took 12 days instead of 5',
    body: `I returned an unopened graphics tablet (€229, shipped to Dublin) within the 30-day window. Their return page promises a refund within 5 working days of receipt. The tracking showed it delivered to their warehouse, but the refund came 12 working days later.

To be fair, every time I asked (chat twice, about 5 minutes each) I got a polite answer saying returns from Ireland were going through a slower customs check after the warehouse move. But nobody could tell me a date. Small thing, but when a shop is this good at everything else, it stands out.`,
    category: 'refund',
    daysAgo: 160,
    experienceDaysBefore: 14,
    channels: [{ channel: 'chat', waitMinutes: 5 }],
    orderReference: 'KB-IE-0992411',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Hi Niamh, you're right, and sorry. Returns from the EU were held for an extra customs step for three weeks after we moved warehouse, and our return page should have said so. It does now, with real timings. We've added a €15 credit to your account for the wait.`,
      },
      {
        by: 'consumer',
        afterHours: 20,
        body: `Thank you, that's a generous way to handle it.`,
      },
    ],
    verdict: {
      afterHours: 22,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'kestrelbyte',
    author: 'hannah',
    language: 'en',
    title: 'Lost my phone with the authenticator app, locked out of my account',
    body: `My phone was stolen and with it the authenticator app I used for two-factor login on Kestrelbyte. I had not saved the backup codes (my fault). I have an order in progress that I need to change the delivery address for.

The account recovery page asks for a form with proof of identity and says it takes "up to 5 working days". I sent it yesterday. I also asked in the chat whether they could at least change the address on the order; the agent said they can't touch an order on a locked account, which I understand, but the parcel ships in two days.`,
    category: 'account_access',
    daysAgo: 45,
    experienceDaysBefore: 1,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'chat', waitMinutes: 4 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 4,
        body: `Hi Hannah, sorry about your phone. We've fast-tracked the recovery form: you'll receive an e-mail within the next hour with a one-time link to verify your identity. Once that's done, the chat team can change the delivery address before dispatch — we've put a hold on the order so it won't ship in the meantime.`,
      },
      {
        by: 'consumer',
        afterHours: 6,
        body: `Got the link, verified, address changed. Thank you! I'll post an update when the parcel arrives.`,
      },
    ],
  },
  {
    company: 'kestrelbyte',
    author: 'tom',
    language: 'en',
    title: 'Charged twice for the same order',
    body: `Yesterday I ordered a 2 TB SSD (£98). My banking app shows two identical payments a minute apart, both settled, not just pending. The order confirmation shows one order and one payment.

I sent a message through the contact form this morning with a screenshot of the two transactions (card number hidden). Nothing yet, but it's only been a few hours and they have been quick in the past, so I'm posting this mostly to record what happened. I'll update when they reply.`,
    category: 'billing',
    daysAgo: 1,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: null }],
    orderReference: 'KB-UK-5510032',
    messages: [],
  },

  // ─── Velanet Mobile (telco, fair) ──────────────────────────────────────────
  {
    company: 'velanet',
    author: 'niamh',
    language: 'en',
    title: 'Charged €43 in “roaming” for a week in Italy, despite EU roaming rules',
    body: `I spent a week visiting friends in Naples and used my phone exactly as I do at home: maps, messages, a few calls. My bill had an extra €43.20 labelled "roaming data over fair use".

My plan has "unlimited" data at home, and I understand EU roaming has a fair-use cap, but nobody ever told me what mine was and I got no warning SMS while I was there. The app shows the total but not when the cap was reached.

I used the chat (about 35 minutes in the queue) and the agent said she could not remove the charge and I should "raise a complaint". I did, through the complaint form.`,
    category: 'billing',
    daysAgo: 480,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'chat', waitMinutes: 35 },
      { channel: 'web_form', waitMinutes: 8640 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 60,
        body: `Hi Niamh, thanks for getting in touch. Your plan's EU fair-use allowance is set out in the pricing guide on our website, and the charges were applied correctly according to that allowance.`,
      },
      {
        by: 'consumer',
        afterHours: 75,
        body: `The rules also say you must warn customers when they reach the allowance. I got no SMS. Can you check that?`,
      },
      {
        by: 'company',
        afterHours: 130,
        body: `We have checked and a notification was generated on your account. As a goodwill gesture we can credit €10 to your next bill.`,
      },
    ],
    verdict: {
      afterHours: 160,
      resolved: false,
      wouldBuyAgain: false,
      rating: 2,
      comment: '"Generated" is not "sent". I took the €10 and moved operator.',
    },
  },
  {
    company: 'velanet',
    author: 'claire',
    language: 'en',
    title: 'Cancelling online is impossible — you must phone, and the phone queue is 50 minutes',
    body: `After moving back to Cork I wanted to cancel my Velanet SIM-only plan (out of contract, €20/month). The account page has a "manage plan" button but no cancel option; the help article says cancellation "must be requested by phone for security reasons".

First call: 50 minutes on hold, then disconnected. Second call: 38 minutes, then an agent who spent ten minutes offering me discounts before agreeing to process the cancellation. I also sent an e-mail so that there'd be a written record, which was never answered.

It's done now, but it should be as easy to leave as it was to join online in five minutes.`,
    category: 'cancellation',
    daysAgo: 350,
    experienceDaysBefore: 9,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 50 },
      { channel: 'email', waitMinutes: null },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Hi Claire, we're sorry about the waiting times. We can confirm your cancellation was processed and your final bill will be pro-rated. We're reviewing whether online cancellation can be added to the account page.`,
      },
    ],
    verdict: {
      afterHours: 80,
      resolved: true,
      wouldBuyAgain: false,
      rating: 3,
    },
  },
  {
    company: 'velanet',
    author: 'niamh',
    language: 'en',
    title: 'No indoor signal since they changed the local mast',
    body: `Since about a month ago my phone shows one bar at best inside the house, and calls drop after a minute. Outside in the garden it's fine. Neighbours on Velanet say the same; people on other networks are fine. I've been with them for six years and never had an issue before.

The network status page says "no known issues in your area". Chat (20 minutes) asked me to reset network settings and take out the SIM, which I did. I was told an engineer would look at the data and get back to me within 72 hours. That was ten days ago.

I work from home and need a phone that works.`,
    category: 'technical_support',
    daysAgo: 225,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'chat', waitMinutes: 20 },
      { channel: 'social', waitMinutes: 600 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 80,
        body: `Hi Niamh, thanks for your patience. Our network team has confirmed a configuration change on a nearby site. Works are planned to improve indoor coverage; in the meantime Wi-Fi calling is available on your plan and can be enabled in your phone settings.`,
      },
      {
        by: 'consumer',
        afterHours: 100,
        body: `I've turned on Wi-Fi calling, which helps at home. Do you have a date for the works?`,
      },
      {
        by: 'company',
        afterHours: 170,
        body: `We don't have a confirmed date yet. We'll update customers in the area by SMS.`,
      },
    ],
  },
  {
    company: 'velanet',
    author: 'claire',
    language: 'en',
    title: 'Home broadband router never arrived, but the bill did',
    body: `I signed up for Velanet's 5G home broadband (€35/month) for my mother, who lives alone in the countryside. The router was due within five working days. Three weeks later it still hasn't arrived; the tracking link in the confirmation e-mail shows "label created" and nothing else.

Meanwhile the first monthly charge has been taken from her account. I've used the contact form twice and waited 45 minutes on the phone line before giving up. My mother has no internet and I'm the one driving over to sort out her online banking.`,
    category: 'installation',
    daysAgo: 110,
    experienceDaysBefore: 21,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_tollfree', waitMinutes: null },
    ],
    orderReference: 'VN-HB-228104',
    messages: [],
  },
  {
    company: 'velanet',
    author: 'niamh',
    language: 'en',
    title: 'Price rise in the middle of a 24-month contract',
    body: `I signed a 24-month contract at €25/month last year. I've just received an e-mail saying the price goes up by €3/month from next month, "in line with inflation". Nothing about this was in the summary I signed; there's a clause somewhere in the general terms.

I asked in the chat (15 minutes) whether I can leave without penalty since the price changed. The agent said no, because the increase is "contractual". I then used the complaint form, quoting the contract summary, which shows a fixed monthly price.`,
    category: 'billing',
    daysAgo: 50,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'chat', waitMinutes: 15 },
      { channel: 'web_form', waitMinutes: 2880 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 40,
        body: `Hi Niamh, thanks for raising this. We're reviewing your complaint against the contract summary you signed; a member of our complaints team will write to you within 10 working days with a final response.`,
      },
      {
        by: 'consumer',
        afterHours: 60,
        body: `Thanks. I'll wait for the final response before deciding what to do.`,
      },
    ],
  },
  {
    company: 'velanet',
    author: 'priya',
    language: 'en',
    title: 'Number transfer to another network stuck for a week',
    body: `I'm moving my mobile number from Velanet to another operator. I requested the transfer code by text, as instructed, got it within minutes and gave it to the new network. Their side says the request was sent a week ago and is "awaiting donor network".

So I'm still on Velanet, still paying, and the new SIM has a temporary number that nobody knows. The chat said porting takes "one working day" and escalated it; the escalation hasn't produced anything yet. I'd like a date and the days after the request not to be billed.`,
    category: 'other',
    daysAgo: 6,
    experienceDaysBefore: 7,
    channels: [{ channel: 'chat', waitMinutes: 25 }],
    messages: [],
  },

  // ─── Rotte Chiare Viaggi (travel, poor) ────────────────────────────────────
  {
    company: 'rotte-chiare',
    author: 'roberta',
    language: 'it',
    title: 'Volo cancellato dalla compagnia: l’agenzia offre solo un voucher',
    body: `Avevo prenotato tramite Rotte Chiare un volo andata e ritorno per Lisbona, due persone, 412 €. Dieci giorni prima della partenza la compagnia ha cancellato il volo. Per i voli cancellati il passeggero ha diritto al rimborso, non solo a un voucher.

L'agenzia però mi ha mandato una mail con un voucher di pari importo valido 12 mesi, "da utilizzare sul nostro sito". Ho risposto chiedendo il rimborso in denaro: nessuna risposta. Il numero di assistenza è a pagamento e dopo 30 minuti mi hanno detto che "la compagnia non ha ancora rimborsato l'agenzia".

La compagnia, che ho contattato direttamente, dice invece che il rimborso all'agenzia è stato fatto.`,
    category: 'refund',
    daysAgo: 428,
    experienceDaysBefore: 25,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 30 },
    ],
    orderReference: 'RC-PNR-8H2K4L',
    messages: [
      {
        by: 'company',
        afterHours: 300,
        body: `Gentile cliente, le richieste di rimborso per voli cancellati vengono gestite secondo le tempistiche del vettore. Il voucher emesso è valido per qualsiasi prodotto del nostro catalogo.`,
      },
      {
        by: 'consumer',
        afterHours: 320,
        body: `Il vettore mi ha confermato per iscritto di avervi rimborsato. Non voglio un voucher, voglio i 412 €.`,
      },
    ],
    verdict: {
      afterHours: 700,
      resolved: false,
      wouldBuyAgain: false,
      rating: 1,
      comment: 'Ho dovuto fare una contestazione con la carta di credito per riavere i soldi.',
    },
  },
  {
    company: 'rotte-chiare',
    author: 'hannah',
    language: 'en',
    title: 'Hotel booking cancelled by the hotel — the agency never told me',
    body: `I booked four nights at a small hotel near Taormina through Rotte Chiare (€520, paid in full). Two days before leaving, I e-mailed the hotel to ask about parking, and they replied that the booking had been cancelled by the agency a month earlier "due to overbooking", with no alternative offered.

I had received nothing from Rotte Chiare. I wrote to their support e-mail and called the paid number from the UK, which was expensive and put me on hold for 25 minutes before the line dropped. I had to book another hotel at my own cost, €610 for the same nights.

I want my €520 back and an explanation.`,
    category: 'cancellation',
    daysAgo: 310,
    experienceDaysBefore: 8,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 25 },
    ],
    orderReference: 'RC-HTL-5530917',
    messages: [],
  },
  {
    company: 'rotte-chiare',
    author: 'davide',
    language: 'it',
    title: 'Pacchetto vacanza: hotel cambiato con uno di categoria inferiore',
    body: `Avevo prenotato un pacchetto volo + hotel quattro stelle a Creta per una settimana, 1.740 € in due. All'arrivo l'hotel ci ha detto che non aveva la nostra prenotazione e ci hanno spostati, tramite il corrispondente locale dell'agenzia, in un tre stelle a 20 minuti dalla spiaggia.

Dall'hotel ho scritto subito via chat e via mail all'agenzia: nessuna risposta durante la vacanza. Al ritorno ho mandato un reclamo formale con le foto e la ricevuta del nuovo hotel, chiedendo la differenza di prezzo.`,
    category: 'refund',
    daysAgo: 200,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'email', waitMinutes: 11520 },
      { channel: 'letter', waitMinutes: null },
    ],
    orderReference: 'RC-PKG-2201784',
    messages: [
      {
        by: 'company',
        afterHours: 200,
        body: `Gentile Davide, abbiamo verificato con il nostro corrispondente: la struttura prenotata aveva un problema di sovraprenotazione. Le proponiamo un rimborso di 180 € a titolo di differenza tra le due strutture.`,
      },
      {
        by: 'consumer',
        afterHours: 230,
        body: `La differenza di listino tra i due hotel è più alta, ma accetto per chiudere la questione. Come avverrà il rimborso?`,
      },
      {
        by: 'company',
        afterHours: 300,
        body: `Il bonifico di 180 € è stato disposto sulle coordinate indicate nel reclamo.`,
      },
    ],
    verdict: {
      afterHours: 400,
      resolved: true,
      wouldBuyAgain: false,
      rating: 3,
      comment: 'Rimborso arrivato, ma durante la vacanza non c’era nessuno a rispondere.',
    },
  },
  {
    company: 'rotte-chiare',
    author: 'elena',
    language: 'it',
    title: '75 € per correggere una lettera nel cognome sul biglietto',
    body: `Prenotando un volo per mia madre ho scritto "Rosi" invece di "Rossi". Me ne sono accorta mezz'ora dopo e ho scritto subito all'agenzia. Risposta automatica, poi niente. Il giorno dopo ho chiamato il numero a pagamento: mi hanno detto che la correzione del nome costa 75 € di "diritti di agenzia", più eventuali costi della compagnia.

La compagnia aerea, sul proprio sito, permette la correzione di errori fino a tre lettere gratuitamente. Ho chiesto all'agenzia di applicare almeno quella regola: nessuna risposta scritta. Alla fine ho pagato per non rischiare che mia madre restasse a terra.`,
    category: 'other',
    daysAgo: 130,
    experienceDaysBefore: 15,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 19 },
    ],
    orderReference: 'RC-PNR-3QW7ZT',
    messages: [
      {
        by: 'company',
        afterHours: 350,
        body: `Gentile cliente, i diritti di agenzia per la modifica dei dati passeggero sono indicati nelle condizioni generali accettate al momento della prenotazione.`,
      },
      {
        by: 'consumer',
        afterHours: 370,
        body: `Le ho lette. Resta il fatto che la compagnia lo fa gratis e voi avete impiegato due settimane per rispondere.`,
      },
    ],
  },
  {
    company: 'rotte-chiare',
    author: 'marco',
    language: 'it',
    title: '“Costi di gestione” da 24 € comparsi solo all’ultimo passaggio',
    body: `Cercavo un volo per Palermo: il prezzo mostrato nei risultati era 96 €. Al passaggio finale, dopo aver inserito dati e carta, il totale è diventato 120 € per "costi di gestione pratica", senza nessuna indicazione prima.

Ho interrotto l'acquisto e l'ho fatto sul sito della compagnia a 98 €. Però nel frattempo la carta mostra una preautorizzazione di 120 € da parte di Rotte Chiare, che non si è ancora sbloccata dopo una settimana. Ho scritto all'assistenza due volte.`,
    category: 'billing',
    daysAgo: 38,
    experienceDaysBefore: 8,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'chat', waitMinutes: null },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 180,
        body: `Gentile Marco, le preautorizzazioni non confermate vengono rilasciate automaticamente dal circuito della carta entro 30 giorni. I costi di gestione sono indicati nella pagina "Condizioni e tariffe".`,
      },
      {
        by: 'consumer',
        afterHours: 200,
        body: `La preautorizzazione si è sbloccata ieri, grazie. Sui costi resta il fatto che nei risultati di ricerca non c'erano.`,
      },
    ],
  },
  {
    company: 'rotte-chiare',
    author: 'sara',
    language: 'it',
    title: 'Rimborso per cancellazione entro i termini: mai arrivato',
    body: `A settembre ho annullato un soggiorno a Matera prenotato con tariffa "cancellazione gratuita fino a 7 giorni prima", con largo anticipo (un mese prima). La conferma di annullamento diceva "rimborso di 286 € entro 14 giorni".

Sono passati quasi due mesi. Ho scritto quattro mail, tutte con risposta automatica. Il modulo reclami si chiude con un errore al momento dell'invio. Non ho chiamato il numero a pagamento perché mi sembra assurdo pagare anche per questo. Pubblico qui per vedere se qualcuno risponde.`,
    category: 'refund',
    daysAgo: 3,
    experienceDaysBefore: 55,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    orderReference: 'RC-HTL-7781320',
    messages: [],
  },

  // ─── Lucesana Energia (energy, good) ───────────────────────────────────────
  {
    company: 'lucesana',
    author: 'francesca',
    language: 'it',
    title: 'Conguaglio da 640 € dopo mesi di letture stimate',
    body: `Per sei mesi le bollette del gas erano basate su letture stimate, poi è arrivato un conguaglio di 640 €. Il contatore è in cantina e nessuno era mai venuto a leggerlo; io non sapevo di poter fare l'autolettura.

Ho chiamato il numero verde (8 minuti di attesa) e ho mandato la foto del contatore via mail. Il giorno dopo mi ha scritto un operatore: la lettura reale era più bassa dell'ultima stima, quindi il conguaglio è stato ricalcolato a 410 €, e mi hanno proposto la rateizzazione in sei rate senza interessi.

Non felicissima di pagare 410 €, ma il consumo era reale e la gestione è stata chiara.`,
    category: 'billing',
    daysAgo: 525,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 8 },
      { channel: 'email', waitMinutes: 1200 },
    ],
    orderReference: 'LS-POD-IT001E00112233',
    messages: [
      {
        by: 'company',
        afterHours: 20,
        body: `Gentile Francesca, confermiamo il ricalcolo a 410 € sulla base della lettura che ci ha inviato e la rateizzazione in sei rate. Le ricordiamo che può inviare l'autolettura ogni mese dall'app, così le bollette saranno sempre sui consumi reali.`,
      },
    ],
    verdict: {
      afterHours: 50,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'lucesana',
    author: 'paolo',
    language: 'it',
    title: 'Cambio fornitore: bolletta di chiusura corretta in due giorni',
    body: `Sono passato a un altro fornitore per la luce. La bolletta di chiusura di Lucesana includeva due mesi di quota fissa in più rispetto alla data di switch che risultava dal nuovo contratto.

Ho scritto dal modulo reclami dell'area clienti allegando la lettera di attivazione del nuovo fornitore. Mi hanno risposto in poco più di un giorno con la bolletta rettificata: 31,40 € in meno. Nessuna telefonata, nessuna insistenza per farmi restare.

Lo scrivo perché di solito si sente parlare solo dei casi andati male.`,
    category: 'cancellation',
    daysAgo: 415,
    experienceDaysBefore: 6,
    channels: [{ channel: 'web_form', waitMinutes: 1700 }],
    messages: [
      {
        by: 'company',
        afterHours: 28,
        body: `Grazie Paolo. La data di fine fornitura ci era stata comunicata dal distributore in ritardo; la bolletta rettificata è già disponibile nell'area clienti, che resta consultabile per dieci anni.`,
      },
    ],
    verdict: {
      afterHours: 40,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'lucesana',
    author: 'alessandro',
    language: 'it',
    title: 'Sostituzione del contatore: appuntamento rispettato e letture sistemate',
    body: `Mi era arrivato un avviso di sostituzione del contatore elettronico, ma l'appuntamento cadeva in un giorno in cui ero fuori città. Ho scritto in chat: un'operatrice ha risposto dopo 6 minuti e ha chiesto lei al distributore di spostare l'appuntamento.

Dopo la sostituzione, la bolletta successiva aveva una lettura iniziale sbagliata sul nuovo contatore (un consumo di 900 kWh in un mese, impossibile). Ho mandato una foto del contatore via mail e il giorno dopo la bolletta era stata annullata e riemessa correttamente.`,
    category: 'installation',
    daysAgo: 305,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'chat', waitMinutes: 6 },
      { channel: 'email', waitMinutes: 1440 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 10,
        body: `Grazie Alessandro per la segnalazione puntuale. La lettura iniziale errata arrivava dal distributore; l'abbiamo contestata e la bolletta è stata riemessa sui consumi corretti.`,
      },
    ],
    verdict: {
      afterHours: 20,
      resolved: true,
      wouldBuyAgain: true,
      rating: 5,
    },
    stillResolved: { afterDays: 7, yes: true },
  },
  {
    company: 'lucesana',
    author: 'giulia',
    language: 'it',
    title: 'Area clienti: dopo il login torna sempre alla pagina di accesso',
    body: `Da qualche giorno non riesco a entrare nell'area clienti: inserisco email e password, la pagina si ricarica e torno al login, senza nessun messaggio di errore. Ho provato con due browser e dal telefono, e anche a reimpostare la password (la mail di reset arriva subito, questo va detto).

Mi serve scaricare le bollette dell'ultimo anno per la dichiarazione dei redditi. In chat mi hanno detto che c'è un problema noto "su alcuni account" e che lo stanno risolvendo, e nel frattempo mi hanno mandato le bollette via mail.`,
    category: 'account_access',
    daysAgo: 170,
    experienceDaysBefore: 4,
    channels: [{ channel: 'chat', waitMinutes: 9 }],
    messages: [
      {
        by: 'company',
        afterHours: 8,
        body: `Buongiorno Giulia, il problema riguardava gli account creati prima del 2019 ed è stato corretto stamattina. Può riprovare ad accedere; se non funziona ci scriva in chat citando questa discussione.`,
      },
      {
        by: 'consumer',
        afterHours: 12,
        body: `Confermo, ora entro senza problemi. Grazie.`,
      },
    ],
    verdict: {
      afterHours: 13,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
    },
  },
  {
    company: 'lucesana',
    author: 'luca',
    language: 'it',
    title: 'Addebito diretto non andato a buon fine e 12 € di mora',
    body: `Ho cambiato banca a marzo e ho aggiornato l'IBAN nell'area clienti, con tanto di conferma a schermo. La bolletta di aprile però è stata addebitata sul vecchio conto, ormai chiuso, ed è tornata indietro. Risultato: sollecito e 12 € di interessi di mora sulla bolletta successiva.

In chat (11 minuti) hanno verificato che la modifica dell'IBAN era registrata, ma "attiva dal ciclo successivo". Nessuno me l'aveva detto. Ho chiesto lo storno della mora.`,
    category: 'billing',
    daysAgo: 92,
    experienceDaysBefore: 15,
    channels: [
      { channel: 'chat', waitMinutes: 11 },
      { channel: 'web_form', waitMinutes: 2880 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Gentile Luca, la variazione del mandato di addebito richiede l'attivazione presso la nuova banca, che avviene in circa 30 giorni, come indicato nelle condizioni. Per questo motivo non è possibile stornare gli interessi di mora.`,
      },
      {
        by: 'consumer',
        afterHours: 45,
        body: `Le condizioni lo diranno, ma la schermata di conferma diceva "modifica effettuata". Almeno cambiate quel messaggio.`,
      },
      {
        by: 'company',
        afterHours: 70,
        body: `Abbiamo girato il suggerimento al team che gestisce l'area clienti. Ci scusiamo per la poca chiarezza.`,
      },
    ],
    verdict: {
      afterHours: 80,
      resolved: false,
      wouldBuyAgain: true,
      rating: 3,
      comment: 'Sono 12 €, ma il principio conta. Per il resto il servizio è buono.',
    },
  },
  {
    company: 'lucesana',
    author: 'chiara',
    language: 'it',
    title: 'L’app non accetta l’autolettura del gas: “valore non coerente”',
    body: `Ogni mese mando l'autolettura del gas dall'app. Questo mese l'app rifiuta il valore con il messaggio "lettura non coerente con i consumi storici". Il valore è giusto: ho la foto del contatore e a ottobre, col riscaldamento acceso, i consumi sono saliti, com'è normale.

Ho provato anche dall'area clienti sul sito: stesso errore. La finestra per l'autolettura si chiude tra tre giorni e, se non passa, la bolletta sarà su lettura stimata.`,
    category: 'technical_support',
    daysAgo: 25,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'chat', waitMinutes: 7 },
      { channel: 'email', waitMinutes: null },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 6,
        body: `Buongiorno Chiara, il controllo di coerenza non tiene conto dell'inizio della stagione di riscaldamento: lo stiamo correggendo. Abbiamo registrato manualmente la sua lettura con la foto che ci ha inviato in chat, quindi la prossima bolletta sarà sui consumi reali.`,
      },
      {
        by: 'consumer',
        afterHours: 10,
        body: `Grazie, vedo la lettura registrata. Aspetto la bolletta per conferma.`,
      },
    ],
  },
  {
    company: 'lucesana',
    author: 'roberta',
    language: 'it',
    title: 'Bonus sociale non applicato per tre bollette',
    body: `Ho diritto al bonus sociale per la luce (ISEE aggiornato a gennaio). Il bonus dovrebbe essere applicato automaticamente dal fornitore, ma nelle bollette di febbraio, marzo e aprile non compariva.

Ho chiamato il numero verde: 14 minuti di attesa, l'operatore ha visto che il bonus risultava comunicato dal sistema centrale ma non caricato sul mio contratto. Mi ha detto che avrebbe aperto una segnalazione e che avrei ricevuto risposta scritta. Ho mandato anche una mail con la copia dell'attestazione ISEE (con i dati personali coperti).`,
    category: 'billing',
    daysAgo: 235,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 14 },
      { channel: 'email', waitMinutes: 2880 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 15,
        body: `Gentile Roberta, abbiamo verificato: il bonus non era stato caricato per un errore di abbinamento del codice fornitura. Gli importi arretrati di febbraio, marzo e aprile saranno accreditati nella prossima bolletta, e da maggio il bonus sarà applicato regolarmente.`,
      },
      {
        by: 'consumer',
        afterHours: 40,
        body: `Grazie, attendo la bolletta per verificare.`,
      },
    ],
    verdict: {
      afterHours: 700,
      resolved: true,
      wouldBuyAgain: true,
      rating: 4,
      comment: 'Arretrati accreditati come promesso.',
    },
  },

  // ─── Swiftcrate Parcels (courier, poor) ────────────────────────────────────
  {
    company: 'swiftcrate',
    author: 'hannah',
    language: 'en',
    title: 'Parcel “delivered to safe place”: the recycling bin, on collection day',
    body: `A pair of boots (£110) was marked delivered to a "safe place". The photo showed my recycling bin. It was collection day and it had rained all morning. I found the box soaked, just before the lorry came.

The boots survived; the box and the paperwork didn't, so I couldn't return them when they turned out to be too small. I filled in the complaint form asking for the driver to be told not to use the bin and for a contribution to the return postage, which I had to pay myself because the original label was unreadable.

The form's auto-reply promised an answer in 3 working days. It has now been six.`,
    category: 'delivery',
    daysAgo: 510,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'social', waitMinutes: 2880 },
    ],
    orderReference: 'SC-GB-77102938',
    messages: [
      {
        by: 'company',
        afterHours: 150,
        body: `Hi Hannah, sorry to hear about this. We've added a note to your address so drivers won't use the bin as a safe place. Unfortunately we can't cover postage for returns arranged with the retailer.`,
      },
      {
        by: 'consumer',
        afterHours: 170,
        body: `The return cost me money because of your driver. Is there really nothing you can do?`,
      },
    ],
    verdict: {
      afterHours: 260,
      resolved: false,
      wouldBuyAgain: false,
      rating: 2,
    },
  },
  {
    company: 'swiftcrate',
    author: 'tom',
    language: 'en',
    title: '“Sorry we missed you” card while I was sitting by the front door',
    body: `I was working from home at the desk right by the front door, waiting for a parcel that needed a signature (a replacement bank card reader for work). At 14:10 the tracking said "attempted delivery — no answer". The card was in the letterbox. Nobody knocked, nobody rang; I'd have heard.

Redelivery could only be booked for three days later. I tried the chatbot, which offered me the same options in a loop, and the contact form, which said I'd hear back in 48 hours. I didn't. I ended up collecting it from a depot 40 minutes away by bus.`,
    category: 'delivery',
    daysAgo: 390,
    experienceDaysBefore: 5,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'swiftcrate',
    author: 'priya',
    language: 'en',
    title: 'Lost parcel compensation claim ignored for two months',
    body: `I sent a parcel from Turin to my sister in Birmingham with Swiftcrate's international service, paid €38 with €100 of declared-value cover. It never arrived; tracking stopped at the UK hub.

After the 15-day wait their terms require, I filed a compensation claim with the receipt and the contents list. Two months later, nothing: the claim page still says "under review". I've sent three e-mails and a message on social media. The only response was an automated e-mail asking me to "rate my support experience".`,
    category: 'refund',
    daysAgo: 250,
    experienceDaysBefore: 75,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
      { channel: 'social', waitMinutes: null },
    ],
    orderReference: 'SC-INT-40019283',
    messages: [],
  },
  {
    company: 'swiftcrate',
    author: 'marco',
    language: 'it',
    title: 'Dazi da pagare via SMS con un link che sembrava una truffa',
    body: `Aspettavo un ricambio per la mia moto da un negozio inglese (140 £). Mi arriva un SMS di Swiftcrate che chiede 38 € di "dazi e diritti doganali" tramite un link. Il link sembrava proprio una di quelle truffe: indirizzo strano, nessun dettaglio sul calcolo.

Ho scritto alla mail dell'assistenza per sapere se il messaggio era vero e come erano calcolati i 38 €. Nessuna risposta in una settimana, e intanto il pacco era fermo "in attesa di pagamento". Alla fine ho pagato, e il pacco è arrivato due giorni dopo.

Vorrei comunque sapere come sono stati calcolati i dazi, perché mi sembrano alti per un pezzo da 140 £.`,
    category: 'delivery',
    daysAgo: 180,
    experienceDaysBefore: 14,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'chat', waitMinutes: 40 },
    ],
    orderReference: 'SC-INT-51120884',
    messages: [
      {
        by: 'company',
        afterHours: 220,
        body: `Dear customer, the SMS was genuine. Import charges are calculated by customs authorities and include VAT and our handling fee. For a breakdown, please contact the customs office.`,
      },
      {
        by: 'consumer',
        afterHours: 240,
        body: `Potete almeno dirmi quanto della cifra è la vostra commissione di gestione? Non la trovo da nessuna parte.`,
      },
    ],
  },
  {
    company: 'swiftcrate',
    author: 'claire',
    language: 'en',
    title: 'Parcel returned to sender for “incomplete address” — the flat number was right there',
    body: `A birthday present for my niece (a £65 art set) was sent back to the shop after two days, marked "address incomplete". The label, which the shop photographed for me, clearly shows the flat number, building name and postcode.

The shop was helpful and opened a query with Swiftcrate. I also used Swiftcrate's contact form myself. It took five days to get a reply, and the present arrived a week after the birthday.`,
    category: 'delivery',
    daysAgo: 100,
    experienceDaysBefore: 12,
    channels: [{ channel: 'web_form', waitMinutes: 7200 }],
    orderReference: 'SC-GB-80331764',
    messages: [
      {
        by: 'company',
        afterHours: 120,
        body: `Hi Claire, we're sorry. The driver could not find the building entrance and should have called the delivery office instead of returning the parcel. We've arranged a free redelivery with the retailer and added access notes for your building.`,
      },
      {
        by: 'consumer',
        afterHours: 140,
        body: `Thanks, it arrived today. A week late for the birthday, but it's here.`,
      },
    ],
    verdict: {
      afterHours: 145,
      resolved: true,
      wouldBuyAgain: false,
      rating: 3,
    },
  },
  {
    company: 'swiftcrate',
    author: 'owen',
    language: 'en',
    title: 'Tracking stuck on “in transit to local depot” for ten days',
    body: `My family in Cardiff sent me a box of things I'd left behind (books, a jacket, a small speaker) through Swiftcrate's international service to Rome. Tracking has said "in transit to local depot" for ten days, with no scan in Italy at all.

The chatbot can't find the parcel with the tracking number, although the tracking page can. The contact form produced a ticket number and nothing else. My mother has called them from the UK twice; each time she was told to wait another 48 hours.`,
    category: 'delivery',
    daysAgo: 8,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'swiftcrate',
    author: 'tom',
    language: 'en',
    title: 'Signed-for parcel “signed by” a name nobody at my address has',
    body: `A signed-for parcel containing a new phone (£430) was marked as delivered and signed for by "J. Ellis". Nobody of that name lives in my building, and I was in all day. The signature on the proof of delivery is a straight line.

I opened a claim with the retailer, who asked Swiftcrate for an investigation. I also wrote to Swiftcrate directly, asking for the GPS location of the delivery scan. Their reply came a week later and didn't answer the question.`,
    category: 'delivery',
    daysAgo: 145,
    experienceDaysBefore: 6,
    channels: [
      { channel: 'web_form', waitMinutes: 10080 },
      { channel: 'phone_paid', waitMinutes: 32 },
    ],
    orderReference: 'SC-GB-79920015',
    messages: [
      {
        by: 'company',
        afterHours: 170,
        body: `Dear customer, our records show the parcel was delivered at the correct address and signed for. We are unable to share location data for data-protection reasons. Please contact the retailer regarding your order.`,
      },
      {
        by: 'consumer',
        afterHours: 190,
        body: `I'm not asking for someone else's data, just where your own driver scanned my parcel. The retailer says the investigation has to come from you.`,
      },
      {
        by: 'company',
        afterHours: 260,
        body: `We have reviewed the case again and the investigation is closed. The retailer can raise a claim on their account.`,
      },
    ],
    verdict: {
      afterHours: 400,
      resolved: false,
      wouldBuyAgain: false,
      rating: 1,
      comment: 'The retailer refunded me in the end. Swiftcrate never admitted anything.',
    },
  },
];
