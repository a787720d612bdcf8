// The contact directory through its services (issue 17, decision 0042): reports count different
// people; a change is applied after confirmation and keeps its history; the company's team makes a
// contact official; stories attach waits to contacts; a merge moves the directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/auth/types.ts';
import { insertCompany, findCompanyById } from '../../src/db/company.repository.ts';
import { listOpenContactReports } from '../../src/db/contact.repository.ts';
import { CONFIRM_REPORTS } from '../../src/domain/contacts.ts';
import { companyDirectory, declareContact, letterAddress, moderateContact, pickableContacts, reportContact, reportContactChange } from '../../src/services/contact.service.ts';
import { mergeCompanies } from '../../src/services/moderation.service.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, T0, consumer, moderator, representative, sessionOf, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let telco: { id: number; country: string };
let people: SessionUser[];
let rep: SessionUser;
let mod: SessionUser;

const session = sessionOf;

beforeAll(async () => {
  t = await createTestDatabase();
  const row = await insertCompany(t.db, { name: 'Linea Chiara', website: 'lineachiara.example', sector: 'telco' }, T0 - DAY);
  telco = { id: row.id, country: row.country };
  people = [];
  for (let i = 0; i < 5; i++) people.push(session(await consumer(t.db, `Persona ${i}`)));
  rep = session(await representative(t.db, telco.id));
  mod = session(await moderator(t.db));
});
afterAll(() => t.cleanup());

describe('the contact directory', () => {
  let tollFree = 0;
  let form = 0;

  it('lists a reported number as awaiting confirmation until enough different people report it', async () => {
    const first = await reportContact(t.db, people[0]!, telco, { kind: 'phone', value: '800 123 456' }, T0);
    expect(first).toMatchObject({ kind: 'done', applied: false, reporters: 1 });
    tollFree = (first as { contactId: number }).contactId;
    // The same person again counts once.
    expect(await reportContact(t.db, people[0]!, telco, { kind: 'phone', value: '+39 800-123-456' }, T0 + 1)).toMatchObject({ kind: 'already_reported' });
    let dir = await companyDirectory(t.db, telco.id, T0);
    expect(dir.contacts[0]).toMatchObject({ id: tollFree, status: 'pending', costClass: 'toll_free', source: 'consumer', official: false });
    for (let i = 1; i < CONFIRM_REPORTS; i++) await reportContact(t.db, people[i]!, telco, { kind: 'phone', value: '800123456' }, T0 + i);
    dir = await companyDirectory(t.db, telco.id, T0);
    expect(dir.contacts[0]).toMatchObject({ id: tollFree, status: 'active', official: false });
    expect(dir.contacts[0]!.confirmedAt).not.toBeNull();
  });

  it('the company’s team makes it official; a premium 199 line keeps its class', async () => {
    expect(await declareContact(t.db, people[0]!, telco, { kind: 'phone', value: '199 123 456' }, T0)).toEqual({ kind: 'forbidden' });
    expect(await declareContact(t.db, rep, telco, { kind: 'phone', value: '800 123 456', hours: 'lun–ven 9–18' }, T0 + DAY)).toMatchObject({ kind: 'done' });
    await declareContact(t.db, rep, telco, { kind: 'phone', value: '199 123 456' }, T0 + DAY);
    const dir = await companyDirectory(t.db, telco.id, T0 + DAY);
    expect(dir.contacts.find((c) => c.id === tollFree)).toMatchObject({ official: true, hours: 'lun–ven 9–18' });
    expect(dir.contacts.find((c) => c.value === '+39199123456')).toMatchObject({ official: true, costClass: 'premium_rate', source: 'company' });
    expect(dir.contacts.find((c) => c.id === tollFree)!.history.map((e) => e.event)).toEqual(['added', 'confirmed', 'official']);
  });

  it('consumers reporting an official number gone wait for a moderator, then the history shows it replaced by a form', async () => {
    const at = T0 + 10 * DAY;
    for (let i = 0; i < 4; i++) {
      const out = await reportContactChange(t.db, people[i]!, tollFree, { change: 'form_only', replacement: { kind: 'web_form', value: 'https://lineachiara.example/modulo' } }, at + i);
      expect(out).toMatchObject({ kind: 'done', applied: false });
    }
    expect((await companyDirectory(t.db, telco.id, at)).contacts.find((c) => c.id === tollFree)?.status).toBe('active');
    const queue = await listOpenContactReports(t.db, 10);
    expect(queue.find((q) => q.contactId === tollFree)?.reports).toEqual([{ kind: 'form_only', n: 4 }]);
    expect(await moderateContact(t.db, people[0]!, tollFree, 'withdraw', at)).toEqual({ kind: 'forbidden' });
    expect(await moderateContact(t.db, mod, tollFree, 'withdraw', at + DAY)).toMatchObject({ kind: 'done' });
    const dir = await companyDirectory(t.db, telco.id, at + DAY);
    const gone = dir.withdrawn.find((c) => c.id === tollFree)!;
    expect(gone).toMatchObject({ status: 'withdrawn', withdrawnReason: 'form_only', withdrawnAt: at + DAY, replacedBy: { kind: 'web_form', value: 'https://lineachiara.example/modulo' } });
    form = gone.replacedBy!.id;
    expect(dir.contacts.find((c) => c.id === form)?.status).toBe('active');
    expect(dir.removedLast12Months.map((c) => c.id)).toEqual([tollFree]);
    expect((await companyDirectory(t.db, telco.id, at + 400 * DAY)).removedLast12Months).toEqual([]);
  });

  it('a non-official number is withdrawn by enough different consumers', async () => {
    const added = await reportContact(t.db, rep, telco, { kind: 'phone', value: '02 1234 5678' }, T0 + 20 * DAY);
    const landline = (added as { contactId: number }).contactId;
    await moderateContact(t.db, mod, landline, 'confirm', T0 + 20 * DAY);
    // The team's own report made it official: consumers alone cannot withdraw it.
    const dir0 = await companyDirectory(t.db, telco.id, T0 + 20 * DAY);
    expect(dir0.contacts.find((c) => c.id === landline)?.official).toBe(true);
    const mobile = (await reportContact(t.db, people[0]!, telco, { kind: 'phone', value: '347 123 4567' }, T0 + 20 * DAY)) as { contactId: number };
    await moderateContact(t.db, mod, mobile.contactId, 'confirm', T0 + 20 * DAY);
    for (let i = 0; i < CONFIRM_REPORTS; i++) await reportContactChange(t.db, people[i]!, mobile.contactId, { change: 'gone' }, T0 + 21 * DAY + i);
    const dir = await companyDirectory(t.db, telco.id, T0 + 22 * DAY);
    expect(dir.withdrawn.find((c) => c.id === mobile.contactId)).toMatchObject({ withdrawnReason: 'gone', costClass: 'mobile' });
    expect(dir.withdrawn.find((c) => c.id === mobile.contactId)!.history.at(-1)).toMatchObject({ event: 'withdrawn', by_role: 'consumer', reports: CONFIRM_REPORTS });
  });

  it('look-alike pages reported by several people are listed as warnings', async () => {
    for (let i = 0; i < CONFIRM_REPORTS; i++) await reportContact(t.db, people[i]!, telco, { kind: 'social', value: 'https://social.example/lineachiara-help', fake: true }, T0 + 30 * DAY + i);
    const dir = await companyDirectory(t.db, telco.id, T0 + 30 * DAY);
    expect(dir.warnings).toHaveLength(1);
    expect(dir.warnings[0]!.reports.fake).toBe(CONFIRM_REPORTS);
    expect(dir.contacts.some((c) => c.kind === 'social')).toBe(false);
  });

  it('a menu path belongs to a phone and is confirmed like a number', async () => {
    const premium = (await companyDirectory(t.db, telco.id, T0)).contacts.find((c) => c.costClass === 'premium_rate')!;
    expect(await reportContact(t.db, people[0]!, telco, { kind: 'menu_path', value: '2, 4, 0' }, T0 + 31 * DAY)).toMatchObject({ kind: 'invalid', error: 'contacts.error.menuPhone' });
    for (let i = 0; i < CONFIRM_REPORTS; i++) await reportContact(t.db, people[i]!, telco, { kind: 'menu_path', value: 'premi 2, poi 4, poi 0', parentId: premium.id }, T0 + 31 * DAY + i);
    const dir = await companyDirectory(t.db, telco.id, T0 + 32 * DAY);
    expect(dir.contacts.find((c) => c.id === premium.id)!.menuPaths).toMatchObject([{ value: '2 4 0', status: 'active' }]);
  });

  it('stories attach waits to the contact used; a new contact typed while publishing is reported by the author', async () => {
    const picks = await pickableContacts(t.db, telco.id);
    const premium = picks.phone_paid!.find((p) => p.kind === 'menu_path')!;
    expect(picks.phone_tollfree ?? []).toEqual([]); // the toll-free number is withdrawn
    for (const [i, wait] of [[0, 30], [1, 50], [2, null]] as const) {
      const author = { kind: 'consumer' as const, userId: people[i]!.id, companyIds: [] };
      await publishStory(
        t.db,
        author,
        storyInput({
          company: { id: telco.id },
          title: `Attesa al telefono numero ${i}`,
          channels: [{ channel: 'phone_paid', waitMinutes: wait, answered: wait !== null }, { channel: 'email', waitMinutes: null, answered: false }],
          contacts: [{ channel: 'phone_paid', contactId: premium.id }, { channel: 'email', newValue: 'Reclami@LineaChiara.example' }, { channel: 'chat', newValue: 'https://lineachiara.example/chat' }],
        }),
        { now: T0 + 40 * DAY + i },
      );
    }
    const dir = await companyDirectory(t.db, telco.id, T0 + 41 * DAY);
    const phone = dir.contacts.find((c) => c.costClass === 'premium_rate')!;
    expect(phone.menuPaths[0]!.figures).toEqual({ stories: 3, medianWaitMinutes: 40, reachedPerson: 2 });
    expect(phone.figures).toEqual({ stories: 3, medianWaitMinutes: 40, reachedPerson: 2 });
    const mail = dir.contacts.find((c) => c.kind === 'email')!;
    expect(mail).toMatchObject({ value: 'reclami@lineachiara.example', status: 'active', figures: { stories: 3, reachedPerson: 0 } });
    // A channel the story did not name is ignored.
    expect(dir.contacts.some((c) => c.kind === 'chat')).toBe(false);
  });

  it('a contact of another company cannot be attached to a story', async () => {
    const other = await insertCompany(t.db, { name: 'Altra Linea', website: 'altralinea.example', sector: 'telco' }, T0);
    const theirs = (await declareContact(t.db, mod, other, { kind: 'email', value: 'x@altralinea.example' }, T0)) as { kind: string };
    expect(theirs.kind).toBe('forbidden');
    const otherRep = session(await representative(t.db, other.id));
    const declared = (await declareContact(t.db, otherRep, other, { kind: 'email', value: 'x@altralinea.example' }, T0)) as { contactId: number };
    const author = { kind: 'consumer' as const, userId: people[4]!.id, companyIds: [] };
    const r = await publishStory(t.db, author, storyInput({ company: { id: telco.id }, title: 'Contatto di un’altra azienda', channels: [{ channel: 'email', waitMinutes: 10, answered: true }], contacts: [{ channel: 'email', contactId: declared.contactId }] }), { now: T0 + 50 * DAY });
    const row = await t.db.selectFrom('story_channels').select('contact_id').where('story_id', '=', r.storyId).executeTakeFirstOrThrow();
    expect(row.contact_id).toBeNull();
  });

  it('the complaint letter uses the directory’s postal address and PEC', async () => {
    await declareContact(t.db, rep, telco, { kind: 'postal', value: 'Linea Chiara S.p.A., Via Esempio 1, 20100 Milano' }, T0);
    await declareContact(t.db, rep, telco, { kind: 'pec', value: 'reclami@pec.lineachiara.example' }, T0);
    expect(await letterAddress(t.db, telco.id)).toEqual({ postal: 'Linea Chiara S.p.A., Via Esempio 1, 20100 Milano', pec: 'reclami@pec.lineachiara.example' });
  });

  it('a merge moves the directory; a contact both list becomes one', async () => {
    const dup = await insertCompany(t.db, { name: 'Linea Chiara Srl', website: 'lineachiara-srl.example', sector: 'telco' }, T0);
    await reportContact(t.db, people[0]!, dup, { kind: 'phone', value: '199 123 456' }, T0);
    await reportContact(t.db, people[0]!, dup, { kind: 'email', value: 'altro@lineachiara.example' }, T0);
    const before = (await companyDirectory(t.db, telco.id, T0 + 60 * DAY)).contacts.length;
    await mergeCompanies(t.db, { id: mod.id, role: 'moderator' }, dup.id, telco.id, 'Stessa azienda, due schede create per errore.', T0 + 60 * DAY);
    const dir = await companyDirectory(t.db, telco.id, T0 + 60 * DAY);
    expect(dir.contacts.length).toBe(before + 1);
    expect(dir.contacts.filter((c) => c.value === '+39199123456')).toHaveLength(1);
    expect(await t.db.selectFrom('company_contacts').select('id').where('company_id', '=', dup.id).execute()).toEqual([]);
    expect((await findCompanyById(t.db, dup.id))?.merged_into_id).toBe(telco.id);
  });
});
