// The ONLY way user-written text becomes HTML (decision 0006). Two independent layers:
//  1. marked with a locked-down renderer: raw HTML is escaped (shown as text, never parsed),
//     images become their alt text, headings are at most h3, links only http/https/mailto;
//  2. sanitize-html with an allow-list, so that even a marked bug cannot let a tag, attribute
//     or URL scheme through that is not on the list.
// Pages may pass to `set:html` only a value returned by renderMarkdown() or escapeHtml()
// (tests/integration/set-html-guard.test.ts scans src/ for it), or jsonForScript() for JSON-LD.
import { createHash } from 'node:crypto';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** A string known to be safe to put into `set:html`. */
export type SafeHtml = string & { readonly __safeHtml: true };

/**
 * Longest text ever rendered. Input forms enforce their own (smaller) limits; this one protects
 * the renderer from a body that slipped past them (imports, old rows): beyond it the text is cut.
 */
export const MARKDOWN_RENDER_MAX_CHARS = 100_000;
/** Deepest quote/list nesting rendered; deeper markers are flattened (marked recurses per level). */
export const MARKDOWN_MAX_NESTING = 8;
/** Rendered results kept in memory (keyed by a hash of the text, so every revision has its own). */
export const MARKDOWN_CACHE_SIZE = 500;

const ALLOWED_SCHEMES = ['http', 'https', 'mailto'] as const;
const LINK_REL = 'nofollow ugc noopener';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML element content or a quoted attribute. */
export function escapeHtml(text: string): SafeHtml {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) as SafeHtml;
}

/**
 * JSON for the inside of a <script type="application/ld+json"> element: "<" is written as
 * \u003c so no value can close the element, and U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029') as SafeHtml;
}

/** Decodes numeric and the few named entities a browser would decode inside an href. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => safeCodePoint(parseInt(dec, 10)))
    .replace(/&(colon|tab|newline|amp|lt|gt|quot|apos);?/gi, (_, name: string) =>
      ({ colon: ':', tab: '\t', newline: '\n', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name.toLowerCase()] ?? '',
    );
}

function safeCodePoint(n: number): string {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

/**
 * The absolute URL a link may point to, or null. Only http(s) with a host and mailto pass;
 * relative, protocol-relative and every other scheme (javascript:, data:, vbscript:, file:, …)
 * are refused, however they are cased, entity-encoded or padded with control characters.
 */
export function safeLinkHref(raw: string): string | null {
  // Browsers drop ASCII whitespace and control characters inside a scheme: do the same first.
  const cleaned = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (!scheme || !(ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return null;
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme}:`) return null;
  if (scheme !== 'mailto' && (!/^https?:\/\/[^/]/i.test(cleaned) || !url.hostname)) return null;
  return url.href;
}

// Container markers at the start of a line: quotes and list bullets/numbers, each followed by
// its space. marked recurses once per marker, so "> - > - …" or "- - - - …" must be capped.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?)+/gm;
const CONTAINER_MARKER = /[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?/g;
const LEADING_INDENT = /^[ \t]+/gm;

/** Caps the nesting depth of quotes, lists and indentation before marked sees the text. */
function limitNesting(text: string): string {
  const maxIndent = MARKDOWN_MAX_NESTING * 4;
  return text
    .replace(LEADING_INDENT, (indent: string) => (indent.length > maxIndent ? indent.slice(0, maxIndent) : indent))
    .replace(CONTAINER_PREFIX, (prefix: string) => {
      let depth = 0;
      return prefix.replace(CONTAINER_MARKER, (marker) => (depth++ < MARKDOWN_MAX_NESTING ? marker : ''));
    });
}

function createMarked(): Marked {
  const marked = new Marked({ gfm: true, breaks: true, async: false });
  marked.use({
    renderer: {
      // Raw HTML is never interpreted: it is shown as the text the author typed.
      html(token: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(token.text);
      },
      heading(token: Tokens.Heading): string {
        return `<h3>${this.parser.parseInline(token.tokens)}</h3>\n`;
      },
      image(token: Tokens.Image): string {
        return escapeHtml(token.text);
      },
      link(token: Tokens.Link): string {
        const text = this.parser.parseInline(token.tokens);
        const href = safeLinkHref(token.href);
        if (!href) return text;
        return `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${text}</a>`;
      },
      checkbox(): string {
        return '';
      },
    },
  });
  return marked;
}

const marked = createMarked();

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'h3', 'hr'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [],
  // Tags outside the list (tables, headings other than h3 from a marked change, …) keep their text.
  disallowedTagsMode: 'discard',
  // Contents of these are dropped entirely, never shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    h4: 'h3',
    h5: 'h3',
    h6: 'h3',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ? safeLinkHref(attribs.href) : null;
      // A link whose target is refused becomes a span, which is not allowed: only its text stays.
      return href ? { tagName, attribs: { href, rel: LINK_REL } } : { tagName: 'span', attribs: {} };
    },
  },
};

/** Markdown → sanitised HTML, without the cache. */
function render(text: string): SafeHtml {
  const input = limitNesting(text.length > MARKDOWN_RENDER_MAX_CHARS ? text.slice(0, MARKDOWN_RENDER_MAX_CHARS) : text);
  let html: string;
  try {
    html = marked.parse(input) as string;
  } catch {
    // A pathological text marked cannot parse (stack depth): show it as plain paragraphs.
    html = input
      .split(/\n{2,}/)
      .map((para) => `<p>${escapeHtml(para)}</p>`)
      .join('\n');
  }
  return sanitizeHtml(html, SANITIZE_OPTIONS) as SafeHtml;
}

// A small LRU: Map keeps insertion order, so re-inserting on a hit makes the oldest entry first.
const cache = new Map<string, SafeHtml>();

function cacheKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Renders user Markdown to HTML that is safe for `set:html`. Results are cached by a hash of
 * the text, so an edited story (a new revision) is rendered once and then served from memory.
 */
export function renderMarkdown(text: string | null | undefined): SafeHtml {
  if (!text) return '' as SafeHtml;
  const key = cacheKey(text);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = render(text);
  cache.set(key, html);
  if (cache.size > MARKDOWN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}

/** For tests and the memory bench: how many rendered results are held. */
export function markdownCacheSize(): number {
  return cache.size;
}

export function clearMarkdownCache(): void {
  cache.clear();
}
