// The formal complaint letter generated from a story (issue 17): Italian or English whatever the
// page's language, to send by PEC or registered mail. Pure: the page and the plain-text download
// both render what this returns. Private data goes in only when the caller passes it (the
// author's name and order reference, for the author alone); everyone else gets placeholders.
import type { Channel, Locale } from './vocabulary.ts';

export interface LetterInput {
  company: { name: string; /** Postal address or PEC when the directory knows it. */ address: string | null };
  story: {
    id: number;
    title: string;
    /** Markdown, as stored (already masked of personal data). */
    body: string;
    /** 'YYYY-MM-DD' */
    experienceDate: string;
    publishedAt: number;
    replyDueAt: number;
    firstReplyAt: number | null;
    channels: readonly { channel: Channel; waitMinutes: number | null; answered: boolean }[];
  };
  /** The author's own details: only for the author; null → placeholders. */
  sender: { name: string; orderReference: string | null } | null;
  /** Absolute address of the public story page. */
  storyUrl: string;
  /** The day the letter is written (epoch ms). */
  now: number;
}

export interface ComplaintLetter {
  locale: Locale;
  subject: string;
  /** Sender block lines (name, address placeholders). */
  from: string[];
  /** Recipient block lines. */
  to: string[];
  date: string;
  /** Paragraphs of the body, in order, then the closing and signature. */
  paragraphs: string[];
  /** A note for the sender (how to send it), not part of the letter. */
  sendingNote: string;
}

const channelNames: Record<Locale, Record<Channel, string>> = {
  it: {
    phone_tollfree: 'numero verde',
    phone_paid: 'numero telefonico a pagamento',
    email: 'e-mail',
    chat: 'chat',
    web_form: 'modulo sul sito',
    social: 'social network',
    store: 'negozio',
    letter: 'lettera',
  },
  en: {
    phone_tollfree: 'free phone line',
    phone_paid: 'paid phone line',
    email: 'e-mail',
    chat: 'chat',
    web_form: 'web form',
    social: 'social media',
    store: 'shop',
    letter: 'letter',
  },
};

const words = {
  it: {
    name: '[Nome e cognome]',
    address: '[Indirizzo]',
    pecOrMail: '[PEC o e-mail]',
    companyAddress: '[Indirizzo della sede o PEC dell’azienda]',
    orderRef: '[numero d’ordine o di contratto]',
    subject: (title: string) => `Reclamo formale – ${title}`,
    to: 'Spett.le',
    intro: (name: string, ref: string, date: string) =>
      `Il/La sottoscritto/a ${name}, cliente con riferimento ${ref}, presenta con la presente un reclamo formale per quanto accaduto a partire dal ${date}.`,
    facts: 'I fatti:',
    tried: (list: string) => `Ho cercato di contattarvi attraverso: ${list}.`,
    noChannels: 'Non ho trovato un canale di assistenza che rispondesse.',
    published: (date: string, due: string) =>
      `Il ${date} ho descritto il problema pubblicamente su Answerable; il termine per una vostra risposta è scaduto il ${due} senza risposta.`,
    publishedReplied: (date: string, replied: string) =>
      `Il ${date} ho descritto il problema pubblicamente su Answerable; la vostra prima risposta è arrivata il ${replied}, ma il problema non è risolto.`,
    ask: 'Vi chiedo di risolvere il problema e di rispondermi per iscritto entro 30 giorni dal ricevimento di questa lettera, indicando che cosa intendete fare.',
    escalate: 'In mancanza di una risposta mi riservo di rivolgermi agli organismi di risoluzione stragiudiziale competenti.',
    link: (url: string) => `La descrizione completa e pubblica è disponibile qui: ${url}`,
    closing: 'Distinti saluti,',
    signature: '[Firma]',
    answered: (minutes: string) => `risposta dopo ${minutes}`,
    neverAnswered: 'nessuna risposta',
    sendingNote:
      'Invia questa lettera con PEC (posta elettronica certificata) o con raccomandata con ricevuta di ritorno, e conserva la ricevuta. Questa lettera è un modello: non è una consulenza legale.',
  },
  en: {
    name: '[Full name]',
    address: '[Address]',
    pecOrMail: '[E-mail]',
    companyAddress: '[Company’s registered address or PEC]',
    orderRef: '[order or contract number]',
    subject: (title: string) => `Formal complaint – ${title}`,
    to: 'To',
    intro: (name: string, ref: string, date: string) =>
      `I, ${name}, a customer with reference ${ref}, am writing to make a formal complaint about what has happened since ${date}.`,
    facts: 'The facts:',
    tried: (list: string) => `I tried to reach you through: ${list}.`,
    noChannels: 'I found no support channel that answered.',
    published: (date: string, due: string) =>
      `On ${date} I described the problem publicly on Answerable; the deadline for your reply passed on ${due} without a reply.`,
    publishedReplied: (date: string, replied: string) =>
      `On ${date} I described the problem publicly on Answerable; your first reply came on ${replied}, but the problem is not solved.`,
    ask: 'I ask you to solve the problem and to answer me in writing within 30 days of receiving this letter, saying what you will do.',
    escalate: 'Without an answer I reserve the right to turn to the competent out-of-court dispute resolution bodies.',
    link: (url: string) => `The full public description is here: ${url}`,
    closing: 'Yours faithfully,',
    signature: '[Signature]',
    answered: (minutes: string) => `answered after ${minutes}`,
    neverAnswered: 'no answer',
    sendingNote:
      'Send this letter by PEC (certified e-mail, in Italy) or by registered mail with proof of delivery, and keep the receipt. This letter is a template: it is not legal advice.',
  },
} as const;

function formatDay(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
}

function formatWait(locale: Locale, minutes: number): string {
  if (minutes < 60) return locale === 'it' ? `${minutes} min` : `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return locale === 'it' ? `${Math.round(hours)} ore` : `${Math.round(hours)} hours`;
  const days = Math.round(hours / 24);
  return locale === 'it' ? `${days} giorni` : `${days} days`;
}

/** Markdown to plain prose for a letter: no markup, links as their text, one space between words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Composes the letter in `locale` from the story's facts. */
export function composeComplaintLetter(input: LetterInput, locale: Locale): ComplaintLetter {
  const w = words[locale];
  const name = input.sender?.name.trim() || w.name;
  const ref = input.sender?.orderReference?.trim() || w.orderRef;
  const experience = formatDay(locale, Date.parse(`${input.story.experienceDate}T00:00:00Z`));
  const channels = input.story.channels.map((c) => {
    const how = c.answered ? (c.waitMinutes === null ? '' : ` (${w.answered(formatWait(locale, c.waitMinutes))})`) : ` (${w.neverAnswered})`;
    return `${channelNames[locale][c.channel]}${how}`;
  });
  const paragraphs = [
    w.intro(name, ref, experience),
    `${w.facts} ${input.story.title.trim()}`,
    ...plainText(input.story.body).split(/\n\s*\n/).map((p) => p.replace(/\n/g, ' ').trim()).filter((p) => p !== ''),
    channels.length > 0 ? w.tried(channels.join('; ')) : w.noChannels,
    input.story.firstReplyAt === null
      ? w.published(formatDay(locale, input.story.publishedAt), formatDay(locale, input.story.replyDueAt))
      : w.publishedReplied(formatDay(locale, input.story.publishedAt), formatDay(locale, input.story.firstReplyAt)),
    w.ask,
    w.escalate,
    w.link(input.storyUrl),
    w.closing,
    input.sender ? name : w.name,
    w.signature,
  ];
  return {
    locale,
    subject: w.subject(input.story.title.trim()),
    from: [name, w.address, w.pecOrMail],
    to: [w.to, input.company.name, input.company.address?.trim() || w.companyAddress],
    date: formatDay(locale, input.now),
    paragraphs,
    sendingNote: w.sendingNote,
  };
}

/** The letter as plain text (the download): sender, recipient, date, subject, body. */
export function letterText(letter: ComplaintLetter): string {
  const subjectLabel = letter.locale === 'it' ? 'Oggetto' : 'Subject';
  return [...letter.from, '', ...letter.to, '', letter.date, '', `${subjectLabel}: ${letter.subject}`, '', ...letter.paragraphs.flatMap((p) => [p, '']), '---', letter.sendingNote, ''].join('\n');
}
