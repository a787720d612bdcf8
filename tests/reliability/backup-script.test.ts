// The backup script's own rules, in-process: rows and files stay paired even when a photo is
// erased between the snapshot and the file copy, a backup never overwrites another, and a
// failed backup leaves no half-written directory behind. The photos of publish drafts are backed
// up and restored with them (an older backup without them restores, drafts keeping their text).
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, verifyDatabaseCopy } from '../../scripts/backup.ts';
import { restore } from '../../scripts/restore.ts';
import { draftsDir, saveDraft } from '../../src/services/draft.service.ts';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/client.ts';
import { PHOTO_SIZES, photoFileName } from '../../src/content/photos.ts';
import { addPhotosToStory } from '../../src/services/photo.service.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { makeDataDir, prepareDatabase, type DataDir } from './harness.ts';

let data: DataDir;
let photoIds: string[] = [];
let draftPhotoId = '';

beforeAll(async () => {
  data = makeDataDir('backup-script');
  const prepared = await prepareDatabase(data.dbPath, 1);
  const { db } = openDatabase(data.dbPath);
  try {
    const author = prepared.members[0]!.userId;
    const { storyId } = await publishStory(db, { kind: 'consumer', userId: author, companyIds: [] }, {
      company: { name: prepared.companyName },
      title: 'Lavatrice arrivata rotta',
      body: 'La lavatrice è arrivata con il cestello ammaccato; allego le foto della scatola.',
      experienceDate: '2026-10-10',
      category: 'delivery',
      language: 'it',
      channels: [{ channel: 'email', waitMinutes: 60, answered: true }],
    });
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
    const stored = await addPhotosToStory(db, storyId, [{ bytes: png }, { bytes: png }], { id: author, role: 'consumer' }, Date.now(), { dir: data.photosDir });
    photoIds = stored.map((p) => p.id);
    const draft = await saveDraft(db, { userId: author, draftId: null, values: { title: 'Bozza con la foto del cestello', intent: 'preview', channels: ['email'] }, uploads: [{ bytes: png, alt: 'Il cestello' }], alts: new Map(), remove: [], now: Date.now(), dir: draftsDir(data.photosDir) });
    draftPhotoId = draft.photos[0]!.id;
  } finally {
    await db.destroy();
  }
});

afterAll(() => data?.remove());

describe('scripts/backup.ts', () => {
  it('copies every photo its snapshot references and leaves out a photo erased before its files were copied', async () => {
    // The files of the second photo disappear as an erasure right after the snapshot would make them.
    for (const size of PHOTO_SIZES) rmSync(join(data.photosDir, photoFileName(photoIds[1]!, size)));
    const target = join(data.dir, 'backups', 'one');
    const result = await backup({ source: data.dbPath, photos: data.photosDir, target });
    expect(result.droppedPhotos).toEqual([photoIds[1]]);
    expect(result.photos).toBe(1);
    expect(readdirSync(join(target, 'photos')).sort()).toEqual(PHOTO_SIZES.map((s) => photoFileName(photoIds[0]!, s)).sort());
    const verified = verifyDatabaseCopy(join(target, 'answerable.sqlite'), join(target, 'photos'));
    expect(verified).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0, photosWithoutFiles: [] });
    expect(verified.counts).toMatchObject({ stories: 1, photos: 1 });
    expect(readdirSync(target).sort()).toEqual(['answerable.sqlite', 'drafts', 'manifest.json', 'photos']);
    // The publish draft's photo is in the backup, beside its row.
    expect(result.draftPhotos).toBe(1);
    expect(readdirSync(join(target, 'drafts')).sort()).toEqual(PHOTO_SIZES.map((s) => photoFileName(draftPhotoId, s)).sort());
    expect(verifyDatabaseCopy(join(target, 'answerable.sqlite'), join(target, 'photos'), join(target, 'drafts')).draftPhotosWithoutFiles).toEqual([]);
  });

  it('restores the drafts’ photos beside the photos, and restores an older backup without them (the drafts keep their text)', async () => {
    const into = (name: string) => ({ database: join(data.dir, name, 'db.sqlite'), photos: join(data.dir, name, 'photos') });
    const a = into('restored-a');
    const r = restore(join(data.dir, 'backups', 'one'), a);
    expect(r.draftPhotosLeftOut).toBe(0);
    expect(readdirSync(draftsDir(a.photos)).sort()).toEqual(PHOTO_SIZES.map((s) => photoFileName(draftPhotoId, s)).sort());

    // A backup made before drafts were backed up: the same directory without drafts/.
    const old = join(data.dir, 'backups', 'old-style');
    cpSync(join(data.dir, 'backups', 'one'), old, { recursive: true });
    rmSync(join(old, 'drafts'), { recursive: true });
    const b = into('restored-b');
    expect(restore(old, b).draftPhotosLeftOut).toBe(1);
    const restored = new Database(b.database, { readonly: true });
    try {
      expect(restored.prepare('select count(*) as n from draft_photos').get()).toEqual({ n: 0 });
      expect(restored.prepare('select count(*) as n from publish_drafts').get()).toEqual({ n: 1 });
    } finally {
      restored.close();
    }
  });

  it('refuses to write over an existing backup', async () => {
    const target = join(data.dir, 'backups', 'one');
    await expect(backup({ source: data.dbPath, photos: data.photosDir, target })).rejects.toThrow(/exists already/);
  });

  it('leaves nothing behind when the backup fails', async () => {
    const target = join(data.dir, 'backups', 'two');
    const notADatabase = join(data.dir, 'garbage.sqlite');
    writeFileSync(notADatabase, 'this is not an SQLite file, and it is long enough to have a header'.repeat(20));
    await expect(backup({ source: notADatabase, photos: data.photosDir, target })).rejects.toThrow(/not a database/);
    expect(readdirSync(join(data.dir, 'backups')).sort()).toEqual(['old-style', 'one']);
    expect(existsSync(target)).toBe(false);
  });
});
