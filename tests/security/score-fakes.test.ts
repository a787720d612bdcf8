// Score rules v2, rule 8 (fakes and bombs) played over HTTP against the built server: a burst of
// fresh sign-ups publishing about one company is held ("under review", the company's score
// unchanged) until a moderator releases it; an employee at the company's own domain, and its
// representative, cannot publish about it (a clear message, the form filled in); the private
// order reference reaches the company's team only — never anonymous visitors, other members,
// the JSON API or the Atom feed — and a confirmed one marks the story "verified customer".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, newestMail, publishForm, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
let company: { id: number; slug: string; name: string };
beforeAll(async () => {
  site = await startSite();
  company = site.sql().prepare("select id, slug, name from companies where slug = 'fioriveloci'").get() as typeof company;
});
afterAll(async () => {
  await site?.stop();
});

const stats = () => site.sql().prepare("select score, story_count as n from company_stats where company_id = ? and period = '12m'").get(company.id) as { score: number | null; n: number };
/** The company page's score card as shown: the score and the number of stories it is computed from. */
async function pageScore(): Promise<string> {
  const html = await (await request(site, `/en/companies/${company.slug}`)).text();
  const card = /<section class="card scorecard[\s\S]*?<\/section>/.exec(html)?.[0];
  if (!card) throw new Error('no score card on the company page');
  const score = /class="big">([^<]*)</.exec(card)?.[1];
  const sample = /Based on \d+ stor(?:y|ies)/.exec(card)?.[0];
  return `${score} · ${sample}`;
}
const storyIdOf = (res: Response) => Number(/\/stories\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
const aboutFiori = (title: string, extra: Record<string, string> = {}) => ({ ...publishForm(company.name, '', title), companySlug: company.slug, ...extra });

/** A fresh account through the real sign-up form and its verification link; signed in. */
async function freshAccount(email: string, address: string): Promise<Jar> {
  const password = `a long passphrase for ${email}`;
  const res = await request(site, '/en/account/sign-up', { form: { displayName: `Fresh ${email.split('@')[0]}`, email, password }, localAddress: address });
  expect(res.status).toBe(200);
  const text = (await newestMail(site, email, 'verify_email'))!.text;
  const token = decodeURIComponent(/\/account\/verify-email\?token=([^\s]+)/.exec(text)![1]!);
  expect((await request(site, '/en/account/verify-email', { form: { token } })).status).toBe(303);
  const { res: signedIn, jar } = await signIn(site, email, password, new Jar(), 'en', address);
  expect(signedIn.status).toBe(303);
  return jar;
}

describe('a burst of sign-ups publishing about one company', () => {
  const held: number[] = [];

  it('is published, marked under review in both languages, and leaves the company’s score unchanged', async () => {
    const before = { stats: stats(), page: await pageScore() };
    for (let i = 0; i < 3; i++) {
      const jar = await freshAccount(`burst${i}@mailbox.example`, `127.0.0.${60 + i}`);
      const res = await request(site, '/en/publish', { jar, form: aboutFiori(`Fiori mai consegnati, raffica numero ${i + 1}`) });
      expect(res.status).toBe(303);
      held.push(storyIdOf(res));
    }
    expect(stats()).toEqual(before.stats);
    expect(await pageScore()).toBe(before.page);
    for (const id of held) {
      const [en, it] = await Promise.all([request(site, `/en/stories/${id}`), request(site, `/it/stories/${id}`)]);
      expect(en.status).toBe(200);
      const [enHtml, itHtml] = [await en.text(), await it.text()];
      expect(enHtml).toContain('Under review');
      expect(enHtml).toContain('does not count in the company’s score');
      expect(itHtml).toContain('In verifica');
      const api = (await (await request(site, `/api/v1/stories/${id}`)).json()) as { scored: boolean; scoreHold: string | null };
      expect(api).toMatchObject({ scored: false, scoreHold: 'review' });
    }
  });

  it('is marked under review wherever a story card shows it: the company page list, the home page, search results', async () => {
    const marked = (html: string, id: number) => {
      const card = new RegExp(`<li class="story-item">(?:(?!</li>)[\\s\\S])*?/stories/${id}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? '';
      return card.includes('data-under-review');
    };
    for (const lang of ['en', 'it'] as const) {
      const companyPage = await (await request(site, `/${lang}/companies/${company.slug}`)).text();
      for (const id of held) expect(marked(companyPage, id), `company page ${lang} ${id}`).toBe(true);
      expect(companyPage).toContain(lang === 'en' ? 'Under review: not counted in the score yet' : 'In verifica: non ancora conteggiata nel punteggio');
      const home = await (await request(site, `/${lang}/`)).text();
      for (const id of held) expect(marked(home, id), `home ${lang} ${id}`).toBe(true);
    }
    // The search index catches up through its outbox; the mark is read beside the hits.
    let results = '';
    for (let i = 0; i < 50 && !held.every((id) => results.includes(`/stories/${id}"`)); i++) {
      results = await (await request(site, `/en/search?q=${encodeURIComponent('raffica')}`)).text();
      if (!held.every((id) => results.includes(`/stories/${id}"`))) await new Promise((r) => setTimeout(r, 200));
    }
    for (const id of held) expect(marked(results, id), `search ${id}`).toBe(true);
    // Demo stories that count carry no mark.
    expect((await (await request(site, `/en/companies/${company.slug}`)).text()).match(/data-under-review/g)?.length).toBe(held.length);
  });

  it('waits in the moderators’ queue; a released story counts, the others stay held', async () => {
    const { jar } = await signIn(site, 'moderatore@example.org');
    const queue = await (await request(site, '/en/moderation/held', { jar })).text();
    for (const id of held) expect(queue).toContain(`data-held-story="${id}"`);
    // Nobody else sees or works the queue.
    const { jar: consumer } = await signIn(site, 'giulia.r@example.org');
    expect((await request(site, '/en/moderation/held', { jar: consumer })).status).toBe(403);
    expect((await request(site, '/en/moderation/held', { jar: consumer, form: { story: String(held[0]), action: 'release' } })).status).toBe(403);

    const before = stats();
    const release = await request(site, '/en/moderation/held', { jar, form: { story: String(held[0]), action: 'release' } });
    expect(release.status).toBe(303);
    expect(stats().n).toBe(before.n + 1);
    expect(await (await request(site, `/en/stories/${held[0]}`)).text()).not.toContain('Under review');
    expect(await (await request(site, `/en/stories/${held[1]}`)).text()).toContain('Under review');
    // The company page (served from the page cache to anonymous visitors) drops the mark of the released story at once.
    const list = await (await request(site, `/en/companies/${company.slug}`)).text();
    expect(list).not.toMatch(new RegExp(`data-under-review[^<]*</span>(?:(?!</li>)[\\s\\S])*?/stories/${held[0]}"`));
    expect(list.match(/data-under-review/g)?.length).toBe(held.length - 1);
    const audit = site.sql().prepare("select count(*) as n from audit_log where action = 'moderation.release_held_story' and subject_id = ?").get(String(held[0])) as { n: number };
    expect(audit.n).toBe(1);

    // A rejection needs a statement of reasons; the form answers in the moderator's language.
    const bare = await request(site, '/en/moderation/held', { jar, form: { story: String(held[1]), action: 'reject', statement: 'no' } });
    expect(bare.status).toBe(422);
    const reject = await request(site, '/en/moderation/held', { jar, form: { story: String(held[1]), action: 'reject', statement: 'Account created only for this burst of identical stories.' } });
    expect(reject.status).toBe(303);
    expect((await request(site, `/en/stories/${held[1]}`)).status).toBe(410);
  });
});

describe('the company’s own people', () => {
  it('refuses an employee at the company’s domain with a clear message, the form filled in, nothing written', async () => {
    const jar = await freshAccount('impiegato@fioriveloci.example', '127.0.0.70');
    const count = () => (site.sql().prepare('select count(*) as n from stories').get() as { n: number }).n;
    const before = count();
    const res = await request(site, '/en/publish', { jar, form: aboutFiori('Il nostro servizio è semplicemente perfetto') });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('Your e-mail address is at this company’s domain');
    expect(html).toContain('Il nostro servizio è semplicemente perfetto');
    expect(count()).toBe(before);
    const it = await request(site, '/it/publish', { jar, form: aboutFiori('Il nostro servizio è semplicemente perfetto') });
    expect(await it.text()).toContain('Il tuo indirizzo e-mail è del dominio di questa azienda');
  });

  it('refuses the company’s representative', async () => {
    const { jar } = await signIn(site, 'assistenza@fioriveloci.example');
    const res = await request(site, '/en/publish', { jar, form: aboutFiori('Una recensione scritta da chi rappresenta l’azienda') });
    expect(res.status).toBe(403);
  });
});

describe('the private order reference', () => {
  const secret = 'ORD-SECRET-4711';
  let storyId = 0;

  it('is seen by the company’s team only: not anonymous visitors, other members, the API or the feed', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const res = await request(site, '/en/publish', { jar, form: aboutFiori('Bouquet arrivato appassito e nessun rimborso', { orderReference: secret }) });
    expect(res.status).toBe(303);
    storyId = storyIdOf(res);
    expect(await (await request(site, `/en/stories/${storyId}`, { jar })).text()).toContain(secret);

    const { jar: other } = await signIn(site, 'marco.b@example.org');
    const leaks = await Promise.all([
      request(site, `/en/stories/${storyId}`),
      request(site, `/it/stories/${storyId}`),
      request(site, `/en/stories/${storyId}`, { jar: other }),
      request(site, `/api/v1/stories/${storyId}`),
      request(site, `/api/v1/companies/${company.slug}/stories`),
      request(site, `/api/v1/companies/${company.slug}`),
      request(site, `/en/companies/${company.slug}/feed.xml`),
      request(site, `/en/companies/${company.slug}`),
    ]);
    for (const r of leaks) expect(await r.text(), r.url).not.toContain(secret);
    // Search: the query comes back in the form, but no story is found by the private reference.
    const search = await (await request(site, `/en/search?q=${encodeURIComponent(secret)}`)).text();
    expect(search).toContain('0 stories found');
    expect(search).not.toContain('Bouquet arrivato appassito');

    const { jar: rep } = await signIn(site, 'assistenza@fioriveloci.example');
    expect(await (await request(site, `/en/stories/${storyId}`, { jar: rep })).text()).toContain(secret);
    expect(await (await request(site, '/en/dashboard', { jar: rep })).text()).toContain(secret);
  });

  it('confirmed by the company marks the story “verified customer”; nobody else can confirm', async () => {
    const { jar: other } = await signIn(site, 'marco.b@example.org');
    const forged = await request(site, `/en/stories/${storyId}`, { jar: other, form: { _action: 'confirm_customer' } });
    expect(forged.status).toBe(403);
    expect(await (await request(site, `/en/stories/${storyId}`)).text()).not.toContain('Verified customer');

    const { jar: rep } = await signIn(site, 'assistenza@fioriveloci.example');
    expect((await request(site, `/en/stories/${storyId}`, { jar: rep, form: { _action: 'confirm_customer' } })).status).toBe(303);
    expect(await (await request(site, `/en/stories/${storyId}`)).text()).toContain('Verified customer');
    expect(await (await request(site, `/it/stories/${storyId}`)).text()).toContain('Cliente verificato');
    const api = (await (await request(site, `/api/v1/stories/${storyId}`)).json()) as { verifiedCustomer: boolean };
    expect(api.verifiedCustomer).toBe(true);
  });

  it('can be added by the author after publishing, and only by the author', async () => {
    const { jar } = await signIn(site, 'luca.t@example.org');
    const res = await request(site, '/en/publish', { jar, form: aboutFiori('Consegna sbagliata e assistenza introvabile') });
    const id = storyIdOf(res);
    const { jar: other } = await signIn(site, 'marco.b@example.org');
    expect((await request(site, `/en/stories/${id}`, { jar: other, form: { _action: 'order_reference', orderReference: 'HIJACK-1' } })).status).toBe(403);
    const empty = await request(site, `/en/stories/${id}`, { jar, form: { _action: 'order_reference', orderReference: '  ' } });
    expect(empty.status).toBe(422);
    expect((await request(site, `/en/stories/${id}`, { jar, form: { _action: 'order_reference', orderReference: 'ORD-LATER-9' } })).status).toBe(303);
    const row = site.sql().prepare('select order_reference from stories where id = ?').get(id) as { order_reference: string };
    expect(row.order_reference).toBe('ORD-LATER-9');
    expect(await (await request(site, `/en/stories/${id}`)).text()).not.toContain('ORD-LATER-9');
  });
});
