// The harness itself: a seeded built server answers, a demo account signs in through the real form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

describe('security harness', () => {
  it('serves the seeded site and signs a demo member in', async () => {
    const home = await request(site, '/en');
    expect(home.status).toBe(200);
    const { res, jar } = await signIn(site, 'giulia.r@example.org');
    expect(res.status).toBe(303);
    const account = await request(site, '/en/account', { jar });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('giulia.r@example.org');
  });
});
