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

// Expressions that are safe by construction: the renderer, the escaper, the JSON-LD encoder and
// the header's visitor holes (src/layouts/visitor-header.ts: escapeHtml around fixed markup), the
// search page's lists (src/search/search-html.ts: escapeHtml and highlightHtml around fixed markup).
const SAFE_CALL = /^(renderMarkdown|escapeHtml|jsonForScript|visitorNavHtml|visitorAccountHtml|facetLabelsHtml|searchHitsHtml)\(/;
const EMPTY = /^(null|undefined|''|""|``)$/;

/** Source with comments removed and every non-empty string literal reduced to 'S'. */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)+'|"(?:[^"\\\n]|\\.)+"|`(?:[^`\\]|\\.)+`/g, "'S'");
}

const TYPE_ONLY = /^(?:string|null|undefined|SafeHtml|[\s|])+$/;

/**
 * Every value given to `name` in `text`: assignments (`name = …`) and object-literal entries
 * (`name: …`); type annotations (`name?: string`, `let name: string | null = …`) are skipped.
 */
function valuesGiven(text: string, name: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\w$])${name}\\s*(\\??:|=(?!=))\\s*([^,;\\n}]+)`, 'g'))) {
    const [, op, rest] = m;
    let rhs = rest!.trim();
    if (op !== '=') {
      // "name: string | null = null" is a declaration with a type, then a value.
      const typed = /^([^=]+?)\s*=(?!=)\s*(.+)$/.exec(rhs);
      if (typed && TYPE_ONLY.test(typed[1]!)) rhs = typed[2]!.trim();
      else if (op === '?:' || TYPE_ONLY.test(rhs)) continue;
    }
    out.push(rhs);
  }
  return out;
}

const isSafeValue = (rhs: string) => SAFE_CALL.test(rhs) || EMPTY.test(rhs);

/**
 * A variable or property passed to set:html is accepted when every value given to it — in the
 * same file for a variable, anywhere in src/ for a property (`state.preview`) — is a safe call
 * or empty: `let preview = null; … preview = renderMarkdown(body);`.
 */
function safeVariable(text: string, expr: string, allSources: readonly string[] = []): boolean {
  const bare = expr.replace(/!$/, '');
  if (/^[A-Za-z_$][\w$]*$/.test(bare)) {
    const values = valuesGiven(text, bare);
    return values.length > 0 && values.every(isSafeValue);
  }
  const prop = /\??\.([A-Za-z_$][\w$]*)!?$/.exec(bare)?.[1];
  if (!prop) return false;
  const values = allSources.flatMap((source) => valuesGiven(source, prop));
  return values.length > 0 && values.every(isSafeValue);
}

describe('set:html guard', () => {
  it('passes only renderMarkdown, escapeHtml or jsonForScript output to set:html', () => {
    const offenders: string[] = [];
    const sources = files(root).map((file) => code(readFileSync(file, 'utf8')));
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(root, file).replaceAll('\\', '/');
      for (const m of text.matchAll(/set:html=\{([^}]*)\}/g)) {
        const expr = m[1]!.trim();
        if (SAFE_CALL.test(expr) || safeVariable(code(text), expr, sources)) continue;
        offenders.push(`${rel}: set:html={${expr}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('recognises a variable or property only when every value given to it is safe', () => {
    expect(safeVariable('let html: string | null = null;\nhtml = renderMarkdown(body);', 'html')).toBe(true);
    expect(safeVariable('let html = renderMarkdown(body);\nhtml = body;', 'html')).toBe(false);
    expect(safeVariable('const html = `<b>${name}</b>`;', 'html')).toBe(false);
    expect(safeVariable('const other = renderMarkdown(x);', 'html')).toBe(false);
    const lib = 'interface S { preview?: string }\nreturn { state: { preview: renderMarkdown(form.data.body) } };';
    expect(safeVariable('', "mine('reply')!.preview", [lib])).toBe(true);
    expect(safeVariable('', 'state.preview', [lib, 'const s = { preview: userText };'])).toBe(false);
    expect(safeVariable('', 'state.preview', ['interface S { preview?: string }'])).toBe(false);
    expect(code("const a = 'preview: text'; // preview: x\nconst b = `<b>${n}</b>`; const c = '';")).toBe("const a = 'S'; \nconst b = 'S'; const c = '';");
  });

  it('encodes JSON-LD so that no value can close the script element', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
  });
});
