import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/db/client.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { PhotoRejectedError } from '../../src/content/photos.ts';
import { addPhotosToStory, photoUploadsFromForm } from '../../src/services/photo.service.ts';
import { GET as servePhoto } from '../../src/pages/photos/[file].ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { makeCompany, makeStory, makeUser } from '../helpers/content-fixtures.ts';

let t: TestDatabase;
let dir: string;
const now = 1_763_900_000_000;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'answerable-photos-int-'));
  process.env.DATABASE_PATH = t.path;
  process.env.PHOTOS_DIR = dir;
});

afterAll(async () => {
  await closeDatabase();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
  delete process.env.PHOTOS_DIR;
  delete process.env.DATABASE_PATH;
});

const png = (w = 400, h = 300) => sharp({ create: { width: w, height: h, channels: 3, background: '#3a6' } }).png().toBuffer();

async function request(file: string, user: { role: string } | null = null): Promise<Response> {
  return servePhoto({ params: { file }, locals: { user, session: null, db: t.db }, request: new Request(`http://localhost/photos/${file}`) } as never) as Promise<Response>;
}

describe('addPhotosToStory', () => {
  it("stores the author's photos as files and rows, audited and announced in one go", async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const stored = await addPhotosToStory(t.db, storyId, [{ bytes: await png(), alt: 'Tela strappata' }, { bytes: await png(800, 600) }], author, now);
    expect(stored).toHaveLength(2);
    const rows = await t.db.selectFrom('photos').selectAll().where('story_id', '=', storyId).orderBy('position').execute();
    expect(rows.map((r) => [r.id, r.position, r.alt, r.uploader_id])).toEqual([
      [stored[0]!.id, 0, 'Tela strappata', author.id],
      [stored[1]!.id, 1, null, author.id],
    ]);
    expect(readdirSync(dir).filter((f) => f.startsWith(stored[0]!.id)).sort()).toEqual([`${stored[0]!.id}-1600.webp`, `${stored[0]!.id}-400.webp`]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'story.photos_add').where('subject_id', '=', String(storyId)).execute();
    expect(audit).toHaveLength(1);
    const outbox = await t.db.selectFrom('outbox').selectAll().where('key', '=', `story:${storyId}`).execute();
    expect(outbox.map((o) => o.kind)).toEqual(['story.upsert']);
  });

  it('refuses the whole batch when one file is bad, leaving no file and no row', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const before = readdirSync(dir).length;
    const err = await addPhotosToStory(t.db, storyId, [{ bytes: await png() }, { bytes: Buffer.from('PK\x03\x04 not a photo') }], author, now).catch((e) => e);
    expect(err).toBeInstanceOf(PhotoRejectedError);
    expect(err).toMatchObject({ code: 'unsupported_format', params: { index: 1 } });
    expect(readdirSync(dir)).toHaveLength(before);
    expect(await t.db.selectFrom('photos').selectAll().where('story_id', '=', storyId).execute()).toEqual([]);
  });

  it('removes the written files when the transaction fails', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const before = readdirSync(dir).length;
    // A trigger makes the insert fail after the files are on disk.
    await t.sqlite.exec(`create trigger photos_fail before insert on photos when new.story_id = ${storyId} begin select raise(abort, 'disk full'); end`);
    try {
      await expect(addPhotosToStory(t.db, storyId, [{ bytes: await png() }], author, now)).rejects.toThrow(/disk full/);
    } finally {
      t.sqlite.exec('drop trigger photos_fail');
    }
    expect(readdirSync(dir)).toHaveLength(before);
    expect(await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', String(storyId)).execute()).toEqual([]);
  });

  it('allows at most 6 photos per story', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const p = await png(100, 100);
    await addPhotosToStory(t.db, storyId, Array.from({ length: 5 }, () => ({ bytes: p })), author, now);
    await expect(addPhotosToStory(t.db, storyId, [{ bytes: p }, { bytes: p }], author, now)).rejects.toMatchObject({ code: 'too_many_photos', params: { max: 6 } });
    await addPhotosToStory(t.db, storyId, [{ bytes: p }], author, now);
    await expect(addPhotosToStory(t.db, storyId, [{ bytes: p }], author, now)).rejects.toMatchObject({ code: 'too_many_photos' });
  });

  it("refuses photos from anyone but the story's author, and on hidden or withdrawn stories", async () => {
    const author = await makeUser(t.db);
    const other = await makeUser(t.db);
    const company = await makeCompany(t.db);
    const storyId = await makeStory(t.db, company, author.id);
    const p = await png(100, 100);
    await expect(addPhotosToStory(t.db, storyId, [{ bytes: p }], other, now)).rejects.toMatchObject({ code: 'not_author' });
    await expect(addPhotosToStory(t.db, 999_999, [{ bytes: p }], author, now)).rejects.toBeInstanceOf(DomainError);
    const hidden = await makeStory(t.db, company, author.id, { state: 'hidden' });
    await expect(addPhotosToStory(t.db, hidden, [{ bytes: p }], author, now)).rejects.toMatchObject({ code: 'invalid_state' });
  });
});

describe('photoUploadsFromForm', () => {
  it('reads the files and alt texts of a form, ignoring an empty file input', async () => {
    const form = new FormData();
    form.append('photos', new File([await png()], 'a.jpg', { type: 'image/jpeg' }));
    form.append('photos', new File([], ''));
    form.append('photoAlt', 'Il pacco aperto');
    const r = await photoUploadsFromForm(form);
    expect(r.ok && r.uploads.map((u) => [u.bytes.length > 0, u.alt])).toEqual([[true, 'Il pacco aperto']]);
  });

  it('refuses more than 6 files or an oversized one before reading them', async () => {
    const many = new FormData();
    for (let i = 0; i < 7; i++) many.append('photos', new File([new Uint8Array(10)], `${i}.png`));
    expect(await photoUploadsFromForm(many)).toMatchObject({ ok: false, error: { code: 'too_many_photos' } });
    const big = new FormData();
    big.append('photos', new File([new Uint8Array(10)], 'small.png'));
    big.append('photos', new File([new Uint8Array(2048)], 'big.png'));
    expect(await photoUploadsFromForm(big, 'photos', 'photoAlt', 1024)).toMatchObject({ ok: false, error: { code: 'too_large', params: { index: 1 } } });
  });
});

describe('GET /photos/[file]', () => {
  it('serves our WebP with a fixed type, nosniff and a short public cache lifetime (a hidden photo must disappear)', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const [photo] = await addPhotosToStory(t.db, storyId, [{ bytes: await png() }], author, now);
    const res = await request(`${photo!.id}-400.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
  });

  it('refuses names that are not ours, including path traversal', async () => {
    for (const file of ['../../../etc/passwd', '..%2F..%2Fdata%2Fanswerable.sqlite', 'answerable.sqlite', `${'a'.repeat(32)}-400.webp/../../x`, `${'a'.repeat(32)}-400.png`, `${'0'.repeat(32)}-400.webp`]) {
      const res = await request(file);
      expect(res.status, file).toBe(404);
    }
  });

  it('serves photos of hidden stories to moderators only, uncached', async () => {
    const author = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), author.id);
    const [photo] = await addPhotosToStory(t.db, storyId, [{ bytes: await png() }], author, now);
    await t.db.updateTable('stories').set({ state: 'hidden' }).where('id', '=', storyId).execute();
    expect((await request(`${photo!.id}-1600.webp`)).status).toBe(404);
    expect((await request(`${photo!.id}-1600.webp`, { role: 'consumer' })).status).toBe(404);
    const res = await request(`${photo!.id}-1600.webp`, { role: 'moderator' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });
});
