// Serves the built site: our own node:http server in front of Astro's standalone handler, so
// that anonymous pages already in the page cache are answered before Astro routes the request
// at all (decision 0009), and so are signed-in visits of the pages whose body is the same for
// everybody, with the visitor's own header (decision 0012). Everything else — static files,
// pages, endpoints — is Astro's.
// Environment: HOST (default 127.0.0.1), PORT (default 4321), PAGE_CACHE=off,
// PAGE_CACHE_MAX_MB (MiB of cached bodies, default 32).
import { createServer, get } from 'node:http';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(join(root, 'dist/server/entry.mjs'));

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
/**
 * A signed-in visitor missed a personalisable page: ask ourselves for it anonymously (no cookie),
 * so that Astro renders the public page once and the cache stores it for the next visits.
 */
function warmAnonymously(pathAndQuery) {
  const address = server.address();
  if (!address || typeof address === 'string') return;
  const loopback = address.family === 'IPv6' ? '::1' : '127.0.0.1';
  const unspecified = address.address === '0.0.0.0' || address.address === '::';
  const request = get({ host: unspecified ? loopback : address.address, port: address.port, path: pathAndQuery, headers: { accept: 'text/html' } }, (response) => response.resume());
  request.on('error', (error) => console.warn('[page-cache] warming failed:', error.message));
}

const server = createServer((req, res) => {
  const cache = globalThis.__answerablePageCache;
  if (cache && !cache.warmer) cache.warmer = warmAnonymously;
  try {
    if (cache && cache.serveNode(req, res)) return;
  } catch (error) {
    // A failing fast path must never take the page down: Astro renders it instead.
    console.warn('[page-cache] fast path failed:', error instanceof Error ? error.message : error);
  }
  handler(req, res);
});
server.keepAliveTimeout = 5_000;
server.listen(port, host, () => {
  console.log(`Answerable is listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});
const close = () => server.close(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
