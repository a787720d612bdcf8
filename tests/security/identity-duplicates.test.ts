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
