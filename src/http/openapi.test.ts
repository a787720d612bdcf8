import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createChecker, type OpenApiDoc } from '../../tests/helpers/openapi-check.ts';
import { serviceUnavailable, tooManyRequests } from './error-responses.ts';
import { apiError } from './api-v1.ts';
import { openApiDocument } from './openapi.ts';

const doc = () => openApiDocument({ siteUrl: 'https://answerable.example', rateLimitPerMinute: 300 });

describe('the OpenAPI document of /api/v1', () => {
  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    const api = await SwaggerParser.validate(structuredClone(doc()) as never);
    expect(api.info.title).toBe('Answerable open data API');
    expect((api as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('would be refused if it were broken (the validation can fail)', async () => {
    const broken = structuredClone(doc()) as unknown as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    broken.paths['/api/v1/companies/{slug}']!.get.responses['200'] = { content: {} };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
    const dangling = structuredClone(doc()) as unknown as { components: { schemas: Record<string, unknown> } };
    delete dangling.components.schemas.StatsWindow;
    await expect(SwaggerParser.validate(dangling as never)).rejects.toThrow(/StatsWindow/);
  });

  it('declares every path parameter of every path, and no other (swagger-parser does not check this for 3.1)', () => {
    for (const [path, item] of Object.entries(doc().paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const op of Object.values(item)) {
        const params = ((op as { parameters?: { name: string; in: string; required?: boolean }[] }).parameters ?? []).filter((p) => p.in === 'path');
        expect(params.map((p) => p.name).sort(), path).toEqual(inPath);
        expect(params.every((p) => p.required === true), path).toBe(true);
      }
    }
  });

  it('resolves every reference it makes', async () => {
    const refs = JSON.stringify(doc()).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    const parser = new SwaggerParser();
    await parser.dereference(structuredClone(doc()) as never);
    for (const r of new Set(refs)) expect(parser.$refs.exists(JSON.parse(`{${r}}`).$ref as string), r).toBe(true);
  });

  it('names its server and licence from the configuration', () => {
    const d = openApiDocument({ siteUrl: 'https://other.example', rateLimitPerMinute: 7 });
    expect(d.servers).toEqual([{ url: 'https://other.example' }]);
    expect(d.info.license.identifier).toBe('CC-BY-4.0');
    expect(d.components.responses.RateLimited.description).toContain('7 requests');
    expect(d.externalDocs.url).toBe('https://other.example/en/open-data');
  });

  it('describes the refusals the middleware answers with, in both languages', async () => {
    const check = createChecker(doc() as unknown as OpenApiDoc);
    const limited = check.responseOf('/api/v1/companies', 'GET', 429)!;
    const unavailable = check.responseOf('/api/v1/companies', 'GET', 503)!;
    for (const lang of ['it', 'en'] as const) {
      expect(check.validate(limited, await tooManyRequests(lang, true, 12).json())).toEqual([]);
      expect(check.validate(unavailable, await serviceUnavailable(lang, true).json())).toEqual([]);
    }
    // A wrong body is caught: the check can fail.
    expect(check.validate(limited, { error: 'rate_limited', message: 'x' })).not.toEqual([]);
  });

  it('describes the localized error body of the endpoints, the search outage included', async () => {
    const check = createChecker(doc() as unknown as OpenApiDoc);
    const outage = check.responseOf('/api/v1/companies/suggest', 'GET', 503)!;
    const request = new Request('http://x/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    const res = apiError(request, 503, 'search_unavailable', 'search.suggest.unavailable', undefined, { 'retry-after': '30' });
    expect(res.headers.get('content-language')).toBe('en');
    expect(check.validate(outage, await res.json())).toEqual([]);
    expect(check.validate(outage, { error: { code: 'search_unavailable' } })).not.toEqual([]);
  });
});
