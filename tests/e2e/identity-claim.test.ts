// The claim steps a company sees, in a real browser (issue 14): a claim at a domain only a
// consumer typed (link, confirmation, waiting for review, the proof box, a failed and a
// successful DNS check), a claim at a web-mail domain (refused), a colleague at a now trusted
// domain (granted by the link), and the moderator's view of the evidence. Runs its own server
// (the security harness) with a DNS stand-in on 127.0.0.1; with SCREENSHOT_DIR set, each step
// is saved as a PNG there.
import { mkdirSync } from 'node:fs';
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

beforeAll(async () => {
  dns = await startDnsStandIn();
  // Nothing listens on port 9 of 127.0.0.1: the file check finds nothing, the DNS one decides.
  site = await startSite({ env: { DOMAIN_PROOF_DNS_SERVER: dns.address, DOMAIN_PROOF_HTTP_BASE: 'http://127.0.0.1:9' } });
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await dns?.close();
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
    await shot(page, '04-awaiting-review-with-proof-box');

    await page.click('form:has(input[value="check_domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.err');
    expect(await page.locator('.notice.err').textContent()).toContain('No proof found');
    await shot(page, '05-proof-not-found');

    dns.txt.set('megastore-assistenza.example', [[record]]);
    await page.click('form:has(input[value="check_domain"]) button[type="submit"]');
    await page.waitForSelector('.notice.ok');
    expect(await page.locator('.notice.ok').first().textContent()).toContain('verified (DNS record)');
    await shot(page, '06-domain-proven-claim-granted');
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

  it('refuses a claim at a web-mail domain typed as the website, and shows the moderator a waiting claim’s evidence', async () => {
    const slug = await publishCompany('Bottega Posta Facile', 'gmail.com');
    const password = await account('random.stranger@gmail.com', 'Random Stranger');
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(page, 'random.stranger@gmail.com', password);
    await page.goto(`${site.baseUrl}/en/companies/${slug}/claim`);
    expect(await page.content()).toContain('is a public mail service');
    await shot(page, '09-webmail-domain-no-claim-by-address');

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

    const mod = await newPage(browser, { locale: 'en-GB' });
    await browserSignIn(mod.page, 'moderatore@example.org', 'answerable-demo-2026');
    await mod.page.goto(`${site.baseUrl}/en/moderation/claims`);
    const html = await mod.page.content();
    expect(html).toContain('capo@senza-prova.example');
    expect(html).toContain('Domain age: unknown');
    expect(html).toContain('DNS not found');
    expect(await seriousAxeViolations(mod.page)).toEqual([]);
    await shot(mod.page, '10-moderator-claims-evidence');
    expect(unexpected([...problems, ...claimant.problems, ...mod.problems])).toEqual([]);
  });
});
