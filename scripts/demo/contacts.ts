// Demo contact directories (issue 17, decision 0042), written by us. The numbers are made up
// (UK ones from Ofcom's ranges reserved for drama; Italian ones are placeholders like 800 123 456).
// Among them: a toll-free number withdrawn and replaced by a form, a florist reachable only on a
// premium 199 line, a phone menu path to a person, and a fake "customer service" social page.
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
