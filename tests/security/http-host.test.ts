// Item: every URL we build comes from SITE_URL read at run time, never from the request's Host
// (or X-Forwarded-Host), and a request naming another host is refused (DNS rebinding).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestMail, rawRequest, request, startSite, type Site } from './harness.ts';

const EMAIL = 'giulia.r@example.org';

describe('host header and the public URL (SITE_URL unset, development)', () => {
  let site: Site;
  beforeAll(async () => {
    // README quick start: no SITE_URL at all.
    site = await startSite({ env: { SITE_URL: '' } });
  });
  afterAll(() => site?.stop());

  it('refuses a forged Host before anything is done (no reset mail is sent)', async () => {
    const body = new URLSearchParams({ email: EMAIL }).toString();
    const res = await rawRequest(site, '/en/account/forgot-password', {
      method: 'POST',
      headers: { host: 'evil.example', origin: 'http://evil.example', 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect([400, 421]).toContain(res.status);
    await res.text();
    expect(await newestMail(site, EMAIL, 'reset_password', 10)).toBeNull();
  });

  it('refuses a forged Host on a cached anonymous page too', async () => {
    expect((await request(site, '/en')).status).toBe(200);
    expect((await request(site, '/en')).status).toBe(200);
    const res = await rawRequest(site, '/en', { headers: { host: `evil.example:${site.port}`, accept: 'text/html' } });
    expect([400, 421]).toContain(res.status);
    expect(await res.text()).not.toContain('evil.example');
  });

  it('accepts localhost and 127.0.0.1 on the listening port in development', async () => {
    for (const host of [`localhost:${site.port}`, `127.0.0.1:${site.port}`]) {
      const res = await rawRequest(site, '/en/how-scores-work', { headers: { host } });
      expect(res.status).toBe(200);
    }
    const otherPort = await rawRequest(site, '/en/how-scores-work', { headers: { host: `localhost:${site.port + 1}` } });
    expect([400, 421]).toContain(otherPort.status);
  });

  it('ignores X-Forwarded-Host: the reset link points at SITE_URL (localhost:PORT by default)', async () => {
    const res = await request(site, '/en/account/forgot-password', { form: { email: EMAIL }, headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    expect(res.status).toBeLessThan(400);
    const mail = await newestMail(site, EMAIL, 'reset_password');
    expect(mail).not.toBeNull();
    expect(mail!.text).not.toContain('evil.example');
    expect(mail!.text).toMatch(new RegExp(`http://localhost:${site.port}/(it|en)/account/reset-password`));
  });
});

describe('links use SITE_URL given at start, not the build', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ siteHost: 'answerable.test' });
  });
  afterAll(() => site?.stop());

  it('canonical link, sitemap and feed name the configured host', async () => {
    const origin = `http://answerable.test:${site.port}`;
    const page = await (await request(site, '/en/companies/fioriveloci')).text();
    expect(page).toContain(`<link rel="canonical" href="${origin}/en/companies/fioriveloci"`);
    const sitemap = await (await request(site, '/sitemap.xml')).text();
    expect(sitemap).toContain(`<loc>${origin}/en/companies/fioriveloci</loc>`);
    expect(sitemap).not.toContain('localhost');
    const feed = await (await request(site, '/en/companies/fioriveloci/feed.xml')).text();
    expect(feed).toContain(`${origin}/en/companies/fioriveloci/feed.xml`);
    expect(feed).not.toContain('localhost');
  });

  it('refuses any other Host when SITE_URL names its own host', async () => {
    const res = await rawRequest(site, '/en', { headers: { host: `evil.example:${site.port}` } });
    expect([400, 421]).toContain(res.status);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=on)', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ siteHost: 'answerable.test', env: { TRUST_PROXY: 'on', NODE_ENV: 'production', ALLOW_DEMO_ACCOUNTS: 'on' } });
  });
  afterAll(() => site?.stop());

  it('X-Forwarded-Host is checked like Host: ours passes, a forged one is refused', async () => {
    const ours = await rawRequest(site, '/en/how-scores-work', { headers: { host: `127.0.0.1:${site.port}`, 'x-forwarded-host': `answerable.test:${site.port}` } });
    expect(ours.status).toBe(200);
    const forged = await rawRequest(site, '/en/how-scores-work', { headers: { host: `answerable.test:${site.port}`, 'x-forwarded-host': 'evil.example' } });
    expect([400, 421]).toContain(forged.status);
  });

  it('in production a loopback Host is refused too (only /healthz answers it)', async () => {
    expect([400, 421]).toContain((await rawRequest(site, '/en', { headers: { host: `127.0.0.1:${site.port}` } })).status);
    const health = await rawRequest(site, '/healthz', { headers: { host: `127.0.0.1:${site.port}` } });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
