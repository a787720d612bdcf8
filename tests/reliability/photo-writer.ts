// FALLBACK WRITER for photos, run as its own process and killed with SIGKILL by the suite: no
// HTTP route accepts photo uploads yet, so this process calls the photo service directly
// (addPhotosToStory: files first, then the rows in one transaction) against the same database
// file and photos directory as the server. It prints `PHOTO <id>` only after the service
// returned, i.e. after the commit; a kill between the files and the commit leaves files without a
// row, which the orphan sweep must remove.
// Usage: node tests/reliability/photo-writer.ts <database> <photos dir> <seed> <max photos>
import sharp from 'sharp';
import { openDatabase } from '../../src/db/client.ts';
import { addPhotosToStory } from '../../src/services/photo.service.ts';
import { prng } from './random.ts';

const [dbPath, dir, seedArg, maxArg] = process.argv.slice(2);
if (!dbPath || !dir) throw new Error('usage: photo-writer.ts <database> <photos dir> <seed> <max photos>');
const rand = prng(Number(seedArg ?? 1));
const max = Number(maxArg ?? 100);
const { db } = openDatabase(dbPath);

async function tinyPhoto(): Promise<Uint8Array> {
  const colour = { r: Math.floor(rand() * 256), g: Math.floor(rand() * 256), b: Math.floor(rand() * 256) };
  return sharp({ create: { width: 48 + Math.floor(rand() * 32), height: 36, channels: 3, background: colour } }).png().toBuffer();
}

for (let written = 0, attempts = 0; written < max && attempts < max * 20; attempts++) {
  const story = await db
    .selectFrom('stories')
    .select(['id', 'author_id'])
    .where('author_id', 'is not', null)
    .where('state', 'not in', ['hidden', 'withdrawn'])
    .where((eb) => eb(eb.selectFrom('photos').select((p) => p.fn.countAll<number>().as('n')).whereRef('photos.story_id', '=', 'stories.id'), '<', 6))
    .orderBy('id', 'desc')
    .limit(10)
    .execute();
  if (story.length === 0) {
    await new Promise((r) => setTimeout(r, 20));
    continue;
  }
  const target = story[Math.floor(rand() * story.length)]!;
  try {
    const stored = await addPhotosToStory(db, target.id, [{ bytes: await tinyPhoto(), alt: 'Scatola danneggiata' }], { id: target.author_id!, role: 'consumer' }, Date.now(), { dir });
    for (const p of stored) process.stdout.write(`PHOTO ${p.id}\n`);
    written += stored.length;
  } catch (error) {
    // Another photo took the last place on this story: pick another one.
    if ((error as { code?: string }).code !== 'too_many_photos') throw error;
  }
}
await db.destroy();
