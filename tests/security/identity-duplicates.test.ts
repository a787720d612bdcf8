// Company identity, the second round (issue 14): the publish form's company suggestions come
// from a JSON endpoint that validates its query, is rate-limited and never shows someone else's
// unlisted company; without JavaScript the server asks "did you mean …?"; likely duplicates wait
// in the moderators' queue and only a moderator can merge them (audit row, search events).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishForm, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const company = (where: string, ...args: unknown[]) =>
  site.sql().prepare(`select id, slug, name, merged_into_id, listed_at from companies where ${where}`).get(...args) as
    | { id: number; slug: string; name: string; merged_into_id: number | null; listed_at: number | null }
    | undefined;
const matches = async (q: string, jar?: Awaited<ReturnType<typeof signIn>>['jar'], localAddress?: string) => {
  const res = await request(site, `/api/company-matches?q=${encodeURIComponent(q)}`, { jar, headers: { accept: 'application/json' }, localAddress });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as { companies: { slug: string; name: string; listed: boolean }[] }) : null };
};

describe('company suggestions while typing', () => {
  it('finds the existing company from part of its name, whatever the spacing', async () => {
    for (const q of ['fiori v', 'FIORI-VELOCI', 'fioriveloci srl']) {
      const r = await matches(q);
      expect(r.status, q).toBe(200);
      expect(r.body!.companies.map((c) => c.name), q).toContain('FioriVeloci');
    }
  });

  it('refuses a query that is not a company name', async () => {
    expect((await matches('x'.repeat(500))).status).toBe(400);
    expect((await matches('fiori\u0000v')).status).toBe(400);
    expect((await matches('')).body!.companies).toEqual([]);
  });

  it('shows a new unlisted company to the person who created it and to nobody else', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    expect((await request(site, '/en/publish', { jar, form: publishForm('Zanzara Quieta', 'zanzara-quieta.example', 'Zanzariera mai consegnata a casa') })).status).toBe(303);
    expect(company('name = ?', 'Zanzara Quieta')!.listed_at).toBeNull();
    const own = await matches('zanzara q', jar);
    expect(own.body!.companies).toEqual([expect.objectContaining({ name: 'Zanzara Quieta', listed: false })]);
    expect((await matches('zanzara q')).body!.companies).toEqual([]);
    const other = (await signIn(site, 'marco.b@example.org')).jar;
    expect((await matches('zanzara q', other)).body!.companies).toEqual([]);
    // Nor does the search's company list show it (its story is found once the outbox relay
    // has indexed it, within moments).
    let search = '';
    for (let i = 0; i < 100; i++) {
      search = await (await request(site, '/en/search?q=zanzara')).text();
      if (search.includes('Zanzariera mai consegnata a casa')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(search).toContain('Zanzariera mai consegnata a casa');
    expect(search).not.toContain(`/en/companies/${company('name = ?', 'Zanzara Quieta')!.slug}"><strong`);
  });

  it('is rate-limited per client', async () => {
    let limited: number | null = null;
    for (let i = 0; i < 70 && limited === null; i++) {
      const r = await matches(`tel${i}`, undefined, '127.0.0.9');
      if (r.status === 429) limited = i;
      else expect(r.status).toBe(200);
    }
    expect(limited).not.toBeNull();
    // Another client is not affected.
    expect((await matches('telco', undefined, '127.0.0.10')).status).toBe(200);
  });
});

describe('did you mean … on submit (no JavaScript)', () => {
  it('asks before creating a company whose name is close to an existing one, then uses the one chosen', async () => {
    const { jar } = await signIn(site, 'luca.t@example.org');
    const before = (site.sql().prepare('select count(*) as n from companies').get() as { n: number }).n;
    const asked = await request(site, '/it/publish', { jar, form: publishForm('Fiori Velocci', '', 'Bouquet appassito, nessuna risposta') });
    expect(asked.status).toBe(422);
    const html = await asked.text();
    expect(html).toContain('Esiste già un’azienda con un nome simile: FioriVeloci');
    expect(html).toContain('name="companyChoice" value="fioriveloci"');
    expect(html).toContain('Bouquet appassito, nessuna risposta');
    const fiori = company('name = ?', 'FioriVeloci')!;
    const chosen = await request(site, '/it/publish', { jar, form: { ...publishForm('Fiori Velocci', '', 'Bouquet appassito, nessuna risposta'), companyChoice: fiori.slug } });
    expect(chosen.status).toBe(303);
    const story = site.sql().prepare("select company_id from stories where title = 'Bouquet appassito, nessuna risposta'").get() as { company_id: number };
    expect(story.company_id).toBe(fiori.id);
    expect((site.sql().prepare('select count(*) as n from companies').get() as { n: number }).n).toBe(before);
    // "A different company" creates it.
    const different = await request(site, '/it/publish', { jar, form: { ...publishForm('Fiori Velocci', '', 'Altra azienda, altri fiori appassiti'), companyChoice: 'new' } });
    expect(different.status).toBe(303);
    expect(company('name = ?', 'Fiori Velocci')).toBeDefined();
  });
});

describe('likely duplicates in the moderators’ queue', () => {
  let a: number;
  let b: number;
  const mergeBody = () =>
    new URLSearchParams([['action', 'merge'], ['group', 'name:doppionemerge'], ['keep', String(a)], ['ids', String(a)], ['ids', String(b)], ['statement', 'Same company: same normalised name.']]).toString();

  beforeAll(() => {
    // Two companies with the same normalised name, as an old import could have left them.
    const now = Date.now();
    const insert = site.sql().prepare(
      `insert into companies (slug, name, name_key, website, domain, country, sector, created_at, updated_at, listed_at, reviewed_at) values (?, ?, 'doppionemerge', null, null, 'IT', 'retail', ?, ?, ?, ?)`,
    );
    a = Number(insert.run('doppione-merge', 'Doppione Merge', now - 1000, now, now, now).lastInsertRowid);
    b = Number(insert.run('doppione-merge-srl', 'Doppione Merge S.r.l.', now, now, now, now).lastInsertRowid);
  });

  it('a non-moderator cannot see the queue nor merge over HTTP', async () => {
    const post = (jar?: Awaited<ReturnType<typeof signIn>>['jar']) =>
      request(site, '/en/moderation/companies', { jar, body: mergeBody(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const anonymous = await post();
    expect([302, 303]).toContain(anonymous.status);
    const consumer = (await signIn(site, 'giulia.r@example.org')).jar;
    expect((await post(consumer)).status).toBe(403);
    const { res: signedIn, jar: rep } = await signIn(site, 'assistenza@fioriveloci.example');
    expect(signedIn.status).toBe(303);
    expect((await post(rep)).status).toBe(403);
    expect(company('id = ?', b)!.merged_into_id).toBeNull();
    const audit = site.sql().prepare("select count(*) as n from audit_log where action = 'moderation.merge_company' and subject_id = ?").get(String(b)) as { n: number };
    expect(audit.n).toBe(0);
  });

  it('a moderator sees the group and merges it: audit row and search events written', async () => {
    const { jar } = await signIn(site, 'moderatore@example.org');
    const queue = await (await request(site, '/en/moderation/companies', { jar })).text();
    expect(queue).toContain('Likely duplicates');
    expect(queue).toContain('Same normalised name “doppionemerge”');
    expect(queue).toContain('Doppione Merge S.r.l.');
    const overview = await (await request(site, '/en/moderation', { jar })).text();
    expect(overview).toMatch(/Likely duplicates \(\d+\)/);
    const res = await request(site, '/en/moderation/companies', { jar, body: mergeBody(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    expect(company('id = ?', b)!.merged_into_id).toBe(a);
    const audit = site.sql().prepare("select actor_role from audit_log where action = 'moderation.merge_company' and subject_id = ?").all(String(b));
    expect(audit).toEqual([{ actor_role: 'moderator' }]);
    const outbox = site.sql().prepare("select kind from outbox where topic = 'search' and key = ? order by id").all(`company:${b}`);
    expect(outbox).toContainEqual({ kind: 'company.delete' });
    const after = await (await request(site, '/en/moderation/companies', { jar })).text();
    expect(after).not.toContain('Same normalised name “doppionemerge”');
    // Merging again is refused with a message, nothing changes.
    expect((await request(site, '/en/moderation/companies', { jar, body: mergeBody(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(422);
  });
});

describe('websites many shops share (decision 0049)', () => {
  it('refuses a public-mail domain as a company’s website, with a message, the form kept, nothing created', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const before = (site.sql().prepare('select count(*) as n from companies').get() as { n: number }).n;
    for (const [lang, message] of [['en', 'That is a mail service anyone uses'], ['it', 'Questo è un servizio di posta usato da tutti']] as const) {
      const res = await request(site, `/${lang}/publish`, { jar, form: publishForm('Sartoria Posta Comune', 'gmail.com', 'Sartoria: abito mai consegnato') });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('value="gmail.com"');
      expect(html).toContain('Sartoria: abito mai consegnato');
    }
    expect((site.sql().prepare('select count(*) as n from companies').get() as { n: number }).n).toBe(before);
  });

  it('a second shop typed with a Facebook page is not silently put on the first one', async () => {
    const { jar } = await signIn(site, 'marco.b@example.org');
    expect((await request(site, '/en/publish', { jar, form: publishForm('Pasticceria Social Uno', 'https://www.facebook.com/pasticceriauno', 'Pasticceria uno: torta mai arrivata') })).status).toBe(303);
    expect((await request(site, '/en/publish', { jar, form: publishForm('Gelateria Social Due', 'https://facebook.com/gelateriadue', 'Gelateria due: gelato mai arrivato') })).status).toBe(303);
    const one = company('name = ?', 'Pasticceria Social Uno')!;
    const two = company('name = ?', 'Gelateria Social Due')!;
    expect(one).toBeDefined();
    expect(two).toBeDefined();
    expect(two.id).not.toBe(one.id);
    const story = site.sql().prepare("select company_id from stories where title = 'Gelateria due: gelato mai arrivato'").get() as { company_id: number };
    expect(story.company_id).toBe(two.id);
    // Nor are they grouped as likely duplicates for the moderators.
    const { jar: mod } = await signIn(site, 'moderatore@example.org');
    const queue = await (await request(site, '/en/moderation/companies', { jar: mod })).text();
    const duplicates = queue.slice(queue.indexOf('id="duplicates"'), queue.indexOf('</section>', queue.indexOf('id="duplicates"')));
    expect(duplicates).toContain('<h2 id="dup-h">');
    expect(duplicates).not.toContain('facebook.com');
    expect(duplicates).not.toContain('Pasticceria Social Uno');
  });
});

describe('a merge does not hand a claim proven elsewhere to the kept company (decision 0049)', () => {
  let kept: number;
  let dup: number;
  const claimStatus = (id: number) => site.sql().prepare('select status, company_id from company_claims where id = ?').get(id) as { status: string; company_id: number };
  let other: number;
  let same: number;

  beforeAll(() => {
    const now = Date.now();
    const insert = site.sql().prepare(
      `insert into companies (slug, name, name_key, website, domain, domain_trust, domain_trusted_at, country, sector, created_at, updated_at, listed_at, reviewed_at) values (?, ?, 'fusioneclaim', ?, ?, ?, ?, 'IT', 'retail', ?, ?, ?, ?)`,
    );
    kept = Number(insert.run('fusione-claim', 'Fusione Claim', 'https://fusione-vera.example/', 'fusione-vera.example', 'dns', now, now - 1000, now, now, now).lastInsertRowid);
    dup = Number(insert.run('fusione-claim-srl', 'Fusione Claim S.r.l.', 'https://fusione-altra.example/', 'fusione-altra.example', 'dns', now, now, now, now, now).lastInsertRowid);
    const user = (email: string) => (site.sql().prepare('select id from users where email = ?').get(email) as { id: number }).id;
    const claim = site.sql().prepare(
      `insert into company_claims (company_id, user_id, method, email, status, created_at, decided_at, decided_by, email_confirmed_at) values (?, ?, 'domain_email', ?, 'verified', ?, ?, null, ?)`,
    );
    // Davide proved the duplicate's other domain; Paolo's address is at the kept company's trusted domain.
    other = Number(claim.run(dup, user('davide.p@example.org'), 'davide@fusione-altra.example', now, now, now).lastInsertRowid);
    same = Number(claim.run(dup, user('paolo.g@example.org'), 'paolo@fusione-vera.example', now, now, now).lastInsertRowid);
    site.sql().prepare("update users set role = 'company_rep' where email in ('davide.p@example.org', 'paolo.g@example.org')").run();
  });

  it('the claim at the other domain awaits a moderator on the kept company; the audit row says so', async () => {
    const { jar } = await signIn(site, 'moderatore@example.org');
    const body = new URLSearchParams([['action', 'merge'], ['group', 'name:fusioneclaim'], ['keep', String(kept)], ['ids', String(kept)], ['ids', String(dup)], ['statement', 'Same company: same normalised name.']]).toString();
    const res = await request(site, '/en/moderation/companies', { jar, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    expect(claimStatus(other)).toEqual({ status: 'pending', company_id: kept });
    expect(claimStatus(same)).toEqual({ status: 'verified', company_id: kept });
    const role = site.sql().prepare("select role from users where email = 'davide.p@example.org'").get() as { role: string };
    expect(role.role).toBe('consumer');
    const audit = site.sql().prepare("select data from audit_log where action = 'moderation.merge_company' and subject_id = ?").get(String(dup)) as { data: string };
    expect(JSON.parse(audit.data).claims).toEqual([
      { claim: other, user: expect.any(Number), status: 'verified', outcome: 'reopened' },
      { claim: same, user: expect.any(Number), status: 'verified', outcome: 'moved' },
    ]);
    // It waits in the moderators' claims queue with its address.
    const queue = await (await request(site, '/en/moderation/claims', { jar })).text();
    expect(queue).toContain('davide@fusione-altra.example');
  });
});
