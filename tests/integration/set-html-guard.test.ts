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
const EMPTY = /^(null|undefined|''|""|``)$/;

/**
 * A variable passed to set:html is accepted when every assignment to it in the same file is a
 * safe call (or empty): `let preview = null; … preview = renderMarkdown(body);`.
 */
function safeVariable(text: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  const assignments = [...text.matchAll(new RegExp(`(?<![\\w$.])${name}\\s*(?::[^=;\\n]+)?=(?!=)\\s*([^;\\n]+)`, 'g'))].map((m) => m[1]!.trim());
  return assignments.length > 0 && assignments.every((rhs) => SAFE_CALL.test(rhs) || EMPTY.test(rhs));
}

describe('set:html guard', () => {
  it('passes only renderMarkdown, escapeHtml or jsonForScript output to set:html', () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(root, file).replaceAll('\\', '/');
      for (const m of text.matchAll(/set:html=\{([^}]*)\}/g)) {
        const expr = m[1]!.trim();
        if (SAFE_CALL.test(expr) || safeVariable(text, expr)) continue;
        offenders.push(`${rel}: set:html={${expr}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('recognises a variable only when every assignment to it is safe', () => {
    expect(safeVariable('let html: string | null = null;\nhtml = renderMarkdown(body);', 'html')).toBe(true);
    expect(safeVariable('let html = renderMarkdown(body);\nhtml = body;', 'html')).toBe(false);
    expect(safeVariable('const html = `<b>${name}</b>`;', 'html')).toBe(false);
    expect(safeVariable('const other = renderMarkdown(x);', 'html')).toBe(false);
  });

  it('encodes JSON-LD so that no value can close the script element', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
  });
});
