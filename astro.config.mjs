// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { parseConfig } from './src/config.ts';

// Only `astro dev` uses host and port from here; the built server reads its whole configuration
// at run time (src/config.ts, scripts/serve.mjs). No `site`: it would bake SITE_URL in at build
// time; every URL we build comes from config().siteUrl instead (decision 0015).
const devConfig = parseConfig(process.env);

export default defineConfig({
  output: 'server',
  adapter: node({
    mode: 'standalone',
    // Largest request body the server reads (@astrojs/node `bodySizeLimit`, default 1 GB). The
    // publish form and the story page's "add photos" form post up to 6 photos of 12 MB each
    // (MAX_PHOTOS_PER_STORY × MAX_PHOTO_BYTES, src/content/photos.ts) plus text fields and
    // multipart overhead: 6 × 12 MB + 4 MB. A bigger body fails while it is read (readForm gives
    // an empty form) instead of filling memory. scripts/serve.mjs refuses earlier and per route
    // (64 KiB for forms without photos: src/server/http-guard.ts).
    bodySizeLimit: (6 * 12 + 4) * 1024 * 1024,
    // Pages render completely before the response starts: an error anywhere in a page (a storage
    // failure in a component's read included) becomes a clean 503/500 from src/middleware.ts
    // instead of a half-sent page. Measured: no throughput difference on our pages (~25 KB).
    experimentalDisableStreaming: true,
  }),
  server: { host: devConfig.host, port: devConfig.port },
  security: {
    // Off: src/middleware.ts checks Origin / Sec-Fetch-Site on EVERY non-GET request, forms and
    // JSON alike, and is stricter (no header at all is refused too). Astro's guard would only
    // repeat it for forms, first, with an English-only message.
    checkOrigin: false,
    // Every host: scripts/serve.mjs has already refused any Host that is not SITE_URL's and
    // removed X-Forwarded-* unless TRUST_PROXY=on, at run time; this list would be fixed at build
    // time (Astro trusts X-Forwarded-For for a listed host, and falls back to "localhost" for an
    // unlisted one instead of refusing it). Decision 0015.
    allowedDomains: [{}],
    // security.actionBodySizeLimit (default 1 MB) applies to Astro Actions only, which carry JSON
    // from islands (decision 0003); photo forms post to their page and are bounded by the
    // adapter's bodySizeLimit above, so it stays at its default.
  },
  // Our own /<lang>/ routing lives in src/pages/[lang]; see src/i18n/index.ts.
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  vite: {
    ssr: { external: ['better-sqlite3', 'sharp'] },
    // Every processed <script> becomes a file, never an inline script (Astro inlines scripts
    // below this size): pages have no inline scripts, so the CSP is `script-src 'self'` with no
    // hashes and the security middleware never reads a page (src/http/security-headers.ts).
    build: { assetsInlineLimit: 0 },
  },
});
