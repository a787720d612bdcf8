// Guard for decision 0006: user text reaches `set:html` only through src/content/markdown.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/content/markdown.ts';

const root = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(astro|tsx?|jsx?|mdx?)$/.test(name) ? [path] : [];
  });
}

// Expressions that are safe by construction: the renderer, the escaper and the JSON-LD encoder.
const SAFE_CALL = /^(renderMarkdown|escapeHtml|jsonForScript)\(/;
// The layout's JSON-LD, built in the same file with JSON.stringify and "<" escaped to \u003c.
const KNOWN_SAFE: Record<string, string[]> = { 'layouts/Base.astro': ['jsonLdText'] };

describe('set:html guard', () => {
  it('passes only renderMarkdown, escapeHtml or jsonForScript output to set:html', () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(root, file).replaceAll('\\', '/');
      for (const m of text.matchAll(/set:html=\{([^}]*)\}/g)) {
        const expr = m[1]!.trim();
        if (SAFE_CALL.test(expr) || KNOWN_SAFE[rel]?.includes(expr)) continue;
        offenders.push(`${rel}: set:html={${expr}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('encodes JSON-LD so that no value can close the script element', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
  });
});
