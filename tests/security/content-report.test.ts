// Hidden and withdrawn content never leaks through the report page (issue 11): a story hidden by a
// moderator answers 410 on its own page, and the report form must not show its title or link
// either, for the story itself, its photos or its messages; a hidden photo or message is missing
// too. Posting a report for such a target is refused cleanly (404 with a message, no row).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

interface Seeded {
  storyId: number;
  title: string;
  messageId: number;
  photoId: string;
}

/** A published story with a message and a photo row, then hidden (or withdrawn) as a moderator would. */
function storyWithParts(state: 'hidden' | 'withdrawn' | null): Seeded {
  const db = site.sql();
  const story = db
    .prepare(
      `select s.id, s.title from stories s where s.state not in ('hidden', 'withdrawn')
        and exists (select 1 from story_messages m where m.story_id = s.id and m.hidden_at is null)
        and not exists (select 1 from photos p where p.story_id = s.id)
        order by s.id limit 1`,
    )
    .get() as { id: number; title: string };
  const message = db.prepare(`select id from story_messages where story_id = ? order by id limit 1`).get(story.id) as { id: number };
  const photoId = randomBytes(16).toString('hex');
  db.prepare(`insert into photos (id, story_id, uploader_id, position, width, height, bytes, alt, created_at) values (?, ?, null, 0, 10, 10, 100, 'scontrino', ?)`).run(photoId, story.id, Date.now());
  if (state) db.prepare(`update stories set state = ? where id = ?`).run(state, story.id);
  return { storyId: story.id, title: story.title, messageId: message.id, photoId };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function expectMissing(target: string, seeded: Seeded): Promise<void> {
  const res = await request(site, `/en/report?target=${target}`);
  const html = await res.text();
  expect(res.status, target).toBe(404);
  expect(html).not.toContain(escapeHtml(seeded.title));
  expect(html).not.toContain(seeded.title);
  expect(html).not.toContain(`/en/stories/${seeded.storyId}"`);
  expect(html).not.toContain('name="targetId"');
}

const reportCount = () => (site.sql().prepare(`select count(*) as n from reports`).get() as { n: number }).n;

describe('the report page and hidden content', () => {
  it('shows nothing of a hidden story, its photo or its message', async () => {
    const s = storyWithParts('hidden');
    const story = await request(site, `/en/stories/${s.storyId}`);
    expect(story.status).toBe(410);
    await expectMissing(`story:${s.storyId}`, s);
    await expectMissing(`photo:${s.photoId}`, s);
    await expectMissing(`message:${s.messageId}`, s);
  });

  it('shows nothing of a withdrawn story, its photo or its message', async () => {
    const s = storyWithParts('withdrawn');
    await expectMissing(`story:${s.storyId}`, s);
    await expectMissing(`photo:${s.photoId}`, s);
    await expectMissing(`message:${s.messageId}`, s);
  });

  it('treats a hidden photo or a hidden message of a visible story as missing', async () => {
    const s = storyWithParts(null);
    site.sql().prepare(`update photos set hidden_at = ? where id = ?`).run(Date.now(), s.photoId);
    site.sql().prepare(`update story_messages set hidden_at = ? where id = ?`).run(Date.now(), s.messageId);
    for (const target of [`photo:${s.photoId}`, `message:${s.messageId}`]) {
      const res = await request(site, `/en/report?target=${target}`);
      expect(res.status, target).toBe(404);
      expect(await res.text()).not.toContain('name="targetId"');
    }
    // The visible story itself can still be reported, with its title.
    const ok = await request(site, `/en/report?target=story:${s.storyId}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(escapeHtml(s.title));
  });

  it('refuses a report posted for hidden content cleanly, with a message and no row', async () => {
    const s = storyWithParts('hidden');
    const before = reportCount();
    const { jar } = await signIn(site, 'giulia.r@example.org');
    for (const [kind, id] of [['story', String(s.storyId)], ['photo', s.photoId], ['message', String(s.messageId)]] as const) {
      for (const who of [jar, undefined]) {
        const res = await request(site, `/en/report?target=${kind}:${id}`, {
          jar: who,
          form: { targetKind: kind, targetId: id, reason: 'spam', explanation: 'This content is spam and should go away now.', goodFaith: 'on', reporterKind: '' },
        });
        const html = await res.text();
        expect(res.status, `${kind} ${who ? 'member' : 'visitor'}`).toBe(404);
        expect(html).not.toContain(escapeHtml(s.title));
        expect(html).toContain('role="alert"');
      }
    }
    expect(reportCount()).toBe(before);
  });

  it('shows nothing of a hidden story anywhere else that names stories (API, company page, feed, sitemap, search)', async () => {
    const s = storyWithParts(null);
    const db = site.sql();
    const company = db.prepare(`select c.id, c.slug from stories s join companies c on c.id = s.company_id where s.id = ?`).get(s.storyId) as { id: number; slug: string };
    const word = s.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    const search = `/en/search?q=${encodeURIComponent(word)}`;
    // Seen everywhere first (and so cached), then hidden by a moderator through the real form.
    expect(await (await request(site, `/en/companies/${company.slug}`)).text()).toContain(`/stories/${s.storyId}"`);
    expect(await (await request(site, search)).text()).toContain(`/stories/${s.storyId}"`);
    const { jar } = await signIn(site, 'moderatore@example.org');
    const hide = await request(site, `/en/moderation/story/${s.storyId}`, { jar, form: { action: 'hide', statement: 'Contains personal data of a third person; hidden under our content rules.' } });
    expect(hide.status).toBeLessThan(400);
    expect((db.prepare(`select state from stories where id = ?`).get(s.storyId) as { state: string }).state).toBe('hidden');
    // The search index follows the outbox within moments.
    for (let i = 0; i < 50 && (await (await request(site, search)).text()).includes(`/stories/${s.storyId}"`); i++) await new Promise((r) => setTimeout(r, 100));
    const api = await request(site, `/api/v1/stories/${s.storyId}`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(410);
    for (const path of [`/api/v1/stories/${s.storyId}`, `/en/companies/${company.slug}`, `/en/companies/${company.slug}/feed.xml`, `/api/v1/companies/${company.slug}/stories`, '/sitemap.xml', search, `/en/report?target=story:${s.storyId}`]) {
      const res = await request(site, path);
      const body = await res.text();
      expect(body, path).not.toContain(escapeHtml(s.title));
      expect(body, path).not.toContain(JSON.stringify(s.title).slice(1, -1));
      expect(body, path).not.toContain(`/stories/${s.storyId}<`);
      expect(body, path).not.toContain(`/stories/${s.storyId}"`);
    }
  });
});
