// "Delete my account" (GDPR art. 17). In one transaction: the author's stories become tombstones
// ("withdrawn by the author", text and private evidence gone) or stay anonymised, as the author
// chooses; their photos, revisions, sessions, tokens, claims, pending and sent mail, and the user
// row go; search documents follow through the outbox. The audit log (append-only) keeps only the
// bare numeric id, which after erasure points at nothing. Photo files are removed after the
// commit; sweepOrphanPhotoFiles() catches any left by a crash in between.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { appendAudit } from '../db/audit.repository.ts';
import type { DB } from '../db/client.ts';
import { enqueueSearchEvent } from '../db/outbox.repository.ts';
import { anonymiseReportsOf } from '../db/report.repository.ts';
import { deleteClaimsOf } from '../db/claim.repository.ts';
import { clearClaimantEverywhere } from '../db/company.repository.ts';
import { deleteUser, findUserById } from '../db/user.repository.ts';
import { DomainError } from '../domain/errors.ts';
import { deletePhotoFiles, isPhotoId, parsePhotoFileName, photosDir } from '../content/photos.ts';
import { changeStoryVisibility } from './story-visibility.ts';
import { inTransaction } from '../db/transaction.ts';

export type StoryChoice = 'withdraw' | 'anonymise';

export interface ErasureOptions {
  /** Where photo files live (PHOTOS_DIR by default). */
  photosDir?: string;
}

export interface ErasureSummary {
  stories: number;
  photos: number;
  messages: number;
  sessions: number;
}

async function tableExists(db: DB, name: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

export async function eraseAccount(
  db: DB,
  userId: number,
  opts: { stories: StoryChoice },
  now: number,
  options: ErasureOptions = {},
): Promise<ErasureSummary> {
  const dir = options.photosDir ?? photosDir();
  const { summary, photoIds } = await inTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new DomainError('not_allowed', 'no such account');
    const stories = await trx.selectFrom('stories').select(['id', 'state']).where('author_id', '=', userId).execute();
    const storyIds = stories.map((s) => s.id);

    // Photos: every photo the person uploaded, and every photo of a story being withdrawn.
    let photoQuery = trx.selectFrom('photos').select('id').where('uploader_id', '=', userId);
    if (opts.stories === 'withdraw' && storyIds.length > 0) {
      photoQuery = trx.selectFrom('photos').select('id').where((eb) => eb.or([eb('uploader_id', '=', userId), eb('story_id', 'in', storyIds)]));
    }
    const photoIds = (await photoQuery.execute()).map((p) => p.id);
    if (photoIds.length > 0) await trx.deleteFrom('photos').where('id', 'in', photoIds).execute();

    const messageIds = (await trx.selectFrom('story_messages').select('id').where('author_id', '=', userId).execute()).map((m) => m.id);

    for (const s of stories) {
      if (opts.stories === 'withdraw') {
        if (s.state !== 'withdrawn') {
          await changeStoryVisibility(trx, s.id, 'withdraw', '', { id: userId, role: user.role }, now, { data: { reason: 'account_erasure' } });
        }
        // The tombstone: no text, no evidence, no verdict comment, no history, no thread.
        await trx
          .updateTable('stories')
          .set({ title: '', body: '', verdict_comment: null, order_reference: null, dedupe_key: null, author_id: null, updated_at: now })
          .where('id', '=', s.id)
          .execute();
        await trx.deleteFrom('story_messages').where('story_id', '=', s.id).execute();
        await trx.deleteFrom('story_channels').where('story_id', '=', s.id).execute();
        await trx.deleteFrom('story_followups').where('story_id', '=', s.id).execute();
        if (s.state === 'withdrawn') await enqueueSearchEvent(trx, { kind: 'story.delete', storyId: s.id }, now);
      } else {
        // Anonymised: the experience stays public without the person; the private order
        // reference (which identifies them to the company) and old revisions go.
        await trx
          .updateTable('stories')
          .set({ author_id: null, order_reference: null, dedupe_key: null, updated_at: now })
          .where('id', '=', s.id)
          .execute();
        await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: s.id }, now);
      }
      await trx.deleteFrom('story_revisions').where('story_id', '=', s.id).execute();
    }

    // Messages elsewhere (e.g. replies written as a company representative) stay as the
    // company's speech, without the person; their edit history goes.
    if (messageIds.length > 0) {
      await trx.deleteFrom('story_message_revisions').where('message_id', 'in', messageIds).execute();
      await trx.updateTable('story_messages').set({ author_id: null }).where('id', 'in', messageIds).execute();
    }
    await trx.updateTable('story_revisions').set({ editor_id: null }).where('editor_id', '=', userId).execute();

    // Reports filed by the person stay (they are counted) without a link to them.
    await anonymiseReportsOf(trx, userId, user.email);

    const sessions = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    await trx.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
    await deleteClaimsOf(trx, userId);
    await clearClaimantEverywhere(trx, userId);
    // Mail to the person, sent or pending: the address and the text are personal data.
    await trx.deleteFrom('outbox').where('topic', '=', 'mail').where('key', '=', user.email).execute();
    if (await tableExists(trx, 'dev_mailbox')) await sql`delete from dev_mailbox where "to" = ${user.email}`.execute(trx);
    // Rate-limit windows keyed by the account ("report:user:7", "publish:7", …).
    await trx
      .deleteFrom('rate_limits')
      .where((eb) => eb.or([eb('key', 'like', `%:user:${userId}`), eb('key', '=', `publish:${userId}`)]))
      .execute();
    await deleteUser(trx, userId);

    const summary: ErasureSummary = { stories: stories.length, photos: photoIds.length, messages: messageIds.length, sessions: Number(sessions.numDeletedRows) };
    await appendAudit(trx, {
      at: now,
      actorId: userId,
      actorRole: user.role,
      action: 'user.erase',
      subjectKind: 'user',
      subjectId: userId,
      data: { choice: opts.stories, ...summary },
    });
    return { summary, photoIds };
  });
  for (const id of photoIds) await deletePhotoFiles(id, dir);
  return summary;
}

/**
 * Removes photo files that have no row (left by a crash between a commit and the file clean-up,
 * or between writing files and the insert). Files younger than `minAgeMs` are left alone: an
 * upload may be about to insert them.
 */
export async function sweepOrphanPhotoFiles(db: DB, now: number, options: { dir?: string; minAgeMs?: number } = {}): Promise<string[]> {
  const dir = options.dir ?? photosDir();
  const minAgeMs = options.minAgeMs ?? 60 * 60_000;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const byId = new Map<string, string[]>();
  for (const name of names) {
    const parsed = parsePhotoFileName(name);
    const tmp = /^\.([0-9a-f]{32})-\d+\.webp\.[0-9a-f]+\.tmp$/.exec(name);
    const id = parsed?.id ?? tmp?.[1];
    if (!id || !isPhotoId(id)) continue;
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  for (const [id, files] of byId) {
    const row = await db.selectFrom('photos').select('id').where('id', '=', id).executeTakeFirst();
    if (row) continue;
    const ages = await Promise.all(files.map(async (f) => now - (await stat(join(dir, f))).mtimeMs));
    if (ages.some((age) => age < minAgeMs)) continue;
    await deletePhotoFiles(id, dir);
    for (const f of files.filter((f) => f.endsWith('.tmp'))) await rm(join(dir, f), { force: true });
    removed.push(id);
  }
  return removed;
}
