// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';
const siteHost = new URL(siteUrl).hostname;

export default defineConfig({
  site: siteUrl,
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  security: {
    // Astro's own CSRF guard for form posts; src/middleware.ts adds the Origin /
    // Sec-Fetch-Site check for every other non-GET request (JSON included).
    checkOrigin: true,
    // X-Forwarded-Host is trusted only for our own public host name.
    allowedDomains: [{ hostname: siteHost }],
  },
  // Our own /<lang>/ routing lives in src/pages/[lang]; see src/i18n/index.ts.
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  vite: {
    ssr: { external: ['better-sqlite3', 'sharp'] },
  },
});
