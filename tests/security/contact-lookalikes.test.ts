// A "this is NOT the company's" report must never advertise the scam (decision 0050), played over
// HTTP against the built server: one report of a fake social page and of a premium number, and
// neither shows up as the company's anywhere — company page, contacts page, publish picker (page
// and its JSON endpoint), API, story pages — until a moderator decides; the publish form reads a
// typed number in the company's country (a UK mobile for a UK company).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
const SLUG = 'bottega-del-telaio';
const FAKE_PAGE = 'https://social.example/bottega-telaio-rimborsi';
const FAKE_PHONE = '899 123 456';
const FAKE_PHONE_SHOWN = ['899 123 456', '899123456'];

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const row = (value: string) => site.sql().prepare('select id, status, lookalike, company_id from company_contacts where value = ?').get(value) as { id: number; status: string; lookalike: number; company_id: number } | undefined;

async function everywhere(jar?: Awaited<ReturnType<typeof signIn>>['jar']): Promise<Record<string, string>> {
  const get = async (path: string, accept = 'text/html') => {
    const res = await request(site, path, { jar, headers: { accept } });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  return {
    company: await get(`/en/companies/${SLUG}`),
    contacts: await get(`/en/companies/${SLUG}/contacts`),
    contactsIt: await get(`/it/companies/${SLUG}/contacts`),
    // The publish form is for signed-in people only.
    ...(jar ? { picker: await get(`/en/publish?company=${SLUG}`) } : {}),
    pickerJson: await get(`/api/contact-picks?company=${SLUG}&lang=en`, 'application/json'),
    api: await get(`/api/v1/companies/${SLUG}`, 'application/json'),
  };
}

const publishForm = (fields: Record<string, string>): Record<string, string> => ({
  companySlug: SLUG,
  companyName: 'Bottega del Telaio',
  title: 'Sciarpa arrivata rovinata, nessuna risposta',
  body: 'La sciarpa è arrivata con un buco e per due settimane nessuno ha risposto alle mie richieste di cambio.',
  experienceDate: '2026-10-01',
  category: 'delivery',
  language: 'it',
  intent: 'publish',
  ...fields,
});

describe('look-alike reports over HTTP', () => {
  it('one report of a fake page and of a premium number lists neither anywhere as the company’s', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const page = `/en/companies/${SLUG}/contacts`;
    expect((await request(site, page, { jar, form: { action: 'fake', kind: 'social', value: FAKE_PAGE } })).status).toBe(200);
    expect((await request(site, page, { jar, form: { action: 'fake', kind: 'phone', value: FAKE_PHONE } })).status).toBe(200);
    expect(row(FAKE_PAGE)).toMatchObject({ status: 'pending', lookalike: 1 });
    expect(row('+39899123456')).toMatchObject({ status: 'pending', lookalike: 1 });
    for (const jarOf of [undefined, jar]) {
      const seen = await everywhere(jarOf);
      for (const [where, text] of Object.entries(seen)) {
        expect(text, where).not.toContain('bottega-telaio-rimborsi');
        for (const shown of FAKE_PHONE_SHOWN) expect(text, where).not.toContain(shown);
      }
      // The directory is there (the demo's own contacts are listed), just not the look-alikes.
      expect(seen.contacts).toContain('ordini@bottegadeltelaio.example');
      expect(seen.pickerJson).toContain('ordini@bottegadeltelaio.example');
      if (jarOf) expect(seen.picker).toContain('ordini@bottegadeltelaio.example');
    }
    // Consumers saying it exists do not list it either.
    for (const email of ['marco.b@example.org', 'luca.t@example.org', 'sara.l@example.com']) {
      const other = await signIn(site, email);
      expect((await request(site, page, { jar: other.jar, form: { action: 'report', kind: 'phone', value: FAKE_PHONE } })).status).toBe(200);
    }
    expect(row('+39899123456')).toMatchObject({ status: 'pending', lookalike: 1 });
    expect((await everywhere()).contacts).not.toContain('899 123 456');
    // Moderators see it in their queue and on the page.
    const mod = await signIn(site, 'moderatore@example.org');
    const queue = await (await request(site, '/en/moderation/contacts', { jar: mod.jar })).text();
    expect(queue).toContain('bottega-telaio-rimborsi');
    expect(queue).toContain('added by a “not the company’s” report');
    expect(await (await request(site, page, { jar: mod.jar })).text()).toContain('id="unlisted-h"');
  });

  it('a picked look-alike or a typed one is not attached to the story, so its page does not show it', async () => {
    const { jar } = await signIn(site, 'francesca.m@example.com');
    const fake = row(FAKE_PAGE)!;
    const res = await request(site, '/en/publish', { jar, form: publishForm({ channels: 'social', wait_social: '2', unit_social: 'days', contact_social: String(fake.id) }) });
    expect(res.status).toBe(303);
    const storyId = Number(/\/stories\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    const used = site.sql().prepare("select contact_id from story_channels where story_id = ? and channel = 'social'").get(storyId) as { contact_id: number | null };
    expect(used.contact_id).toBeNull();
    const other = await signIn(site, 'chiara.d@example.com');
    const typed = await request(site, '/en/publish', { jar: other.jar, form: publishForm({ title: 'Linea a pagamento, nessuno risponde', channels: 'phone_paid', wait_phone_paid: '40', unit_phone_paid: 'minutes', contactNew_phone_paid: FAKE_PHONE }) });
    expect(typed.status).toBe(303);
    const typedId = Number(/\/stories\/(\d+)/.exec(typed.headers.get('location') ?? '')?.[1]);
    const html = await (await request(site, `/en/stories/${typedId}`)).text();
    expect(html).toContain('id="channels-h"');
    for (const shown of FAKE_PHONE_SHOWN) expect(html).not.toContain(shown);
    expect(row('+39899123456')).toMatchObject({ status: 'pending', lookalike: 1 });
  });

  it('the publish form reads a typed number in the company’s country: a UK mobile for a UK company', async () => {
    const { jar } = await signIn(site, 'hannah.w@example.com');
    const form = publishForm({ companySlug: 'kestrelbyte', companyName: 'Kestrelbyte', title: 'Laptop repair never booked', language: 'en', body: 'I called about the repair three times and nobody ever booked the courier to collect my laptop.', channels: 'phone_paid', wait_phone_paid: '30', unit_phone_paid: 'minutes', contactNew_phone_paid: '07700 900456' });
    const res = await request(site, '/en/publish', { jar, form });
    expect(res.status, await res.clone().text().then((t) => /class="error"[^>]*>([^<]*)/.exec(t)?.[1] ?? '')).toBe(303);
    const contact = row('+447700900456');
    expect(contact).toMatchObject({ status: 'pending' });
    const kestrel = site.sql().prepare("select id from companies where slug = 'kestrelbyte'").get() as { id: number };
    expect(contact!.company_id).toBe(kestrel.id);
    // The same number for an Italian company is not a number.
    const it = await request(site, '/en/publish', { jar, form: publishForm({ title: 'Numero inglese per un’azienda italiana', channels: 'phone_paid', wait_phone_paid: '30', unit_phone_paid: 'minutes', contactNew_phone_paid: '07700 900789' }) });
    expect(it.status).toBe(422);
    expect(await it.text()).toContain('This is not a valid phone number.');
  });

  it('the picker endpoint validates what it is asked', async () => {
    const long = await request(site, `/api/contact-picks?company=${'x'.repeat(200)}`, { headers: { accept: 'application/json' } });
    expect(long.status).toBe(400);
    const ctl = await request(site, '/api/contact-picks?marketplace=%00abc', { headers: { accept: 'application/json' } });
    expect(ctl.status).toBe(400);
    const nobody = await (await request(site, '/api/contact-picks?company=no-such-company', { headers: { accept: 'application/json' } })).json();
    expect(nobody).toEqual({ seller: null, marketplace: null, channels: {} });
  });
});
