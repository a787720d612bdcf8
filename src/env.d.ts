/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the session middleware (src/auth); null for visitors. */
    user: import('./auth/types.ts').SessionUser | null;
    session: import('./auth/types.ts').SessionInfo | null;
  }
}
