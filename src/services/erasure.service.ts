// "Delete my account" (GDPR art. 17). In one transaction: the author's stories become tombstones
// ("withdrawn by the author", text and private evidence gone) or stay anonymised, as the author
// chooses; their photos, revisions, sessions, tokens, claims, pending and sent mail, and the user
// row go; search documents follow through the outbox. The audit log (append-only) keeps only the
// bare numeric id, which after erasure points at nothing. Photo files are removed after the
// commit; sweepOrphanPhotoFiles() catches any left by a crash in between.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { appendAudit } from '../db/audit.repository.ts';
import type { DB } from '../db/client.ts';
import { deleteMailTo, enqueueSearchEvent } from '../db/outbox.repository.ts';
import { anonymiseStory, deleteStoryRevisions, eraseStoryContent, forgetRevisionEditor, listStoriesByAuthor } from '../db/story.repository.ts';
import { anonymiseMessages, listMessageIdsByAuthor } from '../db/message.repository.ts';
import { deletePhotos, listPhotoIdsOf, photoExists } from '../db/photo.repository.ts';
import { invalidateUserSessions } from '../auth/session.ts';
import { deleteUserTokens } from '../auth/user-tokens.ts';
import { deleteAccountRateLimits } from '../auth/rate-limit.ts';
import { deleteDevMailTo } from '../mail/dev-mailbox.ts';
import { anonymiseReportsOf } from '../db/report.repository.ts';
import { deleteClaimsOf } from '../db/claim.repository.ts';
import { clearClaimantEverywhere } from '../db/company.repository.ts';
import { deleteUser, findUserById } from '../db/user.repository.ts';
import { DomainError } from '../domain/errors.ts';
import { deletePhotoFiles, isPhotoId, parsePhotoFileName, photosDir } from '../content/photos.ts';
import { changeStoryVisibility } from './story-visibility.ts';
import { inTransaction } from '../db/transaction.ts';
import { deleteDrafts } from '../db/draft.repository.ts';
import { draftsDir } from './draft.service.ts';

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

export async function eraseAccount(
  db: DB,
  userId: number,
  opts: { stories: StoryChoice },
  now: number,
  options: ErasureOptions = {},
): Promise<ErasureSummary> {
  const dir = options.photosDir ?? photosDir();
  const { summary, photoIds, draftPhotoIds } = await inTransaction(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new DomainError('not_allowed', 'no such account');
    const stories = await listStoriesByAuthor(trx, userId);
    const storyIds = stories.map((s) => s.id);

    // Photos: every photo the person uploaded, and every photo of a story being withdrawn.
    const photoIds = await listPhotoIdsOf(trx, userId, opts.stories === 'withdraw' ? storyIds : []);
    await deletePhotos(trx, photoIds);

    const messageIds = await listMessageIdsByAuthor(trx, userId);
    // Unpublished drafts (text and photos) are the person's alone: they all go.
    const draftPhotoIds = await deleteDrafts(trx, { userId });

    for (const s of stories) {
      if (opts.stories === 'withdraw') {
        if (s.state !== 'withdrawn') {
          await changeStoryVisibility(trx, s.id, 'withdraw', '', { id: userId, role: user.role }, now, { data: { reason: 'account_erasure' } });
        }
        // The tombstone: no text, no evidence, no verdict comment, no history, no thread.
        await eraseStoryContent(trx, s.id, now);
        if (s.state === 'withdrawn') await enqueueSearchEvent(trx, { kind: 'story.delete', storyId: s.id }, now);
      } else {
        // Anonymised: the experience stays public without the person; the private order
        // reference (which identifies them to the company) and old revisions go.
        await anonymiseStory(trx, s.id, now);
        await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: s.id }, now);
      }
      await deleteStoryRevisions(trx, s.id);
    }

    // Messages elsewhere (e.g. replies written as a company representative) stay as the
    // company's speech, without the person; their edit history goes.
    await anonymiseMessages(trx, messageIds);
    await forgetRevisionEditor(trx, userId);

    // Reports filed by the person stay (they are counted) without a link to them.
    await anonymiseReportsOf(trx, userId, user.email);

    const sessions = await invalidateUserSessions(trx, userId);
    await deleteUserTokens(trx, userId);
    await deleteClaimsOf(trx, userId);
    await clearClaimantEverywhere(trx, userId);
    // Mail to the person, sent or pending: the address and the text are personal data.
    await deleteMailTo(trx, user.email);
    await deleteDevMailTo(trx, user.email);
    // Rate-limit windows keyed by the account ("report:user:7", "publish:7", …).
    await deleteAccountRateLimits(trx, userId);
    await deleteUser(trx, userId);

    const summary: ErasureSummary = { stories: stories.length, photos: photoIds.length, messages: messageIds.length, sessions };
    await appendAudit(trx, {
      at: now,
      actorId: userId,
      actorRole: user.role,
      action: 'user.erase',
      subjectKind: 'user',
      subjectId: userId,
      data: { choice: opts.stories, ...summary },
    });
    return { summary, photoIds, draftPhotoIds };
  });
  for (const id of photoIds) await deletePhotoFiles(id, dir);
  for (const id of draftPhotoIds) await deletePhotoFiles(id, draftsDir(dir));
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
    if (await photoExists(db, id)) continue;
    const ages = await Promise.all(files.map(async (f) => now - (await stat(join(dir, f))).mtimeMs));
    if (ages.some((age) => age < minAgeMs)) continue;
    await deletePhotoFiles(id, dir);
    for (const f of files.filter((f) => f.endsWith('.tmp'))) await rm(join(dir, f), { force: true });
    removed.push(id);
  }
  return removed;
}
