// The only parts of the page shell (src/layouts/Base.astro) that depend on who is looking: the
// company area and moderation links in the navigation, and the account link (the visitor's name,
// or "Sign in"). Each is one "hole" between two fixed HTML comments. Base.astro renders the holes
// with these functions on every page, and the page cache's fast path (src/server/page-cache.ts,
// decision 0012) fills the same holes of a cached anonymous page for a signed-in visitor with the
// same functions, so the two cannot drift apart.
//
// Nothing here may contain a <script>: the cached page's CSP hashes its inline scripts once, and a
// filled page reuses that CSP.
import { escapeHtml, type SafeHtml } from '../content/markdown.ts';
import { translator, type Locale } from '../i18n/index.ts';
import type { SessionUser } from '../auth/types.ts';

/** What the header shows of a signed-in visitor. */
export type HeaderVisitor = Pick<SessionUser, 'displayName' | 'role' | 'companyIds'>;

export type VisitorHole = 'nav' | 'account';

/** The comments around each hole, in the order the holes appear in the page. */
export const VISITOR_HOLE_MARKERS: readonly { hole: VisitorHole; start: string; end: string }[] = [
  { hole: 'nav', start: '<!--visitor:nav-->', end: '<!--/visitor:nav-->' },
  { hole: 'account', start: '<!--visitor:account-->', end: '<!--/visitor:account-->' },
];

function link(href: string, label: string, current: boolean): string {
  return `<a href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
}

/**
 * The navigation links of a signed-in visitor: the company area for a representative, moderation
 * for staff. `section` marks the current one, as the other navigation links do.
 */
export function visitorNavHtml(lang: Locale, visitor: HeaderVisitor | null, section?: string): SafeHtml {
  const tr = translator(lang);
  const isRep = (visitor?.companyIds.length ?? 0) > 0;
  const isStaff = visitor?.role === 'moderator' || visitor?.role === 'admin';
  const links = [
    isRep ? link(`/${lang}/dashboard`, tr('nav.dashboard'), section === 'dashboard') : '',
    isStaff ? link(`/${lang}/moderation`, tr('nav.moderation'), section === 'moderation') : '',
  ].join('');
  return `${VISITOR_HOLE_MARKERS[0]!.start}${links}${VISITOR_HOLE_MARKERS[0]!.end}` as SafeHtml;
}

/** The account link: the visitor's own name, or "Sign in". */
export function visitorAccountHtml(lang: Locale, visitor: HeaderVisitor | null): SafeHtml {
  const tr = translator(lang);
  const inner = visitor ? link(`/${lang}/account`, visitor.displayName, false) : link(`/${lang}/account/sign-in`, tr('nav.signIn'), false);
  return `${VISITOR_HOLE_MARKERS[1]!.start}${inner}${VISITOR_HOLE_MARKERS[1]!.end}` as SafeHtml;
}

/** Every hole's content for a visitor, in page order (what the fast path writes into a page). */
export function visitorHoles(lang: Locale, visitor: HeaderVisitor | null, section?: string): SafeHtml[] {
  return [visitorNavHtml(lang, visitor, section), visitorAccountHtml(lang, visitor)];
}
