// Personal data is masked in every public field (issue 11, quality.md "Security"): not only the
// body, but the title, a new company's name (and so its slug), and photo alt text; and masking
// is not fooled by `[at]`, full-width characters, zero-width characters, foreign national
// formats or the Italian codice fiscale. Played over HTTP: publish, then read the public pages.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Jar, type Site } from './harness.ts';

let site: Site;
let jar: Jar;
beforeAll(async () => {
  site = await startSite();
  ({ jar } = await signIn(site, 'giulia.r@example.org'));
});
afterAll(async () => {
  await site?.stop();
});

const ZW = '\u200b';
const FULLWIDTH_PHONE = '３４７ ９８７ ６５４３';
/** A valid codice fiscale (check character included). */
const CF = 'RSSMRA85T10A562S';

async function publish(fields: Record<string, string>, alt: string): Promise<Response> {
  const form = new FormData();
  const base: Record<string, string> = {
    companySector: 'other',
    body: `Ho chiesto un preventivo e non ho più avuto notizie. Scrivetemi a mario.rossi[at]posta.example.it oppure al ${FULLWIDTH_PHONE}, codice fiscale ${CF}.`,
    experienceDate: '2026-10-01',
    category: 'installation',
    language: 'it',
    channels: 'phone_paid',
    wait_phone_paid: '10',
    unit_phone_paid: 'minutes',
    intent: 'publish',
    photoAlt: alt,
    ...fields,
  };
  for (const [k, v] of Object.entries(base)) form.append(k, v);
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c63' } }).png().toBuffer();
  form.append('photos', new File([png], 'preventivo.png', { type: 'image/png' }));
  return request(site, '/en/publish', { jar, body: form });
}

/** Every way the test's personal data could still show. */
function leaks(html: string): string[] {
  const compact = html.replace(/[\s\u200b.\-/]/g, '');
  const found: string[] = [];
  for (const needle of ['3471234567', '987654', '1234567', 'mario.rossi', 'mario[at]', 'rossi[at]', CF, CF.toLowerCase(), 'idraulico.mario', '06123456', '0612345678', '015123456789']) {
    if (compact.includes(needle)) found.push(needle);
  }
  if (html.includes(ZW)) found.push('zero-width');
  return found;
}

describe('personal data in public fields', () => {
  it('masks the title, a new company name and its slug, the body and the photo alt text', async () => {
    const res = await publish(
      {
        companyName: 'Idraulico Mario Rossi 347 1234567',
        title: `Preventivo mai arrivato, richiamatemi al 347${ZW}123${ZW}4567`,
      },
      `Il preventivo scritto a mano, con il mio codice fiscale ${CF} e la mail idraulico.mario＠posta.example.it`,
    );
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 300))).toBe(303);
    const storyPath = new URL(res.headers.get('location')!, site.baseUrl).pathname;
    const company = site.sql().prepare(`select c.slug, c.name from stories s join companies c on c.id = s.company_id where s.id = ?`).get(Number(storyPath.split('/').pop())) as { slug: string; name: string };
    expect(company.slug).not.toMatch(/\d{3}/);
    expect(company.slug.startsWith('idraulico-mario-rossi')).toBe(true);
    expect(leaks(company.name)).toEqual([]);

    const story = await (await request(site, storyPath)).text();
    expect(leaks(story)).toEqual([]);
    expect(story).toContain('alt="Il preventivo scritto a mano');
    const companyPage = await (await request(site, `/en/companies/${company.slug}`)).text();
    expect(leaks(companyPage)).toEqual([]);
    const api = await (await request(site, `/api/v1/companies/${company.slug}`, { headers: { accept: 'application/json' } })).text();
    expect(leaks(api)).toEqual([]);
  });

  it('masks foreign national phone numbers and e-mail written with (at)', async () => {
    const res = await publish(
      {
        companyName: 'Termoidraulica Esempio',
        title: 'Caldaia rotta, tecnico mai venuto a casa',
        body: 'Mia sorella a Parigi ha chiamato dal 06 12 34 56 78 e mio cognato dal 0151 23456789; scrivete a mario.rossi (at) posta.example.it per i dettagli.',
      },
      'Foto della caldaia',
    );
    expect(res.status).toBe(303);
    const story = await (await request(site, new URL(res.headers.get('location')!, site.baseUrl).pathname)).text();
    expect(leaks(story)).toEqual([]);
    expect(story).toContain('@posta.example.it');
  });

  it('masks a phone number typed as a display name (the public author name)', async () => {
    const res = await request(site, '/en/account/sign-up', { form: { displayName: 'Mario 3471234567', email: 'mario.pii@example.org', password: 'lanterna-verde-sul-molo-42' } });
    expect(res.status, await res.clone().text().then((t) => t.slice(0, 200))).toBeLessThan(400);
    const row = site.sql().prepare(`select display_name from users where email = ?`).get('mario.pii@example.org') as { display_name: string };
    expect(leaks(row.display_name)).toEqual([]);
    expect(row.display_name.startsWith('Mario ')).toBe(true);
  });
});
