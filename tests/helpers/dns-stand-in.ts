// A tiny DNS server on 127.0.0.1 for tests (no test touches the internet): it answers TXT
// queries from a map the test fills (name → records) and NXDOMAIN otherwise. Enough of RFC 1035
// for node:dns's resolver: one question, no compression in questions, answers pointing at it.
import { createSocket, type Socket } from 'node:dgram';

export interface DnsStandIn {
  /** "127.0.0.1:PORT", for a resolver's setServers(). */
  address: string;
  /** TXT records by lower-case name; each record a list of strings (< 256 bytes each). */
  txt: Map<string, string[][]>;
  /** Names asked so far (lower case). */
  queries: string[];
  close(): Promise<void>;
}

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = offset;
  while (i < msg.length) {
    const len = msg[i]!;
    if (len === 0) return { name: labels.join('.'), end: i + 1 };
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('latin1'));
    i += 1 + len;
  }
  throw new Error('bad name');
}

function answer(query: Buffer, txt: Map<string, string[][]>, queries: string[]): Buffer | null {
  if (query.length < 12) return null;
  const { name, end } = readName(query, 12);
  if (end + 4 > query.length) return null;
  const qtype = query.readUInt16BE(end);
  const question = query.subarray(12, end + 4);
  const key = name.toLowerCase();
  queries.push(key);
  const records = qtype === 16 ? (txt.get(key) ?? []) : [];
  const known = txt.has(key);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // id
  header.writeUInt16BE(0x8180 | (known ? 0 : 3), 2); // response, recursion desired+available, NOERROR/NXDOMAIN
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(records.length, 6);
  const answers = records.map((chunks) => {
    const data = Buffer.concat(chunks.map((c) => Buffer.concat([Buffer.from([Buffer.byteLength(c)]), Buffer.from(c)])));
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    rr.writeUInt16BE(16, 2); // TXT
    rr.writeUInt16BE(1, 4); // IN
    rr.writeUInt32BE(60, 6); // TTL
    rr.writeUInt16BE(data.length, 10);
    return Buffer.concat([rr, data]);
  });
  return Buffer.concat([header, question, ...answers]);
}

export async function startDnsStandIn(): Promise<DnsStandIn> {
  const socket: Socket = createSocket('udp4');
  const txt = new Map<string, string[][]>();
  const queries: string[] = [];
  socket.on('message', (msg, rinfo) => {
    try {
      const res = answer(msg, txt, queries);
      if (res) socket.send(res, rinfo.port, rinfo.address);
    } catch {
      /* a malformed query gets no answer */
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  return {
    address: `127.0.0.1:${port}`,
    txt,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
