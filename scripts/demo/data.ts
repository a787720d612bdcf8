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
  /** On a marketplace story, which company replies (DemoCompany.key); default: the story's company. */
  company?: string;
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
  /**
   * Bought through a marketplace: `company` is the seller, `via` the marketplace (DemoCompany.key),
   * and who the author holds responsible (the story counts for that company alone).
   */
  marketplace?: { via: string; responsible: 'seller' | 'marketplace' };
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
  { key: 'martina', displayName: 'Martina F.', email: 'martina.f@example.org', locale: 'it' },
  { key: 'stefano', displayName: 'Stefano A.', email: 'stefano.a@example.com', locale: 'it' },
  { key: 'valentina', displayName: 'Valentina C.', email: 'valentina.c@example.org', locale: 'it' },
  { key: 'giorgio', displayName: 'Giorgio N.', email: 'giorgio.n@example.com', locale: 'it' },
  { key: 'ilaria', displayName: 'Ilaria B.', email: 'ilaria.b@example.org', locale: 'it' },
  { key: 'federico', displayName: 'Federico Z.', email: 'federico.z@example.com', locale: 'it' },
  { key: 'anna', displayName: 'Anna P.', email: 'anna.p@example.org', locale: 'it' },
  { key: 'matteo', displayName: 'Matteo L.', email: 'matteo.l@example.com', locale: 'it' },
  { key: 'james', displayName: 'James H.', email: 'james.h@example.org', locale: 'en' },
  { key: 'aoife', displayName: 'Aoife D.', email: 'aoife.d@example.com', locale: 'en' },
  { key: 'ben', displayName: 'Ben S.', email: 'ben.s@example.org', locale: 'en' },
  { key: 'rachel', displayName: 'Rachel P.', email: 'rachel.p@example.com', locale: 'en' },
  { key: 'liam', displayName: 'Liam G.', email: 'liam.g@example.org', locale: 'en' },
  { key: 'sophie', displayName: 'Sophie T.', email: 'sophie.t@example.com', locale: 'en' },
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

  {
    company: 'fioriveloci',
    author: 'martina',
    language: 'it',
    title: 'Orchidea arrivata appassita, il rimborso “non è previsto per le piante”',
    body: `Ho regalato un'orchidea phalaenopsis (39,90 €) a una collega che andava in pensione. È arrivata con i fiori già caduti nel cellophane e le foglie molli: lei stessa mi ha mandato la foto, un po' imbarazzata.

Ho scritto all'assistenza la sera stessa con le foto e il numero d'ordine. Dopo quattro giorni di silenzio ho chiamato il numero a pagamento: 22 minuti di attesa e la promessa di un richiamo che non è mai arrivato.

Chiedevo una sostituzione o il rimborso. Non mi sembra una pretesa esagerata per una pianta pagata quasi quaranta euro.`,
    category: 'refund',
    daysAgo: 290,
    experienceDaysBefore: 5,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 22 },
    ],
    orderReference: 'FV-4102276',
    messages: [
      {
        by: 'company',
        afterHours: 96,
        body: `Gentile cliente, come indicato nelle condizioni di vendita le piante sono prodotti vivi e la loro resa può variare. Non è previsto il rimborso, ma le offriamo un codice sconto del 10% sul prossimo ordine.`,
      },
      {
        by: 'consumer',
        afterHours: 110,
        body: `Una pianta che arriva morta non è una "resa variabile". Non userò il codice sconto.`,
      },
    ],
    verdict: {
      afterHours: 200,
      resolved: false,
      wouldBuyAgain: false,
      rating: 1,
      comment: 'Un codice sconto al posto di un rimborso per un prodotto arrivato da buttare.',
    },
  },
  {
    company: 'fioriveloci',
    author: 'stefano',
    language: 'it',
    title: 'Buono regalo da 50 € rifiutato al pagamento: “codice non valido”',
    body: `Per Natale mi hanno regalato un buono FioriVeloci da 50 €, acquistato sul loro sito. A marzo ho provato a usarlo per un mazzo di tulipani: al pagamento il codice risulta "non valido o già utilizzato".

Non l'ho mai usato, e chi me l'ha regalato ha ancora la mail di conferma con il codice. Ho scritto due volte all'indirizzo dell'assistenza e compilato il modulo del sito allegando la conferma d'acquisto. Nessuna risposta, nemmeno quella automatica.

Alla fine i tulipani li ho comprati dal fioraio sotto casa. I 50 € del buono restano lì, non si sa dove.`,
    category: 'billing',
    daysAgo: 170,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'fioriveloci',
    author: 'james',
    language: 'en',
    title: 'Anniversary roses delivered a day late, redelivery only after I posted here',
    body: `I ordered a dozen red roses (€58) to be delivered to my wife's office in Turin on our anniversary. The tracking page said "delivered" at 11:00, but nothing was there, and the office reception had signed for nothing.

I tried the chat twice; it never connected. The English contact address sent an automatic reply saying they answer within 48 hours. They did not.

The roses turned up the following afternoon, with the card dated the day before. My wife was kind about it, but that is not what I paid the express fee for.`,
    category: 'delivery',
    daysAgo: 95,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'FV-6013389',
    messages: [
      {
        by: 'company',
        afterHours: 70,
        body: `Dear customer, we apologise for the delay caused by our partner florist. We have refunded the express delivery fee of €9.90.`,
      },
      {
        by: 'consumer',
        afterHours: 90,
        body: `Thank you, the fee is back on my card. It would have been nice to hear this from the chat or the e-mail rather than here.`,
      },
    ],
    verdict: {
      afterHours: 140,
      resolved: true,
      wouldBuyAgain: false,
      rating: 2,
      comment: 'Fee refunded, but only after a public post and three days of silence.',
    },
  },
  {
    company: 'fioriveloci',
    author: 'valentina',
    language: 'it',
    title: 'Il mazzo nella foto e quello consegnato: due cose diverse',
    body: `Ho scelto il mazzo "Primavera grande" (54 €) per la nascita del figlio di un'amica: nella foto del sito è pieno, con peonie, rose e lisianthus. È arrivato un mazzetto con sei roselline, un po' di verde e due margherite.

Ho mandato le due foto affiancate all'assistenza chiedendo la differenza di prezzo. Dopo una settimana senza risposta ho ritentato con il modulo "reclami", e anche la chat, che mi ha chiuso la conversazione dopo mezz'ora di attesa.

Capisco che i fiori di stagione cambino, ma qui è cambiato proprio il prodotto.`,
    category: 'refund',
    daysAgo: 62,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'chat', waitMinutes: null },
    ],
    orderReference: 'FV-6248810',
    messages: [
      {
        by: 'company',
        afterHours: 200,
        body: `Gentile cliente, le composizioni possono variare in base alla disponibilità stagionale del fiorista partner, come indicato nella scheda prodotto. Il valore della composizione consegnata è equivalente.`,
      },
      {
        by: 'consumer',
        afterHours: 230,
        body: `Sei roselline e due margherite non valgono 54 €. Mi dite almeno come avete fatto il calcolo?`,
      },
    ],
    verdict: {
      afterHours: 300,
      resolved: false,
      wouldBuyAgain: false,
      rating: 1,
      comment: 'Nessuna risposta alla domanda sul valore, la conversazione è finita lì.',
    },
  },
  {
    company: 'fioriveloci',
    author: 'ilaria',
    language: 'it',
    title: 'Vaso di ortensia rotto alla consegna, sostituzione promessa e mai vista',
    body: `Ho ordinato un'ortensia in vaso di ceramica (45 €) per la festa della mamma. Il corriere l'ha lasciata al portiere con il vaso spaccato in due e la terra dentro il sacchetto.

Ho telefonato al numero a pagamento (15 minuti di attesa): mi hanno detto di scrivere una mail con le foto. L'ho fatto subito. Due giorni dopo ho pubblicato qui perché non era successo niente.

Il fioraio partner della mia città, che è passato a vedere, è stato gentilissimo e mi ha cambiato il vaso di tasca sua. Il rimborso del vaso invece non è mai arrivato.`,
    category: 'delivery',
    daysAgo: 20,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'phone_paid', waitMinutes: 15 },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'FV-6590127',
    messages: [
      {
        by: 'company',
        afterHours: 48,
        body: `Gentile cliente, abbiamo ricevuto le foto e aperto una pratica di rimborso parziale per il vaso. Riceverà conferma via e-mail.`,
      },
      {
        by: 'consumer',
        afterHours: 60,
        body: `Va bene, aspetto la conferma.`,
      },
      {
        by: 'company',
        afterHours: 80,
        body: `La pratica è in lavorazione presso l'ufficio amministrativo.`,
      },
    ],
    verdict: {
      afterHours: 90,
      resolved: false,
      wouldBuyAgain: true,
      rating: 2,
      comment: 'Il fioraio locale è stato bravissimo, FioriVeloci no: il rimborso non è arrivato.',
    },
  },
  {
    company: 'fioriveloci',
    author: 'federico',
    language: 'it',
    title: 'Pagato due volte il supplemento per la consegna di domenica',
    body: `Ho ordinato un mazzo di girasoli con consegna di domenica, che costa 12 € in più. Al carrello il supplemento compariva due volte, una come "consegna festiva" e una come "fascia oraria garantita", che non avevo scelto.

Me ne sono accorto solo guardando la ricevuta. Ho scritto all'assistenza il giorno stesso chiedendo lo storno di uno dei due supplementi, e ho riprovato con il modulo del sito dopo tre giorni.

Nessuna risposta in nessuno dei due casi. Pubblico qui sperando che qualcuno legga.`,
    category: 'billing',
    daysAgo: 12,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
    ],
    orderReference: 'FV-6671502',
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
    verdict: { afterHours: 30, resolved: true, wouldBuyAgain: true, rating: 5, comment: 'Nota di credito e fattura corretta arrivate il giorno dopo.' },
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

  {
    company: 'bottega-telaio',
    author: 'martina',
    language: 'it',
    title: 'Stampa su tela con i colori sbiaditi: rifatta e rispedita in una settimana',
    body: `Ho ordinato una stampa su tela 60×90 di una foto del mio matrimonio (89 €). I colori sono arrivati spenti, con il cielo quasi grigio, molto diverso dall'anteprima del sito.

Ho mandato una mail con la foto della tela accanto allo schermo. Mi hanno risposto in un'ora chiedendo il file originale, e il giorno dopo una persona del laboratorio mi ha spiegato che il profilo colore del file era quello del telefono. Hanno corretto loro il file e ristampato senza costi.

La seconda tela è perfetta.`,
    category: 'technical_support',
    daysAgo: 230,
    experienceDaysBefore: 3,
    channels: [{ channel: 'email', waitMinutes: 60 }],
    orderReference: 'BT-20417',
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `Buongiorno, grazie per le foto. Abbiamo corretto il profilo colore del suo file e la tela nuova parte domani, senza costi. Ci dica pure se la vuole vedere in anteprima prima della stampa.`,
      },
    ],
    verdict: { afterHours: 170, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'ben',
    language: 'en',
    title: 'Frame arrived with a cracked corner — replacement before I had even asked twice',
    body: `I ordered a made-to-measure oak frame (€120 with glass) for a print my grandfather made. It arrived in Manchester with one mitred corner split open, though the glass was fine.

I wrote in English, not expecting much from a small Italian workshop. The answer came in under two hours, in good English, with an apology and a prepaid label for the damaged frame. A new one was cut the same week and the courier was booked for a day I chose.

The new frame is solid and the print sits in it perfectly.`,
    category: 'delivery',
    daysAgo: 150,
    experienceDaysBefore: 4,
    channels: [{ channel: 'email', waitMinutes: 110 }],
    orderReference: 'BT-21388',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Hello, we are very sorry about the corner. A prepaid return label is in your inbox and a new frame will be cut this week; just tell us which day suits you for delivery.`,
      },
      {
        by: 'consumer',
        afterHours: 5,
        body: `Thursday would be ideal. Thank you for the quick answer.`,
      },
    ],
    verdict: { afterHours: 190, resolved: true, wouldBuyAgain: true, rating: 5 },
    stillResolved: { afterDays: 30, yes: true },
  },
  {
    company: 'bottega-telaio',
    author: 'stefano',
    language: 'it',
    title: 'Ordine doppio per errore, annullato e rimborsato in giornata',
    body: `Ho cliccato due volte su "paga" e mi sono ritrovato con due ordini identici di un poster con cornice (46 € l'uno). L'ho notato subito dalle due mail di conferma.

Ho usato la chat del sito: mi ha risposto una persona in pochi minuti, ha annullato il secondo ordine e mi ha detto che il rimborso sarebbe arrivato in tre giorni lavorativi. È arrivato il giorno dopo.

Scrivo qui più che altro perché di solito si raccontano solo le cose andate male, e questa è andata proprio come dovrebbe.`,
    category: 'refund',
    daysAgo: 140,
    experienceDaysBefore: 1,
    channels: [{ channel: 'chat', waitMinutes: 4 }],
    orderReference: 'BT-21502',
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `Grazie a lei per averlo scritto! Le confermiamo che il secondo ordine è annullato e il rimborso di 46 € è già stato disposto.`,
      },
    ],
    verdict: { afterHours: 30, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'valentina',
    language: 'it',
    title: 'Poster spedito all’indirizzo vecchio: recuperato dal corriere e riconsegnato',
    body: `Avevo cambiato indirizzo nel profilo, ma l'ordine ha usato quello salvato nella vecchia rubrica, cosa di cui mi sono accorta solo a spedizione partita. Era un regalo di compleanno con una data precisa.

Ho scritto al modulo contatti spiegando l'errore, che era in parte mio. In tre ore mi hanno risposto che avevano già contattato il corriere per cambiare la destinazione, senza chiedermi niente in più. Il pacco è arrivato al nuovo indirizzo con un giorno di ritardo, ancora in tempo per la festa.

Hanno anche sistemato la rubrica del mio account.`,
    category: 'delivery',
    daysAgo: 120,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 180 }],
    orderReference: 'BT-21977',
    messages: [
      {
        by: 'company',
        afterHours: 5,
        body: `Buonasera, abbiamo chiesto al corriere di cambiare destinazione: il pacco arriverà al nuovo indirizzo con circa un giorno di ritardo. Abbiamo anche tolto il vecchio indirizzo dalla sua rubrica.`,
      },
    ],
    verdict: { afterHours: 70, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'giorgio',
    language: 'it',
    title: 'Vetro antiriflesso ordinato, arrivato quello normale: cambiato senza discussioni',
    body: `Per una cornice su misura 50×70 avevo pagato il supplemento per il vetro antiriflesso (18 €), perché il quadro va di fronte a una finestra. Appena montato, il riflesso era quello di un vetro normale.

Ho chiamato il loro numero verde: dopo tre minuti di attesa ho parlato con il laboratorio, che ha controllato la scheda di lavorazione e ha riconosciuto l'errore. Mi hanno mandato il vetro giusto con un corriere e le istruzioni per cambiarlo, oppure la possibilità di rimandare tutto. Ho cambiato il vetro da solo in dieci minuti.`,
    category: 'other',
    daysAgo: 75,
    experienceDaysBefore: 5,
    channels: [{ channel: 'phone_tollfree', waitMinutes: 3 }],
    orderReference: 'BT-22640',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Ci scusiamo per lo scambio di vetri in laboratorio. Il vetro antiriflesso è partito oggi; se preferisce non smontare la cornice, le mandiamo un'etichetta di reso e facciamo tutto noi.`,
      },
    ],
    verdict: { afterHours: 80, resolved: true, wouldBuyAgain: true, rating: 4, comment: 'Errore capita, sistemato in fretta e bene.' },
  },
  {
    company: 'bottega-telaio',
    author: 'anna',
    language: 'it',
    title: 'Fattura con l’indirizzo sbagliato, corretta in mezz’ora',
    body: `Ho comprato tre stampe per lo studio e mi serviva la fattura intestata all'associazione di cui sono tesoriera. Nella fattura arrivata c'era il mio indirizzo di casa al posto della sede.

Ho scritto una mail un martedì mattina aspettandomi di dover insistere, come mi succede con tanti altri negozi. Dopo mezz'ora avevo la nota di credito e la fattura corretta, con un messaggio gentile che mi ricordava dove modificare i dati di fatturazione nell'account per la prossima volta.

Un piccolo episodio, ma per chi fa i conti di un'associazione conta.`,
    category: 'billing',
    daysAgo: 60,
    experienceDaysBefore: 1,
    channels: [{ channel: 'email', waitMinutes: 30 }],
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `Buongiorno, in allegato alla mail trova la nota di credito e la nuova fattura intestata alla sede dell'associazione.`,
      },
    ],
    verdict: { afterHours: 26, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'sophie',
    language: 'en',
    title: 'Print smaller than the size I ordered, reprinted at the right size',
    body: `I ordered a 70×100 poster of a vintage Florence map, but the parcel contained a 50×70. The frame I had already bought for it was useless.

I sent a photo with a tape measure over the web form. A reply came within the hour: a labelling mistake in the workshop. They reprinted the right size the next day, sent it by express, and told me to keep the smaller one or give it away.

Communication was clear at every step, and the correct print arrived four days after I wrote.`,
    category: 'delivery',
    daysAgo: 45,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 50 }],
    orderReference: 'BT-23115',
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `Sorry about that: the wrong label went on your tube. The 70×100 print goes out tomorrow by express; please keep the smaller one.`,
      },
      {
        by: 'consumer',
        afterHours: 3,
        body: `Thank you, that is very generous.`,
      },
    ],
    verdict: { afterHours: 100, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'federico',
    language: 'it',
    title: 'Ganci per appendere mancanti nella cornice: spediti il giorno dopo',
    body: `La cornice in noce che ho ordinato (75 €) è arrivata benissimo imballata, ma senza i ganci e il filo per appenderla, che nella scheda prodotto erano inclusi.

Ho scritto in chat la sera, pensando di ricevere risposta il giorno dopo. Invece un'operatrice mi ha risposto subito, scusandosi, e la mattina dopo c'era già la mail con il tracciamento della busta con ganci, filo e viti. Mi hanno anche mandato un piccolo schema per montarli alla giusta altezza.

Servizio impeccabile, anche per un problema da pochi euro.`,
    category: 'delivery',
    daysAgo: 40,
    experienceDaysBefore: 2,
    channels: [{ channel: 'chat', waitMinutes: 2 }],
    orderReference: 'BT-23240',
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `Ci scusiamo per la dimenticanza: la busta con ganci, filo e viti parte domattina, le mandiamo il tracciamento appena disponibile.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 5 },
    stillResolved: { afterDays: 7, yes: true },
  },
  {
    company: 'bottega-telaio',
    author: 'matteo',
    language: 'it',
    title: 'Consegna in ritardo per lo sciopero dei corrieri: avvisato prima che lo chiedessi',
    body: `Avevo ordinato una stampa incorniciata per l'inaugurazione del mio negozio, con consegna prevista il venerdì. Il mercoledì non c'era ancora traccia della spedizione e ho scritto una mail un po' agitata.

Mi hanno risposto dopo due ore spiegando che lo sciopero dei corrieri della zona aveva bloccato i ritiri, e che avevano già prenotato un corriere diverso a loro spese. La stampa è arrivata giovedì sera.

Mi hanno anche chiamato il giorno dopo per chiedere se era arrivata integra.`,
    category: 'delivery',
    daysAgo: 28,
    experienceDaysBefore: 3,
    channels: [{ channel: 'email', waitMinutes: 120 }],
    orderReference: 'BT-23602',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Buongiorno, la spedizione è ferma per lo sciopero; abbiamo già prenotato un altro corriere a nostre spese e la stampa dovrebbe arrivarle giovedì.`,
      },
    ],
    verdict: { afterHours: 50, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'ilaria',
    language: 'it',
    title: 'Codice sconto della newsletter non applicato, differenza rimborsata',
    body: `Mi ero iscritta alla newsletter per lo sconto del 15% sul primo ordine. Al pagamento il codice è stato accettato, ma sul riepilogo e sull'addebito della carta il prezzo era pieno: 64 € invece di 54,40 €.

Ho mandato una mail con lo screenshot del riepilogo. Mi hanno risposto nel giro di due ore: un errore del carrello con i prodotti in promozione, che stavano già correggendo. Mi hanno rimborsato la differenza il giorno stesso.

Tutto chiaro, veloce e senza dover insistere.`,
    category: 'billing',
    daysAgo: 20,
    experienceDaysBefore: 1,
    channels: [{ channel: 'email', waitMinutes: 120 }],
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Grazie della segnalazione: era un errore del carrello sui prodotti in promozione, ora corretto. La differenza di 9,60 € le è stata rimborsata oggi.`,
      },
    ],
    verdict: { afterHours: 40, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'giulia',
    language: 'it',
    title: 'Tela con una macchia di colla sul bordo, sostituita subito',
    body: `La tela 40×40 che ho regalato a mia sorella aveva una macchia lucida di colla sul bordo laterale, ben visibile appesa alla parete. Non un dramma, ma era un regalo.

Ho scritto al modulo contatti allegando una foto. Due ore dopo mi hanno risposto con le scuse e la proposta di sostituirla, chiedendo solo di lasciare la vecchia al corriere quando portava la nuova. Così è stato, quattro giorni dopo.

Il laboratorio ha anche aggiunto un biglietto scritto a mano.`,
    category: 'other',
    daysAgo: 14,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 120 }],
    orderReference: 'BT-23899',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Ci dispiace per la macchia. Rifacciamo la tela oggi stesso: il corriere gliela porta e ritira quella rovinata, non deve fare nient'altro.`,
      },
    ],
    verdict: { afterHours: 110, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'bottega-telaio',
    author: 'rachel',
    language: 'en',
    title: 'Customs form missing on a parcel to Switzerland, fixed the same afternoon',
    body: `I ordered two framed prints to be delivered to my flat in Geneva. The courier held the parcel because the customs declaration was missing, and asked me to sort it out with the sender.

I e-mailed the shop at lunchtime. By mid-afternoon they had sent the declaration to the courier, paid the handling fee themselves and sent me a copy for my records. The parcel arrived two days later than planned, without any extra charges for me.

A small shop that clearly knows what it is doing.`,
    category: 'delivery',
    daysAgo: 8,
    experienceDaysBefore: 2,
    channels: [{ channel: 'email', waitMinutes: 180 }],
    orderReference: 'BT-24011',
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `Our mistake: the declaration has now been sent to the courier and we have paid the handling fee. A copy is in your inbox.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 5 },
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

  {
    company: 'piazzalunga',
    author: 'stefano',
    language: 'it',
    title: 'Trapano di un venditore terzo mai spedito: rimborsato dalla garanzia Piazzalunga',
    body: `Ho comprato un trapano avvitatore (79 €) da un venditore terzo su Piazzalunga. Dopo dodici giorni l'ordine risultava ancora "in preparazione" e il venditore non rispondeva ai messaggi interni.

Ho aperto una richiesta con la garanzia acquisti di Piazzalunga dal loro modulo. Il giorno dopo mi hanno scritto che avevano sollecitato il venditore con 48 ore di tempo; scaduto il termine, mi hanno rimborsato loro l'intero importo senza che dovessi chiedere di nuovo.

Procedura lenta solo per colpa del venditore, ma chiara e rispettata.`,
    category: 'delivery',
    daysAgo: 320,
    experienceDaysBefore: 12,
    channels: [{ channel: 'web_form', waitMinutes: 1200 }],
    orderReference: 'PL-88121043',
    messages: [
      {
        by: 'company',
        afterHours: 10,
        body: `Buongiorno, abbiamo dato al venditore 48 ore per spedire o rimborsare. Se non lo farà, la rimborsiamo noi con la garanzia acquisti, senza altre richieste da parte sua.`,
      },
      {
        by: 'consumer',
        afterHours: 70,
        body: `Il venditore non si è fatto vivo. Aspetto il vostro rimborso.`,
      },
      {
        by: 'company',
        afterHours: 74,
        body: `Rimborso di 79 € disposto oggi sulla carta usata per l'ordine.`,
      },
    ],
    verdict: { afterHours: 130, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'piazzalunga',
    author: 'rachel',
    language: 'en',
    title: 'Returned a coffee machine from abroad — label and refund sorted, slowly but surely',
    body: `I bought an espresso machine on Piazzalunga while living in Milan and returned it after moving back to Dublin, still within the 30 days. The return portal only accepted Italian addresses.

I wrote to customer service in English. The first answer took a day, but it was a real person who created an international return label by hand and told me exactly where to drop the parcel. The refund of €189 came five days after the courier scanned it.

Not instant, but every promise was kept.`,
    category: 'refund',
    daysAgo: 230,
    experienceDaysBefore: 6,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'email', waitMinutes: 1500 },
    ],
    orderReference: 'PL-90233871',
    messages: [
      {
        by: 'company',
        afterHours: 26,
        body: `Hello, we have created an international return label for you (attached to our e-mail). Once the courier scans the parcel, the refund is issued within seven days.`,
      },
    ],
    verdict: { afterHours: 260, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'piazzalunga',
    author: 'valentina',
    language: 'it',
    title: 'Prezzo sceso due giorni dopo l’acquisto: differenza riconosciuta',
    body: `Ho comprato una friggitrice ad aria venduta e spedita da Piazzalunga a 129 €. Due giorni dopo lo stesso modello era in offerta a 99 €, sempre venduto da loro.

Le condizioni parlano di una "garanzia prezzo" di 7 giorni, ma nel sito non c'è un pulsante per chiederla. Ho scritto in chat: mi hanno detto di pubblicare la richiesta tramite il modulo, e alla fine l'ho raccontato anche qui.

La risposta è arrivata in mattinata: differenza di 30 € riaccreditata come rimborso sulla carta, non come buono.`,
    category: 'refund',
    daysAgo: 110,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'chat', waitMinutes: 6 },
      { channel: 'web_form', waitMinutes: 480 },
    ],
    orderReference: 'PL-93410552',
    messages: [
      {
        by: 'company',
        afterHours: 8,
        body: `Buongiorno, la garanzia prezzo si applica: le abbiamo rimborsato 30 € sulla carta. Stiamo aggiungendo il pulsante per richiederla dalla pagina dell'ordine.`,
      },
    ],
    verdict: { afterHours: 50, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'piazzalunga',
    author: 'federico',
    language: 'it',
    title: 'Monitor con pixel bruciati: per il venditore “rientra nella tolleranza”',
    body: `Ho comprato un monitor 27 pollici (219 €) da un venditore terzo. Al primo avvio c'erano tre pixel bruciati vicino al centro dello schermo, impossibili da non vedere.

Il venditore ha risposto che fino a cinque pixel difettosi "rientra nella tolleranza del produttore" e ha rifiutato il reso. Ho chiesto a Piazzalunga di intervenire con la garanzia acquisti.

Mi hanno risposto in un giorno e mezzo, ma per dirmi che la politica sui pixel è quella del produttore e che potevo solo chiedere il reso per ripensamento, pagando io la spedizione.`,
    category: 'warranty',
    daysAgo: 85,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'web_form', waitMinutes: 2400 },
      { channel: 'chat', waitMinutes: 12 },
    ],
    orderReference: 'PL-94018877',
    messages: [
      {
        by: 'company',
        afterHours: 40,
        body: `Buongiorno, abbiamo verificato con il venditore: la politica sui pixel difettosi è quella del produttore. Può comunque restituire il monitor entro 30 giorni con il reso per ripensamento; la spedizione di ritorno è a suo carico.`,
      },
      {
        by: 'consumer',
        afterHours: 52,
        body: `Pagare io la spedizione per un prodotto difettoso non mi sembra giusto, ma lo rimando lo stesso.`,
      },
    ],
    verdict: { afterHours: 200, resolved: false, wouldBuyAgain: false, rating: 2, comment: 'Rimborsato, ma con 14 € di spedizione a carico mio per un difetto.' },
  },
  {
    company: 'piazzalunga',
    author: 'matteo',
    language: 'it',
    title: 'Pacco consegnato al vicino senza avviso, rintracciato in giornata',
    body: `Il tracciamento diceva "consegnato" ma a casa non c'era niente. Era un ordine di libri scolastici per mio figlio (68 €), con la scuola che iniziava il lunedì.

Ho scritto nella chat di Piazzalunga il sabato mattina. L'operatore ha aperto una richiesta con il corriere e nel pomeriggio mi ha scritto che il pacco era stato lasciato al civico accanto, con il nome del vicino che l'aveva firmato. Era lì, infatti.

Mi hanno anche detto che avrebbero segnalato il corriere per la consegna senza avviso.`,
    category: 'delivery',
    daysAgo: 48,
    experienceDaysBefore: 1,
    channels: [{ channel: 'chat', waitMinutes: 5 }],
    orderReference: 'PL-95502290',
    messages: [
      {
        by: 'company',
        afterHours: 12,
        body: `Buonasera, il corriere conferma che il pacco è stato firmato al civico accanto dal signor indicato nella prova di consegna. Abbiamo segnalato la consegna senza avviso.`,
      },
    ],
    verdict: { afterHours: 30, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'piazzalunga',
    author: 'anna',
    language: 'it',
    title: 'Doppio addebito dell’abbonamento Piazzalunga Più, rimborsato in due giorni',
    body: `A settembre l'abbonamento annuale Piazzalunga Più (39 €) mi è stato addebitato due volte, a un minuto di distanza. Nell'area clienti risultava un solo abbonamento.

Ho scritto dal modulo "pagamenti" con la foto dell'estratto conto. In sette ore mi hanno risposto che il secondo addebito era un errore del sistema di pagamento e che lo stornavano. Il rimborso è arrivato sulla carta due giorni dopo.

Risposta chiara, senza richieste inutili di documenti.`,
    category: 'billing',
    daysAgo: 30,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 420 }],
    messages: [
      {
        by: 'company',
        afterHours: 7,
        body: `Buongiorno, il secondo addebito di 39 € è un errore del sistema di pagamento: lo abbiamo stornato oggi, lo vedrà sulla carta entro pochi giorni.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'piazzalunga',
    author: 'james',
    language: 'en',
    title: 'Wrong charger in the box of a laptop, correct one sent overnight',
    body: `I bought a refurbished laptop sold and shipped by Piazzalunga. The box contained a charger with a UK plug and the wrong connector, so I could not even switch the laptop on.

I used the chat on a Sunday evening and got an answer from a person within ten minutes. They apologised, sent the right charger by overnight courier and let me keep the wrong one. It arrived on Tuesday morning.

For a refurbished product I expected some hassle, but this was quick and polite.`,
    category: 'delivery',
    daysAgo: 10,
    experienceDaysBefore: 1,
    channels: [{ channel: 'chat', waitMinutes: 10 }],
    orderReference: 'PL-96120018',
    messages: [
      {
        by: 'company',
        afterHours: 4,
        body: `Hello, the correct charger goes out tomorrow by overnight courier. No need to send the wrong one back.`,
      },
    ],
    verdict: { afterHours: 50, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'piazzalunga',
    author: 'ilaria',
    language: 'it',
    title: 'Reso ritirato dal corriere ma ancora “in attesa” dopo una settimana',
    body: `Ho restituito una giacca venduta da Piazzalunga (85 €): il corriere l'ha ritirata a casa otto giorni fa e ho la ricevuta di ritiro firmata. Nella pagina dell'ordine il reso risulta ancora "in attesa di ritiro".

Ho scritto in chat e mi hanno detto che la scansione del corriere può tardare, di aspettare altri tre giorni. Sono passati. Lo pubblico qui con la ricevuta del ritiro, così il rimborso non si perde tra un sistema e l'altro.`,
    category: 'refund',
    daysAgo: 3,
    experienceDaysBefore: 8,
    channels: [{ channel: 'chat', waitMinutes: 8 }],
    orderReference: 'PL-96233405',
    messages: [],
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

  {
    company: 'aurora-fibra',
    author: 'giorgio',
    language: 'it',
    title: 'Disdetta inviata con PEC a gennaio, bollette ancora a maggio',
    body: `Ho inviato la disdetta del contratto fibra tramite PEC il 10 gennaio, con il modulo del loro sito compilato e firmato e la copia del documento. La PEC risulta consegnata.

A maggio continuano ad arrivare le bollette da 29,90 €, con addebito sul conto. Ho chiamato il numero del servizio clienti quattro volte: la voce registrata dice di usare l'area clienti, e l'area clienti non ha nessuna sezione per le disdette. Ho anche mandato una raccomandata.

Nessuna risposta scritta, nessun rimborso, nessuna conferma della chiusura.`,
    category: 'cancellation',
    daysAgo: 300,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'letter', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
    ],
    messages: [],
  },
  {
    company: 'aurora-fibra',
    author: 'martina',
    language: 'it',
    title: 'Trasloco della linea: tre mesi senza internet e nessun appuntamento',
    body: `A luglio ho chiesto il trasloco della linea nella nuova casa, a due chilometri dalla vecchia, coperta dalla stessa fibra. Mi avevano promesso l'attivazione "entro 30 giorni".

Dopo tre mesi nessun tecnico si è presentato e non ho mai ricevuto un appuntamento. Intanto pago la bolletta della vecchia linea, che non uso più. La chat del sito risponde con un menù automatico che rimanda al numero del servizio clienti; al telefono dopo 40 minuti la linea cade.

Lavoro da casa e sto usando la rete del telefono.`,
    category: 'installation',
    daysAgo: 130,
    experienceDaysBefore: 90,
    channels: [
      { channel: 'chat', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    orderReference: 'AF-TR-552019',
    messages: [],
  },
  {
    company: 'aurora-fibra',
    author: 'aoife',
    language: 'en',
    title: 'Holiday flat line: charged for a router I returned in person',
    body: `I rented a flat in Lecce for six months and took an Aurora Fibra contract for it. When I left I returned the router at an Aurora shop and was given a stamped receipt.

Two months later my card was charged €120 for "router not returned". I sent the receipt by e-mail, then by the web form, then by registered letter to the address on their site. Nothing came back, not even an automatic acknowledgement. The shop says they cannot do anything about billing.

I am now being told by a debt collection agency that I owe them money.`,
    category: 'billing',
    daysAgo: 60,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'letter', waitMinutes: null },
      { channel: 'store', waitMinutes: 15 },
    ],
    messages: [],
  },
  {
    company: 'aurora-fibra',
    author: 'federico',
    language: 'it',
    title: 'Telefono fisso muto da un mese: guasto aperto, nessuno lo prende in carico',
    body: `Da un mese il telefono fisso di mia madre, 84 anni, non dà più il segnale. Internet funziona, la voce no. Per lei il fisso è l'unico modo di chiamare il medico e i vicini.

Ho aperto la segnalazione di guasto dall'area clienti, che ha assegnato un numero di pratica e poi più niente. Al numero del servizio clienti ho aspettato 35 minuti, poi la chiamata si è chiusa. Ho scritto anche sui loro profili social: messaggio letto, nessuna risposta.

Chiedo solo che qualcuno venga a guardare la linea.`,
    category: 'technical_support',
    daysAgo: 35,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
      { channel: 'social', waitMinutes: null },
    ],
    orderReference: 'AF-GU-771204',
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

  {
    company: 'corsacasa',
    author: 'valentina',
    language: 'it',
    title: 'Cyclette arrivata con il telaio piegato, reso mai autorizzato',
    body: `La cyclette (279 €) è arrivata con il telaio visibilmente piegato all'altezza del sellino: il corriere ha lasciato il cartone rovinato in cortile e se n'è andato.

Ho mandato le foto il giorno stesso alla mail dell'assistenza e compilato il modulo di reso del sito, che chiede un "codice di autorizzazione" che solo loro possono dare. In tre mesi non ho ricevuto nessun codice, nessuna risposta, nessuna telefonata. Il numero del servizio clienti squilla a vuoto.

La cyclette è ancora in garage, inutilizzabile, e ho pagato tutto in anticipo.`,
    category: 'refund',
    daysAgo: 280,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    orderReference: 'CC-118420',
    messages: [],
  },
  {
    company: 'corsacasa',
    author: 'rachel',
    language: 'en',
    title: 'Rowing machine seat rail cracked — warranty e-mails unanswered',
    body: `I bought a CorsaCasa rowing machine (€399) while working in Bologna. After seven months of light use the aluminium seat rail cracked near the front foot.

The warranty is two years, so I filled in the warranty form with photos and the invoice. No reply. I wrote twice to the support e-mail, once in Italian with help from a colleague. No reply. The phone line plays a message saying the office is closed, at any hour I have tried.

I would happily pay for the part if someone would just sell it to me.`,
    category: 'warranty',
    daysAgo: 100,
    experienceDaysBefore: 7,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    orderReference: 'CC-131877',
    messages: [],
  },
  {
    company: 'corsacasa',
    author: 'giorgio',
    language: 'it',
    title: 'Panca e pesi mai consegnati, l’ordine risulta “spedito” da due mesi',
    body: `Ho ordinato una panca regolabile con un set di manubri (189 €). Dopo una settimana l'ordine è passato a "spedito", ma il numero di tracciamento non esiste sul sito del corriere.

Ho scritto alla mail dell'assistenza, poi al modulo contatti, poi ho lasciato un messaggio sulla loro pagina social. Dopo dodici giorni è arrivata una sola riga: "stiamo verificando con il magazzino". Da allora più niente, e sono passati due mesi.

Non ho la panca, non ho i soldi e non ho nessuno con cui parlare.`,
    category: 'delivery',
    daysAgo: 70,
    experienceDaysBefore: 15,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'web_form', waitMinutes: null },
      { channel: 'social', waitMinutes: null },
    ],
    orderReference: 'CC-136005',
    messages: [
      {
        by: 'company',
        afterHours: 300,
        body: `Stiamo verificando con il magazzino.`,
      },
      {
        by: 'consumer',
        afterHours: 320,
        body: `Verificando cosa, esattamente? Il tracciamento che mi avete dato non esiste. Vorrei una data di consegna o il rimborso.`,
      },
    ],
  },
  {
    company: 'corsacasa',
    author: 'ilaria',
    language: 'it',
    title: 'Tapis roulant rumoroso dal primo giorno, garanzia senza risposta',
    body: `Il tapis roulant pieghevole (549 €) fa un rumore metallico forte a ogni passo da quando l'abbiamo montato, anche a velocità bassa. Abbiamo controllato le viti seguendo il manuale.

Ho scritto all'assistenza tecnica con un video del rumore, poi ho chiamato il numero indicato sul manuale: segreteria piena. Ho provato la chat del sito, che dice "nessun operatore disponibile" anche alle dieci del mattino di un giorno feriale.

Dopo tre settimane non sappiamo nemmeno se la richiesta di garanzia sia stata ricevuta.`,
    category: 'warranty',
    daysAgo: 25,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
      { channel: 'chat', waitMinutes: null },
    ],
    orderReference: 'CC-139950',
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

  {
    company: 'pacco-lesto',
    author: 'federico',
    language: 'it',
    title: 'Consegna al punto di ritiro sbagliato, recuperata in due giorni',
    body: `Avevo scelto come punto di ritiro la tabaccheria sotto casa. Il messaggio di Pacco Lesto mi ha avvisato che il pacco era pronto in un'edicola dall'altra parte della città, a quaranta minuti di autobus.

Ho scritto dal modulo del sito. Il giorno dopo mi hanno risposto che il punto scelto era pieno e che il sistema aveva scelto "il più vicino disponibile", ma che potevano spostarlo. Due giorni dopo il pacco era nella mia tabaccheria.

Nessuno mi aveva avvisato prima, però alla fine l'hanno sistemato.`,
    category: 'delivery',
    daysAgo: 300,
    experienceDaysBefore: 3,
    channels: [{ channel: 'web_form', waitMinutes: 1800 }],
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Buongiorno, il punto di ritiro scelto era al completo. Abbiamo disposto il trasferimento del pacco: sarà disponibile nella tabaccheria indicata entro due giorni.`,
      },
    ],
    verdict: { afterHours: 80, resolved: true, wouldBuyAgain: true, rating: 3, comment: 'Risolto, ma avrei voluto essere avvisata prima.' },
  },
  {
    company: 'pacco-lesto',
    author: 'matteo',
    language: 'it',
    title: 'Pacco lasciato sul pianerottolo senza firma, poi sparito',
    body: `Aspettavo delle scarpe (110 €) con consegna con firma. Il tracciamento dice "consegnato", ma nessuno ha suonato e nessuno ha firmato: il corriere ha lasciato il pacco sul pianerottolo condominiale e dopo un'ora non c'era più.

Ho chiamato il numero verde: venti minuti di attesa, poi mi hanno detto di aprire una pratica online. L'ho aperta. Il negozio mi ha detto che dovevo aspettare l'esito della pratica di Pacco Lesto prima di avere un rimborso.

La risposta è arrivata dopo tre giorni.`,
    category: 'delivery',
    daysAgo: 210,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 20 },
      { channel: 'web_form', waitMinutes: 4320 },
    ],
    orderReference: 'PLX-77120934',
    messages: [
      {
        by: 'company',
        afterHours: 72,
        body: `Buongiorno, la pratica è stata accolta: la consegna senza firma non era conforme. Abbiamo comunicato al mittente la responsabilità del corriere, che procederà con il rimborso.`,
      },
      {
        by: 'consumer',
        afterHours: 90,
        body: `Il negozio dice che deve ancora ricevere il vostro riscontro ufficiale. Potete mandarglielo?`,
      },
      {
        by: 'company',
        afterHours: 140,
        body: `Il riscontro è stato inviato al mittente oggi.`,
      },
    ],
    verdict: { afterHours: 400, resolved: false, wouldBuyAgain: true, rating: 3, comment: 'Hanno riconosciuto l’errore, ma il rimborso dal negozio è ancora bloccato.' },
  },
  {
    company: 'pacco-lesto',
    author: 'aoife',
    language: 'en',
    title: 'Parcel from Italy held for "address check" for two weeks',
    body: `A friend in Naples sent me a box of books through Pacco Lesto to Cork. The tracking stopped at "address check" at their hub for two weeks, although the address was complete and correct, with the Eircode.

Their English page offers only a web form. I used it three times. The first answer came after two and a half days and asked me to confirm the address, which I did within the hour. After that, silence again, until the parcel was sent back to my friend.

She paid the shipping twice.`,
    category: 'delivery',
    daysAgo: 120,
    experienceDaysBefore: 14,
    channels: [{ channel: 'web_form', waitMinutes: 3600 }],
    messages: [
      {
        by: 'company',
        afterHours: 60,
        body: `Hello, please confirm the full delivery address including the postal code so that the parcel can continue.`,
      },
      {
        by: 'consumer',
        afterHours: 61,
        body: `Confirmed above and in your form, including the Eircode. Please do not return it to the sender.`,
      },
    ],
    verdict: { afterHours: 500, resolved: false, wouldBuyAgain: false, rating: 1, comment: 'Returned to sender anyway, and no refund of the shipping.' },
  },
  {
    company: 'pacco-lesto',
    author: 'giulia',
    language: 'it',
    title: 'Spedizione da privato pagata online, ritiro mai effettuato: rimborsata',
    body: `Ho pagato online 11,90 € per spedire un pacco a mia zia, con ritiro a domicilio prenotato per il giovedì mattina. Sono rimasta a casa tutta la mattina, il corriere non è mai passato e il giorno dopo la prenotazione risultava "annullata dal cliente".

Ho scritto dal modulo del sito e chiamato il numero verde (12 minuti di attesa): mi hanno detto che il rimborso si chiede solo per iscritto. Due giorni dopo la risposta: rimborso fatto e un codice per una spedizione gratuita.

Ho usato il codice, e quella volta il ritiro è andato bene.`,
    category: 'refund',
    daysAgo: 95,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'web_form', waitMinutes: 2880 },
      { channel: 'phone_tollfree', waitMinutes: 12 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 48,
        body: `Buongiorno, ci scusiamo per il ritiro mancato. Le abbiamo rimborsato 11,90 € e inviato per e-mail un codice per una spedizione gratuita.`,
      },
    ],
    verdict: { afterHours: 200, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'pacco-lesto',
    author: 'stefano',
    language: 'it',
    title: 'Contrassegno pagato due volte: al corriere e poi di nuovo online',
    body: `Il corriere mi ha chiesto 64 € di contrassegno in contanti alla consegna, e li ho pagati. Due giorni dopo mi arriva un SMS di Pacco Lesto con un link per "completare il pagamento del contrassegno", che risulta ancora aperto.

Il negozio mi conferma di non aver ricevuto nulla. Ho mandato la foto della ricevuta del corriere dal modulo del sito e ho chiamato il numero verde. Dopo quattro giorni mi hanno scritto che il corriere "non ha registrato l'incasso" e che dovevo rivolgermi al negozio.

Intanto il negozio mi sollecita il pagamento.`,
    category: 'billing',
    daysAgo: 45,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'web_form', waitMinutes: 5760 },
      { channel: 'phone_tollfree', waitMinutes: 25 },
    ],
    orderReference: 'PLX-80455218',
    messages: [
      {
        by: 'company',
        afterHours: 100,
        body: `Buongiorno, dal nostro sistema l'incasso del contrassegno non risulta registrato dal corriere. Per la posizione con il negozio la invitiamo a rivolgersi al mittente.`,
      },
      {
        by: 'consumer',
        afterHours: 110,
        body: `Vi ho mandato la ricevuta firmata dal vostro corriere. Il problema è vostro, non del negozio.`,
      },
    ],
    verdict: { afterHours: 300, resolved: false, wouldBuyAgain: false, rating: 1, comment: 'Mi rimandano al negozio per un incasso perso dal loro corriere.' },
  },
  {
    company: 'pacco-lesto',
    author: 'anna',
    language: 'it',
    title: 'Finestra di consegna cambiata senza avviso, riprogrammata su richiesta',
    body: `Avevo scelto la consegna serale per ricevere un regalo che non doveva vedere mio marito. Il pacco è arrivato alle nove del mattino, lui l'ha ritirato e la sorpresa è saltata.

Ho scritto dal modulo chiedendo come mai la fascia serale, pagata 3 € in più, non fosse stata rispettata. Mi hanno risposto il giorno dopo: un cambio di giro del corriere, supplemento rimborsato e scuse.

Il regalo ormai era scoperto, ma almeno hanno ammesso l'errore.`,
    category: 'delivery',
    daysAgo: 30,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 1560 }],
    messages: [
      {
        by: 'company',
        afterHours: 26,
        body: `Buongiorno, un cambio di giro ha anticipato la consegna: ce ne scusiamo. Il supplemento di 3 € per la fascia serale le è stato rimborsato.`,
      },
    ],
    verdict: { afterHours: 70, resolved: true, wouldBuyAgain: true, rating: 3 },
  },
  {
    company: 'pacco-lesto',
    author: 'james',
    language: 'en',
    title: 'Tracking shows three failed attempts; nobody came',
    body: `I am staying in Bologna for work and expected a parcel with a replacement laptop battery. The tracking page shows three failed delivery attempts on three consecutive days, all at times when I was at home, working next to the door. No card, no call, no buzzer.

I wrote through the web form in English and also phoned the free number, where I was told the depot would call me back. Nobody called. The shop has now been told the parcel is "unclaimed".`,
    category: 'delivery',
    daysAgo: 10,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_tollfree', waitMinutes: 18 },
    ],
    orderReference: 'PLX-81902377',
    messages: [
      {
        by: 'company',
        afterHours: 36,
        body: `Hello, we have asked the depot to deliver again tomorrow and to call you before arriving.`,
      },
    ],
  },
  {
    company: 'pacco-lesto',
    author: 'martina',
    language: 'it',
    title: 'Pacco “in giacenza” ma il deposito dice di non averlo',
    body: `Ho ricevuto l'avviso che il mio pacco era in giacenza al deposito di zona, con cinque giorni per ritirarlo. Sono andata il giorno stesso con il codice: al deposito non risulta, e l'impiegato mi ha detto di scrivere all'assistenza.

Ho scritto dal modulo e chiamato il numero verde, dove dopo un quarto d'ora mi hanno detto che la pratica era stata aperta. Dentro c'è un vestito per un matrimonio di sabato prossimo.`,
    category: 'delivery',
    daysAgo: 2,
    experienceDaysBefore: 1,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_tollfree', waitMinutes: 15 },
    ],
    messages: [],
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

  {
    company: 'voltaria',
    author: 'matteo',
    language: 'it',
    title: 'Forno a microonde difettoso cambiato in negozio, ma solo al secondo tentativo',
    body: `Il microonde comprato in un negozio Voltaria (139 €) ha smesso di scaldare dopo tre settimane. Al banco assistenza mi hanno detto che dopo 7 giorni si passa dal centro riparazioni del produttore, con tempi di un mese.

Ho scritto all'assistenza del sito ricordando che sono ancora nei 30 giorni del "soddisfatti o rimborsati" indicato sullo scontrino. Il giorno dopo mi ha risposto una persona che mi ha dato ragione e ha avvisato il negozio. Al secondo passaggio al banco me l'hanno cambiato subito.`,
    category: 'warranty',
    daysAgo: 250,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'store', waitMinutes: 20 },
      { channel: 'email', waitMinutes: 1440 },
    ],
    orderReference: 'VE-2025-448810',
    messages: [
      {
        by: 'company',
        afterHours: 24,
        body: `Buongiorno, ha ragione: entro 30 giorni vale la sostituzione in negozio. Abbiamo avvisato il punto vendita, può passare quando vuole con lo scontrino.`,
      },
    ],
    verdict: { afterHours: 90, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'voltaria',
    author: 'ilaria',
    language: 'it',
    title: 'Smartphone ricondizionato con la batteria all’80%, “è nella norma”',
    body: `Ho comprato sul sito uno smartphone ricondizionato "grado A" (329 €). La scheda diceva batteria almeno al 90%; il telefono indica l'80% e a sera è scarico.

Ho scritto all'assistenza con lo screenshot delle impostazioni. Dopo due giorni mi hanno risposto che la misura del telefono "non è affidabile" e che potevo fare un test al banco di un negozio. L'ho fatto: 81%. A quel punto mi hanno offerto il reso con rimborso, ma non la sostituzione con un altro pezzo, che era quello che volevo.`,
    category: 'warranty',
    daysAgo: 160,
    experienceDaysBefore: 5,
    channels: [
      { channel: 'email', waitMinutes: 3000 },
      { channel: 'store', waitMinutes: 30 },
    ],
    orderReference: 'VE-2026-102377',
    messages: [
      {
        by: 'company',
        afterHours: 50,
        body: `Buongiorno, la percentuale indicata dal telefono può non essere precisa. Le consigliamo un test della batteria in uno dei nostri negozi.`,
      },
      {
        by: 'consumer',
        afterHours: 120,
        body: `Test fatto al negozio di via Roma: 81%. Vorrei un telefono con la batteria come da scheda.`,
      },
      {
        by: 'company',
        afterHours: 150,
        body: `Non abbiamo altri pezzi dello stesso modello: possiamo solo procedere con il reso e il rimborso completo.`,
      },
    ],
    verdict: { afterHours: 300, resolved: false, wouldBuyAgain: true, rating: 3, comment: 'Rimborso corretto, ma non era quello che chiedevo.' },
  },
  {
    company: 'voltaria',
    author: 'aoife',
    language: 'en',
    title: 'Price match promise refused at the till, honoured by head office',
    body: `Voltaria advertises that it matches the price of any Italian online shop for the same model. I showed the cashier a tablet for €60 less on another site; the store refused, saying the other shop "does not count".

I wrote to the online support in English, with the link and a screenshot. The answer came the next day: the store was wrong about the rule, but by then the other shop had raised its price, so they could not match it any more.

So the rule was confirmed, but I still paid the higher price.`,
    category: 'billing',
    daysAgo: 130,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'store', waitMinutes: 10 },
      { channel: 'email', waitMinutes: 1800 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Hello, the store should have applied the price match. Unfortunately the other shop's price has since changed, so we can no longer apply it to your purchase.`,
      },
    ],
    verdict: { afterHours: 80, resolved: false, wouldBuyAgain: true, rating: 3 },
  },
  {
    company: 'voltaria',
    author: 'valentina',
    language: 'it',
    title: 'Lavastoviglie consegnata ma non installata, nonostante il servizio pagato',
    body: `Con la lavastoviglie (499 €) ho pagato anche l'installazione e il ritiro dell'usato (49 €). I trasportatori l'hanno lasciata in cucina ancora imballata, dicendo che l'installazione "la fa un'altra squadra", e si sono rifiutati di portare via la vecchia.

Ho chiamato il numero a pagamento e scritto al modulo contatti. La risposta qui è arrivata dopo cinque giorni, con la proposta di un appuntamento due settimane dopo. Alla fine l'ho fatta installare da un idraulico.`,
    category: 'installation',
    daysAgo: 75,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'phone_paid', waitMinutes: 28 },
      { channel: 'web_form', waitMinutes: null },
    ],
    orderReference: 'VE-2026-210945',
    messages: [
      {
        by: 'company',
        afterHours: 120,
        body: `Buongiorno, possiamo fissare l'installazione per la seconda settimana del mese prossimo. Ci confermi la disponibilità.`,
      },
      {
        by: 'consumer',
        afterHours: 130,
        body: `Ormai l'ha installata un idraulico a mie spese. Vorrei almeno il rimborso dei 49 € del servizio.`,
      },
    ],
    verdict: { afterHours: 400, resolved: false, wouldBuyAgain: false, rating: 2, comment: 'Il rimborso del servizio non installato non è mai arrivato.' },
  },
  {
    company: 'voltaria',
    author: 'stefano',
    language: 'it',
    title: 'Ritiro in negozio: ordine pronto solo a metà, completato il giorno dopo',
    body: `Avevo ordinato online un portatile e una borsa con ritiro in negozio. Al negozio c'era solo il portatile; la borsa, pagata insieme, risultava "in arrivo" senza data.

Ho scritto all'assistenza dal sito la sera stessa. La mattina dopo mi hanno risposto che la borsa era stata spedita da un altro negozio e sarebbe arrivata entro due giorni; è arrivata il giorno successivo, con un SMS di avviso.

Niente di grave, e risposto in fretta.`,
    category: 'delivery',
    daysAgo: 40,
    experienceDaysBefore: 1,
    channels: [{ channel: 'email', waitMinutes: 900 }],
    orderReference: 'VE-2026-288301',
    messages: [
      {
        by: 'company',
        afterHours: 18,
        body: `Buongiorno, la borsa è partita stamattina da un altro punto vendita: le arriverà un SMS quando sarà pronta al ritiro.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'voltaria',
    author: 'federico',
    language: 'it',
    title: 'Aspirapolvere senza fili in assistenza da tre settimane',
    body: `Ho portato in negozio l'aspirapolvere senza fili (249 €, sei mesi di vita) perché la batteria non teneva la carica. Mi hanno dato una ricevuta e detto "una settimana".

Dopo tre settimane il negozio non sa dove sia, e il numero di pratica non compare nella pagina "stato riparazioni" del sito. Ho scritto all'assistenza online chiedendo almeno di sapere dove si trova e quando tornerà, visto che in casa abbiamo un cane e peli ovunque.`,
    category: 'warranty',
    daysAgo: 14,
    experienceDaysBefore: 21,
    channels: [
      { channel: 'store', waitMinutes: 15 },
      { channel: 'email', waitMinutes: 3600 },
    ],
    orderReference: 'VE-RIP-55012',
    messages: [
      {
        by: 'company',
        afterHours: 60,
        body: `Buongiorno, la pratica risulta al centro assistenza del produttore. Abbiamo chiesto una data di rientro e la aggiorneremo appena la riceviamo.`,
      },
    ],
  },
  {
    company: 'voltaria',
    author: 'giorgio',
    language: 'it',
    title: 'Buono reso da 120 € che la cassa non riconosce',
    body: `Dopo il reso di una stampante mi hanno dato un buono da 120 € da spendere in negozio. Alla cassa di un altro negozio Voltaria il codice risulta "non trovato", e la cassiera mi ha detto che i buoni valgono solo nel negozio che li ha emessi, cosa che sul buono non è scritta.

Ho scritto all'assistenza dal sito allegando la foto del buono.`,
    category: 'refund',
    daysAgo: 3,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'store', waitMinutes: 5 },
      { channel: 'web_form', waitMinutes: null },
    ],
    messages: [],
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
    verdict: { afterHours: 70, resolved: true, wouldBuyAgain: true, rating: 5, comment: 'Parcel arrived at the new address. Impressive handling of a mess I made myself.' },
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

  {
    company: 'kestrelbyte',
    author: 'ben',
    language: 'en',
    title: 'Graphics card with a rattling fan, advance replacement sent before the return',
    body: `The graphics card I bought (£420) developed a rattling fan after five months. I opened a warranty ticket on the website expecting to post the card away and wait weeks without a PC.

Within three hours a technician replied, asked for a short video of the noise, and then offered an advance replacement: they sent a new card first, with a prepaid label to return the faulty one within 14 days. The new card arrived two days later.

No arguing, no forms in triplicate.`,
    category: 'warranty',
    daysAgo: 200,
    experienceDaysBefore: 3,
    channels: [{ channel: 'web_form', waitMinutes: 180 }],
    orderReference: 'KB-5510234',
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `Thanks for the video — that is definitely a failing fan bearing. We are sending a replacement today; please return the faulty card within 14 days with the enclosed label.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 5 },
    stillResolved: { afterDays: 30, yes: true },
  },
  {
    company: 'kestrelbyte',
    author: 'rachel',
    language: 'en',
    title: 'VAT invoice needed for a business purchase, issued within the hour',
    body: `I bought two monitors for my small design studio but forgot to add the company name and VAT number at checkout, so the invoice was in my personal name and no use to my accountant.

I used the live chat and explained. The agent asked for the company details, cancelled the first invoice and sent a correct VAT invoice to my e-mail within about forty minutes. She also showed me where to save the business details in my account for the next order.

Exactly how it should work.`,
    category: 'billing',
    daysAgo: 130,
    experienceDaysBefore: 1,
    channels: [{ channel: 'chat', waitMinutes: 2 }],
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `The corrected VAT invoice is in your inbox. The business details are now saved in your account under "Invoices".`,
      },
    ],
    verdict: { afterHours: 20, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'james',
    language: 'en',
    title: 'NAS drive arrived dead on arrival, swapped with next-day delivery',
    body: `A network storage box I ordered would not power on at all, with two different cables and sockets. I reported it through the returns page on a Monday evening.

A reply came first thing on Tuesday. They did not ask me to run tests; they said a dead-on-arrival unit is replaced, and that a courier would swap the boxes at my door the next day. That is exactly what happened: the driver took the dead one and handed me a new one.

The new unit has been running for weeks without a problem.`,
    category: 'delivery',
    daysAgo: 110,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: 720 }],
    orderReference: 'KB-5702211',
    messages: [
      {
        by: 'company',
        afterHours: 4,
        body: `Sorry it arrived dead. A courier will swap it for a new unit at your door tomorrow — nothing else to do on your side.`,
      },
    ],
    verdict: { afterHours: 70, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'sophie',
    language: 'en',
    title: 'Student discount not applied at checkout, refunded the difference',
    body: `Kestrelbyte offers 10% off laptops for students with a verified university e-mail. My account was verified, but the discount was not applied when I paid £899 for a laptop for my course.

I e-mailed support with a screenshot of my verified status. The reply came in two hours: the discount had failed because the laptop was in a bundle, which is not excluded by the rules. They refunded £89.90 and said they were fixing the checkout.

A polite, clear answer and the money back on my card in three days.`,
    category: 'billing',
    daysAgo: 88,
    experienceDaysBefore: 1,
    channels: [{ channel: 'email', waitMinutes: 120 }],
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `You are right, bundles are not excluded. We have refunded £89.90 and are fixing the checkout so this does not happen again.`,
      },
    ],
    verdict: { afterHours: 80, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'aoife',
    language: 'en',
    title: 'Shipping to Ireland: surprise customs charge refunded after I asked',
    body: `I ordered a mechanical keyboard (£115) to Galway. The product page said "no extra charges for Ireland", but the courier asked for €31 in import VAT and fees before delivering.

I paid to get the keyboard and then wrote to Kestrelbyte with the courier's receipt. They replied within the hour: the page was wrong for that courier, they refunded the €31 in full, and they changed the shipping option for Irish orders.

I have ordered from them again since, with no charges at the door.`,
    category: 'billing',
    daysAgo: 70,
    experienceDaysBefore: 3,
    channels: [{ channel: 'email', waitMinutes: 60 }],
    orderReference: 'KB-5839920',
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `Our product page should not have said that for this courier. We have refunded the €31 in full and switched Irish orders to a delivered-duty-paid service.`,
      },
    ],
    verdict: { afterHours: 40, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'owen',
    language: 'en',
    title: 'Laptop hinge cracked at month eleven — repaired under warranty in a week',
    body: `The left hinge of my laptop cracked at eleven months, the casing splitting around the screw. I was worried it would be blamed on "accidental damage".

I opened a ticket with photos. A technician replied within the hour, said it was a known weakness of that model, and booked a collection for the next day. The laptop came back six days later with a new hinge and a new bottom cover, and a note of what they had replaced.

They kept me updated by e-mail at every step.`,
    category: 'warranty',
    daysAgo: 50,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 60 }],
    orderReference: 'KB-5210387',
    messages: [
      {
        by: 'company',
        afterHours: 1,
        body: `That is a known weakness of this model and fully covered. A courier will collect the laptop tomorrow; expect it back within a week.`,
      },
      {
        by: 'consumer',
        afterHours: 2,
        body: `Brilliant, thank you.`,
      },
    ],
    verdict: { afterHours: 190, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'liam',
    language: 'en',
    title: 'Ordered the wrong RAM for my motherboard — exchanged although it was my mistake',
    body: `I ordered 32 GB of laptop memory when my desktop needed the full-size sticks. Entirely my fault, and the packet was already opened.

I asked on the chat whether an exchange was possible. The agent checked my motherboard model, confirmed which kit was right, and arranged an exchange with free return postage, charging only the small price difference. The right kit arrived two days later.

I expected a restocking fee at the very least. Instead I got help choosing the right part.`,
    category: 'refund',
    daysAgo: 38,
    experienceDaysBefore: 1,
    channels: [{ channel: 'chat', waitMinutes: 3 }],
    orderReference: 'KB-5960118',
    messages: [
      {
        by: 'company',
        afterHours: 6,
        body: `No problem — the correct kit for your board is on its way, and a free return label for the other one is in your inbox.`,
      },
    ],
    verdict: { afterHours: 70, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'claire',
    language: 'en',
    title: 'Router delivered to a neighbour without a note — found the same day',
    body: `Tracking said my parcel had been delivered "to a neighbour", but no card had been left and none of the three neighbours I asked had it.

I wrote to Kestrelbyte in the morning. They answered within two hours with the house number from the courier's delivery photo, which turned out to be a flat round the corner, not next door. I had the parcel by the afternoon.

They also said they had passed the missing card on to the courier. Small thing, handled quickly.`,
    category: 'delivery',
    daysAgo: 32,
    experienceDaysBefore: 1,
    channels: [{ channel: 'email', waitMinutes: 120 }],
    orderReference: 'KB-5988301',
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `The courier's photo shows the parcel handed over at number 14B, round the corner. We have reported the missing card to the courier.`,
      },
    ],
    verdict: { afterHours: 10, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'kestrelbyte',
    author: 'priya',
    language: 'en',
    title: 'Refund for a cancelled pre-order arrived the same day',
    body: `I had pre-ordered a new handheld console (£479) that was delayed by the manufacturer for the third time, so I cancelled the pre-order from my account page.

The page said refunds take up to ten days. I asked on the chat whether it could be quicker, because the money had been taken when I ordered. Two hours later the refund was on my card, with an e-mail confirming it.

It is a small thing, but other shops held my money for weeks in a similar situation.`,
    category: 'refund',
    daysAgo: 25,
    experienceDaysBefore: 1,
    channels: [{ channel: 'chat', waitMinutes: 4 }],
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Your refund of £479 has been processed today; it should show on your card within a few hours.`,
      },
    ],
    verdict: { afterHours: 30, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'tom',
    language: 'en',
    title: 'Docking station stopped charging my laptop, firmware fix sent within hours',
    body: `After a Windows update my USB-C dock kept the screens working but stopped charging the laptop. I opened a ticket, expecting to be told to return the dock.

The reply arrived in five hours: a known problem with that update, and a link to a firmware version for the dock that fixed it, with step-by-step instructions. They also offered a replacement if the update did not work.

It worked at the first try. Charging has been fine since.`,
    category: 'technical_support',
    daysAgo: 18,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: 300 }],
    messages: [
      {
        by: 'company',
        afterHours: 5,
        body: `This is a known issue after that update. Firmware 2.14 for the dock fixes it — instructions attached. If it does not help, we will replace the dock.`,
      },
    ],
    verdict: { afterHours: 26, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'ben',
    language: 'en',
    title: 'Missing screws for an SSD mount, posted the next morning',
    body: `The M.2 SSD I bought for my new build came without the small mounting screw, and my motherboard box did not have a spare one either. Not a big deal, but the PC could not be finished.

I asked through the contact form late in the evening. At eight the next morning I had an answer and a tracking number: a pack of screws had gone out first class, free. They arrived the following day.

Good people.`,
    category: 'delivery',
    daysAgo: 12,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: 600 }],
    messages: [
      {
        by: 'company',
        afterHours: 3,
        body: `A pack of M.2 screws is on its way to you first class, tracking number in your inbox.`,
      },
    ],
    verdict: { afterHours: 50, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'kestrelbyte',
    author: 'liam',
    language: 'en',
    title: 'Wi-Fi adapter drops the connection every few minutes',
    body: `The USB Wi-Fi adapter I bought two weeks ago drops the connection every five to ten minutes on my desktop, with two different routers. I have tried the drivers from the manufacturer's site and a different USB port.

I opened a ticket yesterday. Support answered within two hours with a list of settings to check and a question about my power-saving options. Trying those now and I will report back.`,
    category: 'technical_support',
    daysAgo: 6,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: 120 }],
    messages: [
      {
        by: 'company',
        afterHours: 2,
        body: `Please try turning off USB selective suspend in your power plan; this adapter is known to disconnect with it on. If it still drops, we will swap it.`,
      },
    ],
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

  {
    company: 'velanet',
    author: 'liam',
    language: 'en',
    title: 'eSIM activation failed, fixed by a second agent two days later',
    body: `I switched my phone plan to an eSIM through the Velanet app. The old SIM stopped working straight away, but the eSIM never activated, so I had no service at all.

The chat agent told me to restart the phone, twice. I wrote through the web form that evening. Two days later someone from the technical team replied, re-issued the eSIM profile and called me to check it had worked. It had.

Two days without a phone is a long time, but the second person knew exactly what to do.`,
    category: 'technical_support',
    daysAgo: 300,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'chat', waitMinutes: 15 },
      { channel: 'web_form', waitMinutes: 2880 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 48,
        body: `Hi, we have re-issued your eSIM profile; a technician will call you shortly to check it activates correctly.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'velanet',
    author: 'aoife',
    language: 'en',
    title: 'Charged for a phone insurance I never signed up for',
    body: `My bill shows €7.99 a month for "Device Care", starting from the month I upgraded my handset in a Velanet shop. I never asked for it and did not sign anything about insurance.

I phoned and waited 35 minutes, then was told to write in. I did, through the web form, asking for it to be removed and refunded for the four months charged. Three days later I got an answer that the shop "recorded my consent verbally" and that only future charges would stop.

I am now paying for four months of insurance I never wanted.`,
    category: 'billing',
    daysAgo: 180,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 35 },
      { channel: 'web_form', waitMinutes: 4200 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 70,
        body: `Hi, our records show consent to Device Care was recorded in store. We have cancelled the add-on from your next bill; previous charges cannot be refunded.`,
      },
      {
        by: 'consumer',
        afterHours: 80,
        body: `Then please show me the record. I never agreed to it.`,
      },
    ],
    verdict: { afterHours: 500, resolved: false, wouldBuyAgain: false, rating: 2, comment: 'They stopped the charge but kept four months of it, and never showed the "consent".' },
  },
  {
    company: 'velanet',
    author: 'rachel',
    language: 'en',
    title: 'Broadband speed far below the contract — engineer booked the next day',
    body: `My fibre plan promises 500 Mb, and for two weeks I measured 40 to 60 Mb on a cable, at any time of day. The app's speed test said the same.

I posted here after the chat told me to "reboot the router". This time the answer came the same day: a line test showed a fault at the cabinet and an engineer was booked for the next morning. After the visit I measure 480 Mb.

They also credited half a month's fee without me asking.`,
    category: 'technical_support',
    daysAgo: 140,
    experienceDaysBefore: 14,
    channels: [{ channel: 'chat', waitMinutes: 20 }],
    messages: [
      {
        by: 'company',
        afterHours: 20,
        body: `Hi, our line test shows a fault at the street cabinet. An engineer will come tomorrow between 8 and 12, and we have credited half of this month's fee.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'velanet',
    author: 'liam',
    language: 'en',
    title: 'Roaming add-on bought twice by the app, one refunded',
    body: `Before a trip to the US I bought a 7-day roaming pass (€15) in the Velanet app. The app showed an error, so I bought it again, and then both were charged.

I wrote through the web form. The reply took a bit more than a day, confirmed the double purchase and refunded one pass to my bill. They did not explain the app error, but the money came back on the next bill, as they promised.

Fine in the end, though I would have liked a quicker answer while I was abroad.`,
    category: 'billing',
    daysAgo: 90,
    experienceDaysBefore: 8,
    channels: [{ channel: 'web_form', waitMinutes: 1800 }],
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Hi, we can see two roaming passes bought a minute apart. One has been refunded and will show as a credit on your next bill.`,
      },
    ],
    verdict: { afterHours: 100, resolved: true, wouldBuyAgain: true, rating: 3 },
  },
  {
    company: 'velanet',
    author: 'sophie',
    language: 'en',
    title: 'Moved house: broadband transfer took five weeks',
    body: `I asked Velanet to move my broadband to my new flat in Dublin, giving them a month's notice. On moving day nothing had been scheduled, and it took five more weeks before an engineer came.

During that time I kept paying the full monthly fee. I asked for a credit through the web form and by phone. They answered after four days with a booking, and later offered a one-month credit, while I had been without service for more than a month.

Service works well now, and the people I spoke to were polite.`,
    category: 'installation',
    daysAgo: 65,
    experienceDaysBefore: 40,
    channels: [
      { channel: 'web_form', waitMinutes: 6000 },
      { channel: 'phone_tollfree', waitMinutes: 25 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 100,
        body: `Hi, an engineer is booked for your new address next Tuesday. We will look at a credit once the service is active.`,
      },
      {
        by: 'consumer',
        afterHours: 110,
        body: `Thank you. Please remember the credit — I am paying for a service I do not have.`,
      },
      {
        by: 'company',
        afterHours: 400,
        body: `Service is now active; we have applied a credit of one month's fee.`,
      },
    ],
    verdict: { afterHours: 420, resolved: false, wouldBuyAgain: true, rating: 3, comment: 'One month of credit for five weeks without broadband.' },
  },
  {
    company: 'velanet',
    author: 'aoife',
    language: 'en',
    title: 'Lost phone: SIM blocked and replacement sent the next day',
    body: `My phone was stolen on a night out. I rang Velanet's lost-and-stolen line the next morning, waited about ten minutes, and they blocked the SIM straight away.

The replacement SIM was supposed to come within five working days; I asked here whether it could be faster because I need the number for work. A day later they replied that they had sent it by courier, and it arrived the following morning. They also kept my number and my plan exactly as before.`,
    category: 'other',
    daysAgo: 35,
    experienceDaysBefore: 1,
    channels: [{ channel: 'phone_tollfree', waitMinutes: 10 }],
    messages: [
      {
        by: 'company',
        afterHours: 28,
        body: `Hi, your replacement SIM has gone out by courier today and should reach you tomorrow morning. Your number and plan are unchanged.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'velanet',
    author: 'liam',
    language: 'en',
    title: 'Early termination fee charged after the contract had ended',
    body: `My 24-month contract ended in September and I moved to another provider in October. My final bill charged a €95 "early termination fee".

I sent the contract start date and the final bill through the web form. Two days later the reply said the contract had been "renewed automatically" when I changed plans a year ago. I was never told a plan change restarted the contract, and the confirmation e-mail of that change says nothing about it.`,
    category: 'cancellation',
    daysAgo: 16,
    experienceDaysBefore: 5,
    channels: [{ channel: 'web_form', waitMinutes: 3000 }],
    messages: [
      {
        by: 'company',
        afterHours: 50,
        body: `Hi, a plan change restarts the 24-month minimum term, as stated in our terms. The early termination fee therefore applies.`,
      },
      {
        by: 'consumer',
        afterHours: 60,
        body: `Your confirmation e-mail of the plan change does not say so. I will take this to ComReg.`,
      },
    ],
    verdict: { afterHours: 200, resolved: false, wouldBuyAgain: false, rating: 1 },
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

  {
    company: 'rotte-chiare',
    author: 'matteo',
    language: 'it',
    title: 'Volo spostato di dieci ore, rimborso negato perché “il cambio è della compagnia”',
    body: `Avevo prenotato con Rotte Chiare un volo per Lisbona per un weekend. Due settimane prima la compagnia ha spostato il volo di dieci ore, facendomi perdere la prima notte d'albergo. Ho chiesto all'agenzia il rimborso del volo, come previsto per i cambi di orario importanti.

La chat mi ha detto di scrivere una mail, la mail ha avuto una risposta automatica. Dopo cinque giorni un operatore mi ha scritto che l'agenzia "non è responsabile dei cambi operativi" e che potevo rivolgermi alla compagnia aerea, che a sua volta mi rimanda all'agenzia.`,
    category: 'refund',
    daysAgo: 280,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'chat', waitMinutes: 30 },
      { channel: 'email', waitMinutes: 7200 },
    ],
    orderReference: 'RC-PNR-K7T2LM',
    messages: [
      {
        by: 'company',
        afterHours: 120,
        body: `Gentile cliente, le modifiche operative sono di competenza del vettore. Può presentare richiesta di rimborso direttamente alla compagnia aerea.`,
      },
      {
        by: 'consumer',
        afterHours: 130,
        body: `La compagnia dice che il biglietto è stato emesso da voi e che la richiesta deve passare dall'agenzia. Chi se ne occupa, allora?`,
      },
    ],
    verdict: { afterHours: 400, resolved: false, wouldBuyAgain: false, rating: 1, comment: 'Rimpallo tra agenzia e compagnia, rimborso mai arrivato.' },
  },
  {
    company: 'rotte-chiare',
    author: 'james',
    language: 'en',
    title: 'Hotel overcharged in Sicily, the agency paid the difference back',
    body: `I booked a hotel in Syracuse through Rotte Chiare, prepaid at €540 for four nights. At check-out the hotel charged me again a "city tax and service fee" of €96, which the booking said was already included.

I wrote to the agency from the hotel lobby with a photo of the receipt. The answer took almost four days, but it was the right one: they had contacted the hotel, which admitted the mistake, and the agency refunded the €96 directly to my card.

Slow, but they did their job as an agent.`,
    category: 'billing',
    daysAgo: 240,
    experienceDaysBefore: 1,
    channels: [{ channel: 'email', waitMinutes: 5400 }],
    orderReference: 'RC-HT-558102',
    messages: [
      {
        by: 'company',
        afterHours: 90,
        body: `Dear customer, the hotel has confirmed the fee was charged in error. We have refunded €96 to your card.`,
      },
    ],
    verdict: { afterHours: 150, resolved: true, wouldBuyAgain: true, rating: 3 },
  },
  {
    company: 'rotte-chiare',
    author: 'stefano',
    language: 'it',
    title: 'Assicurazione annullamento pagata, richiesta di rimborso senza risposta',
    body: `Ho annullato un pacchetto per Creta perché mio padre è stato ricoverato tre giorni prima della partenza. Avevo pagato l'assicurazione annullamento proposta dall'agenzia (64 €), proprio per casi come questo.

Ho mandato il certificato del ricovero e il modulo di richiesta via mail e via PEC, come indicato nelle condizioni. Poi ho chiamato il numero a pagamento: dopo mezz'ora di attesa mi hanno detto che la pratica "è in lavorazione". Da allora nessuna risposta scritta, e il pacchetto valeva 1.380 €.`,
    category: 'refund',
    daysAgo: 160,
    experienceDaysBefore: 30,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'letter', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: 30 },
    ],
    orderReference: 'RC-PK-337811',
    messages: [],
  },
  {
    company: 'rotte-chiare',
    author: 'valentina',
    language: 'it',
    title: 'Trasferimento dall’aeroporto mai arrivato, taxi a mie spese',
    body: `Nel pacchetto per Tenerife era compreso il trasferimento dall'aeroporto all'hotel. All'arrivo, alle undici di sera, non c'era nessuno, e il numero di emergenza dell'agenzia indicato sul voucher non rispondeva.

Abbiamo preso un taxi, 68 €, con due bambini stanchi. Al rientro ho chiesto il rimborso con la ricevuta del taxi. La risposta è arrivata dopo sei giorni: il transfer sarebbe stato "regolarmente presente" e il rimborso non è dovuto. Nessuna prova, nessuna foto.`,
    category: 'refund',
    daysAgo: 100,
    experienceDaysBefore: 8,
    channels: [
      { channel: 'phone_paid', waitMinutes: null },
      { channel: 'email', waitMinutes: 8640 },
    ],
    orderReference: 'RC-PK-401276',
    messages: [
      {
        by: 'company',
        afterHours: 150,
        body: `Gentile cliente, il fornitore del servizio conferma che il transfer era presente all'orario previsto. Non è quindi previsto alcun rimborso.`,
      },
      {
        by: 'consumer',
        afterHours: 160,
        body: `Eravamo lì, non c'era nessuno. Il vostro numero di emergenza non rispondeva: avete il registro delle chiamate?`,
      },
    ],
    verdict: { afterHours: 350, resolved: false, wouldBuyAgain: false, rating: 1 },
  },
  {
    company: 'rotte-chiare',
    author: 'anna',
    language: 'it',
    title: 'Cambio data del volo: penale diversa da quella indicata sul sito',
    body: `Sul sito, per la tariffa che avevo scelto, il cambio data costava 40 € più l'eventuale differenza di prezzo. Quando ho chiesto il cambio per un volo per Parigi, l'agenzia mi ha chiesto 40 € di penale, la differenza e altri 35 € di "diritti di agenzia".

Ho chiesto spiegazioni per mail. La risposta è arrivata dopo due giorni e mezzo: i diritti di agenzia sono nelle condizioni generali, al punto 14. Li ho trovati, ma nella pagina della tariffa non sono indicati. Ho pagato per non perdere il volo.`,
    category: 'billing',
    daysAgo: 70,
    experienceDaysBefore: 3,
    channels: [{ channel: 'email', waitMinutes: 3600 }],
    messages: [
      {
        by: 'company',
        afterHours: 60,
        body: `Gentile cliente, i diritti di agenzia per le modifiche sono indicati al punto 14 delle condizioni generali, accettate al momento della prenotazione.`,
      },
    ],
    verdict: { afterHours: 200, resolved: false, wouldBuyAgain: false, rating: 2, comment: 'Formalmente in regola, ma il costo vero non si vede dove si sceglie la tariffa.' },
  },
  {
    company: 'rotte-chiare',
    author: 'giorgio',
    language: 'it',
    title: 'Nome sbagliato sul biglietto corretto gratis, dopo quattro giorni di attesa',
    body: `Prenotando un volo per Bari per mia figlia ho invertito nome e cognome. Me ne sono accorto subito e ho scritto all'agenzia lo stesso giorno, con tre settimane di anticipo sulla partenza.

La risposta è arrivata dopo quattro giorni, durante i quali ho chiamato due volte il numero a pagamento senza riuscire a parlare con nessuno. Alla fine la correzione l'hanno fatta senza costi, e il biglietto nuovo era giusto.

Bene il risultato, ma quattro giorni per una correzione sono tanti.`,
    category: 'other',
    daysAgo: 27,
    experienceDaysBefore: 1,
    channels: [
      { channel: 'email', waitMinutes: 5760 },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 100,
        body: `Gentile cliente, abbiamo corretto l'ordine di nome e cognome sul biglietto senza costi. Trova il nuovo biglietto nella sua area riservata.`,
      },
    ],
    verdict: { afterHours: 120, resolved: true, wouldBuyAgain: false, rating: 3 },
  },
  {
    company: 'rotte-chiare',
    author: 'rachel',
    language: 'en',
    title: 'Paid for seat selection, seats not assigned at check-in',
    body: `I paid Rotte Chiare €48 for seat selection for two of us on a flight to Athens, so that we would sit together. At online check-in the airline had no seats recorded for us and placed us twenty rows apart.

I wrote to the agency the same evening with the booking confirmation that shows the seat fee, and asked for a refund of the €48. I also used the chat, which gave me a ticket number and nothing else.`,
    category: 'refund',
    daysAgo: 9,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'email', waitMinutes: null },
      { channel: 'chat', waitMinutes: 25 },
    ],
    orderReference: 'RC-PNR-Q4D8XZ',
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

  {
    company: 'lucesana',
    author: 'giorgio',
    language: 'it',
    title: 'Voltura del contatore dopo il trasloco: fatta in una settimana',
    body: `Nella casa nuova il contratto della luce era ancora intestato al proprietario precedente, che non rispondeva più al telefono. Avevo paura di restare senza corrente.

Ho chiesto la voltura dall'area clienti di Lucesana e, non vedendo conferme dopo tre giorni, ho scritto qui. Il giorno dopo mi ha risposto un'operatrice che mi ha chiesto solo il verbale di consegna delle chiavi e la lettura del contatore. La voltura è stata fatta in una settimana senza interruzioni.

Le spese erano quelle indicate sul sito, senza sorprese.`,
    category: 'other',
    daysAgo: 330,
    experienceDaysBefore: 4,
    channels: [{ channel: 'web_form', waitMinutes: null }],
    messages: [
      {
        by: 'company',
        afterHours: 20,
        body: `Buongiorno, ci mandi il verbale di consegna delle chiavi e la lettura del contatore: con questi completiamo la voltura entro una settimana, senza interruzioni della fornitura.`,
      },
      {
        by: 'consumer',
        afterHours: 24,
        body: `Inviati dal modulo dell'area clienti. Grazie.`,
      },
    ],
    verdict: { afterHours: 200, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'lucesana',
    author: 'matteo',
    language: 'it',
    title: 'Bolletta del gas raddoppiata per una lettura sbagliata, ricalcolata',
    body: `La bolletta del gas di febbraio era di 312 €, contro i 150 € circa degli anni precedenti. Controllando il contatore ho visto che la lettura usata era più alta di quella reale di quasi 200 metri cubi.

Ho mandato la foto del contatore con data e ora dall'app e ho chiamato il numero verde, dove dopo cinque minuti mi hanno detto di aspettare la verifica. La risposta scritta è arrivata dopo mezza giornata: lettura del distributore errata, bolletta annullata e riemessa a 158 €.`,
    category: 'billing',
    daysAgo: 270,
    experienceDaysBefore: 5,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 5 },
      { channel: 'web_form', waitMinutes: 720 },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 12,
        body: `Buongiorno, la lettura del distributore era errata. Abbiamo annullato la bolletta e la riemetteremo con la sua autolettura: nuovo importo 158 €.`,
      },
    ],
    verdict: { afterHours: 100, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'lucesana',
    author: 'anna',
    language: 'it',
    title: 'Rateizzazione del conguaglio concessa senza interessi',
    body: `Dopo un inverno freddo mi è arrivato un conguaglio del gas di 480 €, corretto, ma difficile da pagare in un'unica soluzione. Il sito parla di rateizzazione "su richiesta", senza dire come chiederla.

Ho scritto dal modulo contatti. La risposta è arrivata il giorno dopo, poco più di un giorno: sei rate mensili senza interessi, addebitate insieme alle bollette normali, e un riepilogo chiaro delle scadenze.

Non sempre un fornitore ti tratta come una persona.`,
    category: 'billing',
    daysAgo: 200,
    experienceDaysBefore: 2,
    channels: [{ channel: 'web_form', waitMinutes: 1800 }],
    messages: [
      {
        by: 'company',
        afterHours: 30,
        body: `Buongiorno, le abbiamo attivato la rateizzazione in sei rate mensili senza interessi. Trova il piano delle scadenze nell'area clienti.`,
      },
    ],
    verdict: { afterHours: 60, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'lucesana',
    author: 'sophie',
    language: 'en',
    title: 'Green tariff promised, standard tariff billed for five months',
    body: `I live in Turin and signed up for Lucesana's "100% renewable" electricity tariff, which was the reason I chose them. After five months I noticed that every bill shows the standard tariff, with a slightly lower price but no green certificate.

I wrote to customer service in English. The answer came the next day, in English, and admitted the contract had been loaded with the wrong code. They switched it from the next bill, but said they could not backdate the certificates for the past five months.`,
    category: 'billing',
    daysAgo: 130,
    experienceDaysBefore: 5,
    channels: [{ channel: 'email', waitMinutes: 1320 }],
    messages: [
      {
        by: 'company',
        afterHours: 22,
        body: `Hello, your contract was loaded with the wrong tariff code. It is corrected from the next bill; unfortunately guarantees of origin cannot be issued retroactively.`,
      },
      {
        by: 'consumer',
        afterHours: 30,
        body: `So for five months I did not get what I signed up for. Disappointing.`,
      },
    ],
    verdict: { afterHours: 90, resolved: false, wouldBuyAgain: false, rating: 2 },
  },
  {
    company: 'lucesana',
    author: 'stefano',
    language: 'it',
    title: 'Domiciliazione bancaria non attivata, bollettino con mora annullato',
    body: `Avevo attivato la domiciliazione bancaria al momento del contratto, ma la prima bolletta è arrivata come bollettino da pagare, e il sollecito successivo già con 8 € di interessi di mora.

Ho scritto dall'app con il modulo di adesione firmato. In mattinata mi hanno risposto che la richiesta non era stata inoltrata alla mia banca per un errore loro: hanno annullato la mora e attivato la domiciliazione dalla bolletta seguente.

Chiaro e veloce.`,
    category: 'billing',
    daysAgo: 60,
    experienceDaysBefore: 3,
    channels: [{ channel: 'web_form', waitMinutes: 540 }],
    messages: [
      {
        by: 'company',
        afterHours: 9,
        body: `Buongiorno, l'errore è nostro: la richiesta di domiciliazione non era stata inviata. La mora è annullata e l'addebito diretto partirà dalla prossima bolletta.`,
      },
    ],
    verdict: { afterHours: 50, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'lucesana',
    author: 'federico',
    language: 'it',
    title: 'Potenza del contatore aumentata: preventivo chiaro e lavoro nei tempi',
    body: `Con il piano a induzione mi serviva aumentare la potenza del contatore da 3 a 4,5 kW. Ho chiesto un preventivo dall'area clienti e, non avendo risposta dopo una settimana, ho scritto qui.

La risposta è arrivata in quattordici ore con il preventivo dettagliato, voce per voce, e la data dell'intervento del distributore. Il lavoro è stato fatto il giorno indicato e il costo in bolletta era esattamente quello del preventivo.`,
    category: 'installation',
    daysAgo: 42,
    experienceDaysBefore: 8,
    channels: [{ channel: 'web_form', waitMinutes: null }],
    messages: [
      {
        by: 'company',
        afterHours: 14,
        body: `Buongiorno, ci scusiamo per l'attesa. Le abbiamo inviato il preventivo per l'aumento a 4,5 kW e l'intervento del distributore è fissato per il 12.`,
      },
    ],
    verdict: { afterHours: 260, resolved: true, wouldBuyAgain: true, rating: 4 },
  },
  {
    company: 'lucesana',
    author: 'ilaria',
    language: 'it',
    title: 'Email di phishing a nome Lucesana: risposta rapida e utile',
    body: `Ho ricevuto una mail con il logo Lucesana che chiedeva di "aggiornare i dati di pagamento" entro 24 ore per evitare il distacco. Il link portava a un sito che non era il loro. Non ho inserito niente, ma volevo essere sicura che il mio contratto fosse a posto.

Ho scritto all'assistenza dal modulo ufficiale. Mi hanno risposto in cinque ore confermando che era una truffa, che i miei pagamenti erano regolari e che avevano segnalato il sito. Hanno anche pubblicato un avviso nell'area clienti.`,
    category: 'account_access',
    daysAgo: 15,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: 300 }],
    messages: [
      {
        by: 'company',
        afterHours: 5,
        body: `Buongiorno, la mail non è nostra: è un tentativo di truffa, che abbiamo segnalato. Il suo contratto e i suoi pagamenti sono regolari.`,
      },
    ],
    verdict: { afterHours: 30, resolved: true, wouldBuyAgain: true, rating: 5 },
  },
  {
    company: 'lucesana',
    author: 'martina',
    language: 'it',
    title: 'Bonus per il cambio fornitore non applicato in bolletta',
    body: `Passando a Lucesana mi era stato promesso un bonus di benvenuto di 50 € sulla prima bolletta della luce, confermato nella mail di attivazione. La prima bolletta è arrivata ieri e il bonus non c'è.

Ho scritto dall'area clienti allegando la mail di attivazione con il codice promozionale. Non ho ancora ricevuto risposta, ma è passato solo un giorno; pubblico qui per tenerne traccia.`,
    category: 'billing',
    daysAgo: 2,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: null }],
    messages: [],
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
  {
    company: 'swiftcrate',
    author: 'ben',
    language: 'en',
    title: 'Parcel left in the rain at the front gate, contents ruined',
    body: `A box of books I had ordered for a course (£86) was left by Swiftcrate outside my front gate, in the open, in heavy rain. The delivery photo even shows the puddle. Every book was swollen and unreadable.

I filed a damage claim online the same day with photos. Nothing for four days. Then a reply said the parcel was "delivered in line with the sender's instructions", although the sender confirms it asked for a signature. The seller eventually refunded me; Swiftcrate never did anything.`,
    category: 'delivery',
    daysAgo: 320,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'web_form', waitMinutes: 6000 },
      { channel: 'chat', waitMinutes: null },
    ],
    orderReference: 'SC-GB-70412209',
    messages: [
      {
        by: 'company',
        afterHours: 100,
        body: `Hello, our records show the parcel was delivered in line with the sender's instructions. We are unable to accept this claim.`,
      },
      {
        by: 'consumer',
        afterHours: 110,
        body: `The sender asked for a signature. Your own photo shows the box in a puddle outside the gate.`,
      },
    ],
    verdict: { afterHours: 300, resolved: false, wouldBuyAgain: false, rating: 1, comment: 'Claim refused on a claim the sender itself contradicts.' },
  },
  {
    company: 'swiftcrate',
    author: 'sophie',
    language: 'en',
    title: 'Redelivery booked on the website, finally done after a complaint',
    body: `I missed a delivery while at work and booked a Saturday redelivery on Swiftcrate's website. Saturday came and went; the tracking said "customer not available", although I had been home all day.

I wrote through the web form and tweeted at them. After two and a half days someone replied, apologised and booked a redelivery for the Monday evening, which actually happened. No explanation of what went wrong on the Saturday.

I got my parcel, but I had to chase for it.`,
    category: 'delivery',
    daysAgo: 210,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'web_form', waitMinutes: 3600 },
      { channel: 'social', waitMinutes: null },
    ],
    messages: [
      {
        by: 'company',
        afterHours: 60,
        body: `Apologies for the missed redelivery. We have booked a new delivery for Monday between 17:00 and 21:00.`,
      },
    ],
    verdict: { afterHours: 120, resolved: true, wouldBuyAgain: true, rating: 3 },
  },
  {
    company: 'swiftcrate',
    author: 'liam',
    language: 'en',
    title: 'Parcel from the UK to Dublin charged import fees twice',
    body: `A jacket sent to me in Dublin from a UK shop was held by Swiftcrate until I paid €38 of import VAT and handling online. I paid the same day. Two days later the driver demanded the same fees again at the door, saying the online payment "had not come through".

I paid again to get the jacket, and then sent both receipts through the web form and by e-mail, asking for one payment back. That was months ago. No answer, no refund, and the web form now says my ticket is "closed".`,
    category: 'billing',
    daysAgo: 120,
    experienceDaysBefore: 4,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'email', waitMinutes: null },
    ],
    orderReference: 'SC-IE-71866032',
    messages: [],
  },
  {
    company: 'swiftcrate',
    author: 'rachel',
    language: 'en',
    title: 'Parcel "delivered" to a pick-up shop that closed down last year',
    body: `My parcel was diverted to a pick-up point without asking me. When I went there, the shop had been closed for months, boarded up, with a "to let" sign. The tracking insists the parcel is waiting there.

I reported it in the chat (45 minutes before a person answered, then told to use the web form), then in the web form. The answer came after six days and asked me to "collect the parcel from the pick-up point".`,
    category: 'delivery',
    daysAgo: 80,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'chat', waitMinutes: 45 },
      { channel: 'web_form', waitMinutes: 8640 },
    ],
    orderReference: 'SC-GB-72390114',
    messages: [
      {
        by: 'company',
        afterHours: 150,
        body: `Hello, your parcel is available for collection at the pick-up point shown in your tracking.`,
      },
      {
        by: 'consumer',
        afterHours: 160,
        body: `That shop closed last year. Please read my message — where is my parcel?`,
      },
    ],
    verdict: { afterHours: 500, resolved: false, wouldBuyAgain: false, rating: 1 },
  },
  {
    company: 'swiftcrate',
    author: 'owen',
    language: 'en',
    title: 'Compensation for a lost parcel paid, at a fraction of its value',
    body: `Swiftcrate lost a parcel I sent to my brother with a camera lens in it (£240). I had paid for their "protected" service, which covers up to £300.

After a week of chasing, I posted here. The first reply came after a day and a half asking for proof of value, which I sent within the hour. Three weeks later they paid £50, saying that lenses are "fragile items" and only covered up to that amount, a rule I can find nowhere on the booking page.`,
    category: 'refund',
    daysAgo: 50,
    experienceDaysBefore: 10,
    channels: [
      { channel: 'web_form', waitMinutes: 10080 },
      { channel: 'phone_paid', waitMinutes: 30 },
    ],
    orderReference: 'SC-GB-72811550',
    messages: [
      {
        by: 'company',
        afterHours: 40,
        body: `Hello, please send proof of the value of the contents so that we can assess your claim.`,
      },
      {
        by: 'consumer',
        afterHours: 41,
        body: `Receipt attached to my claim. The lens cost £240.`,
      },
      {
        by: 'company',
        afterHours: 500,
        body: `Your claim has been settled at £50, the cover limit for fragile items.`,
      },
    ],
    verdict: { afterHours: 520, resolved: true, wouldBuyAgain: false, rating: 2, comment: 'Paid, but a fifth of the value under a rule nobody showed me.' },
  },
  {
    company: 'swiftcrate',
    author: 'james',
    language: 'en',
    title: 'Driver left a sofa cushion parcel at the wrong house, recovered after a week',
    body: `A large, soft parcel with replacement sofa cushions was marked as delivered with a photo of a door that is not mine. I did not recognise the door, and the neighbours had not seen it.

I used the chat and the web form. It took almost four days for an answer, which asked the driver to go back and recover it. He did, a week after the first delivery, and the parcel was handed to me intact.

The parcel is fine, but it took a lot of messages.`,
    category: 'delivery',
    daysAgo: 24,
    experienceDaysBefore: 2,
    channels: [
      { channel: 'chat', waitMinutes: 40 },
      { channel: 'web_form', waitMinutes: 5400 },
    ],
    orderReference: 'SC-GB-73304871',
    messages: [
      {
        by: 'company',
        afterHours: 90,
        body: `We have asked the driver to recover the parcel from the address where it was left and redeliver it to you.`,
      },
    ],
    verdict: { afterHours: 170, resolved: true, wouldBuyAgain: false, rating: 2 },
  },
  {
    company: 'swiftcrate',
    author: 'claire',
    language: 'en',
    title: 'Collection booked and paid, driver never came',
    body: `I booked and paid £9.40 for a Swiftcrate collection to return a pair of boots, on a day I took off work to wait for it. Nobody came, and in the evening the booking changed to "collection failed — no access".

There is no access problem at my address; it is a house on a normal street. I have written through the web form asking for the fee back or a new collection.`,
    category: 'refund',
    daysAgo: 5,
    experienceDaysBefore: 1,
    channels: [{ channel: 'web_form', waitMinutes: null }],
    messages: [],
  },

  // A small shop selling through a large marketplace: both levels of support answer (issue 17).
  {
    company: 'bottega-telaio',
    author: 'martina',
    language: 'it',
    title: 'Stampa su tela arrivata con l’angolo rotto, comprata tramite Piazzalunga',
    body: `Ho ordinato una stampa su tela 70×50 di Bottega del Telaio, ma l'ho comprata su Piazzalunga, dove il negozio vende come venditore terzo. Il pacco è arrivato con un angolo del telaio spezzato e la tela strappata per qualche centimetro.

Non sapevo a chi scrivere: la pagina dell'ordine su Piazzalunga rimanda al venditore, il sito del venditore dice di passare dal marketplace. Ho scritto a entrambi, con le foto del pacco e della stampa.

Per me il responsabile è il venditore, che ha imballato la tela: chiedo una stampa nuova oppure il rimborso.`,
    category: 'delivery',
    daysAgo: 40,
    experienceDaysBefore: 3,
    channels: [
      { channel: 'web_form', waitMinutes: 300 },
      { channel: 'email', waitMinutes: 1200 },
    ],
    orderReference: 'PZL-7730-1184',
    marketplace: { via: 'piazzalunga', responsible: 'seller' },
    messages: [
      {
        by: 'company',
        company: 'piazzalunga',
        afterHours: 5,
        body: `Buongiorno Martina, siamo l'assistenza di Piazzalunga. Abbiamo segnalato il caso al venditore e aperto la garanzia acquisti: se entro 48 ore il venditore non risponde, il rimborso lo facciamo noi.`,
      },
      {
        by: 'consumer',
        afterHours: 8,
        body: `Grazie, aspetto la risposta del venditore: preferirei una stampa nuova.`,
      },
      {
        by: 'company',
        afterHours: 20,
        body: `Ciao Martina, ci dispiace molto: l'imballo non ha retto. Abbiamo già rimesso in stampa la tela e la spediamo domani con corriere espresso, in una cassa rinforzata. Non serve rendere quella rovinata.`,
      },
    ],
    verdict: { afterHours: 96, resolved: true, wouldBuyAgain: true, rating: 5, comment: 'Nuova stampa arrivata perfetta in tre giorni. Bene anche il marketplace, che ha risposto subito.' },
  },

  // A telco that lets the reply deadline pass: the story page shows ConciliaWeb (issue 17).
  {
    company: 'aurora-fibra',
    author: 'hannah',
    language: 'en',
    title: 'Billed for a fibre line that was never installed',
    body: `I moved to Bologna in the summer and signed up with Aurora Fibra for a fibre line at the new flat. The technician's appointment was cancelled twice by text message, and the third time nobody came at all. The line was never installed.

Even so, two bills have arrived, each for a full month of service, plus an "activation fee". I have no connection and I use my phone as a hotspot.

I wrote through the web form and called the paid number twice; the form sent back an automatic ticket number and the phone line dropped me after forty minutes on hold. I am asking them to cancel both bills and the contract, with no exit fee.`,
    category: 'billing',
    daysAgo: 9,
    experienceDaysBefore: 20,
    channels: [
      { channel: 'web_form', waitMinutes: null },
      { channel: 'phone_paid', waitMinutes: null },
    ],
    orderReference: 'AF-2026-118842',
    messages: [],
  },
];
