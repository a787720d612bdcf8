// npm run restore -- <backup directory> — puts a backup made by `npm run backup` in place of the
// database (DATABASE_PATH), the photos directory (PHOTOS_DIR) and the publish drafts' photos beside
// it (PHOTOS_DIR-drafts). Stop the server first: a
// running server keeps the old file open and would go on writing into it.
//   1. the backup is checked before anything is touched (integrity_check, foreign_key_check,
//      every photo row has its files);
//   2. the current database (with its -wal and -shm) and photos directory are moved aside to
//      `<name>.before-restore-<UTC timestamp>`, never deleted: a wrong restore can be undone;
//   3. the backup is copied next to its destination, flushed, and renamed into place, so a crash
//      halfway leaves either the old or the new file under the real name, never half of one.
// The server migrates the restored database at start-up if the backup predates a migration.
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { photosDir } from '../src/content/photos.ts';
import { databasePath } from '../src/db/client.ts';
import { BACKUP_DB_FILE, BACKUP_DRAFTS_DIR, BACKUP_PHOTOS_DIR, flushToDisk, isSound, verifyDatabaseCopy, type VerifiedCopy } from './backup.ts';
import { draftsDir } from '../src/services/draft.service.ts';
import Database from 'better-sqlite3';
import { checkConfigOrExit } from '../src/config.ts';

export interface RestoreResult {
  database: string;
  photos: string;
  drafts: string;
  /** Draft photos without files in the backup (made before drafts were backed up): left out, their drafts' text kept. */
  draftPhotosLeftOut: number;
  /** Where the replaced database and photos were moved (absent when there was nothing to keep). */
  keptAside: string[];
  verified: VerifiedCopy;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export function restore(backupDir: string, options: { database?: string; photos?: string; drafts?: string; now?: Date } = {}): RestoreResult {
  const from = resolve(backupDir);
  const database = options.database ?? databasePath();
  const photos = options.photos ?? photosDir();
  const drafts = options.drafts ?? draftsDir(photos);
  const backupDb = join(from, BACKUP_DB_FILE);
  const backupPhotos = join(from, BACKUP_PHOTOS_DIR);
  const backupDrafts = join(from, BACKUP_DRAFTS_DIR);
  if (!existsSync(backupDb)) throw new Error(`${from} is not a backup: ${BACKUP_DB_FILE} is missing`);
  const verified = verifyDatabaseCopy(backupDb, backupPhotos, backupDrafts);
  if (!isSound(verified)) throw new Error(`the backup failed its checks, nothing was changed: ${JSON.stringify(verified)}`);

  // Copies first, next to their destinations (same filesystem, so the renames are atomic).
  const suffix = timestamp(options.now ?? new Date());
  mkdirSync(dirname(database), { recursive: true });
  mkdirSync(dirname(photos), { recursive: true });
  const stagedDb = `${database}.restoring-${process.pid}`;
  const stagedPhotos = `${photos}.restoring-${process.pid}`;
  const stagedDrafts = `${drafts}.restoring-${process.pid}`;
  try {
    copyFileSync(backupDb, stagedDb);
    // A backup from before drafts were copied has draft photo rows without files: they are left
    // out (the drafts keep what was typed), rather than refusing the whole backup.
    if (verified.draftPhotosWithoutFiles.length > 0) {
      const staged = new Database(stagedDb);
      try {
        const drop = staged.prepare('delete from draft_photos where id = ?');
        staged.transaction(() => verified.draftPhotosWithoutFiles.forEach((id) => drop.run(id))).immediate();
      } finally {
        staged.close();
      }
    }
    flushToDisk(stagedDb);
    for (const [source, staged] of [[backupPhotos, stagedPhotos], [backupDrafts, stagedDrafts]] as const) {
      if (existsSync(source)) cpSync(source, staged, { recursive: true });
      else mkdirSync(staged);
      flushToDisk(staged);
    }
  } catch (error) {
    rmSync(stagedDb, { force: true });
    rmSync(stagedPhotos, { recursive: true, force: true });
    rmSync(stagedDrafts, { recursive: true, force: true });
    throw error;
  }

  const keptAside: string[] = [];
  for (const ext of ['', '-wal', '-shm']) {
    if (existsSync(database + ext)) {
      renameSync(database + ext, `${database}.before-restore-${suffix}${ext}`);
      if (ext === '') keptAside.push(`${database}.before-restore-${suffix}`);
    }
  }
  for (const dir of [photos, drafts]) {
    if (existsSync(dir)) {
      renameSync(dir, `${dir}.before-restore-${suffix}`);
      keptAside.push(`${dir}.before-restore-${suffix}`);
    }
  }
  renameSync(stagedDb, database);
  renameSync(stagedPhotos, photos);
  mkdirSync(dirname(drafts), { recursive: true });
  renameSync(stagedDrafts, drafts);
  flushToDisk(dirname(database));
  flushToDisk(dirname(photos));
  flushToDisk(dirname(drafts));
  return { database, photos, drafts, draftPhotosLeftOut: verified.draftPhotosWithoutFiles.length, keptAside, verified };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  checkConfigOrExit();
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npm run restore -- <backup directory>   (stop the server first)');
    process.exit(2);
  }
  try {
    const result = restore(dir);
    const c = result.verified.counts;
    console.log(`Restored ${resolve(dir)}`);
    console.log(`  database: ${result.database} (integrity_check ok, no foreign key violations; ${c.stories} stories, ${c.story_messages} messages, ${c.photos} photos)`);
    console.log(`  photos: ${result.photos}; publish drafts' photos: ${result.drafts}`);
    if (result.draftPhotosLeftOut > 0) console.log(`  left out ${result.draftPhotosLeftOut} draft photo(s) the backup had no files for (made before drafts were backed up); the drafts' text is kept`);
    for (const path of result.keptAside) console.log(`  kept the replaced data at ${path}`);
    console.log('Start the server (npm start): it applies any newer migrations at start-up.');
  } catch (error) {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
