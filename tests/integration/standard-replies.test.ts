// Score rules v2, rule 9 through the services on a real database: the same company reply (after
// normalising) on 5 or more other stories within 30 days is labelled "standard reply" on every
// story it went to, and the company's share of standard replies is counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStoryPage } from '../../src/db/browse.repository.ts';
import { insertCompany } from '../../src/db/company.repository.ts';
import { findStandardReplyCounts } from '../../src/db/message.repository.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let companyId: number;
let rep: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  companyId = (await insertCompany(t.db, { name: 'Telefonia Uguale', website: 'telefoniauguale.example' }, T0 - DAY)).id;
  rep = await representative(t.db, companyId);
});
afterAll(() => t.cleanup());

const template = (order: string) => `Gentile cliente, ci scusiamo per il disagio relativo all’ordine ${order}. Il nostro team la contatterà a breve!`;

async function story(n: number, at: number): Promise<number> {
  const author = await consumer(t.db, `Cliente ${n}`);
  return (await publishStory(t.db, author, storyInput({ company: { id: companyId }, title: `Linea assente ${n}`, body: `Nessuna linea da giorni (${n}).` }), { now: at })).storyId;
}

const labelled = async (storyId: number) => (await findStoryPage(t.db, storyId))!.messages.filter((m) => m.authorRole === 'company').map((m) => m.standardReply);

describe('standard replies', () => {
  const ids: number[] = [];

  it('labels nothing while the same text went to at most 4 other stories', async () => {
    for (let i = 0; i < 5; i++) ids.push(await story(i, T0 + i * HOUR));
    for (const [i, id] of ids.entries()) await replyToStory(t.db, rep, { storyId: id, body: template(`ORD-${1000 + i}`) }, { now: T0 + DAY + i * HOUR });
    for (const id of ids) expect(await labelled(id)).toEqual([false]);
    expect(await findStandardReplyCounts(t.db, companyId, T0)).toEqual({ replies: 5, standard: 0 });
  });

  it('labels the sixth copy, and the five before it, once the text went to 5 other stories in 30 days', async () => {
    const sixth = await story(5, T0 + 2 * DAY);
    const outboxBefore = Number((await t.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
    // Different case, spacing, punctuation and order number: still the same reply.
    await replyToStory(t.db, rep, { storyId: sixth, body: `GENTILE CLIENTE  ci scusiamo per il disagio relativo all'ordine #77-B.\n\nIl nostro team la contatterà a breve` }, { now: T0 + 3 * DAY });
    expect(await labelled(sixth)).toEqual([true]);
    for (const id of ids) expect(await labelled(id)).toEqual([true]);
    // The earlier stories' pages changed: they are published again (page caches, search).
    const upserts = await t.db.selectFrom('outbox').select('key').where('id', '>', outboxBefore).where('kind', '=', 'story.upsert').execute();
    expect(new Set(upserts.map((u) => u.key))).toEqual(new Set([...ids, sixth].map((id) => `story:${id}`)));
    const audit = await t.db.selectFrom('audit_log').select('data').where('subject_kind', '=', 'story').where('subject_id', '=', String(sixth)).where('action', '=', 'story.company_reply').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data ?? '{}')).toMatchObject({ standardReply: true });
    ids.push(sixth);
  });

  it('keeps a written reply and an old copy out of it', async () => {
    const personal = await story(6, T0 + 3 * DAY);
    await replyToStory(t.db, rep, { storyId: personal, body: 'Abbiamo verificato: il guasto era nella centralina, riparato oggi.' }, { now: T0 + 4 * DAY });
    expect(await labelled(personal)).toEqual([false]);
    // Forty days later the earlier copies are out of the 30-day window: a new copy stands alone.
    const later = await story(7, T0 + 40 * DAY);
    await replyToStory(t.db, rep, { storyId: later, body: template('ORD-9') }, { now: T0 + 44 * DAY });
    expect(await labelled(later)).toEqual([false]);
    expect(await findStandardReplyCounts(t.db, companyId, T0)).toEqual({ replies: 8, standard: 6 });
  });

  it('never labels a consumer’s message', async () => {
    const rows = await t.db.selectFrom('story_messages').select(['author_role', 'standard_reply', 'reply_hash']).where('author_role', '=', 'consumer').execute();
    expect(rows.every((r) => r.standard_reply === 0 && r.reply_hash === null)).toBe(true);
  });
});
