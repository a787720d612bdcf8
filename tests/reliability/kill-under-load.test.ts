// kill -9 under write load (docs quality.md, Reliability). The built server runs on a temporary
// database; members publish and reply over HTTP (the real forms), a separate process adds photos
// through the photo service (fallback writer: no upload route yet), and both are SIGKILLed at
// moments drawn from a seeded PRNG, then the server is started again — several rounds. Afterwards
// every acknowledged write is there, the file passes SQLite's own checks, and photos on disk and
// photo rows match once the orphan sweep has run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { sweepOrphanPhotoFiles } from '../../src/services/erasure.service.ts';
import {
  emptyAck,
  exited,
  inspect,
  killAll,
  killGroup,
  makeDataDir,
  missingAcknowledged,
  prepareDatabase,
  prng,
  sigkill,
  sleep,
  startPhotoWriter,
  startServer,
  suiteSeed,
  waitFor,
  type DataDir,
  type PreparedDatabase,
} from './harness.ts';
import { HttpWriter } from './http-writer.ts';

const ROUNDS = 6;
const HOUR = 3_600_000;

let data: DataDir;
let prepared: PreparedDatabase;

beforeAll(async () => {
  data = makeDataDir('kill');
  prepared = await prepareDatabase(data.dbPath, 24);
});

afterAll(async () => {
  await killAll();
  data?.remove();
});

describe('kill -9 under write load', () => {
  it('keeps every acknowledged story, reply and photo, and leaves a sound file with no orphans', async () => {
    const seed = suiteSeed(1);
    const schedule = prng(seed);
    const ack = emptyAck();
    const writer = new HttpWriter(prepared, prng(seed + 1000), ack);
    const photoKills: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer(data);
      const photos = startPhotoWriter(data, seed * 100 + round, ack);
      const ackedBefore = writer.stats.acknowledged;
      const serverKillAfter = 5 + Math.floor(schedule() * 20);
      const photoKillAfter = 1 + Math.floor(schedule() * 4);
      const photoKillDelay = Math.floor(schedule() * 40);
      const serverKillDelay = Math.floor(schedule() * 40);
      let stop = false;

      const load = writer.run(server.baseUrl, () => stop);
      const photoKill = (async () => {
        await waitFor(() => photos.count() >= photoKillAfter || photos.child.exitCode !== null);
        await sleep(photoKillDelay);
        killGroup(photos.child, 'SIGKILL');
        await exited(photos.child);
        photoKills.push(`${photos.child.signalCode ?? `exit ${photos.child.exitCode}`}`);
      })();
      await waitFor(() => writer.stats.acknowledged - ackedBefore >= serverKillAfter || server.child.exitCode !== null);
      await sleep(serverKillDelay);
      await sigkill(server);
      stop = true;
      await Promise.all([load, photoKill]);

      expect(server.child.signalCode, `round ${round}: the server died on its own:\n${server.stderr()}`).toBe('SIGKILL');
      expect(photos.child.exitCode ?? 0, `round ${round}: the photo writer failed:\n${photos.stderr()}`).toBe(0);
    }

    // The load really happened, and nothing but redirects (or cut-off connections) came back.
    expect(writer.stats.unexpected).toEqual([]);
    expect(ack.stories.length).toBeGreaterThan(ROUNDS);
    expect(ack.replies.length).toBeGreaterThan(0);
    expect(ack.photos.length).toBeGreaterThan(0);

    // A last start after the crash: the server comes up on the crashed file and serves the newest
    // acknowledged story.
    const server = await startServer(data);
    const last = ack.stories.at(-1)!;
    const page = await fetch(`${server.baseUrl}/it/stories/${last}`);
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    await sigkill(server);

    // Files a kill left between "files written" and "rows committed" are younger than the sweep's
    // one-hour safety margin (an upload in progress must not lose its files); run the sweep the
    // server runs (src/server/boot.ts) with the clock two hours on, as it will find them then.
    const beforeSweep = inspect(data.dbPath, data.photosDir);
    const { db } = openDatabase(data.dbPath);
    try {
      await sweepOrphanPhotoFiles(db, Date.now() + 2 * HOUR, { dir: data.photosDir });
    } finally {
      await db.destroy();
    }
    const report = inspect(data.dbPath, data.photosDir);
    console.info(
      `[kill -9] seed ${seed}: ${ROUNDS} rounds, ${writer.stats.attempted} requests (${writer.stats.cutOff} cut off by a kill), ` +
        `acknowledged ${ack.stories.length} stories / ${ack.replies.length} replies / ${ack.photos.length} photos; ` +
        `photo writer ended by ${photoKills.join(', ')}; orphan files before the sweep: ${beforeSweep.filesWithoutRows.length}`,
    );

    expect(report.integrity).toBe('ok');
    expect(report.foreignKeyViolations).toBe(0);
    expect(missingAcknowledged(data.dbPath, ack)).toEqual({ stories: [], replies: [], photos: [] });
    expect(beforeSweep.rowsWithoutFiles).toEqual([]);
    expect(report.rowsWithoutFiles).toEqual([]);
    expect(report.filesWithoutRows).toEqual([]);
    expect(report.photos).toBeGreaterThanOrEqual(ack.photos.length);
  });
});
