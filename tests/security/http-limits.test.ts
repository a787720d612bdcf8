// Item: per-IP rate limits on the search page and the API (429 + Retry-After), generous enough
// that a person never meets them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite({ env: { SEARCH_RATE_LIMIT_PER_MINUTE: '40', API_RATE_LIMIT_PER_MINUTE: '60' } });
});
afterAll(() => site?.stop());

describe('search and API rate limits', () => {
  it('a normal person searching a dozen times is never limited', async () => {
    for (const q of ['fiori', 'consegna', 'rimborso', 'fibra', 'bouquet', 'refund', 'delivery', 'router', 'courier', 'invoice']) {
      const res = await request(site, `/en/search?q=${q}`);
      expect(res.status).toBe(200);
      await res.text();
    }
  });

  it('a burst of searches over the limit gets a localized 429 page with Retry-After', async () => {
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 60; i++) {
      const res = await request(site, `/it/search?q=fiori${i}`);
      statuses.push(res.status);
      if (res.status === 429) {
        limited = res;
        break;
      }
      await res.text();
    }
    expect(limited, statuses.join(',')).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited!.headers.get('content-type')).toMatch(/text\/html/);
    expect(await limited!.text()).toMatch(/troppe/i);
  });

  it('a burst of API calls over the limit gets a JSON 429 with Retry-After', async () => {
    let limited: Response | null = null;
    for (let i = 0; i < 100; i++) {
      const res = await request(site, '/api/v1/companies?page=1', { headers: { accept: 'application/json' } });
      if (res.status === 429) {
        limited = res;
        break;
      }
      expect(res.status).toBe(200);
      await res.text();
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited!.json()) as { error: string };
    expect(body.error).toBe('rate_limited');
  });

  it('the API description documents the limit', async () => {
    const res = await request(site, '/api/v1', { headers: { accept: 'application/json' } });
    expect(JSON.stringify(await res.json())).toMatch(/rate/i);
  });
});
