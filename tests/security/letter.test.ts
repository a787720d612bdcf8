// Escalation letters and marketplace stories over HTTP against the built server (issue 17):
// the complaint letter of someone else's story never carries the author's e-mail, name or private
// order reference (page and text download, both letter languages, anonymous or signed in as
// someone else); a company that a marketplace story does not name cannot reply to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jar, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
let telcoStory: number;
let marketStory: number;
const AUTHOR_EMAIL = 'hannah.w@example.com';
const AUTHOR_NAME = 'Hannah W.';
const ORDER_REF = 'AF-2026-118842';

beforeAll(async () => {
  site = await startSite();
  telcoStory = (site.sql().prepare('select id from stories where order_reference = ?').get(ORDER_REF) as { id: number }).id;
  marketStory = (site.sql().prepare('select story_id as id from story_marketplaces order by story_id limit 1').get() as { id: number }).id;
});
afterAll(async () => {
  await site?.stop();
});

const letterPaths = (id: number) => [
  `/en/stories/${id}/letter`,
  `/it/stories/${id}/letter?letter=en`,
  `/en/stories/${id}/letter?letter=it`,
  `/en/stories/${id}/letter.txt?letter=en`,
  `/it/stories/${id}/letter.txt?letter=it`,
];

async function letters(jar?: Jar): Promise<string[]> {
  const out: string[] = [];
  for (const path of letterPaths(telcoStory)) {
    const res = await request(site, path, { jar });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('cache-control'), path).toContain('no-store');
    out.push(await res.text());
  }
  return out;
}

describe('the complaint letter of a story', () => {
  it('gives an anonymous visitor placeholders, never the author’s e-mail, name or order reference', async () => {
    for (const text of await letters()) {
      expect(text).not.toContain(AUTHOR_EMAIL);
      expect(text).not.toContain(AUTHOR_NAME);
      expect(text).not.toContain(ORDER_REF);
      expect(text).toMatch(/\[(Full name|Nome e cognome)\]/);
    }
  });

  it('gives another signed-in member, and a company representative, the same placeholders', async () => {
    for (const email of ['giulia.r@example.org', 'assistenza@piazzalunga.example']) {
      const { jar } = await signIn(site, email);
      for (const text of await letters(jar)) {
        expect(text, email).not.toContain(AUTHOR_EMAIL);
        expect(text, email).not.toContain(AUTHOR_NAME);
        expect(text, email).not.toContain(ORDER_REF);
      }
    }
  });

  it('fills in the author’s own name and order reference for the author alone', async () => {
    const { jar } = await signIn(site, AUTHOR_EMAIL);
    for (const text of await letters(jar)) {
      expect(text).toContain(AUTHOR_NAME);
      expect(text).toContain(ORDER_REF);
      expect(text).not.toContain(AUTHOR_EMAIL);
    }
  });

  it('downloads as a plain-text attachment', async () => {
    const res = await request(site, `/en/stories/${telcoStory}/letter.txt?letter=it`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="reclamo-${telcoStory}.txt"`);
    expect(await res.text()).toContain('Reclamo formale – Billed for a fibre line that was never installed');
  });

  it('answers a bad letter language with a 400 in the page’s language, and an unknown story with a 404', async () => {
    const bad = await request(site, `/it/stories/${telcoStory}/letter?letter=de`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Lingua della lettera non disponibile');
    expect((await request(site, `/en/stories/${telcoStory}/letter.txt?letter=<script>`)).status).toBe(400);
    expect((await request(site, '/en/stories/99999999/letter')).status).toBe(404);
    expect((await request(site, '/en/stories/abc/letter.txt')).status).toBe(404);
  });

  it('is not served for a hidden story', async () => {
    site.sql().prepare("update stories set state_before_hidden = state, state = 'hidden' where id = ?").run(telcoStory);
    try {
      expect((await request(site, `/en/stories/${telcoStory}/letter`)).status).toBe(404);
      expect((await request(site, `/en/stories/${telcoStory}/letter.txt`)).status).toBe(404);
    } finally {
      site.sql().prepare('update stories set state = state_before_hidden, state_before_hidden = null where id = ?').run(telcoStory);
    }
  });
});

describe('replies on a marketplace story', () => {
  const count = () => (site.sql().prepare("select count(*) as n from story_messages where story_id = ? and author_role = 'company'").get(marketStory) as { n: number }).n;

  it('refuses a company the story does not name, and writes nothing', async () => {
    const before = count();
    const { jar } = await signIn(site, 'assistenza@fioriveloci.example');
    const res = await request(site, `/en/stories/${marketStory}`, { jar, form: { _action: 'reply', body: 'We can help you with this order.' } });
    expect(res.status).toBe(403);
    expect(count()).toBe(before);
  });

  it('lets the marketplace and the seller reply, each recorded under its own company', async () => {
    const ids = site.sql().prepare('select seller_id, marketplace_id from story_marketplaces where story_id = ?').get(marketStory) as { seller_id: number; marketplace_id: number };
    for (const email of ['assistenza@piazzalunga.example', 'assistenza@bottegadeltelaio.example']) {
      const { jar } = await signIn(site, email);
      const res = await request(site, `/en/stories/${marketStory}`, { jar, form: { _action: 'reply', body: `A follow-up from ${email}.` } });
      expect(res.status, email).toBe(303);
    }
    const rows = site.sql().prepare("select company_id from story_messages where story_id = ? and body like 'A follow-up from %' order by id").all(marketStory) as { company_id: number }[];
    expect(rows.map((r) => r.company_id)).toEqual([ids.marketplace_id, ids.seller_id]);
    const page = await (await request(site, `/en/stories/${marketStory}`)).text();
    expect(page).toContain('Reply from Piazzalunga (marketplace)');
    expect(page).toContain('Reply from Bottega del Telaio (seller)');
    // Both inboxes hold it; the marketplace's says the story does not count in its score.
    const { jar: marketplace } = await signIn(site, 'assistenza@piazzalunga.example');
    const inbox = await (await request(site, '/en/dashboard', { jar: marketplace })).text();
    expect(inbox).toContain(`/en/stories/${marketStory}#thread-h`);
    expect(inbox).toContain('Not counted in this company’s score');
    const { jar: seller } = await signIn(site, 'assistenza@bottegadeltelaio.example');
    const sellerInbox = await (await request(site, '/en/dashboard', { jar: seller })).text();
    expect(sellerInbox).toContain(`/en/stories/${marketStory}#thread-h`);
  });
});
