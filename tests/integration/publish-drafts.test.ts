// The publish draft service (decision 0041): what was typed and the photos kept per owner, alt
// texts edited and photos removed, expiry swept with the files, erasure taking drafts along, and
// publishing moving the photos onto the story; plus the company channel rows with unanswered waits.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachDraftPhotos, DRAFT_TTL_MS, draftsDir, loadDraft, saveDraft, sweepExpiredDrafts } from '../../src/services/draft.service.ts';
import { eraseAccount } from '../../src/services/erasure.service.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { findChannelAttempts } from '../../src/db/channel-breakdown.repository.ts';
import { channelBreakdown } from '../../src/domain/channel-breakdown.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { consumer, storyInput, T0 } from '../helpers/workflow.ts';

let t: TestDatabase;
let base: string;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  base = mkdtempSync(join(tmpdir(), 'answerable-drafts-'));
  dir = draftsDir(base);
});
afterAll(async () => {
  await t.cleanup();
  rmSync(base, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const png = (color = '#48c') => sharp({ create: { width: 320, height: 240, channels: 3, background: color } }).png().toBuffer();
const files = () => (existsSync(dir) ? readdirSync(dir) : []);

describe('publish drafts', () => {
  it('keeps text and photos for their owner only, with alt texts and removals', async () => {
    const a = await consumer(t.db, 'Anna');
    const b = await consumer(t.db, 'Bruno');
    const first = await saveDraft(t.db, { userId: a.userId!, draftId: null, values: { title: 'Pacco in ritardo', intent: 'preview', channels: ['chat'] }, uploads: [{ bytes: await png(), alt: 'La scatola' }, { bytes: await png('#c33'), alt: null }], alts: new Map(), remove: [], now: T0, dir });
    expect(first.rejected).toBeNull();
    expect(first.photos.map((p) => p.alt)).toEqual(['La scatola', null]);
    expect(files()).toHaveLength(4); // two sizes each, re-encoded WebP
    const second = await saveDraft(t.db, { userId: a.userId!, draftId: first.id, values: { title: 'Pacco in ritardo di due settimane' }, uploads: [], alts: new Map([[first.photos[1]!.id, 'L’etichetta']]), remove: [first.photos[0]!.id], now: T0 + 1000, dir });
    expect(second.id).toBe(first.id);
    expect(second.photos.map((p) => p.alt)).toEqual(['L’etichetta']);
    expect(files()).toHaveLength(2);

    const loaded = await loadDraft(t.db, a.userId!, first.id, T0 + 2000);
    expect(loaded?.values.title).toBe('Pacco in ritardo di due settimane');
    expect(loaded?.values.intent).toBeUndefined();
    expect(await loadDraft(t.db, b.userId!, first.id, T0 + 2000)).toBeNull();
    // Another person posting the id gets a draft of their own.
    const theirs = await saveDraft(t.db, { userId: b.userId!, draftId: first.id, values: {}, uploads: [], alts: new Map(), remove: [second.photos[0]!.id], now: T0, dir });
    expect(theirs.id).not.toBe(first.id);
    expect((await loadDraft(t.db, a.userId!, first.id, T0 + 3000))?.photos).toHaveLength(1);
  });

  it('refuses a bad upload like a story photo and keeps the rest', async () => {
    const a = await consumer(t.db, 'Carla');
    const d = await saveDraft(t.db, { userId: a.userId!, draftId: null, values: { title: 'x' }, uploads: [{ bytes: await png() }, { bytes: new TextEncoder().encode('not an image') }], alts: new Map(), remove: [], now: T0, dir });
    expect(d.rejected?.code).toBe('unsupported_format');
    expect(d.photos).toEqual([]);
    expect((await loadDraft(t.db, a.userId!, d.id, T0))?.values.title).toBe('x');
    const many = await saveDraft(t.db, { userId: a.userId!, draftId: d.id, values: {}, uploads: await Promise.all(Array.from({ length: 7 }, async () => ({ bytes: await png() }))), alts: new Map(), remove: [], now: T0, dir });
    expect(many.rejected?.code).toBe('too_many_photos');
  });

  it('expires, is swept with its files, and goes with the account', async () => {
    const a = await consumer(t.db, 'Dario');
    const before = files().length;
    const d = await saveDraft(t.db, { userId: a.userId!, draftId: null, values: {}, uploads: [{ bytes: await png() }], alts: new Map(), remove: [], now: T0, dir });
    expect(files().length).toBe(before + 2);
    expect(await loadDraft(t.db, a.userId!, d.id, T0 + DRAFT_TTL_MS + 1)).toBeNull();
    expect(await sweepExpiredDrafts(t.db, T0 + DRAFT_TTL_MS + 1, dir)).toBeGreaterThanOrEqual(1);
    expect(files().length).toBeLessThanOrEqual(before);

    const e = await consumer(t.db, 'Elena');
    await saveDraft(t.db, { userId: e.userId!, draftId: null, values: { body: 'dati personali' }, uploads: [{ bytes: await png() }], alts: new Map(), remove: [], now: T0, dir });
    await eraseAccount(t.db, e.userId!, { stories: 'withdraw' }, T0, { photosDir: base });
    expect(await t.db.selectFrom('publish_drafts').select('id').where('user_id', '=', e.userId!).execute()).toEqual([]);
    expect(await t.db.selectFrom('draft_photos').select('id').where('user_id', '=', e.userId!).execute()).toEqual([]);
  });

  it('moves the photos onto the published story and deletes the draft', async () => {
    const a = await consumer(t.db, 'Franca');
    const d = await saveDraft(t.db, { userId: a.userId!, draftId: null, values: {}, uploads: [{ bytes: await png(), alt: 'Chiamami al 347 123 4567' }], alts: new Map(), remove: [], now: T0, dir });
    const { storyId } = await publishStory(t.db, a, storyInput({ title: 'Chat muta per mezz’ora', company: { name: 'Chat Muta Srl' }, channels: [{ channel: 'chat', answered: false, waitMinutes: 30 }] }), { now: T0 });
    expect(await attachDraftPhotos(t.db, storyId, d.id, { id: a.userId!, role: 'consumer' }, T0, { dir, photosDir: base })).toBe(1);
    const photos = await t.db.selectFrom('photos').select(['id', 'alt']).where('story_id', '=', storyId).execute();
    expect(photos).toHaveLength(1);
    expect(photos[0]!.alt).not.toContain('347 123 4567'); // public: masked like every public text
    expect(await loadDraft(t.db, a.userId!, d.id, T0)).toBeNull();
    expect(await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(storyId)).where('action', '=', 'story.photos_add').execute()).toHaveLength(1);

    // The wait of the unanswered chat is stored and reaches the company's channel rows.
    const ch = await t.db.selectFrom('story_channels').selectAll().where('story_id', '=', storyId).execute();
    expect(ch).toEqual([expect.objectContaining({ channel: 'chat', wait_minutes: 30, answered: 0 })]);
    const story = await t.db.selectFrom('stories').select('company_id').where('id', '=', storyId).executeTakeFirstOrThrow();
    const [row] = channelBreakdown(await findChannelAttempts(t.db, story.company_id, null));
    expect(row).toMatchObject({ channel: 'chat', stories: 1, share: 1, unanswered: 1, medianUnansweredWaitMinutes: 30, medianAnsweredWaitMinutes: null });
  });
});
