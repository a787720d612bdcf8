// Publish drafts (decision 0041): a photo kept in one person's draft is served to that person
// only — not to another signed-in person, not anonymously, not to a moderator — and uploads into
// a draft go through the photo pipeline (non-images, pixel floods, truncated files refused).
import sharp from 'sharp';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Jar, type Site } from './harness.ts';

let site: Site;
let giulia: Jar;
beforeAll(async () => {
  site = await startSite();
  ({ jar: giulia } = await signIn(site, 'giulia.r@example.org'));
});
afterAll(() => site?.stop());

async function preview(jar: Jar, file: { bytes: Buffer | Uint8Array; name: string; type: string }, extra: Record<string, string> = {}): Promise<{ res: Response; html: string }> {
  const form = new FormData();
  const fields: Record<string, string> = {
    companyName: 'Bozze Srl',
    title: 'Consegna in ritardo di due settimane',
    body: 'Il pacco è arrivato con due settimane di ritardo e nessuno ha risposto alla chat per mezz’ora.',
    experienceDate: '2026-10-01',
    category: 'delivery',
    language: 'it',
    channels: 'chat',
    wait_chat: '30',
    unanswered_chat: 'on',
    intent: 'preview',
    photoAlt: 'Una scatola schiacciata',
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('photos', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const res = await request(site, '/en/publish', { jar, body: form });
  return { res, html: await res.text() };
}

const png = () => sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a7' } }).png().toBuffer();

describe('draft photos', () => {
  it('are served to their owner only', async () => {
    const { res, html } = await preview(giulia, { bytes: await png(), name: 'scatola.png', type: 'image/png' });
    expect(res.status).toBe(200);
    const name = /\/drafts\/([0-9a-f]{32}-400\.webp)/.exec(html)?.[1];
    expect(name).toBeTruthy();
    const own = await request(site, `/drafts/${name}`, { jar: giulia });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/webp');
    expect(own.headers.get('cache-control')).toContain('no-store');
    // Re-encoded: the file is a WebP made by us, whatever was uploaded.
    expect((await sharp(Buffer.from(await own.arrayBuffer())).metadata()).format).toBe('webp');

    expect((await request(site, `/drafts/${name}`)).status).toBe(404);
    const { jar: marco } = await signIn(site, 'marco.b@example.org');
    expect((await request(site, `/drafts/${name}`, { jar: marco })).status).toBe(404);
    const { jar: moderator } = await signIn(site, 'moderatore@example.org');
    expect((await request(site, `/drafts/${name}`, { jar: moderator })).status).toBe(404);
    // Not under /photos/ either, and no path tricks.
    expect((await request(site, `/photos/${name}`)).status).toBe(404);
    expect((await request(site, `/drafts/..%2F${name}`, { jar: giulia })).status).toBe(404);

    // Another person cannot take over the draft by posting its id: they get a fresh draft.
    const draftId = /name="draftId" value="([0-9a-f]{32})"/.exec(html)?.[1];
    expect(draftId).toBeTruthy();
    const form = new FormData();
    form.append('draftId', draftId!);
    form.append('intent', 'preview');
    const theirs = await (await request(site, '/en/publish', { jar: marco, body: form })).text();
    expect(theirs).not.toContain(name!.slice(0, 32));
    expect(theirs).not.toContain(`value="${draftId}"`);
    const restored = await (await request(site, `/en/publish?draft=${draftId}`, { jar: marco })).text();
    expect(restored).not.toContain('Bozze Srl');
  });

  it('checks uploads like story photos', async () => {
    const notImage = await preview(giulia, { bytes: Buffer.from('<?php echo 1; ?>'), name: 'photo.jpg', type: 'image/jpeg' });
    expect(notImage.res.status).toBe(422);
    expect(notImage.html).not.toMatch(/\/drafts\/[0-9a-f]{32}-400\.webp/);
    expect(notImage.html).toContain('value="Bozze Srl"');

    const svg = await preview(giulia, { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), name: 'x.png', type: 'image/png' });
    expect(svg.res.status).toBe(422);

    const full = await png();
    const truncated = await preview(giulia, { bytes: full.subarray(0, Math.floor(full.length / 2)), name: 'half.png', type: 'image/png' });
    expect(truncated.res.status).toBe(422);

    // A pixel flood: a small PNG whose header claims 20000×20000 (IHDR patched, CRC recomputed).
    const flood = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
    flood.writeUInt32BE(20000, 16);
    flood.writeUInt32BE(20000, 20);
    flood.writeUInt32BE(crc32(flood.subarray(12, 29)), 29);
    const big = await preview(giulia, { bytes: flood, name: 'flood.png', type: 'image/png' });
    expect(big.res.status).toBe(422);
    expect(big.html).toContain('value="Bozze Srl"');
  });

  it('refuses a cross-site post into a draft', async () => {
    const form = new FormData();
    form.append('intent', 'switch_lang');
    form.append('title', 'Da un altro sito');
    const res = await request(site, '/it/publish', { jar: giulia, body: form, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
  });
});
