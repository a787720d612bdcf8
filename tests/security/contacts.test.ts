// The contact directory over HTTP against the built server (decision 0042): a consumer cannot
// declare an official contact (nor smuggle "official" into a report); only a moderator settles
// reports; one person's reports are rate-limited; what people type is checked and escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
const PAGE = '/en/companies/aurora-fibra/contacts';

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const contactRow = (value: string) => site.sql().prepare('select id, official, status, source, hours from company_contacts where value = ?').get(value) as { id: number; official: number; status: string; source: string; hours: string | null } | undefined;

describe('the contact directory', () => {
  it('refuses a consumer declaring an official contact, and ignores "official" in a report', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const declare = await request(site, PAGE, { jar, form: { action: 'declare', kind: 'phone', value: '800 999 111' } });
    expect(declare.status).toBe(403);
    expect(contactRow('+39800999111')).toBeUndefined();
    const report = await request(site, PAGE, { jar, form: { action: 'report', kind: 'phone', value: '800 999 222', official: '1', source: 'company', status: 'active' } });
    expect(report.status).toBe(200);
    expect(contactRow('+39800999222')).toMatchObject({ official: 0, status: 'pending', source: 'consumer' });
    const api = (await (await request(site, '/api/v1/companies/aurora-fibra', { headers: { accept: 'application/json' } })).json()) as { contacts: { value: string; official: boolean }[] };
    expect(api.contacts.find((c) => c.value === '+39800999222')?.official).toBe(false);
  });

  it('lets only a moderator confirm or withdraw: not a consumer, not the company of another', async () => {
    const target = contactRow('+39800999222')!;
    for (const email of ['marco.b@example.org', 'assistenza@piazzalunga.example']) {
      const { jar } = await signIn(site, email);
      const onPage = await request(site, PAGE, { jar, form: { action: 'moderate', contactId: String(target.id), decision: 'confirm' } });
      expect(onPage.status, email).toBe(403);
      const queue = await request(site, '/en/moderation/contacts', { jar, form: { contactId: String(target.id), decision: 'withdraw' } });
      expect(queue.status, email).toBe(403);
    }
    expect(contactRow('+39800999222')).toMatchObject({ status: 'pending' });
    const anonymous = await request(site, PAGE, { form: { action: 'moderate', contactId: String(target.id), decision: 'confirm' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
    const { jar } = await signIn(site, 'moderatore@example.org');
    const ok = await request(site, '/en/moderation/contacts', { jar, form: { contactId: String(target.id), decision: 'confirm' } });
    expect(ok.status).toBe(303);
    expect(contactRow('+39800999222')).toMatchObject({ status: 'active', official: 0 });
  });

  it('stops showing a contact on the stories that used it once a moderator finds it fake (a scam line is not advertised)', async () => {
    const contact = contactRow('+39800999222')!;
    // A story of the company that tried the phone (attaching the contact through the publish form
    // is played in tests/e2e/contacts.test.ts).
    const row = site
      .sql()
      .prepare(`select sc.story_id from story_channels sc join stories s on s.id = sc.story_id join companies c on c.id = s.company_id
                where c.slug = 'aurora-fibra' and s.state not in ('hidden', 'withdrawn') order by sc.story_id limit 1`)
      .get() as { story_id: number };
    site.sql().prepare('update story_channels set contact_id = ? where story_id = ? and rowid = (select min(rowid) from story_channels where story_id = ?)').run(contact.id, row.story_id, row.story_id);
    const page = () => request(site, `/en/stories/${row.story_id}`).then((r) => r.text());
    expect(await page()).toContain('800 999 222');
    const { jar } = await signIn(site, 'moderatore@example.org');
    expect((await request(site, '/en/moderation/contacts', { jar, form: { contactId: String(contact.id), decision: 'fake' } })).status).toBe(303);
    expect(contactRow('+39800999222')).toMatchObject({ status: 'fake' });
    const after = await page();
    expect(after).toContain('id="channels-h"');
    expect(after).not.toContain('800 999 222');
  });

  it('limits how many reports one person can send', async () => {
    const { jar } = await signIn(site, 'tom.k@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await request(site, PAGE, { jar, form: { action: 'report', kind: 'email', value: `flood${i}@aurorafibra.example` } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await res.text()).toContain('Too many attempts');
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(site.sql().prepare("select count(*) as n from company_contacts where value like 'flood%'").get()).toEqual({ n: 10 });
  });

  it('checks and escapes what people type, and answers in their language', async () => {
    const { jar } = await signIn(site, 'chiara.d@example.com');
    const script = await request(site, '/it/companies/aurora-fibra/contacts', { jar, form: { action: 'fake', kind: 'social', value: 'javascript:alert(1)' } });
    expect(script.status).toBe(422);
    const html = await script.text();
    expect(html).toContain('Scrivi l’indirizzo della pagina');
    expect(html).not.toContain('href="javascript:');
    const hours = await request(site, PAGE, { jar, form: { action: 'report', kind: 'phone', value: '02 9876 5432', hours: '<img src=x onerror=alert(1)>9-18' } });
    expect(hours.status).toBe(200);
    expect(contactRow('+390298765432')?.hours).not.toMatch(/[<>]/);
    expect(await hours.text()).not.toContain('<img src=x');
  });
});
