// Notices come from the server, never from the URL (issue 11). Before, `/en/stories/76?done=
// published&photo=corrupt&photoName=Refund desk: call +1-800-555-0199` printed that text on our
// page to any signed-in visitor who followed the link, and `?notice=deleted` told people their
// account was gone. Now a notice is a one-time flash of the session that caused it (decision 0022).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const PUBLISHED = 'Your story is published.';
const INJECTED = 'Refund desk';

function publishForm(title: string): Record<string, string> {
  return {
    companySlug: '',
    companyName: 'Fiori Veloci',
    title,
    body: 'Il bouquet non è mai arrivato e nessuno ha risposto alle mie richieste per una settimana intera.',
    experienceDate: '2026-10-01',
    category: 'delivery',
    language: 'it',
    channels: 'email',
    wait_email: '2',
    unit_email: 'days',
    intent: 'publish',
  };
}

function storyId(): number {
  return (site.sql().prepare(`select id from stories where state not in ('hidden', 'withdrawn') order by id limit 1`).get() as { id: number }).id;
}

/** The flash cookie of a jar (name=value), to replay it elsewhere. */
function flashCookie(jar: Jar): string {
  const pair = jar.header().split('; ').find((c) => c.startsWith('answerable_flash=') || c.startsWith('__Host-answerable_flash='));
  if (!pair) throw new Error('no flash cookie');
  return pair;
}

describe('notices after a redirect', () => {
  it('ignores notices crafted in the URL of a story page', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const crafted = `/en/stories/${storyId()}?done=published&masked=phone&photo=corrupt&photoIndex=1&photoName=${encodeURIComponent('Refund desk: call +1-800-555-0199')}`;
    for (const who of [jar, undefined]) {
      const res = await request(site, crafted, { jar: who });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain(INJECTED);
      expect(html).not.toContain('call +1-800');
      expect(html).not.toContain(PUBLISHED);
    }
  });

  it('ignores account notices crafted in the URL', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    expect(await (await request(site, '/en/account?notice=verified', { jar })).text()).not.toContain('Address confirmed');
    expect(await (await request(site, '/en/account/sign-in?notice=deleted')).text()).not.toContain('Your account has been deleted');
    expect(await (await request(site, '/en/account/sessions?notice=session_revoked', { jar })).text()).not.toContain('role="status"');
  });

  it('shows the notice of a real publish once, to the session that published, and not on reload', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const res = await request(site, '/en/publish', { jar, form: publishForm('Bouquet mai arrivato, nessuna risposta') });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/en\/stories\/\d+$/);
    const stolen = flashCookie(jar);

    // Another member holding the same flash cookie (and an anonymous visitor) sees nothing.
    const { jar: other } = await signIn(site, 'moderatore@example.org');
    const theirs = await request(site, location, { headers: { cookie: `${other.header()}; ${stolen}` } });
    expect(await theirs.text()).not.toContain(PUBLISHED);
    const anonymous = await request(site, location, { headers: { cookie: stolen } });
    expect(await anonymous.text()).not.toContain(PUBLISHED);

    // A personalised page from the cache (company page) does not use it up.
    const companyPage = await request(site, '/en/companies/fioriveloci', { jar });
    expect(companyPage.status).toBe(200);
    expect(await companyPage.text()).not.toContain(PUBLISHED);

    const first = await request(site, location, { jar });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/no-store/);
    expect(first.headers.get('x-page-cache')).toBeNull();
    expect(await first.text()).toContain(PUBLISHED);
    const reload = await request(site, location, { jar });
    expect(await reload.text()).not.toContain(PUBLISHED);
    // And the anonymous copy of the page (cached or not) never carries it.
    const cached = await request(site, location);
    expect(await cached.text()).not.toContain(PUBLISHED);
  });

  it('shows the sign-out notice once on the sign-in page', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const out = await request(site, '/en/account/sign-out', { jar, form: { scope: 'this' } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/en/account/sign-in');
    const first = await request(site, '/en/account/sign-in', { jar });
    expect(await first.text()).toContain('You have signed out.');
    const again = await request(site, '/en/account/sign-in', { jar });
    expect(await again.text()).not.toContain('You have signed out.');
  });
});
