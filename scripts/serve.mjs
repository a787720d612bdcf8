// Serves the built site: our own node:http server in front of Astro's standalone handler, so
// that anonymous pages already in the page cache are answered before Astro routes the request
// at all (decision 0009), and so are signed-in visits of the pages whose body is the same for
// everybody, with the visitor's own header (decision 0012). Everything else — static files,
// pages, endpoints — is Astro's.
// Before both, every request passes the checks of src/server/http-guard.ts (decision 0017): the
// Host must name SITE_URL's host (forwarded headers only with TRUST_PROXY=on) and the body must
// be within its limit. Configuration: src/config.ts (validated here, at start-up; README table).
import { createServer, get } from 'node:http';
import { join } from 'node:path';
import { checkConfigOrExit } from '../src/config.ts';
import { checkBodySize, checkHost } from '../src/server/http-guard.ts';

const root = new URL('..', import.meta.url).pathname;
const cfg = checkConfigOrExit();
// Astro's standalone server must not start: this one serves (an @astrojs/node switch, not ours).
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(join(root, 'dist/server/entry.mjs'));

const { host, port } = cfg;
/**
 * A signed-in visitor missed a personalisable page: ask ourselves for it anonymously (no cookie),
 * so that Astro renders the public page once and the cache stores it for the next visits.
 */
function warmAnonymously(pathAndQuery) {
  const address = server.address();
  if (!address || typeof address === 'string') return;
  const loopback = address.family === 'IPv6' ? '::1' : '127.0.0.1';
  const unspecified = address.address === '0.0.0.0' || address.address === '::';
  const request = get({ host: unspecified ? loopback : address.address, port: address.port, path: pathAndQuery, headers: { accept: 'text/html', host: cfg.siteHost } }, (response) => response.resume());
  request.on('error', (error) => console.warn('[page-cache] warming failed:', error.message));
}

const server = createServer((req, res) => guard(req, res, false));
// `Expect: 100-continue`: the 100 goes out only once the Host and the announced size passed.
server.on('checkContinue', (req, res) => guard(req, res, true));

function guard(req, res, expectsContinue) {
  if (!checkHost(req, res, cfg, port)) return;
  checkBodySize(req, res, () => serve(req, res), expectsContinue ? () => res.writeContinue() : undefined);
}

function serve(req, res) {
  const cache = globalThis.__answerablePageCache;
  if (cache && !cache.warmer) cache.warmer = warmAnonymously;
  try {
    if (cache && cache.serveNode(req, res)) return;
  } catch (error) {
    // A failing fast path must never take the page down: Astro renders it instead.
    console.warn('[page-cache] fast path failed:', error instanceof Error ? error.message : error);
  }
  handler(req, res);
}
server.keepAliveTimeout = 5_000;
server.listen(port, host, () => {
  console.log(`Answerable is listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});
const close = () => server.close(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);
