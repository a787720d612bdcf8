// A FAKE of the Meilisearch HTTP API, for testing how our adapter handles failures (engine down,
// failed tasks, timeouts). It is not Meilisearch: it implements only the few routes the adapter
// calls, with toy search semantics (substring match, no ranking, no filters). Relevance and
// filtering are covered by the contract suite, which runs against a real server when
// MEILISEARCH_URL is set. Not a test file itself.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Doc = Record<string, unknown> & { id: number };

interface FakeTask {
  uid: number;
  batchUid: number | null;
  indexUid: string | null;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  type: string;
  canceledBy: null;
  details: Record<string, unknown>;
  error: { message: string; code: string; type: string; link: string } | null;
  duration: string | null;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FakeBehaviour {
  /** What every new task ends as: 'stuck' stays 'processing' forever. */
  taskOutcome: 'succeeded' | 'failed' | 'stuck';
  taskError: { code: string; message: string };
  /** Delay before answering any request (to trigger client timeouts). */
  delayMs: number;
  /** Answer every request with this HTTP error status instead. */
  httpStatus: number | null;
}

export interface MeilisearchFake {
  url: string;
  behaviour: FakeBehaviour;
  requests: { method: string; path: string; body: unknown }[];
  indexes: Map<string, { docs: Map<number, Doc>; settings: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startMeilisearchFake(): Promise<MeilisearchFake> {
  const behaviour: FakeBehaviour = {
    taskOutcome: 'succeeded',
    taskError: { code: 'invalid_document_fields', message: 'The document is invalid.' },
    delayMs: 0,
    httpStatus: null,
  };
  const indexes: MeilisearchFake['indexes'] = new Map();
  const tasks = new Map<number, FakeTask>();
  const requests: MeilisearchFake['requests'] = [];
  let nextTask = 0;

  const enqueue = (indexUid: string | null, type: string, apply: () => string | null): FakeTask => {
    const now = new Date().toISOString();
    const task: FakeTask = {
      uid: nextTask++, batchUid: null, indexUid, status: 'enqueued', type, canceledBy: null, details: {},
      error: null, duration: null, enqueuedAt: now, startedAt: null, finishedAt: null,
    };
    tasks.set(task.uid, task);
    if (behaviour.taskOutcome === 'stuck') {
      task.status = 'processing';
    } else if (behaviour.taskOutcome === 'failed') {
      task.status = 'failed';
      task.error = { ...behaviour.taskError, type: 'invalid_request', link: 'https://docs.meilisearch.com/errors' };
    } else {
      const refused = apply();
      task.status = refused ? 'failed' : 'succeeded';
      if (refused) task.error = { code: refused, message: refused, type: 'invalid_request', link: 'https://docs.meilisearch.com/errors' };
    }
    return task;
  };

  const summary = (t: FakeTask) => ({ taskUid: t.uid, indexUid: t.indexUid, status: t.status, type: t.type, enqueuedAt: t.enqueuedAt });

  const routes = (method: string, path: string, body: any): [number, unknown] => {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/health') return [200, { status: 'available' }];
    if (method === 'POST' && path === '/indexes') {
      const uid = String(body.uid);
      return [202, summary(enqueue(uid, 'indexCreation', () => {
        if (indexes.has(uid)) return 'index_already_exists';
        indexes.set(uid, { docs: new Map(), settings: {} });
        return null;
      }))];
    }
    if ((m = /^\/tasks\/(\d+)$/.exec(path)) && method === 'GET') {
      const task = tasks.get(Number(m[1]));
      return task ? [200, task] : [404, apiError('task_not_found', 'Task not found.')];
    }
    if ((m = /^\/indexes\/([^/]+)\/settings$/.exec(path)) && method === 'PATCH') {
      const uid = m[1]!;
      return [202, summary(enqueue(uid, 'settingsUpdate', () => {
        const index = indexes.get(uid) ?? { docs: new Map(), settings: {} };
        Object.assign(index.settings, body);
        indexes.set(uid, index);
        return null;
      }))];
    }
    if ((m = /^\/indexes\/([^/]+)\/documents$/.exec(path)) && method === 'POST') {
      const uid = m[1]!;
      return [202, summary(enqueue(uid, 'documentAdditionOrUpdate', () => {
        const index = indexes.get(uid) ?? { docs: new Map(), settings: {} };
        indexes.set(uid, index);
        for (const doc of body as Doc[]) index.docs.set(doc.id, doc);
        return null;
      }))];
    }
    if ((m = /^\/indexes\/([^/]+)\/documents\/delete-batch$/.exec(path)) && method === 'POST') {
      const uid = m[1]!;
      return [202, summary(enqueue(uid, 'documentDeletion', () => {
        for (const id of body as number[]) indexes.get(uid)?.docs.delete(id);
        return null;
      }))];
    }
    if ((m = /^\/indexes\/([^/]+)\/documents\/([^/]+)$/.exec(path)) && method === 'GET') {
      const found = indexes.get(m[1]!)?.docs.get(Number(m[2]));
      return found ? [200, found] : [404, apiError('document_not_found', `Document \`${m[2]}\` not found.`)];
    }
    if ((m = /^\/indexes\/([^/]+)\/stats$/.exec(path)) && method === 'GET') {
      const index = indexes.get(m[1]!);
      return index ? [200, { numberOfDocuments: index.docs.size, isIndexing: false, fieldDistribution: {} }] : [404, apiError('index_not_found', 'Index not found.')];
    }
    if ((m = /^\/indexes\/([^/]+)\/search$/.exec(path)) && method === 'POST') {
      const index = indexes.get(m[1]!);
      if (!index) return [404, apiError('index_not_found', `Index \`${m[1]}\` not found.`)];
      const q = String(body.q ?? '').toLowerCase();
      const pre = body.highlightPreTag ?? '<em>';
      const post = body.highlightPostTag ?? '</em>';
      const mark = (text: string) => (q ? text.replace(new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (x) => pre + x + post) : text);
      const hits = [...index.docs.values()]
        .filter((d) => !q || `${d.title} ${d.body}`.toLowerCase().includes(q))
        .map((d) => ({ ...d, _formatted: { ...d, title: mark(String(d.title)), body: mark(String(d.body)) } }));
      const perPage = body.hitsPerPage ?? 20;
      const page = body.page ?? 1;
      const facetDistribution: Record<string, Record<string, number>> = {};
      for (const facet of (body.facets ?? []) as string[]) {
        const counts: Record<string, number> = {};
        for (const h of hits) for (const v of [(h as Doc)[facet]].flat()) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        facetDistribution[facet] = counts;
      }
      return [200, {
        hits: hits.slice((page - 1) * perPage, page * perPage), query: body.q ?? '', processingTimeMs: 0,
        hitsPerPage: perPage, page, totalPages: Math.ceil(hits.length / perPage), totalHits: hits.length, facetDistribution,
      }];
    }
    if ((m = /^\/indexes\/([^/]+)$/.exec(path)) && method === 'DELETE') {
      const uid = m[1]!;
      return [202, summary(enqueue(uid, 'indexDeletion', () => (indexes.delete(uid) ? null : 'index_not_found')))];
    }
    if (method === 'POST' && path === '/swap-indexes') {
      return [202, summary(enqueue(null, 'indexSwap', () => {
        for (const { indexes: [a, b] } of body as { indexes: [string, string] }[]) {
          const ia = indexes.get(a);
          const ib = indexes.get(b);
          if (!ia || !ib) return 'index_not_found';
          indexes.set(a, ib);
          indexes.set(b, ia);
        }
        return null;
      }))];
    }
    return [404, apiError('not_found', `The fake does not implement ${method} ${path}.`)];
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body });
      const answer = () => {
        if (res.destroyed) return;
        const [status, payload] = behaviour.httpStatus
          ? [behaviour.httpStatus, apiError('internal', `fake answers ${behaviour.httpStatus}`)]
          : routes(req.method ?? 'GET', url.pathname, body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (behaviour.delayMs > 0) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    behaviour,
    requests,
    indexes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function apiError(code: string, message: string) {
  return { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` };
}

/** A URL where nothing listens: what the client sees when the engine is down. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
