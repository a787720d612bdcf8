// Checks real answers against the OpenAPI 3.1 document of /api/v1 (src/http/openapi.ts): finds the
// operation of a request path, the documented response of a status, and validates a JSON body
// against that response's schema with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
// The formats used by the document (date-time, date, uri) are checked for real, not ignored.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;

export interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses?: Record<string, Json> };
}

const ID = 'https://answerable.invalid/openapi.json';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function createChecker(doc: OpenApiDoc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (s: string) => ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('date', (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
  ajv.addFormat('uri', (s: string) => URL.canParse(s) && /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addSchema({ $id: ID, components: { schemas: doc.components.schemas } });
  const compiled = new Map<string, ValidateFunction>();

  // Templates with fewer parameters first, so that /companies/suggest wins over /companies/{slug}.
  const templates = Object.keys(doc.paths)
    .map((t) => ({ t, re: new RegExp(`^${t.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`), params: (t.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);

  /** The documented path template a concrete path belongs to, or null. */
  function templateOf(path: string): string | null {
    const pathname = path.split('?')[0]!;
    return templates.find((x) => x.re.test(pathname))?.t ?? null;
  }

  /** The documented response object (after one $ref to components/responses), or null. */
  function responseOf(template: string, method: string, status: number): Json | null {
    const op = doc.paths[template]?.[method.toLowerCase()];
    let res = op?.responses[String(status)] as Json | undefined;
    if (!res) return null;
    if (typeof res.$ref === 'string') res = doc.components.responses?.[res.$ref.split('/').pop()!] as Json | undefined;
    return res ?? null;
  }

  /** Validation errors of a JSON body against the documented response schema (empty: valid). */
  function validate(response: Json, body: unknown): string[] {
    const schema = (response.content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
    if (!schema) return ['the response documents no application/json schema'];
    // Local references point into the document: make them absolute.
    const key = JSON.stringify(schema);
    let fn = compiled.get(key);
    if (!fn) {
      const absolute = JSON.parse(key.replaceAll('"#/components/', `"${ID}#/components/`)) as Json;
      fn = ajv.compile(absolute);
      compiled.set(key, fn);
    }
    return fn(body) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  return { templateOf, responseOf, validate };
}
