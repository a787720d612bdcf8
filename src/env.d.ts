/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the session middleware (src/auth); null for visitors. */
    user: import('./auth/types.ts').SessionUser | null;
    session: import('./auth/types.ts').SessionInfo | null;
    /** The database, set by the middleware: pages, components and endpoints read it here and never import src/db/client.ts. */
    db: import('./db/client.ts').DB;
  }
}
