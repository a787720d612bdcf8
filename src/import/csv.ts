// A streaming RFC 4180 CSV parser. It reads chunks (Buffers or strings) from any async iterable,
// such as a fs.ReadStream, and yields one item per record: the fields, or a report that the
// record is malformed. Memory is bounded by the longest record (maxRecordChars), never by the file.
//
// What it accepts: quoted fields with embedded newlines, commas and doubled quotes; CRLF or LF
// line ends; a UTF-8 byte-order mark at the start; blank lines (skipped). A quote inside an
// unquoted field is kept as a literal character (real exports contain `5" screen`).
//
// What it reports instead of throwing, so that one bad record never stops an import:
// - a quoted field that never closes (a truncated final record, or a stray quote),
// - a character other than a delimiter right after a closing quote,
// - a record longer than maxRecordChars.
// After a malformed record the parser resynchronises at the next physical line of that record:
// a stray quote costs one line, not the rest of the file.

export interface CsvRecord {
  kind: 'record';
  fields: string[];
  /** 1-based physical line on which the record starts (the header is line 1). */
  line: number;
}

export interface CsvMalformed {
  kind: 'malformed';
  line: number;
  reason: 'unclosed_quote' | 'text_after_quote' | 'record_too_long';
  /** The start of the offending text, for the rejects file (at most 200 characters). */
  excerpt: string;
}

export type CsvItem = CsvRecord | CsvMalformed;

export interface CsvOptions {
  delimiter?: string;
  /** Longest record accepted, in characters; longer ones are reported and skipped. */
  maxRecordChars?: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

type ParseOutcome =
  | { type: 'record'; fields: string[]; end: number; newlines: number }
  | { type: 'incomplete' }
  | { type: 'error'; reason: CsvMalformed['reason']; end: number };

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Parses one record of `text` starting at `start`. `final` says no more text will come, so a
 * record without a line end is complete (or, inside quotes, unclosed).
 */
function parseRecord(text: string, start: number, final: boolean, delim: number): ParseOutcome {
  const fields: string[] = [];
  let i = start;
  let newlines = 0;
  const n = text.length;
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      // Quoted field: runs to the next quote that is not doubled.
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          if (!final) return { type: 'incomplete' };
          return { type: 'error', reason: 'unclosed_quote', end: n };
        }
        value += text.slice(from, q);
        if (q + 1 >= n && !final) return { type: 'incomplete' };
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) newlines++;
      fields.push(value);
      if (i >= n) return { type: 'record', fields, end: n, newlines };
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c === LF) return { type: 'record', fields, end: i + 1, newlines: newlines + 1 };
      if (c === CR) {
        if (i + 1 >= n && !final) return { type: 'incomplete' };
        if (i + 1 >= n) return { type: 'record', fields, end: n, newlines };
        if (text.charCodeAt(i + 1) === LF) return { type: 'record', fields, end: i + 2, newlines: newlines + 1 };
      }
      return { type: 'error', reason: 'text_after_quote', end: i };
    }
    // Unquoted field: runs to the delimiter or the line end.
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === delim || c === LF) break;
      j++;
    }
    if (j >= n) {
      if (!final) return { type: 'incomplete' };
      fields.push(stripCr(text.slice(i, n)));
      return { type: 'record', fields, end: n, newlines };
    }
    if (text.charCodeAt(j) === delim) {
      fields.push(text.slice(i, j));
      i = j + 1;
      continue;
    }
    fields.push(stripCr(text.slice(i, j)));
    return { type: 'record', fields, end: j + 1, newlines: newlines + 1 };
  }
}

function stripCr(s: string): string {
  return s.length > 0 && s.charCodeAt(s.length - 1) === CR ? s.slice(0, -1) : s;
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}

/** Parses CSV from chunks; see the module comment for what is accepted and what is reported. */
export async function* parseCsv(source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, options: CsvOptions = {}): AsyncGenerator<CsvItem> {
  const delim = (options.delimiter ?? ',').charCodeAt(0);
  const maxChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const decoder = new TextDecoder('utf-8');
  let buf = '';
  let line = 1;
  let first = true;
  // After an over-long record with no line end yet: discard text up to the next line end.
  let skipping = false;

  // Parses every complete record in buf; keeps the unfinished tail.
  function* drain(final: boolean): Generator<CsvItem> {
    let pos = 0;
    if (skipping) {
      const nl = buf.indexOf('\n');
      if (nl === -1) {
        buf = '';
        return;
      }
      skipping = false;
      line++;
      pos = nl + 1;
    }
    while (pos < buf.length) {
      const out = parseRecord(buf, pos, final, delim);
      if (out.type === 'incomplete') {
        if (buf.length - pos > maxChars) {
          yield* resync(pos, 'record_too_long');
          pos = nextLineStart(pos);
          continue;
        }
        break;
      }
      if (out.type === 'error' || out.end - pos > maxChars) {
        yield* resync(pos, out.type === 'error' ? out.reason : 'record_too_long');
        pos = nextLineStart(pos);
        continue;
      }
      if (!isBlank(out.fields)) yield { kind: 'record', fields: out.fields, line };
      line += out.newlines;
      pos = out.end;
    }
    buf = buf.slice(pos);
  }

  function nextLineStart(pos: number): number {
    const nl = buf.indexOf('\n', pos);
    return nl === -1 ? buf.length : nl + 1;
  }

  // Reports the malformed record starting at pos; parsing resumes on its next physical line.
  function* resync(pos: number, reason: CsvMalformed['reason']): Generator<CsvItem> {
    const end = nextLineStart(pos);
    yield { kind: 'malformed', line, reason, excerpt: buf.slice(pos, Math.min(end, pos + 200)).replace(/\r?\n$/, '') };
    if (end > pos && buf.charCodeAt(end - 1) === LF) line++;
    else if (reason === 'record_too_long') skipping = true;
  }

  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    buf += text;
    yield* drain(false);
  }
  buf += decoder.decode();
  if (first && buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
  yield* drain(true);
}
