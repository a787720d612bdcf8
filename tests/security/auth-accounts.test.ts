// Account attacks of issue 11: the verification link as login CSRF, old reset links, reset
// timing telling which addresses exist, unlimited "account exists" mails, and display names
// that pass for staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, newestMail, request, signIn, sleep, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

function tokenOf(text: string, path: string): string {
  const m = new RegExp(`${path.replace(/[/]/g, '\\/')}\\?token=([^\\s]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return decodeURIComponent(m[1]!);
}

/** Every mail of a template to an address, oldest first, once the relay has delivered the queue. */
async function mailsTo(to: string, template: string): Promise<{ text: string }[]> {
  for (let i = 0; i < 80; i++) {
    const pending = site.sql().prepare(`select count(*) as n from outbox where topic = 'mail' and processed_at is null and parked_at is null`).get() as { n: number };
    if (pending.n === 0) break;
    await sleep(100);
  }
  return site.sql().prepare(`select text from dev_mailbox where "to" = ? and template = ? order by id`).all(to, template) as { text: string }[];
}

describe('e-mail verification link', () => {
  it('verifies the address only: a signed-in person opening somebody else’s link stays themselves', async () => {
    const email = 'verify-csrf@example.net';
    const signUp = await request(site, '/en/account/sign-up', { form: { displayName: 'Attacker Account', email, password: 'a phrase only the attacker knows' }, localAddress: '127.0.0.30' });
    expect(signUp.status).toBe(200);
    const token = tokenOf((await newestMail(site, email, 'verify_email'))!.text, '/account/verify-email');

    const victim = await signIn(site, 'giulia.r@example.org');
    expect(victim.res.status).toBe(303);
    const before = victim.jar.header();
    const res = await request(site, '/en/account/verify-email', { jar: victim.jar, form: { token } });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().filter((c) => c.startsWith('answerable_session='))).toEqual([]);
    // Still the same session (a one-time flash cookie for the notice may come along).
    const sessionOf = (cookies: string) => cookies.split('; ').find((c) => c.startsWith('answerable_session='));
    expect(sessionOf(victim.jar.header())).toBe(sessionOf(before));
    const account = await (await request(site, '/en/account', { jar: victim.jar })).text();
    expect(account).toContain('giulia.r@example.org');
    expect(account).not.toContain(email);
    const row = site.sql().prepare('select email_verified_at from users where email = ?').get(email) as { email_verified_at: number | null };
    expect(row.email_verified_at).not.toBeNull();
  });

  it('signs nobody in when an anonymous visitor confirms: they sign in with the password next', async () => {
    const email = 'verify-anon@example.net';
    await request(site, '/en/account/sign-up', { form: { displayName: 'Plain Person', email, password: 'my own long passphrase' }, localAddress: '127.0.0.31' });
    const token = tokenOf((await newestMail(site, email, 'verify_email'))!.text, '/account/verify-email');
    const jar = new Jar();
    const res = await request(site, '/en/account/verify-email', { jar, form: { token } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/account/sign-in');
    expect(jar.has('answerable_session')).toBe(false);
    // The notice comes from the server's one-time flash, not from the URL.
    expect(await (await request(site, '/en/account/sign-in', { jar })).text()).toContain('confirmed');
    expect((await signIn(site, email, 'my own long passphrase', jar)).res.status).toBe(303);
  });
});

describe('password reset', () => {
  it('only the newest reset link works: asking again revokes the older one', async () => {
    const email = 'paolo.g@example.org';
    expect((await request(site, '/en/account/forgot-password', { form: { email }, localAddress: '127.0.0.32' })).status).toBe(200);
    const older = tokenOf((await mailsTo(email, 'reset_password')).at(-1)!.text, '/account/reset-password');
    expect((await request(site, '/en/account/forgot-password', { form: { email }, localAddress: '127.0.0.32' })).status).toBe(200);
    const newer = tokenOf((await mailsTo(email, 'reset_password')).at(-1)!.text, '/account/reset-password');
    expect(newer).not.toBe(older);
    const viaOld = await request(site, '/en/account/reset-password', { form: { token: older, password: 'the attacker wants this one', confirm: 'the attacker wants this one' } });
    expect(viaOld.status).toBe(400);
    const viaNew = await request(site, '/en/account/reset-password', { form: { token: newer, password: 'a brand new passphrase', confirm: 'a brand new passphrase' } });
    expect(viaNew.status).toBe(303);
    expect((await signIn(site, email, 'a brand new passphrase')).res.status).toBe(303);
  });

  it('does the same work for an unknown address as for a known one: same answer, one queued mail each', async () => {
    const db = site.sql();
    const lastId = () => (db.prepare(`select coalesce(max(id), 0) as id from outbox`).get() as { id: number }).id;
    const mailsBetween = (from: number, to: number) => db.prepare(`select kind from outbox where topic = 'mail' and id > ? and id <= ?`).all(from, to) as { kind: string }[];
    const known = 'sara.l@example.com';
    const unknown = 'never-registered@example.com';
    const start = lastId();
    const a = await request(site, '/en/account/forgot-password', { form: { email: known }, localAddress: '127.0.0.33' });
    const middle = lastId();
    const b = await request(site, '/en/account/forgot-password', { form: { email: unknown }, localAddress: '127.0.0.34' });
    const end = lastId();
    expect(a.status).toBe(b.status);
    const strip = (html: string, email: string) => html.replaceAll(email, 'EMAIL').replace(/nonce="[^"]*"/g, '');
    expect(strip(await a.text(), known)).toBe(strip(await b.text(), unknown));
    // Both requests queue exactly one mail for their address in the request itself (the unknown
    // one says that no account uses it), so both do the same writes.
    expect(mailsBetween(start, middle).map((m) => m.kind)).toEqual(['reset_password']);
    expect(mailsBetween(middle, end).map((m) => m.kind)).toEqual(['reset_no_account']);
    expect((await mailsTo(unknown, 'reset_no_account')).length).toBe(1);
  });
});

describe('"account already exists" mail', () => {
  it('is limited per address: five sign-ups with one address from five clients do not make five mails', async () => {
    const email = 'elena.s@example.com';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await request(site, '/en/account/sign-up', { form: { displayName: `Someone ${'abcde'[i]}`, email, password: `another fine passphrase ${i}` }, localAddress: `127.0.0.${40 + i}` });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await mailsTo(email, 'account_exists')).length).toBe(3);
  });
});

describe('display names', () => {
  const reserved = ['Answerable Admin', 'Аnswerable', 'Moderazione', 'Moderator', 'Staff', 'Admin', 'Answerab1e Team', 'Supporto Answerable', 'Ｍoderatore'];
  for (const name of reserved) {
    it(`refuses "${name}" at sign-up with a message, keeping what was typed`, async () => {
      const email = `imposter-${reserved.indexOf(name)}@example.net`;
      const res = await request(site, '/it/account/sign-up', { form: { displayName: name, email, password: 'una frase abbastanza lunga' }, localAddress: '127.0.0.50' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('riservato');
      expect(html).toContain(`value="${email}"`);
      expect(html).toContain(`value="${name}"`);
      expect(site.sql().prepare('select id from users where email = ?').get(email)).toBeUndefined();
    });
  }

  it('accepts an ordinary name', async () => {
    const res = await request(site, '/en/account/sign-up', { form: { displayName: 'Anna Modesti', email: 'anna.modesti@example.net', password: 'a long enough phrase' }, localAddress: '127.0.0.51' });
    expect(res.status).toBe(200);
    expect(site.sql().prepare('select display_name from users where email = ?').get('anna.modesti@example.net')).toEqual({ display_name: 'Anna Modesti' });
  });
});
