// Stored day blocks (company_stats_days.data) begin with a format word. A block of a format this
// code does not read (the score rules v1 layouts, with or without the word, or a later one) is
// recomputed from the stories and stored again in the current format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCompanyFigures, decodeBlock, encodeBlock, statsDaysOptions } from '../../src/db/stats.repository.ts';
import { DAY_BUCKET_FORMAT } from '../../src/domain/score-sums.ts';
import { publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let companyId: number;
const NOW = T0 + 60 * DAY;
const savedMinStories = statsDaysOptions.minStories;

beforeAll(async () => {
  statsDaysOptions.minStories = 0;
  t = await createTestDatabase();
  const author = await consumer(t.db);
  let rep: Awaited<ReturnType<typeof representative>> | null = null;
  for (let i = 0; i < 12; i++) {
    const published = await publishStory(t.db, author, storyInput({ company: { name: 'Formato Blocchi Srl' }, title: `Storia ${i}`, body: `Racconto numero ${i}.` }), { now: T0 + i * 5 * DAY });
    companyId = published.companyId;
    rep ??= await representative(t.db, companyId);
    if (i % 3 !== 0) await replyToStory(t.db, rep, { storyId: published.storyId, body: 'Ci scusiamo, rimborso avviato.' }, { now: T0 + i * 5 * DAY + (i + 1) * HOUR });
  }
});
afterAll(async () => {
  statsDaysOptions.minStories = savedMinStories;
  await t.cleanup();
});

function blocks(): { block: number; data: Uint8Array }[] {
  return t.sqlite.prepare('select block, data from company_stats_days where company_id = ? order by block').all(companyId) as { block: number; data: Uint8Array }[];
}
function words(data: Uint8Array): Float64Array {
  return new Float64Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}
function store(block: number, values: Float64Array): void {
  t.sqlite.prepare('update company_stats_days set data = ? where company_id = ? and block = ?').run(new Uint8Array(values.buffer), companyId, block);
}
async function fromStories() {
  t.sqlite.prepare('delete from company_stats_days where company_id = ?').run(companyId);
  return computeCompanyFigures(t.db, companyId, NOW);
}

describe('stored statistics blocks', () => {
  it('start with the format word and decode to the days they were made of', async () => {
    const expected = await fromStories();
    const stored = blocks();
    expect(stored.length).toBeGreaterThan(1);
    for (const { data } of stored) {
      expect(words(data)[0]).toBe(-DAY_BUCKET_FORMAT);
      const days = decodeBlock(data)!;
      expect(days.length).toBeGreaterThan(0);
      expect(words(data)).toEqual(encodeBlock(days));
    }
    expect(await computeCompanyFigures(t.db, companyId, NOW)).toEqual(expected);
  });

  it('recomputes blocks of the older layouts (written without the word, or as format 2) instead of misreading them', async () => {
    const expected = await fromStories();
    const current = blocks();
    const [first, second] = current;
    store(first!.block, words(first!.data).slice(1)); // format 1: no word
    const two = words(second!.data);
    two[0] = -2;
    store(second!.block, two); // format 2: the v1 day layout with its word
    expect(decodeBlock(blocks()[0]!.data)).toBeNull();
    expect(decodeBlock(blocks()[1]!.data)).toBeNull();
    expect(await computeCompanyFigures(t.db, companyId, NOW)).toEqual(expected);
    for (const { data } of blocks()) expect(words(data)[0]).toBe(-DAY_BUCKET_FORMAT);
  });

  it('recomputes a block of an unknown format from the stories and stores it in the current format', async () => {
    const expected = await fromStories();
    const [first, ...rest] = blocks();
    const future = words(first!.data);
    future[0] = -(DAY_BUCKET_FORMAT + 1);
    future.fill(12345, 2); // whatever a later layout holds, it must not be read as days
    store(first!.block, future);
    expect(decodeBlock(blocks()[0]!.data)).toBeNull();
    expect(await computeCompanyFigures(t.db, companyId, NOW)).toEqual(expected);
    const after = blocks();
    expect(words(after[0]!.data)[0]).toBe(-DAY_BUCKET_FORMAT);
    expect(after.slice(1).map((b) => [...words(b.data)])).toEqual(rest.map((b) => [...words(b.data)]));
  });
});
