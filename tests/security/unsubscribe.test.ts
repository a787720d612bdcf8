// One-click unsubscribe and the notification settings (issue 15) over HTTP against the built
// server: the link in a real notification mail works without sign-in by POST only (a GET — what
// mail scanners do — only asks), a mail client's RFC 8058 POST without Origin is honoured, and a
// forged or tampered token changes nothing for anybody; the settings page needs a session and a
// same-origin POST, and refuses kinds that do not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, newestMail, rawRequest, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
let rep: Jar;
let a: { email: string; userId: number; storyId: number };
let b: { email: string; userId: number; storyId: number };
let tokenA: string;
let tokenB: string;

/** Rows of a person's stored choices (none until they change something). */
const prefsOf = (userId: number) =>
  site.sql().prepare('select kind, enabled from notification_preferences where user_id = ? order by kind').all(userId) as { kind: string; enabled: number }[];
const allPrefRows = () => (site.sql().prepare('select count(*) as n from notification_preferences').get() as { n: number }).n;

async function replyMailToken(person: { email: string; storyId: number }): Promise<string> {
  const res = await request(site, `/en/stories/${person.storyId}`, { jar: rep, form: { _action: 'reply', body: 'We are looking into it and will write again today.' } });
  expect(res.status).toBe(303);
  const mail = await newestMail(site, person.email, 'story.company_replied');
  expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const header = /^<(.+)>$/.exec(mail!.headers['List-Unsubscribe']!)![1]!;
  // The body carries the same link as the header.
  expect(mail!.text).toContain(header);
  return new URL(header).searchParams.get('token')!;
}

beforeAll(async () => {
  site = await startSite();
  ({ jar: rep } = await signIn(site, 'assistenza@fioriveloci.example'));
  const rows = site
    .sql()
    .prepare(
      `select s.id as storyId, u.id as userId, u.email from stories s join companies c on c.id = s.company_id join users u on u.id = s.author_id
       where c.name = 'FioriVeloci' and s.state in ('awaiting_reply', 'answered', 'overdue') order by s.id`,
    )
    .all() as { storyId: number; userId: number; email: string }[];
  a = rows[0]!;
  b = rows.find((r) => r.userId !== a.userId)!;
  expect(b).toBeDefined();
  tokenA = await replyMailToken(a);
  tokenB = await replyMailToken(b);
});
afterAll(async () => {
  await site?.stop();
});

describe('one-click unsubscribe', () => {
  it('a GET of the link (a mail scanner prefetching it) only asks, and changes nothing', async () => {
    const res = await request(site, `/en/unsubscribe?token=${tokenA}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Stop sending “The company replied”');
    expect(html).toContain('data-state="confirm"');
    expect(res.headers.get('cache-control')).toContain('no-store');
    await request(site, `/it/unsubscribe?token=${tokenA}`);
    await request(site, `/en/unsubscribe?token=${tokenA}`, { method: 'HEAD' });
    expect(prefsOf(a.userId)).toEqual([]);
  });

  it('a forged token is refused on GET and POST and writes nothing', async () => {
    const forged = `${a.userId}.company_replied.${'A'.repeat(43)}`;
    for (const token of [forged, 'garbage', '', `${a.userId}.company_replied`]) {
      const get = await request(site, `/en/unsubscribe?token=${encodeURIComponent(token)}`);
      expect(get.status).toBe(400);
      expect(await get.text()).toContain('This unsubscribe link is not valid');
      const post = await rawRequest(site, `/en/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(post.status).toBe(400);
    }
    expect(allPrefRows()).toBe(0);
  });

  it('a tampered token (another kind, or user A’s signature on user B) changes nothing for anybody', async () => {
    const [, , sigA] = tokenA.split('.');
    const otherKind = `${a.userId}.story_overdue.${sigA}`;
    const aOnB = `${b.userId}.company_replied.${sigA}`;
    for (const token of [otherKind, aOnB]) {
      const post = await request(site, `/en/unsubscribe`, { form: { token } });
      expect(post.status).toBe(400);
    }
    expect(prefsOf(a.userId)).toEqual([]);
    expect(prefsOf(b.userId)).toEqual([]);
  });

  it('a mail client’s RFC 8058 POST (no Origin, no cookies) unsubscribes the token’s person from that kind only', async () => {
    const res = await rawRequest(site, `/en/unsubscribe?token=${tokenA}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('you will no longer get “The company replied”');
    expect(prefsOf(a.userId)).toEqual([{ kind: 'company_replied', enabled: 0 }]);
    // User B, whose token was never used, still gets everything.
    expect(prefsOf(b.userId)).toEqual([]);
    // A reply now sends A nothing more; B still hears of theirs.
    const before = (site.sql().prepare(`select count(*) as n from dev_mailbox where "to" = ? and template = 'story.company_replied'`).get(a.email) as { n: number }).n;
    await request(site, `/en/stories/${a.storyId}`, { jar: rep, form: { _action: 'reply', body: 'A second reply after the unsubscribe.' } });
    await replyMailToken(b);
    const after = (site.sql().prepare(`select count(*) as n from dev_mailbox where "to" = ? and template = 'story.company_replied'`).get(a.email) as { n: number }).n;
    expect(after).toBe(before);
  });

  it('the confirm page’s button (a same-origin form POST with the token in the body) unsubscribes too', async () => {
    const res = await request(site, '/it/unsubscribe', { form: { token: tokenB } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('non riceverai più');
    expect(prefsOf(b.userId)).toEqual([{ kind: 'company_replied', enabled: 0 }]);
  });
});

describe('the notification settings page', () => {
  it('requires sign-in to see or change anything', async () => {
    const get = await request(site, '/en/account/notifications');
    expect([302, 303]).toContain(get.status);
    expect(get.headers.get('location')).toContain('/en/account/sign-in');
    const post = await request(site, '/en/account/notifications', { form: { kinds: 'story_overdue' } });
    expect([302, 303]).toContain(post.status);
    expect(post.headers.get('location')).toContain('/en/account/sign-in');
    expect(prefsOf(a.userId)).toEqual([{ kind: 'company_replied', enabled: 0 }]);
  });

  it('refuses a cross-site POST, and a kind that does not exist or is not the person’s', async () => {
    const { jar } = await signIn(site, a.email);
    const page = await request(site, '/en/account/notifications', { jar });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="kinds" value="company_replied"');
    expect(html).not.toContain('value="company_digest"');

    const crossSite = await request(site, '/en/account/notifications', { jar, form: { kinds: 'company_replied' }, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    for (const kinds of ['everything', 'company_digest']) {
      const bad = await request(site, '/en/account/notifications', { jar, form: { kinds } });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('The form contained a choice that does not exist');
    }
    expect(prefsOf(a.userId)).toEqual([{ kind: 'company_replied', enabled: 0 }]);

    const ok = await request(site, '/en/account/notifications', { jar, body: 'kinds=company_replied&kinds=story_overdue', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(ok.status).toBe(303);
    expect(prefsOf(a.userId)).toEqual([
      { kind: 'company_replied', enabled: 1 },
      { kind: 'story_overdue', enabled: 1 },
      { kind: 'verdict_reminders', enabled: 0 },
    ]);
  });
});
