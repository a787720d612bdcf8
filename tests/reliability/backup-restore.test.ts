// Backup and restore (docs quality.md, Reliability): `npm run backup` runs while members keep
// publishing and replying over HTTP and the photo writer keeps adding photos; the backup is then
// restored over the live data directory (server stopped), and the restored copy passes the same
// checks as after a crash and holds everything acknowledged before the backup started.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyAck,
  emptyAck,
  exited,
  inspect,
  killAll,
  killGroup,
  makeDataDir,
  missingAcknowledged,
  prepareDatabase,
  prng,
  root,
  serverEnv,
  sigkill,
  startPhotoWriter,
  startServer,
  suiteSeed,
  waitFor,
  type DataDir,
  type PreparedDatabase,
} from './harness.ts';
import { HttpWriter } from './http-writer.ts';

const run = promisify(execFile);

let data: DataDir;
let prepared: PreparedDatabase;

beforeAll(async () => {
  data = makeDataDir('backup');
  prepared = await prepareDatabase(data.dbPath, 12);
});

afterAll(async () => {
  await killAll();
  data?.remove();
});

describe('npm run backup and npm run restore', () => {
  it('backs up online while writes go on, and the restore holds every write acknowledged before it', async () => {
    const seed = suiteSeed(2);
    const ack = emptyAck();
    const writer = new HttpWriter(prepared, prng(seed), ack);
    const server = await startServer(data);
    const photos = startPhotoWriter(data, seed, ack, 200);
    let stop = false;
    const load = writer.run(server.baseUrl, () => stop);

    expect(await waitFor(() => ack.stories.length >= 8 && ack.replies.length >= 4 && ack.photos.length >= 3)).toBe(true);
    const beforeBackup = copyAck(ack);
    const backupDir = join(data.dir, 'backups', 'during-load');
    const backup = await run(process.execPath, [join(root, 'scripts/backup.ts'), backupDir], { cwd: root, env: serverEnv(data), timeout: 60_000 });
    const writesDuringBackup = ack.stories.length + ack.replies.length + ack.photos.length - (beforeBackup.stories.length + beforeBackup.replies.length + beforeBackup.photos.length);
    // Writes keep landing after the backup too; then the writers stop.
    const afterBackup = writer.stats.acknowledged;
    expect(await waitFor(() => writer.stats.acknowledged > afterBackup)).toBe(true);
    stop = true;
    await load;
    killGroup(photos.child);
    await exited(photos.child);
    await sigkill(server);
    console.info(`[backup] ${writesDuringBackup} writes acknowledged while the backup ran\n${backup.stdout.trim()}`);

    expect(writer.stats.unexpected).toEqual([]);
    expect(backup.stdout).toContain('integrity_check ok');
    expect(readdirSync(join(data.dir, 'backups'))).toEqual(['during-load']);

    const restored = await run(process.execPath, [join(root, 'scripts/restore.ts'), backupDir], { cwd: root, env: serverEnv(data), timeout: 60_000 });
    expect(restored.stdout).toContain('kept the replaced data at');
    expect(readdirSync(data.dir).filter((n) => n.includes('.before-restore-')).length).toBeGreaterThanOrEqual(2);

    const report = inspect(data.dbPath, data.photosDir);
    expect(report.integrity).toBe('ok');
    expect(report.foreignKeyViolations).toBe(0);
    expect(report.rowsWithoutFiles).toEqual([]);
    expect(report.filesWithoutRows).toEqual([]);
    expect(missingAcknowledged(data.dbPath, beforeBackup)).toEqual({ stories: [], replies: [], photos: [] });
    expect(existsSync(`${data.dbPath}-wal`)).toBe(false);

    // The restored site starts and serves a story acknowledged before the backup.
    const again = await startServer(data);
    const page = await fetch(`${again.baseUrl}/it/stories/${beforeBackup.stories.at(-1)}`);
    expect(page.status).toBe(200);
    await page.arrayBuffer();
    await sigkill(again);
  });

  it('refuses a directory that is not a backup and changes nothing', async () => {
    const before = inspect(data.dbPath, data.photosDir);
    const failed = await run(process.execPath, [join(root, 'scripts/restore.ts'), join(data.dir, 'photos')], { cwd: root, env: serverEnv(data) }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('is not a backup');
    expect(inspect(data.dbPath, data.photosDir)).toEqual(before);
  });
});
