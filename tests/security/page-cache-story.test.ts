// The story page through the anonymous page cache (decision 0044), played over HTTP against the
// built server: what anonymous visitors get from memory must never be stale after a change made
// through the real forms, and nothing personal (a signed-in visitor's or the author's own view)
// ever goes into the cache or comes out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
let storyId: number;
let title: string;
beforeAll(async () => {
  site = await startSite();
  const row = site
    .sql()
    .prepare("select s.id, s.title from stories s join companies c on c.id = s.company_id where c.name = 'FioriVeloci' and s.state in ('awaiting_reply', 'answered', 'overdue') order by s.id limit 1")
    .get() as { id: number; title: string };
  storyId = row.id;
  title = row.title;
});
afterAll(async () => {
  await site?.stop();
});

const anonymous = (path = `/en/stories/${storyId}`) => request(site, path);

describe('the story page in the anonymous page cache', () => {
  it('serves a repeated anonymous visit from the cache, and a reply posted over HTTP shows on the very next visit', async () => {
    await anonymous();
    const cached = await anonymous();
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-page-cache')).toBe('hit');
    expect(cached.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

    const { jar: rep } = await signIn(site, 'assistenza@fioriveloci.example');
    const text = `Abbiamo prenotato il corriere per domattina, codice ${Date.now()}.`;
    const posted = await request(site, `/en/stories/${storyId}`, { jar: rep, form: { _action: 'reply', body: text } });
    expect(posted.status).toBeLessThan(400);

    const next = await anonymous();
    expect(next.headers.get('x-page-cache')).not.toBe('hit');
    expect(await next.text()).toContain(text);
    // …and the page stored again carries it too.
    const again = await anonymous();
    expect(again.headers.get('x-page-cache')).toBe('hit');
    expect(await again.text()).toContain(text);
    // A browser's hit comes gzipped, with the same page inside.
    const zipped = await request(site, `/en/stories/${storyId}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('x-page-cache')).toBe('hit');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(await zipped.text()).toContain(text);
  });

  it("never caches a signed-in visitor's story page, and never shows it to an anonymous visitor", async () => {
    const { jar: rep } = await signIn(site, 'assistenza@fioriveloci.example');
    for (let i = 0; i < 2; i++) {
      const mine = await request(site, `/en/stories/${storyId}`, { jar: rep });
      expect(mine.status).toBe(200);
      expect(mine.headers.get('x-page-cache')).toBeNull();
      expect(mine.headers.get('cache-control')).toMatch(/no-store/);
      expect(mine.headers.get('etag')).toBeNull();
    }
    const html = await (await anonymous()).text();
    expect(html).not.toContain('name="_action" value="reply"');
    expect(html).not.toContain('/account/sign-out');
  });

  it("never caches the author's own view", async () => {
    const author = site.sql().prepare('select u.email from stories s join users u on u.id = s.author_id where s.id = ?').get(storyId) as { email: string } | undefined;
    if (!author) return;
    const { jar } = await signIn(site, author.email);
    const own = await request(site, `/en/stories/${storyId}`, { jar });
    expect(own.status).toBe(200);
    expect(own.headers.get('x-page-cache')).toBeNull();
    expect(own.headers.get('cache-control')).toMatch(/no-store/);
    const ownHtml = await own.text();
    const html = await (await anonymous()).text();
    // Whatever the author's view shows only to them, the anonymous page does not.
    if (ownHtml.includes('value="withdraw"')) expect(html).not.toContain('value="withdraw"');
  });

  it('drops a hidden story at once: the next anonymous visit is the 410 notice, never the cached page', async () => {
    await anonymous();
    expect((await anonymous()).headers.get('x-page-cache')).toBe('hit');
    const { jar: mod } = await signIn(site, 'moderatore@example.org');
    const hide = await request(site, `/en/moderation/story/${storyId}`, { jar: mod, form: { action: 'hide', statement: 'Contains personal data of a third person; hidden under our content rules.' } });
    expect(hide.status).toBeLessThan(400);
    for (let i = 0; i < 2; i++) {
      const gone = await anonymous();
      expect(gone.status).toBe(410);
      expect(gone.headers.get('x-page-cache')).not.toBe('hit');
      expect(await gone.text()).not.toContain(title);
    }
    // A stale validator from before the hiding gets the 410, not a 304.
    const revalidated = await request(site, `/en/stories/${storyId}`, { headers: { 'if-none-match': 'W/"anything"' } });
    expect(revalidated.status).toBe(410);
  });
});
