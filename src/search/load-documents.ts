// Reads the rows a search document is made of and maps them with the pure mappers. The relay
// always indexes the *current* state of a story or company (never the event's payload), which is
// what makes duplicate or re-sent outbox rows harmless.
import type { DB } from '../db/client.ts';
import type { Channel } from '../db/schema.ts';
import { type CompanySourceRow, type StorySourceRow, toCompanyDocument, toStoryDocument } from './documents.ts';
import { type CompanyDocument, type StoryDocument, publicStoryStates } from './search-index.ts';

const storyColumns = [
  'id',
  'company_id',
  'title',
  'body',
  'language',
  'state',
  'category',
  'experience_date',
  'published_at',
  'reply_due_at',
  'hidden_at',
  'withdrawn_at',
  'order_reference',
] as const satisfies readonly (keyof StorySourceRow)[];

const companyColumns = ['id', 'slug', 'name', 'domain', 'country', 'sector', 'merged_into_id', 'listed_at'] as const satisfies readonly (keyof CompanySourceRow)[];

/** SQLite's default limit on bound parameters leaves room for this many ids per query. */
const ID_CHUNK = 500;

function chunks<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function documentsFor(db: DB, stories: StorySourceRow[]): Promise<StoryDocument[]> {
  if (stories.length === 0) return [];
  const ids = stories.map((s) => s.id);
  const companyIds = [...new Set(stories.map((s) => s.company_id))];
  const [channels, companies] = await Promise.all([
    db.selectFrom('story_channels').select(['story_id', 'channel']).where('story_id', 'in', ids).execute(),
    db.selectFrom('companies').select(companyColumns).where('id', 'in', companyIds).execute(),
  ]);
  const channelsByStory = new Map<number, Channel[]>();
  for (const c of channels) {
    const list = channelsByStory.get(c.story_id) ?? [];
    list.push(c.channel);
    channelsByStory.set(c.story_id, list);
  }
  const companyById = new Map(companies.map((c) => [c.id, c]));
  return stories.flatMap((story) => {
    const company = companyById.get(story.company_id);
    const doc = company ? toStoryDocument({ story, company, channels: channelsByStory.get(story.id) ?? [] }) : null;
    return doc ? [doc] : [];
  });
}

/** Current documents of the given stories: a story that is missing or not public maps to null. */
export async function loadStoryDocuments(db: DB, ids: number[]): Promise<Map<number, StoryDocument | null>> {
  const out = new Map<number, StoryDocument | null>(ids.map((id) => [id, null]));
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('stories').select(storyColumns).where('id', 'in', part).execute();
    for (const doc of await documentsFor(db, rows)) out.set(doc.id, doc);
  }
  return out;
}

export async function loadCompanyDocuments(db: DB, ids: number[]): Promise<Map<number, CompanyDocument | null>> {
  const out = new Map<number, CompanyDocument | null>(ids.map((id) => [id, null]));
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom('companies').select(companyColumns).where('id', 'in', part).execute();
    for (const row of rows) out.set(row.id, toCompanyDocument(row));
  }
  return out;
}

/** Every public story as documents, in id order, `size` at a time (keyset pagination). */
export async function* storyDocumentBatches(db: DB, size = 1000, companyId?: number): AsyncGenerator<StoryDocument[]> {
  let after = 0;
  for (;;) {
    let query = db
      .selectFrom('stories')
      .select(storyColumns)
      .where('id', '>', after)
      .where('state', 'in', publicStoryStates)
      .orderBy('id')
      .limit(size);
    if (companyId !== undefined) query = query.where('company_id', '=', companyId);
    const rows = await query.execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield await documentsFor(db, rows);
  }
}

export async function* companyDocumentBatches(db: DB, size = 1000): AsyncGenerator<CompanyDocument[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('companies')
      .select(companyColumns)
      .where('id', '>', after)
      .where('merged_into_id', 'is', null)
      .orderBy('id')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield rows.flatMap((r) => {
      const doc = toCompanyDocument(r);
      return doc ? [doc] : [];
    });
  }
}
