// Item: photos are not cached for a year (a hidden photo must disappear), hidden photos and
// photos of hidden stories answer 404 at once; /healthz tells the public only up or down.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

function addPhoto(storyId: number): string {
  const id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  mkdirSync(site.data.photosDir, { recursive: true });
  for (const size of [400, 1600]) writeFileSync(join(site.data.photosDir, `${id}-${size}.webp`), Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '));
  site.sql().prepare('insert into photos (id, story_id, position, width, height, bytes, created_at) values (?, ?, 0, 400, 300, 20, ?)').run(id, storyId, Date.now());
  return id;
}

const publicStory = () => (site.sql().prepare(`select id from stories where state not in ('hidden','withdrawn') order by id limit 1 offset ?`).get(Math.floor(Math.random() * 5)) as { id: number }).id;

describe('photo caching', () => {
  it('a public photo is served with a short cache lifetime, never immutable', async () => {
    const id = addPhoto(publicStory());
    const res = await request(site, `/photos/${id}-400.webp`);
    expect(res.status).toBe(200);
    const cc = res.headers.get('cache-control') ?? '';
    expect(cc).not.toMatch(/immutable/);
    const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? 0);
    expect(maxAge).toBeLessThanOrEqual(300);
    // Revalidation is cheap: the ETag gives a 304 while the photo is public.
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await request(site, `/photos/${id}-400.webp`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
  });

  it('a hidden photo answers 404 at once', async () => {
    const id = addPhoto(publicStory());
    expect((await request(site, `/photos/${id}-1600.webp`)).status).toBe(200);
    site.sql().prepare('update photos set hidden_at = ? where id = ?').run(Date.now(), id);
    expect((await request(site, `/photos/${id}-1600.webp`)).status).toBe(404);
  });

  it("a hidden story's photo answers 404 at once", async () => {
    const story = publicStory();
    const id = addPhoto(story);
    expect((await request(site, `/photos/${id}-400.webp`)).status).toBe(200);
    site.sql().prepare(`update stories set state_before_hidden = state, state = 'hidden' where id = ?`).run(story);
    expect((await request(site, `/photos/${id}-400.webp`)).status).toBe(404);
  });
});

describe('/healthz', () => {
  it('tells an anonymous visitor only whether the site is up', async () => {
    const res = await request(site, '/healthz', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('a signed-in non-admin gets no details either', async () => {
    const { jar } = await signIn(site, 'giulia.r@example.org');
    const res = await request(site, '/healthz', { jar, headers: { accept: 'application/json' } });
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('a signed-in admin gets the details', async () => {
    const { jar } = await signIn(site, 'admin@example.org');
    const res = await request(site, '/healthz', { jar, headers: { accept: 'application/json' } });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.status).toBe('ok');
    expect(body.migrations).toBe('current');
  });
});
