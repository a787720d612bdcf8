import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CFPB_FIXTURE, CFPB_FULL_SAMPLE, FULL_SAMPLE_NOTE, hasFullSample } from '../../tests/fixtures/cfpb.ts';
import { type CsvItem, parseCsv } from './csv.ts';

async function collect(source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, opts = {}): Promise<CsvItem[]> {
  const out: CsvItem[] = [];
  for await (const item of parseCsv(source, opts)) out.push(item);
  return out;
}

/** Feeds `text` in chunks of `size` characters, to exercise every split point. */
function chunked(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

const records = (items: CsvItem[]) => items.filter((i) => i.kind === 'record').map((i) => (i.kind === 'record' ? i.fields : []));

describe('parseCsv', () => {
  it('reads quoted fields with embedded newlines, commas and doubled quotes', async () => {
    const text = 'a,b,c\n1,"two, ""2""\nlines",3\n4,5,6\n';
    const items = await collect([text]);
    expect(records(items)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, "2"\nlines', '3'],
      ['4', '5', '6'],
    ]);
    expect(items.map((i) => i.line)).toEqual([1, 2, 4]);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    const text = 'a,b\r\n"x\r\ny","q""q"\r\n"",last\r\nend,"quoted"';
    const whole = records(await collect([text]));
    for (const size of [1, 2, 3, 5, 7]) expect(records(await collect(chunked(text, size)))).toEqual(whole);
    expect(whole).toEqual([
      ['a', 'b'],
      ['x\r\ny', 'q"q'],
      ['', 'last'],
      ['end', 'quoted'],
    ]);
  });

  it('accepts CRLF and LF line ends and drops a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('h1,h2\r\nv1,v2\nv3,v4\r\n')]);
    expect(records(await collect([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]))).toEqual([
      ['h1', 'h2'],
      ['v1', 'v2'],
      ['v3', 'v4'],
    ]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('città,perché\n"caffè ☕","ok"\n');
    const parts = [...bytes].map((b) => Uint8Array.of(b));
    expect(records(await collect(parts))).toEqual([
      ['città', 'perché'],
      ['caffè ☕', 'ok'],
    ]);
  });

  it('skips blank lines but keeps counting them', async () => {
    const items = await collect(['a,b\n\n1,2\n\n']);
    expect(records(items)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(items.map((i) => i.line)).toEqual([1, 3]);
  });

  it('reports a truncated final record as malformed instead of throwing', async () => {
    const items = await collect(['a,b\n1,2\n3,"never closed\n']);
    expect(records(items)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(items.at(-1)).toMatchObject({ kind: 'malformed', line: 3, reason: 'unclosed_quote' });
  });

  it('recovers after a stray quote at the next line of the bad record', async () => {
    const items = await collect(['a,b,c\n1,"oops,2\n3,"x",4\n5,6,7\n']);
    expect(items[1]).toMatchObject({ kind: 'malformed', line: 2, reason: 'text_after_quote' });
    expect(records(items)).toEqual([
      ['a', 'b', 'c'],
      ['3', 'x', '4'],
      ['5', '6', '7'],
    ]);
    expect(items.map((i) => i.line)).toEqual([1, 2, 3, 4]);
  });

  it('keeps a quote inside an unquoted field as a literal character', async () => {
    expect(records(await collect(['size,5" screen\n']))).toEqual([['size', '5" screen']]);
  });

  it('reports records longer than the limit and goes on with the next line', async () => {
    const long = 'x'.repeat(500);
    const items = await collect(chunked(`a,b\n${long},${long}\nc,d\n`, 64), { maxRecordChars: 100 });
    expect(items.map((i) => i.kind)).toEqual(['record', 'malformed', 'record']);
    expect(items[1]).toMatchObject({ reason: 'record_too_long', line: 2 });
    expect(items[2]).toMatchObject({ fields: ['c', 'd'], line: 3 });
  });

  it('reads the CFPB extract: 249 complete records of 18 fields, 36 with newlines in the narrative', async () => {
    const items = await collect(createReadStream(CFPB_FIXTURE, { highWaterMark: 4096 }));
    const recs = items.filter((i) => i.kind === 'record');
    expect(items.filter((i) => i.kind === 'malformed')).toHaveLength(0);
    expect(recs).toHaveLength(1 + 249);
    expect(recs.every((r) => r.kind === 'record' && r.fields.length === 18)).toBe(true);
    expect(recs.filter((r) => r.kind === 'record' && r.fields[5]!.includes('\n'))).toHaveLength(36);
  });

  it('reports the partial record the original upload was cut at, after every complete one', async () => {
    // The original file ended 54 bytes later, in the middle of a record (see ../shared/data/README.md).
    const tail = '2023-07-17,"Credit reporting, credit repair services, ';
    const text = readFileSync(CFPB_FIXTURE, 'utf8');
    const items = await collect([...chunked(text, 65536), tail]);
    expect(items.filter((i) => i.kind === 'record')).toHaveLength(1 + 249);
    const bad = items.filter((i) => i.kind === 'malformed');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ reason: 'unclosed_quote', line: text.split('\n').length, excerpt: tail });
  });
});

describe.skipIf(!hasFullSample)(`parseCsv on the full CFPB sample${FULL_SAMPLE_NOTE}`, () => {
  it('reads 2,067 complete records of 18 fields, 188 with newlines in the narrative, and the cut-off tail as malformed', async () => {
    const items = await collect(createReadStream(CFPB_FULL_SAMPLE, { highWaterMark: 4096 }));
    const recs = items.filter((i) => i.kind === 'record');
    expect(items.filter((i) => i.kind === 'malformed')).toHaveLength(0);
    expect(recs).toHaveLength(1 + 2067);
    expect(recs.every((r) => r.kind === 'record' && r.fields.length === 18)).toBe(true);
    expect(recs.filter((r) => r.kind === 'record' && r.fields[5]!.includes('\n'))).toHaveLength(188);
    const tail = '2023-07-17,"Credit reporting, credit repair services, ';
    const text = readFileSync(CFPB_FULL_SAMPLE, 'utf8');
    const cut = await collect([...chunked(text, 65536), tail]);
    expect(cut.filter((i) => i.kind === 'record')).toHaveLength(1 + 2067);
    expect(cut.filter((i) => i.kind === 'malformed')).toMatchObject([{ reason: 'unclosed_quote', line: text.split('\n').length, excerpt: tail }]);
  });
});
