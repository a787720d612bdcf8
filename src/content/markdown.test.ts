import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearMarkdownCache, escapeHtml, markdownCacheSize, MARKDOWN_CACHE_SIZE, renderMarkdown, safeLinkHref } from './markdown.ts';

const ALLOWED_TAGS = new Set(['p', 'br', 'em', 'strong', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'h3', 'hr']);
const ALLOWED_ATTRS = new Set(['href', 'rel', 'start']);

/** Every way the rendered HTML could be unsafe; an empty list means safe. */
function problems(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push('script tag');
  for (const m of html.matchAll(/<\/?\s*([a-z0-9-]+)([^>]*)>/gi)) {
    const tag = m[1]!.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) found.push(`tag ${tag}`);
    for (const a of (m[2] ?? '').matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = a[1]!.toLowerCase();
      if (name.startsWith('on')) found.push(`event attribute ${name}`);
      else if (!ALLOWED_ATTRS.has(name)) found.push(`attribute ${name}`);
      if (name === 'href') {
        const value = (a[2] ?? '').replace(/^["']|["']$/g, '').replace(/&amp;/g, '&');
        if (!/^(https?:\/\/[^/]|mailto:)/i.test(value)) found.push(`href ${value}`);
      }
    }
    if (tag === 'a' && m[0].startsWith('<a') && !/rel="nofollow ugc noopener"/.test(m[0])) found.push('link without rel');
    if (/target=/i.test(m[0])) found.push('target attribute');
  }
  return found;
}

// Payloads from the OWASP XSS filter-evasion cheat sheet and Markdown-specific tricks.
const XSS_CORPUS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<!--<script>alert(1)//--><script>alert(2)</script>',
  '<p title="</p><script>alert(1)</script>">x</p>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
  '[click](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](jav&#x09;ascript:alert(1))',
  '[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](DATA:text/html,<script>alert(1)</script>)',
  '[click](vbscript:msgbox("x"))',
  '[click](VbScRiPt:msgbox("x"))',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/x)',
  '<javascript:alert(1)>',
  '<vbscript:alert(1)>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '[ref][x]\n\n[x]: data:text/html,<script>alert(1)</script> "title"',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.com/a.png)',
  '![<img src=x onerror=alert(1)>](https://example.com/a.png)',
  '[a](https://example.com "title\\" onmouseover=\\"alert(1)")',
  '[a](https://example.com" onmouseover="alert(1))',
  '[<img src=x onerror=alert(1)>](https://example.com)',
  '**<img src=x onerror=alert(1)>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '```html" onmouseover="alert(1)\ncode\n```',
  '> <script>alert(1)</script>',
  '- <svg/onload=alert(1)>',
  '# <script>alert(1)</script>',
  '| a | <img src=x onerror=alert(1)> |\n|---|---|\n| <script>alert(1)</script> | b |',
  'https://example.com/<script>alert(1)</script>',
  'www.example.com/"onmouseover="alert(1)',
  'mailto:x@example.com?body=<script>alert(1)</script>',
  '<a href="https://example.com" target="_blank" onclick="alert(1)">x</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\u0000<script>alert(1)</script>',
  '<scr\u0000ipt>alert(1)</script>',
  '>'.repeat(10_000) + ' <script>alert(1)</script>',
  '- '.repeat(10_000) + '<img src=x onerror=alert(1)>',
  '<div>'.repeat(20_000) + '<script>alert(1)</script>',
  '['.repeat(20_000) + 'x' + ']'.repeat(20_000) + '(javascript:alert(1))',
  '*'.repeat(50_000) + '<svg onload=alert(1)>',
  ('lorem ipsum <img src=x onerror=alert(1)> [x](javascript:alert(1)) ').repeat(16_000), // ~1 MB
  'a'.repeat(1_048_576) + '<script>alert(1)</script>',
];

describe('renderMarkdown: XSS corpus', () => {
  it('has at least 40 payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_CORPUS.map((p, i) => [i, p.length > 80 ? `${p.slice(0, 60)}… (${p.length} chars)` : p, p] as const))(
    'payload %i never yields a script, an event attribute or a bad link: %s',
    (_i, _label, payload) => {
      const html = renderMarkdown(payload);
      expect(problems(html)).toEqual([]);
    },
  );
});

describe('renderMarkdown: what authors can write', () => {
  it('renders emphasis, lists, quotes, code and rules', () => {
    const html = renderMarkdown('**bold** *it* ~~no~~\n\n- a\n- b\n\n1. x\n\n> quoted\n\n`code`\n\n---');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<del>no</del>');
    expect(html).toContain('<ul>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<hr />');
  });

  it('shows raw HTML as the text the author typed', () => {
    expect(renderMarkdown('<b>hi</b>')).toContain('&lt;b&gt;hi&lt;/b&gt;');
  });

  it('downgrades headings above h3 to h3', () => {
    const html = renderMarkdown('# One\n\n## Two\n\n### Three\n\n#### Four');
    expect(html.match(/<h3>/g)).toHaveLength(4);
    expect(html).not.toMatch(/<h[12456]/);
  });

  it('gives links rel="nofollow ugc noopener" and no target', () => {
    const html = renderMarkdown('[shop](https://example.com/a?b=1) and <mailto:help@example.com>');
    expect(html).toContain('<a href="https://example.com/a?b=1" rel="nofollow ugc noopener">shop</a>');
    expect(html).toContain('href="mailto:help@example.com"');
    expect(html).not.toContain('target');
  });

  it('keeps the text of a link whose target is refused, without the link', () => {
    expect(renderMarkdown('[see this](javascript:alert(1))')).toBe('<p>see this</p>\n');
    expect(renderMarkdown('[local](/it/companies)')).toBe('<p>local</p>\n');
  });

  it('shows images as their alt text, never as an image', () => {
    const html = renderMarkdown('![broken canvas](https://example.com/p.jpg)');
    expect(html).toContain('broken canvas');
    expect(html).not.toContain('<img');
  });

  it('renders an empty or missing text as an empty string', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown(undefined)).toBe('');
  });

  it('caps quote and list nesting instead of overflowing the stack', () => {
    const html = renderMarkdown('> '.repeat(5000) + 'deep');
    expect(html.match(/<blockquote>/g)!.length).toBeLessThanOrEqual(8);
    expect(html).toContain('deep');
  });

  it('cuts a text longer than the render limit', () => {
    const html = renderMarkdown('x'.repeat(300_000));
    expect(html.length).toBeLessThan(110_000);
  });
});

describe('renderMarkdown: cache', () => {
  it('returns the same result from the cache and keeps at most the configured number of entries', () => {
    clearMarkdownCache();
    const first = renderMarkdown('cached *text*');
    expect(renderMarkdown('cached *text*')).toBe(first);
    expect(markdownCacheSize()).toBe(1);
    for (let i = 0; i < MARKDOWN_CACHE_SIZE + 50; i++) renderMarkdown(`revision ${i}`);
    expect(markdownCacheSize()).toBe(MARKDOWN_CACHE_SIZE);
  });

  it('renders a new revision of a text afresh', () => {
    expect(renderMarkdown('version *one*')).toContain('<em>one</em>');
    expect(renderMarkdown('version **two**')).toContain('<strong>two</strong>');
  });
});

describe('safeLinkHref and escapeHtml', () => {
  it('accepts only http, https and mailto', () => {
    expect(safeLinkHref('https://example.com')).toBe('https://example.com/');
    expect(safeLinkHref('HTTP://example.com/x')).toBe('http://example.com/x');
    expect(safeLinkHref('mailto:a@b.it')).toBe('mailto:a@b.it');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:x', 'jav&#x61;script:x', 'data:text/html,x', 'vbscript:x', '//evil', '/relative', 'ftp://x', 'http:/x', 'https://']) {
      expect(safeLinkHref(bad), bad).toBeNull();
    }
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderMarkdown: property', () => {
  const fragments = fc.constantFrom(
    '<script>', '</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', 'javascript:', 'JaVaScRiPt:',
    '&#106;', '&#x3A;', '&colon;', 'data:', 'vbscript:', '[', ']', '(', ')', '![', '<', '>', '"', "'", '`', '```',
    '\n', '\n\n', '> ', '- ', '1. ', '# ', '*', '_', '~~', 'on', 'click=', 'onerror=', 'href=', ' ', 'https://ok.example/',
    'mailto:a@b.it', '&', '\t', '\u0000', '<a href=', '<!--', '-->', 'style=', '<iframe', '<math>', '%3C',
  );
  const markdownish = fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));

  it('never outputs a script, an on* attribute, a tag outside the list or a disallowed link scheme', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        expect(problems(renderMarkdown(text))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('escapeHtml output never contains a raw < > or quote', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s))));
  });
});
