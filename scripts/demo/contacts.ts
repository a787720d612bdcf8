// Demo contact directories (issue 17, decision 0042), written by us. The numbers are made up
// (UK ones from Ofcom's ranges reserved for drama; Italian ones are placeholders like 800 123 456).
// Among them: a toll-free number withdrawn and replaced by a form, a florist reachable only on a
// premium 199 line, an energy company that withdrew its 199 line for a toll-free one, phone menu
// paths to a person, PEC and postal addresses for the Italian companies (fictional), English
// addresses for the UK and Irish ones, and fake "customer service" social pages.
// Every demo company has a directory of its own (decision 0050).
// Loaded by scripts/seed.ts after the stories; stories' channels are linked to these contacts.
import type { DB } from '../../src/db/client.ts';
import { insertContact, insertContactEvent, updateContact } from '../../src/db/contact.repository.ts';
import { normalizeContact, type ChangeKind, type ContactKind } from '../../src/domain/contacts.ts';
import { DAY_MS } from '../../src/domain/clocks.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';

export interface DemoContact {
  company: string;
  /** To name it as a parent (menu path) or a replacement. */
  key?: string;
  kind: ContactKind;
  value: string;
  label?: string;
  hours?: string;
  source: 'company' | 'consumer' | 'moderator';
  official?: boolean;
  status?: 'active' | 'pending' | 'withdrawn' | 'fake';
  addedDaysAgo: number;
  confirmedDaysAgo?: number;
  parent?: string;
  withdrawn?: { daysAgo: number; reason: ChangeKind; replacedBy?: string; reports: number };
  /** Consumers' reports (counted on the page): for a fake, how many people said so. */
  reports?: number;
  /** Story channels of this company that used it (the seed links them). */
  channels?: Channel[];
}

export const demoContacts: DemoContact[] = [
  // FioriVeloci: chat and e-mail never answer; the only way to a person is a premium 199 line.
  { company: 'fioriveloci', key: 'fv-199', kind: 'phone', value: '199 123 456', label: 'Servizio clienti', hours: 'lun–ven 9–18', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 40, channels: ['phone_paid'] },
  { company: 'fioriveloci', kind: 'menu_path', parent: 'fv-199', value: '3 0', source: 'consumer', addedDaysAgo: 200, confirmedDaysAgo: 60, reports: 4 },
  { company: 'fioriveloci', kind: 'chat', value: 'https://www.fioriveloci.example/chat', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 120, channels: ['chat'] },
  { company: 'fioriveloci', kind: 'email', value: 'ordini@fioriveloci.example', source: 'consumer', addedDaysAgo: 300, confirmedDaysAgo: 90, reports: 5, channels: ['email'] },
  { company: 'fioriveloci', kind: 'pec', value: 'fioriveloci@pec.example', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 120, channels: ['letter'] },
  { company: 'fioriveloci', kind: 'postal', value: 'FioriVeloci S.r.l., Via delle Rose 7, 20121 Milano', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 120 },
  { company: 'fioriveloci', kind: 'social', value: 'https://social.example/fioriveloci-assistenza-clienti', source: 'consumer', status: 'fake', addedDaysAgo: 80, reports: 12 },
  // Aurora Fibra: the toll-free number was withdrawn and replaced by a web form; a landline with a menu path.
  { company: 'aurora-fibra', key: 'af-form', kind: 'web_form', value: 'https://www.aurorafibra.example/assistenza/modulo', source: 'company', official: true, addedDaysAgo: 140, confirmedDaysAgo: 20, channels: ['web_form'] },
  { company: 'aurora-fibra', kind: 'phone', value: '800 123 456', label: 'Numero verde assistenza', source: 'company', official: true, addedDaysAgo: 550, confirmedDaysAgo: 200, withdrawn: { daysAgo: 140, reason: 'form_only', replacedBy: 'af-form', reports: 6 }, channels: ['phone_tollfree'] },
  { company: 'aurora-fibra', key: 'af-02', kind: 'phone', value: '02 1234 5678', label: 'Assistenza tecnica', hours: 'tutti i giorni 8–22', source: 'consumer', addedDaysAgo: 130, confirmedDaysAgo: 15, reports: 7, channels: ['phone_paid'] },
  { company: 'aurora-fibra', kind: 'menu_path', parent: 'af-02', value: '2 4 0', source: 'consumer', addedDaysAgo: 120, confirmedDaysAgo: 10, reports: 5 },
  { company: 'aurora-fibra', kind: 'pec', value: 'reclami@pec.aurorafibra.example', source: 'company', official: true, addedDaysAgo: 550, confirmedDaysAgo: 200, channels: ['letter'] },
  { company: 'aurora-fibra', kind: 'postal', value: 'Aurora Fibra S.p.A., Ufficio Reclami, Via dell’Esempio 10, 20100 Milano', source: 'company', official: true, addedDaysAgo: 550, confirmedDaysAgo: 200 },
  // KestrelByte (UK): a free 0808 line and a premium 0909 "priority" line.
  { company: 'kestrelbyte', kind: 'phone', value: '0808 157 0192', label: 'Customer care', hours: 'Mon–Fri 8am–8pm', source: 'company', official: true, addedDaysAgo: 400, confirmedDaysAgo: 30, channels: ['phone_tollfree'] },
  { company: 'kestrelbyte', kind: 'phone', value: '0909 879 0123', label: 'Priority support', source: 'consumer', addedDaysAgo: 90, confirmedDaysAgo: 25, reports: 3, channels: ['phone_paid'] },
  { company: 'kestrelbyte', kind: 'email', value: 'help@kestrelbyte.example', source: 'company', official: true, addedDaysAgo: 400, confirmedDaysAgo: 30, channels: ['email'] },
  { company: 'kestrelbyte', kind: 'chat', value: 'https://www.kestrelbyte.example/support/chat', hours: 'Mon–Sat 9am–6pm', source: 'company', official: true, addedDaysAgo: 300, confirmedDaysAgo: 30, channels: ['chat'] },
  { company: 'kestrelbyte', kind: 'postal', value: 'Kestrelbyte Ltd, Customer Relations, Unit 4 Example Park, Leeds LS1 4AP', source: 'company', official: true, addedDaysAgo: 400, confirmedDaysAgo: 30, channels: ['letter'] },

  // Bottega del Telaio: a small shop; e-mail, form, PEC and its workshop's address.
  { company: 'bottega-telaio', kind: 'email', value: 'ordini@bottegadeltelaio.example', source: 'company', official: true, addedDaysAgo: 420, confirmedDaysAgo: 50, channels: ['email'] },
  { company: 'bottega-telaio', kind: 'web_form', value: 'https://www.bottegadeltelaio.example/contatti', source: 'company', official: true, addedDaysAgo: 420, confirmedDaysAgo: 50, channels: ['web_form'] },
  { company: 'bottega-telaio', kind: 'phone', value: '055 238 4410', label: 'Laboratorio', hours: 'mar–sab 10–13', source: 'consumer', addedDaysAgo: 200, confirmedDaysAgo: 70, reports: 3, channels: ['phone_paid'] },
  { company: 'bottega-telaio', kind: 'pec', value: 'bottegadeltelaio@pec.example', source: 'company', official: true, addedDaysAgo: 420, confirmedDaysAgo: 50 },
  { company: 'bottega-telaio', kind: 'postal', value: 'Bottega del Telaio S.n.c., Via dei Tessitori 14, 50122 Firenze', source: 'company', official: true, addedDaysAgo: 420, confirmedDaysAgo: 50, channels: ['letter'] },
  { company: 'bottega-telaio', kind: 'social', value: 'https://social.example/bottegadeltelaio', source: 'company', official: true, addedDaysAgo: 300, confirmedDaysAgo: 50, channels: ['social'] },

  // Piazzalunga (marketplace): the platform's own help centre and a shared-cost line; sellers answer on their own.
  { company: 'piazzalunga', kind: 'web_form', value: 'https://www.piazzalunga.example/aiuto/contattaci', label: 'Centro assistenza acquirenti', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 10, channels: ['web_form'] },
  { company: 'piazzalunga', kind: 'chat', value: 'https://www.piazzalunga.example/aiuto/chat', hours: 'tutti i giorni 8–20', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 10, channels: ['chat'] },
  { company: 'piazzalunga', key: 'pl-848', kind: 'phone', value: '848 800 420', label: 'Assistenza acquisti', hours: 'lun–ven 9–18', source: 'consumer', addedDaysAgo: 250, confirmedDaysAgo: 40, reports: 5, channels: ['phone_paid'] },
  { company: 'piazzalunga', kind: 'menu_path', parent: 'pl-848', value: '1 3 9', source: 'consumer', addedDaysAgo: 220, confirmedDaysAgo: 35, reports: 3 },
  { company: 'piazzalunga', kind: 'pec', value: 'piazzalunga@pec.example', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 100, channels: ['letter'] },
  { company: 'piazzalunga', kind: 'postal', value: 'Piazzalunga S.r.l., Ufficio Reclami, Corso Esempio 220, 10128 Torino', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 100 },
  { company: 'piazzalunga', kind: 'social', value: 'https://social.example/piazzalunga-rimborsi-veloci', source: 'consumer', status: 'fake', addedDaysAgo: 60, reports: 7 },

  // CorsaCasa (gym chain): cancellations only by registered letter or PEC; a mobile for the front desk.
  { company: 'corsacasa', kind: 'email', value: 'soci@corsacasa.example', source: 'company', official: true, addedDaysAgo: 380, confirmedDaysAgo: 60, channels: ['email'] },
  { company: 'corsacasa', kind: 'phone', value: '340 912 4471', label: 'Reception (WhatsApp e chiamate)', hours: 'lun–ven 7–22', source: 'consumer', addedDaysAgo: 150, confirmedDaysAgo: 30, reports: 4, channels: ['phone_paid'] },
  { company: 'corsacasa', kind: 'pec', value: 'disdette@pec.corsacasa.example', label: 'Disdette', source: 'company', official: true, addedDaysAgo: 380, confirmedDaysAgo: 60, channels: ['letter'] },
  { company: 'corsacasa', kind: 'postal', value: 'CorsaCasa S.s.d. a r.l., Via dello Sport 3, 40127 Bologna', source: 'company', official: true, addedDaysAgo: 380, confirmedDaysAgo: 60 },
  { company: 'corsacasa', kind: 'web_form', value: 'https://www.corsacasa.example/area-soci/richieste', source: 'company', official: true, addedDaysAgo: 200, confirmedDaysAgo: 60, channels: ['web_form'] },

  // Pacco Lesto (courier): tracking form, a premium 892 line, PEC.
  { company: 'pacco-lesto', kind: 'web_form', value: 'https://www.paccolesto.example/assistenza/spedizione', label: 'Richiesta su una spedizione', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 15, channels: ['web_form'] },
  { company: 'pacco-lesto', key: 'pk-892', kind: 'phone', value: '892 424', label: 'Servizio clienti', hours: 'lun–sab 8–20', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 15, channels: ['phone_paid'] },
  { company: 'pacco-lesto', kind: 'menu_path', parent: 'pk-892', value: '2 0', source: 'consumer', addedDaysAgo: 180, confirmedDaysAgo: 20, reports: 6 },
  { company: 'pacco-lesto', kind: 'email', value: 'clienti@paccolesto.example', source: 'consumer', addedDaysAgo: 300, confirmedDaysAgo: 100, reports: 3, channels: ['email'] },
  { company: 'pacco-lesto', kind: 'pec', value: 'paccolesto@pec.example', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 100, channels: ['letter'] },
  { company: 'pacco-lesto', kind: 'postal', value: 'Pacco Lesto S.p.A., Via della Logistica 8, 20090 Segrate (MI)', source: 'company', official: true, addedDaysAgo: 500, confirmedDaysAgo: 100 },

  // Voltaria Elettronica: toll-free number, chat, PEC.
  { company: 'voltaria', key: 'vo-800', kind: 'phone', value: '800 150 220', label: 'Assistenza post-vendita', hours: 'lun–ven 9–19', source: 'company', official: true, addedDaysAgo: 450, confirmedDaysAgo: 25, channels: ['phone_tollfree'] },
  { company: 'voltaria', kind: 'menu_path', parent: 'vo-800', value: '3 1', source: 'consumer', addedDaysAgo: 160, confirmedDaysAgo: 20, reports: 3 },
  { company: 'voltaria', kind: 'chat', value: 'https://www.voltaria.example/assistenza/chat', source: 'company', official: true, addedDaysAgo: 300, confirmedDaysAgo: 25, channels: ['chat'] },
  { company: 'voltaria', kind: 'email', value: 'assistenza@voltaria.example', source: 'company', official: true, addedDaysAgo: 450, confirmedDaysAgo: 25, channels: ['email'] },
  { company: 'voltaria', kind: 'pec', value: 'voltaria@pec.example', source: 'company', official: true, addedDaysAgo: 450, confirmedDaysAgo: 100, channels: ['letter'] },
  { company: 'voltaria', kind: 'postal', value: 'Voltaria Elettronica S.r.l., Via Galvani 21, 35127 Padova', source: 'company', official: true, addedDaysAgo: 450, confirmedDaysAgo: 100 },

  // Velanet Mobile (Irish telco): Freephone 1800, a national-rate 0818 line, a menu path, chat.
  { company: 'velanet', key: 've-1800', kind: 'phone', value: '1800 242 118', label: 'Customer care', hours: 'Mon–Sun 8am–10pm', source: 'company', official: true, addedDaysAgo: 520, confirmedDaysAgo: 12, channels: ['phone_tollfree'] },
  { company: 'velanet', kind: 'menu_path', parent: 've-1800', value: '2 2 0', source: 'consumer', addedDaysAgo: 200, confirmedDaysAgo: 18, reports: 5 },
  { company: 'velanet', key: 've-0818', kind: 'phone', value: '0818 300 412', label: 'Billing', hours: 'Mon–Fri 9am–6pm', source: 'company', official: true, addedDaysAgo: 520, confirmedDaysAgo: 12, channels: ['phone_paid'] },
  { company: 'velanet', kind: 'menu_path', parent: 've-0818', value: '4 1 0', source: 'consumer', addedDaysAgo: 120, confirmedDaysAgo: 30, reports: 4 },
  { company: 'velanet', kind: 'phone', value: '1550 123 456', label: 'Priority line', source: 'consumer', addedDaysAgo: 400, confirmedDaysAgo: 300, reports: 3, withdrawn: { daysAgo: 90, reason: 'gone', reports: 4 } },
  { company: 'velanet', kind: 'chat', value: 'https://www.velanet.example/help/chat', source: 'company', official: true, addedDaysAgo: 400, confirmedDaysAgo: 12, channels: ['chat'] },
  { company: 'velanet', kind: 'email', value: 'complaints@velanet.example', label: 'Complaints', source: 'company', official: true, addedDaysAgo: 520, confirmedDaysAgo: 60, channels: ['email'] },
  { company: 'velanet', kind: 'postal', value: 'Velanet Mobile Ltd, Complaints, 12 Example Quay, Dublin 2, D02 X285', source: 'company', official: true, addedDaysAgo: 520, confirmedDaysAgo: 60, channels: ['letter'] },

  // Rotte Chiare Viaggi (travel agency): landline in Rome, e-mail, PEC.
  { company: 'rotte-chiare', kind: 'phone', value: '06 8912 4470', label: 'Agenzia', hours: 'lun–ven 9:30–19, sab 10–13', source: 'company', official: true, addedDaysAgo: 480, confirmedDaysAgo: 45, channels: ['phone_paid'] },
  { company: 'rotte-chiare', kind: 'email', value: 'prenotazioni@rottechiare.example', source: 'company', official: true, addedDaysAgo: 480, confirmedDaysAgo: 45, channels: ['email'] },
  { company: 'rotte-chiare', kind: 'web_form', value: 'https://www.rottechiare.example/reclami', label: 'Reclami dopo il viaggio', source: 'company', official: true, addedDaysAgo: 300, confirmedDaysAgo: 45, channels: ['web_form'] },
  { company: 'rotte-chiare', kind: 'pec', value: 'rottechiare@pec.example', source: 'company', official: true, addedDaysAgo: 480, confirmedDaysAgo: 100, channels: ['letter'] },
  { company: 'rotte-chiare', kind: 'postal', value: 'Rotte Chiare Viaggi S.r.l., Via Esempio 45, 00185 Roma', source: 'company', official: true, addedDaysAgo: 480, confirmedDaysAgo: 100 },

  // Lucesana Energia: toll-free for customers, a mobile-friendly 02 number (menu path), the 199 line it replaced.
  { company: 'lucesana', key: 'ls-800', kind: 'phone', value: '800 661 122', label: 'Clienti domestici', hours: 'lun–sab 8–20', source: 'company', official: true, addedDaysAgo: 260, confirmedDaysAgo: 8, channels: ['phone_tollfree'] },
  { company: 'lucesana', kind: 'menu_path', parent: 'ls-800', value: '1 3 0', source: 'consumer', addedDaysAgo: 200, confirmedDaysAgo: 10, reports: 6 },
  { company: 'lucesana', kind: 'phone', value: '02 8736 1150', label: 'Da cellulare e dall’estero', hours: 'lun–sab 8–20', source: 'company', official: true, addedDaysAgo: 260, confirmedDaysAgo: 8, channels: ['phone_paid'] },
  { company: 'lucesana', kind: 'phone', value: '199 404 404', label: 'Vecchio servizio clienti', source: 'company', official: true, addedDaysAgo: 700, confirmedDaysAgo: 400, withdrawn: { daysAgo: 260, reason: 'gone', reports: 5 } },
  { company: 'lucesana', kind: 'email', value: 'clienti@lucesana.example', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 30, channels: ['email'] },
  { company: 'lucesana', kind: 'web_form', value: 'https://www.lucesana.example/area-clienti/reclamo-scritto', label: 'Reclamo scritto (ARERA)', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 30, channels: ['web_form'] },
  { company: 'lucesana', kind: 'pec', value: 'reclami@pec.lucesana.example', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 30, channels: ['letter'] },
  { company: 'lucesana', kind: 'postal', value: 'Lucesana Energia S.p.A., Casella Postale 1180, 37100 Verona', source: 'company', official: true, addedDaysAgo: 600, confirmedDaysAgo: 30 },

  // Swiftcrate Parcels (UK courier): an 0330 line with a menu path, a mobile text line, a web form.
  { company: 'swiftcrate', key: 'sc-0330', kind: 'phone', value: '0330 088 1456', label: 'Customer services', hours: 'Mon–Fri 8am–6pm', source: 'company', official: true, addedDaysAgo: 410, confirmedDaysAgo: 20, channels: ['phone_paid'] },
  { company: 'swiftcrate', kind: 'menu_path', parent: 'sc-0330', value: '1 4 0', source: 'consumer', addedDaysAgo: 150, confirmedDaysAgo: 25, reports: 4 },
  { company: 'swiftcrate', kind: 'phone', value: '07700 900123', label: 'Delivery driver text line', source: 'consumer', addedDaysAgo: 100, confirmedDaysAgo: 40, reports: 3 },
  { company: 'swiftcrate', kind: 'web_form', value: 'https://www.swiftcrate.example/help/missing-parcel', label: 'Missing or damaged parcel', source: 'company', official: true, addedDaysAgo: 410, confirmedDaysAgo: 20, channels: ['web_form'] },
  { company: 'swiftcrate', kind: 'email', value: 'support@swiftcrate.example', source: 'company', official: true, addedDaysAgo: 410, confirmedDaysAgo: 20, channels: ['email'] },
  { company: 'swiftcrate', kind: 'postal', value: 'Swiftcrate Parcels Ltd, Customer Relations, 8 Example Way, Manchester M1 2AB', source: 'company', official: true, addedDaysAgo: 410, confirmedDaysAgo: 20, channels: ['letter'] },
  { company: 'swiftcrate', kind: 'social', value: 'https://social.example/swiftcrate-parcel-refunds', source: 'consumer', status: 'fake', addedDaysAgo: 45, reports: 9 },
];

/** Every other demo company: its help address and contact form, declared by its team. */
function basics(company: string, domain: string): DemoContact[] {
  return [
    { company, kind: 'email', value: `assistenza@${domain}`, source: 'company', official: true, addedDaysAgo: 400, confirmedDaysAgo: 60, channels: ['email'] },
    { company, kind: 'web_form', value: `https://www.${domain}/contatti`, source: 'company', official: true, addedDaysAgo: 400, confirmedDaysAgo: 60, channels: ['web_form'] },
  ];
}

export async function loadDemoContacts(db: DB, companies: { key: string; id: number; domain: string; country: string }[], now: number): Promise<number> {
  const withOwn = new Set(demoContacts.map((c) => c.company));
  const all = [...demoContacts, ...companies.filter((c) => !withOwn.has(c.key)).flatMap((c) => basics(c.key, c.domain))];
  const ids = new Map<string, number>();
  const byKey = new Map(companies.map((c) => [c.key, c]));
  // Replacements and parents first.
  const ordered = [...all].sort((a, b) => Number(!!a.parent || !!a.withdrawn) - Number(!!b.parent || !!b.withdrawn));
  let n = 0;
  for (const c of ordered) {
    const company = byKey.get(c.company);
    if (!company) throw new Error(`demo contact for unknown company ${c.company}`);
    const parentId = c.parent ? ids.get(c.parent)! : null;
    const norm = normalizeContact(c.kind, c.value, company.country, parentId);
    if (!norm.ok) throw new Error(`demo contact ${c.value}: ${norm.error}`);
    const added = now - c.addedDaysAgo * DAY_MS;
    const confirmed = c.confirmedDaysAgo === undefined ? null : now - c.confirmedDaysAgo * DAY_MS;
    const status = c.withdrawn ? 'withdrawn' : (c.status ?? 'active');
    const id = await insertContact(db, {
      company_id: company.id,
      kind: c.kind,
      value: norm.value,
      value_key: norm.key,
      label: c.label ?? null,
      cost_class: norm.costClass,
      parent_id: parentId,
      hours: c.hours ?? null,
      source: c.source,
      official: c.official ? 1 : 0,
      status,
      withdrawn_reason: null,
      replaced_by_id: null,
      confirmed_at: confirmed,
      withdrawn_at: null,
      lookalike: status === 'fake' ? 1 : 0,
      created_by_user_id: null,
      created_at: added,
      updated_at: confirmed ?? added,
    });
    if (c.key) ids.set(c.key, id);
    n++;
    await insertContactEvent(db, { contact_id: id, at: added, event: 'added', by_role: c.source, reason: null, replaced_by_id: null, reports: null });
    if (confirmed !== null) await insertContactEvent(db, { contact_id: id, at: confirmed, event: c.official ? 'official' : 'confirmed', by_role: c.official ? 'company' : 'consumer', reason: null, replaced_by_id: null, reports: c.official ? null : (c.reports ?? null) });
    // Consumers' reports, as resolved rows (the page counts them); by nobody in particular.
    const reportKind = status === 'fake' ? 'fake' : c.withdrawn ? c.withdrawn.reason : 'exists';
    const reports = c.withdrawn?.reports ?? c.reports ?? 0;
    for (let i = 0; i < reports; i++) {
      await db.insertInto('contact_reports').values({ contact_id: id, user_id: null, kind: reportKind, note: null, replacement_id: null, created_at: added + i * 3_600_000, resolved_at: confirmed ?? now, outcome: 'applied' }).execute();
    }
    if (status === 'fake') await insertContactEvent(db, { contact_id: id, at: added + 5 * DAY_MS, event: 'fake', by_role: 'consumer', reason: null, replaced_by_id: null, reports });
    if (c.withdrawn) {
      const at = now - c.withdrawn.daysAgo * DAY_MS;
      const replacedBy = c.withdrawn.replacedBy ? (ids.get(c.withdrawn.replacedBy) ?? null) : null;
      await updateContact(db, id, { withdrawn_reason: c.withdrawn.reason, withdrawn_at: at, replaced_by_id: replacedBy, updated_at: at });
      await insertContactEvent(db, { contact_id: id, at, event: 'withdrawn', by_role: 'consumer', reason: c.withdrawn.reason, replaced_by_id: replacedBy, reports: c.withdrawn.reports });
    }
    for (const channel of c.channels ?? []) {
      await db
        .updateTable('story_channels')
        .set({ contact_id: id })
        .where('channel', '=', channel)
        .where('contact_id', 'is', null)
        .where('story_id', 'in', (eb) => eb.selectFrom('stories').select('id').where('company_id', '=', company.id))
        .execute();
    }
  }
  return n;
}
