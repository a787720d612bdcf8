// The HTTP client the Meilisearch adapter hands to the official client (its `httpClient` option)
// instead of the global fetch.
//
// Why: Node's fetch (undici) asks for `Accept-Encoding: gzip, deflate, br`. Meilisearch then
// compresses every answer and streams it chunked; the last small chunk sits behind the previous
// unacknowledged segment until the client's delayed ACK (~40 ms on Linux) — a fixed ~45 ms on every
// search whose answer is more than a few hundred bytes, while the engine itself takes 1–6 ms.
// Here answers are asked for uncompressed (on a LAN or loopback compression only costs CPU),
// headers and body leave in one write with Nagle off, and connections are kept alive and reused.
// Pinned by tests/integration/search-meilisearch-latency.test.ts.
import http from 'node:http';
import https from 'node:https';
import { type MeilisearchErrorResponse, MeilisearchApiError } from 'meilisearch';

export type HttpClient = (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;

export interface MeilisearchHttp {
  httpClient: HttpClient;
  /** Closes the kept-alive connections (the process may exit without calling it: idle sockets are unref'd). */
  close(): void;
}

export interface MeilisearchHttpOptions {
  /** Connections per host at most (searches and writes beyond wait in the agent's queue). */
  maxSockets?: number;
}

function bodyOf(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('Meilisearch HTTP client: only string or byte bodies are supported');
}

export function createMeilisearchHttp(options: MeilisearchHttpOptions = {}): MeilisearchHttp {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 16,
    // Idle connections are dropped before the server's own keep-alive timeout (5 s) closes them.
    timeout: 4_000,
  };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  function once(url: URL, init: RequestInit, payload: string | Uint8Array | undefined): Promise<{ status: number; statusText: string; text: string; reusedSocket: boolean }> {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    headers['accept-encoding'] = 'identity';
    headers['content-length'] = String(payload === undefined ? 0 : Buffer.byteLength(payload));
    const signal = init.signal ?? undefined;
    const transport = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const req = transport.request(url, { method: init.method ?? 'GET', headers, agent });
      const onAbort = () => {
        req.destroy();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      req.on('socket', (socket) => socket.setNoDelay(true));
      req.on('error', (error) => {
        done();
        reject(Object.assign(error, { reusedSocket: req.reusedSocket }));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          done();
          reject(error);
        });
        res.on('end', () => {
          done();
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', text: Buffer.concat(chunks).toString('utf8'), reusedSocket: req.reusedSocket });
        });
      });
      // With the body given to end(), Node sends the headers and the body in a single write.
      req.end(payload);
    });
  }

  const httpClient: HttpClient = async (input, init = {}) => {
    const url = input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    const payload = bodyOf(init.body);
    let answer;
    try {
      answer = await once(url, init, payload);
    } catch (error) {
      // A kept-alive connection the server closed just as we reused it: the request never reached
      // it, so sending it once more on a fresh connection is safe (Node's documented pattern).
      const e = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
      if (!(e?.reusedSocket && e.code === 'ECONNRESET') || init.signal?.aborted) throw error;
      answer = await once(url, init, payload);
    }
    const ok = answer.status >= 200 && answer.status < 300;
    if (ok) return answer.text === '' ? undefined : JSON.parse(answer.text);
    // An error answer: Meilisearch's JSON error, or whatever a proxy in front of it sent.
    let detail: MeilisearchErrorResponse | undefined;
    try {
      detail = answer.text === '' ? undefined : (JSON.parse(answer.text) as MeilisearchErrorResponse);
    } catch {
      detail = undefined;
    }
    const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
    throw new MeilisearchApiError(new Response(null, { status, statusText: answer.statusText }), detail);
  };

  return {
    httpClient,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
