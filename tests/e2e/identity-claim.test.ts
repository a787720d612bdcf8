// The claim steps a company sees, in a real browser (issue 14): a claim at a domain only a
// consumer typed (link, confirmation, waiting for review, the proof box, a failed and a
// successful DNS check), a colleague at a now trusted domain (granted by the link), a domain
// proven by the file https://<domain>/.well-known/answerable.txt, a company website at a web-mail
// domain (refused when publishing; an old row refuses the claim by address), and a claim that
// waits for a moderator: what the company sees while it waits, the moderator's view of the
// evidence, and what the company sees once approved. Runs its own server (the security harness)
// with a DNS stand-in on 127.0.0.1 and a local web server for the proof file; with
// SCREENSHOT_DIR set, each step is saved as a PNG there (docs/screenshots/identity/, 1280 wide).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsStandIn, type DnsStandIn } from '../helpers/dns-stand-in.ts';
import { newestMail, request, signIn, startSite, type Site } from '../security/harness.ts';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

let site: Site;
let dns: DnsStandIn;
let browser: Browser;
const shots = process.env.SCREENSHOT_DIR;

let web: Server;
/** Files the stand-in website serves, by "domain/path" (the proof base is http://127.0.0.1:<port>/<domain>/…). */
const files = new Map<string, string>();

beforeAll(async () => {
  dns = await startDnsStandIn();
  web = createServer((req, res) => {
    const body = files.get((req.url ?? '/').replace(/^\//, ''));
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const port = (web.address() as { port: number }).port;
  site = await startSite({ env: { DOMAIN_PROOF_DNS_SERVER: dns.address, DOMAIN_PROOF_HTTP_BASE: `http://127.0.0.1:${port}` } });
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await dns?.close();
  await new Promise((resolve) => web?.close(resolve));
});

/** Console problems other than the 422 of a refused form (the "no proof found" answer is one, on purpose). */
const unexpected = (problems: string[]) => problems.filter((p) => !p.includes('status of 422'));

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

let clientNo = 90;
/** An account at an address, verified (sign-up and link over HTTP: the account page is not under test here). */
async function account(email: string, displayName: string): Promise<string> {
  const password = `a long passphrase for ${displayName}`;
  await request(site, '/en/account/sign-up', { form: { displayName, email, password }, localAddress: `127.0.0.${clientNo++}` });
  const mail = await newestMail(site, email, 'verify_email');
  const token = new URL(/https?:\/\/\S+verify-email\?token=\S+/.exec(mail!.text)![0]).searchParams.get('token')!;
  await request(site, '/en/account/verify-email', { form: { token } });
  return password;
}

async function browserSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${site.baseUrl}/en/account/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.click('form:has(input[name="password"]) button[type="submit"]')]);
}

async function claimLink(email: string): Promise<string> {
  const mail = await newestMail(site, email, 'claim_company');
  return /https?:\/\/\S+\/claim\?token=\S+/.exec(mail!.text)![0];
}

async function publishCompany(name: string, website: string): Promise<string> {
  const { jar } = await signIn(site, 'luca.t@example.org');
  await request(site, '/en/publish', {
    jar,
    form: { companyName: name, companyWebsite: website, companySector: 'ecommerce', title: `Ordine mai arrivato da ${name}`, body: 'Ho pagato un ordine tre settimane fa e il negozio non lo ha mai spedito, nessuna risposta alle mail.', experienceDate: '2026-10-01', category: 'delivery', language: 'it', channels: 'email', wait_email: '3', unit_email: 'days', intent: 'publish' },
  });
  return (site.sql().prepare('select slug from companies where name = ?').get(name) as { slug: string }).slug;
}

describe('claiming a company in the browser', () => {
  it('walks a claim at an unproven domain through review and a DNS proof; a colleague is then verified by the link', async () => {
    const slug = await publishCompany('MegaStore Italia', 'megastore-assistenza.example');
    const password = await account('tom@megastore-assistenza.example', 'Tom Megastore');
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(page, 'tom@megastore-assistenza.example', password);

    await page.goto(`${site.baseUrl}/en/companies/${slug}/claim`);
    await shot(page, '01-claim-page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.fill('input[name="email"]', 'tom@megastore-assistenza.example');
    await page.click('form:has(input[value="domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    expect(await page.locator('.notice.ok').textContent()).toContain('is not verified yet');
    await shot(page, '02-link-sent-domain-unverified');

    await page.goto(await claimLink('tom@megastore-assistenza.example'));
    await shot(page, '03-confirm-link');
    await page.click('form:has(input[value="confirm"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    expect(await page.locator('.notice.ok').textContent()).toContain('a moderator will review');
    const record = (await page.locator('pre code').textContent()) ?? '';
    expect(record).toMatch(/^answerable-verification=/);
    // One state notice, not two (the page once showed "link confirmed" and "waiting" together).
    expect(await page.locator('main .notice').count()).toBe(1);
    await shot(page, '04-awaiting-review-with-proof-box');

    await page.click('form:has(input[value="check_domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.err');
    expect(await page.locator('.notice.err').textContent()).toContain('No proof found');
    await shot(page, '05-proof-not-found');

    dns.txt.set('megastore-assistenza.example', [[record]]);
    await page.click('form:has(input[value="check_domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    expect(await page.locator('.notice.ok').first().textContent()).toContain('verified (DNS record)');
    expect(await page.locator('main .notice').count()).toBe(1);
    await shot(page, '06-domain-proven-by-dns-claim-granted');
    await page.goto(`${site.baseUrl}/en/companies/${slug}`);
    expect(await page.content()).toContain('Profile claimed by the company');
    await shot(page, '07-company-page-claimed');

    const colleague = await newPage(browser, { locale: 'en-GB' });
    const pw = await account('anna@megastore-assistenza.example', 'Anna Megastore');
    await browserSignIn(colleague.page, 'anna@megastore-assistenza.example', pw);
    await colleague.page.goto(`${site.baseUrl}/en/companies/${slug}/claim`);
    await colleague.page.fill('input[name="email"]', 'anna@megastore-assistenza.example');
    await colleague.page.click('form:has(input[value="domain"]) button[type="submit"]');
    await colleague.page.goto(await claimLink('anna@megastore-assistenza.example'));
    await colleague.page.click('form:has(input[value="confirm"]) button[type="submit"]');
    await colleague.page.waitForSelector('.notice.ok');
    expect(await colleague.page.locator('.notice.ok').first().textContent()).toContain('you now represent MegaStore Italia');
    await shot(colleague.page, '08-colleague-at-trusted-domain-granted');
    expect(unexpected([...problems, ...colleague.problems])).toEqual([]);
  });

  it('proves a domain by the file on its website', async () => {
    const slug = await publishCompany('Cartoleria Prova File', 'cartoleria-prova-file.example');
    const password = await account('sara@cartoleria-prova-file.example', 'Sara Cartoleria');
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(page, 'sara@cartoleria-prova-file.example', password);
    await page.goto(`${site.baseUrl}/en/companies/${slug}/claim`);
    await page.fill('input[name="email"]', 'sara@cartoleria-prova-file.example');
    await page.click('form:has(input[value="domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    await page.goto(await claimLink('sara@cartoleria-prova-file.example'));
    await page.click('form:has(input[value="confirm"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    const record = (await page.locator('pre code').textContent()) ?? '';
    // The company puts the record in https://<domain>/.well-known/answerable.txt (here: the stand-in).
    files.set('cartoleria-prova-file.example/.well-known/answerable.txt', `${record}\n`);
    await page.click('form:has(input[value="check_domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    expect(await page.locator('.notice.ok').first().textContent()).toContain('verified (file on the website)');
    expect(await page.locator('main .notice').count()).toBe(1);
    await shot(page, '09-domain-proven-by-file-claim-granted');
    expect(unexpected(problems)).toEqual([]);
  });

  it('refuses a web-mail domain as a website when publishing, and a claim by address on an old row at one', async () => {
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(page, 'luca.t@example.org', 'answerable-demo-2026');
    await page.goto(`${site.baseUrl}/en/publish`);
    await page.fill('#publish-company', 'Bottega Posta Facile');
    await page.click('details.company-more summary');
    await page.fill('#publish-website', 'gmail.com');
    await page.fill('#publish-title', 'Order paid and never shipped');
    await page.fill('#publish-date', '2026-11-02');
    await page.selectOption('#publish-category', 'delivery');
    await page.fill('#publish-body', 'I paid for an order three weeks ago and the shop never shipped it, and never answered my e-mails.');
    await page.check('#channel-email');
    await page.click('button[name="intent"][value="publish"]');
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').innerText()).toContain('mail service anyone uses');
    expect(await page.inputValue('#publish-website')).toBe('gmail.com');
    await shot(page, '10-publish-refuses-webmail-website');

    // A row stored before that rule (decision 0049): the claim by address is refused on its page.
    const now = Date.now();
    site.sql().prepare(
      `insert into companies (slug, name, name_key, website, domain, country, sector, created_at, updated_at, listed_at, reviewed_at) values ('bottega-posta-vecchia', 'Bottega Posta Vecchia', 'bottegapostavecchia', 'https://gmail.com/', 'gmail.com', 'IT', 'retail', ?, ?, ?, ?)`,
    ).run(now, now, now, now);
    const password = await account('random.stranger@gmail.com', 'Random Stranger');
    const stranger = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(stranger.page, 'random.stranger@gmail.com', password);
    await stranger.page.goto(`${site.baseUrl}/en/companies/bottega-posta-vecchia/claim`);
    expect(await stranger.page.content()).toContain('is a public mail service');
    await shot(stranger.page, '11-webmail-domain-no-claim-by-address');
    expect(unexpected([...problems.filter((p) => !p.includes('status of 422')), ...stranger.problems])).toEqual([]);
  });

  it('a claim that waits for a moderator: what the company sees, the evidence, and the approval', async () => {
    const other = await publishCompany('Negozio Senza Prova', 'senza-prova.example');
    const pw = await account('capo@senza-prova.example', 'Capo Senza Prova');
    const claimant = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(claimant.page, 'capo@senza-prova.example', pw);
    await claimant.page.goto(`${site.baseUrl}/en/companies/${other}/claim`);
    await claimant.page.fill('input[name="email"]', 'capo@senza-prova.example');
    await claimant.page.click('form:has(input[value="domain"]) button[type="submit"]');
    await claimant.page.goto(await claimLink('capo@senza-prova.example'));
    await claimant.page.click('form:has(input[value="confirm"]) button[type="submit"]');
    await claimant.page.click('form:has(input[value="check_domain"]) button[type="submit"]');
    await claimant.page.waitForSelector('.notice.err');
    // Later, the company comes back to the page: its claim waits for a moderator.
    await claimant.page.goto(`${site.baseUrl}/en/companies/${other}/claim`);
    expect(await claimant.page.locator('main .notice').count()).toBe(1);
    expect(await claimant.page.locator('main .notice').textContent()).toContain('moderator');
    await shot(claimant.page, '12-company-sees-claim-waiting-for-moderator');
    await claimant.page.goto(`${site.baseUrl}/en/companies/${other}`);
    expect(await claimant.page.content()).not.toContain('Profile claimed by the company');

    const mod = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(mod.page, 'moderatore@example.org', 'answerable-demo-2026');
    await mod.page.goto(`${site.baseUrl}/en/moderation/claims`);
    const html = await mod.page.content();
    expect(html).toContain('capo@senza-prova.example');
    expect(html).toContain('Domain age: unknown');
    expect(html).toContain('DNS not found');
    expect(await seriousAxeViolations(mod.page)).toEqual([]);
    await shot(mod.page, '13-moderator-claims-evidence');
    const row = mod.page.locator('tr', { hasText: 'capo@senza-prova.example' });
    await row.locator('button[value="approve_trust"]').click();
    await mod.page.waitForLoadState();

    await claimant.page.goto(`${site.baseUrl}/en/companies/${other}/claim`);
    expect(await claimant.page.locator('main .notice').count()).toBe(1);
    await shot(claimant.page, '14-company-sees-claim-approved');
    await claimant.page.goto(`${site.baseUrl}/en/companies/${other}`);
    expect(await claimant.page.content()).toContain('Profile claimed by the company');
    await shot(claimant.page, '15-company-page-claimed-after-approval');
    expect(unexpected([...claimant.problems, ...mod.problems])).toEqual([]);
  });
});
