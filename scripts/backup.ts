// npm run backup [-- <target directory>] — an online backup while the site keeps serving and
// writing (decision 0010):
//   1. the database is copied with `VACUUM INTO`, which reads one consistent snapshot inside a
//      single read transaction (WAL: writers go on meanwhile) and writes a compact copy;
//   2. AFTER the snapshot, the photo files its rows reference are copied: a photo's files are
//      written before its row commits, so every row in the snapshot has its files on disk — except
//      a photo erased in the seconds since, whose row is then dropped from the copy too;
//      The photos of publish drafts (decision 0041) are copied the same way, into drafts/;
//   3. the copy is checked (integrity_check, foreign_key_check, every photo row has its files),
//      flushed to disk, and only then renamed from `<target>.partial-<pid>` to its final name.
// The target defaults to $BACKUP_DIR/answerable-<UTC timestamp> (BACKUP_DIR: data/backups).
// Restore with `npm run restore -- <backup directory>` (scripts/restore.ts, README).
import { checkConfigOrExit, config } from '../src/config.ts';
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PHOTO_SIZES, photoFileName, photosDir } from '../src/content/photos.ts';
import { databasePath } from '../src/db/client.ts';
import { draftsDir } from '../src/services/draft.service.ts';

/** The database file's name inside a backup directory. */
export const BACKUP_DB_FILE = 'answerable.sqlite';
export const BACKUP_PHOTOS_DIR = 'photos';
export const BACKUP_DRAFTS_DIR = 'drafts';
export const BACKUP_MANIFEST = 'manifest.json';

export interface VerifiedCopy {
  integrity: string;
  foreignKeyViolations: number;
  counts: Record<string, number>;
  /** Photo rows of the copy with a size missing from `photos`. */
  photosWithoutFiles: string[];
  /** Draft photo rows with a size missing from `drafts` (backups made before drafts were copied have none). */
  draftPhotosWithoutFiles: string[];
}

const COUNTED = ['users', 'companies', 'stories', 'story_messages', 'photos', 'audit_log'] as const;

/** Opens a database copy read-only and runs the checks a restore relies on. */
export function verifyDatabaseCopy(dbFile: string, photos: string, drafts?: string): VerifiedCopy {
  const sqlite = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const counts: Record<string, number> = {};
    for (const table of COUNTED) counts[table] = (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const present = new Set(existsSync(photos) ? readdirSync(photos) : []);
    const ids = (sqlite.prepare('select id from photos').all() as { id: string }[]).map((r) => r.id);
    const photosWithoutFiles = ids.filter((id) => PHOTO_SIZES.some((size) => !present.has(photoFileName(id, size))));
    const presentDrafts = new Set(drafts && existsSync(drafts) ? readdirSync(drafts) : []);
    const draftIds = (hasTable(sqlite, 'draft_photos') ? (sqlite.prepare('select id from draft_photos').all() as { id: string }[]) : []).map((r) => r.id);
    const draftPhotosWithoutFiles = draftIds.filter((id) => PHOTO_SIZES.some((size) => !presentDrafts.has(photoFileName(id, size))));
    return { integrity, foreignKeyViolations, counts, photosWithoutFiles, draftPhotosWithoutFiles };
  } finally {
    sqlite.close();
  }
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name) !== undefined;
}

export function isSound(v: VerifiedCopy): boolean {
  return v.integrity === 'ok' && v.foreignKeyViolations === 0 && v.photosWithoutFiles.length === 0;
}

/** fsync a file or a directory, so a rename that follows is not ahead of the data on disk. */
export function flushToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Copies the files of every row of a photo table (`photos`, `draft_photos`) of the snapshot into
 * `to`. A row whose files are gone since the snapshot (erased, its draft published or expired)
 * is deleted from the copy with any file already copied, so rows and files stay paired.
 */
async function copyPhotoTable(copy: Database.Database, table: 'photos' | 'draft_photos', from: string, to: string): Promise<{ copied: number; dropped: string[] }> {
  const ids = (copy.prepare(`select id from ${table}`).all() as { id: string }[]).map((r) => r.id);
  const dropped: string[] = [];
  let copied = 0;
  for (const id of ids) {
    try {
      for (const size of PHOTO_SIZES) {
        const name = photoFileName(id, size);
        await copyFile(join(from, name), join(to, name));
      }
      copied++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      dropped.push(id);
    }
  }
  if (dropped.length > 0) {
    const drop = copy.prepare(`delete from ${table} where id = ?`);
    copy.transaction(() => dropped.forEach((id) => drop.run(id))).immediate();
    for (const id of dropped) for (const size of PHOTO_SIZES) rmSync(join(to, photoFileName(id, size)), { force: true });
  }
  return { copied, dropped };
}

export interface BackupResult {
  target: string;
  photos: number;
  /** Photos erased between the snapshot and the file copy: their rows were left out. */
  droppedPhotos: string[];
  /** Photos of publish drafts copied, and those whose draft went (published, discarded, expired) meanwhile. */
  draftPhotos: number;
  droppedDraftPhotos: string[];
  verified: VerifiedCopy;
}

export async function backup(options: { source?: string; photos?: string; drafts?: string; target?: string; now?: Date } = {}): Promise<BackupResult> {
  const source = options.source ?? databasePath();
  const photosSource = options.photos ?? photosDir();
  const draftsSource = options.drafts ?? draftsDir(photosSource);
  const target = resolve(options.target ?? join(config().backupDir, `answerable-${timestamp(options.now ?? new Date())}`));
  if (!existsSync(source)) throw new Error(`no database at ${source} (DATABASE_PATH)`);
  if (existsSync(target)) throw new Error(`${target} exists already: choose another target`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  mkdirSync(join(partial, BACKUP_PHOTOS_DIR), { recursive: true });
  mkdirSync(join(partial, BACKUP_DRAFTS_DIR), { recursive: true });
  try {
    const dbCopy = join(partial, BACKUP_DB_FILE);
    const live = new Database(source, { fileMustExist: true });
    try {
      // The writer holds its lock for milliseconds; wait for it rather than fail.
      live.pragma('busy_timeout = 10000');
      live.prepare('VACUUM INTO ?').run(dbCopy);
    } finally {
      live.close();
    }

    // Files after the snapshot: each row in the copy had its files before its commit.
    const copy = new Database(dbCopy, { fileMustExist: true });
    const droppedPhotos: string[] = [];
    let photos = 0;
    let draftPhotos = 0;
    let droppedDrafts: string[] = [];
    try {
      const stories = await copyPhotoTable(copy, 'photos', photosSource, join(partial, BACKUP_PHOTOS_DIR));
      photos = stories.copied;
      droppedPhotos.push(...stories.dropped);
      // The same for the photos of publish drafts: a draft that went meanwhile loses its rows.
      const drafts = hasTable(copy, 'draft_photos') ? await copyPhotoTable(copy, 'draft_photos', draftsSource, join(partial, BACKUP_DRAFTS_DIR)) : { copied: 0, dropped: [] };
      draftPhotos = drafts.copied;
      droppedDrafts = drafts.dropped;
      // A self-contained file: no -wal beside it, whatever the source's journal mode.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }

    const verified = verifyDatabaseCopy(dbCopy, join(partial, BACKUP_PHOTOS_DIR), join(partial, BACKUP_DRAFTS_DIR));
    if (!isSound(verified) || verified.draftPhotosWithoutFiles.length > 0) throw new Error(`the copy failed its checks: ${JSON.stringify(verified)}`);
    writeFileSync(
      join(partial, BACKUP_MANIFEST),
      JSON.stringify({ createdAt: new Date().toISOString(), source, method: 'VACUUM INTO', photos, droppedPhotos, draftPhotos, droppedDraftPhotos: droppedDrafts, ...verified }, null, 2) + '\n',
    );
    for (const dir of [BACKUP_PHOTOS_DIR, BACKUP_DRAFTS_DIR]) for (const name of readdirSync(join(partial, dir))) flushToDisk(join(partial, dir, name));
    for (const path of [dbCopy, join(partial, BACKUP_MANIFEST), join(partial, BACKUP_PHOTOS_DIR), join(partial, BACKUP_DRAFTS_DIR), partial]) flushToDisk(path);
    renameSync(partial, target);
    flushToDisk(dirname(target));
    return { target, photos, droppedPhotos, draftPhotos, droppedDraftPhotos: droppedDrafts, verified };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  checkConfigOrExit();
  try {
    const result = await backup({ target: process.argv[2] });
    const c = result.verified.counts;
    console.log(`Backup written to ${result.target}`);
    console.log(`  database: ${BACKUP_DB_FILE} (VACUUM INTO snapshot of ${databasePath()}), integrity_check ok, no foreign key violations`);
    console.log(`  rows: ${c.stories} stories, ${c.story_messages} messages, ${c.companies} companies, ${c.users} users, ${c.audit_log} audit rows`);
    console.log(`  photos: ${result.photos} (${result.photos * PHOTO_SIZES.length} files) copied from ${photosDir()} into ${basename(result.target)}/${BACKUP_PHOTOS_DIR}`);
    if (result.droppedPhotos.length > 0) console.log(`  left out ${result.droppedPhotos.length} photo(s) erased after the snapshot: ${result.droppedPhotos.join(', ')}`);
    console.log(`  publish drafts' photos: ${result.draftPhotos} copied into ${basename(result.target)}/${BACKUP_DRAFTS_DIR}${result.droppedDraftPhotos.length ? ` (${result.droppedDraftPhotos.length} of drafts gone since the snapshot left out)` : ''}`);
    console.log(`Restore: stop the server, then npm run restore -- ${result.target}`);
  } catch (error) {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
