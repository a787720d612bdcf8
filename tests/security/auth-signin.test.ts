// Sign-in attacks of issue 11: concurrent guesses past the limit, anonymous sign-ins as a denial
// of service through password hashing, and locking an owner out of their account by failing on
// purpose. Different clients are played with different loopback source addresses (127.0.0.x):
// the server takes the client address from the socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, percentile, request, signIn, sleep, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('sign-in guessing', () => {
  it('counts concurrent guesses before checking the password: at most the limit many are checked, the right password after it waits', async () => {
    const email = 'marco.b@example.org';
    const from = '127.0.0.3';
    const wrong = Array.from({ length: 39 }, (_, i) => signIn(site, email, `wrong guess number ${i}`, undefined, 'en', from).then((r) => r.res));
    // The right password goes out once the first answer is back: by then the burst has arrived.
    const first = await Promise.race(wrong);
    const right = await signIn(site, email, DEMO_PASSWORD, undefined, 'en', from);
    const answers = await Promise.all(wrong);
    const statuses = answers.map((r) => r.status);
    expect(first.status).toBeGreaterThan(0);
    // Per account and address the limit is 10: no more than 10 passwords are ever checked.
    expect(count(statuses, 401), statuses.join(',')).toBeLessThanOrEqual(10);
    expect(count(statuses, 401) + count(statuses, 429), statuses.join(',')).toBe(39);
    for (const r of answers.filter((a) => a.status === 429)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(right.res.status).toBe(429);
    expect(right.res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await right.res.text()).toContain('Too many attempts');
    expect(right.jar.has('answerable_session')).toBe(false);
  });

  it('does not lock the owner out: failures from one address do not block the right password from another', async () => {
    const email = 'luca.t@example.org';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(site, email, `attacker guess ${i}`, undefined, 'en', '127.0.0.4')).res.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // The attacker's address stays refused, even with the right password…
    expect((await signIn(site, email, DEMO_PASSWORD, undefined, 'en', '127.0.0.4')).res.status).toBe(429);
    // …while the owner, from somewhere else, gets in.
    const owner = await signIn(site, email, DEMO_PASSWORD, undefined, 'en', '127.0.0.5');
    expect(owner.res.status).toBe(303);
    expect((await request(site, '/en/account', { jar: owner.jar, localAddress: '127.0.0.5' })).status).toBe(200);
  });
});

describe('password hashing under a flood', () => {
  it('keeps answering /healthz and a cached page while 40 anonymous sign-ins arrive at once', async () => {
    // Warm the page cache, then measure a quiet baseline.
    for (let i = 0; i < 3; i++) await (await request(site, '/en')).arrayBuffer();
    const probe = async (path: string) => {
      const started = performance.now();
      const res = await request(site, path);
      await res.arrayBuffer();
      expect(res.status).toBe(200);
      return performance.now() - started;
    };
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push(await probe('/healthz'), await probe('/en'));

    // 40 sign-ins with addresses nobody has (no per-account limit helps), from four clients.
    let done = false;
    const flood = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(site, '/en/account/sign-in', { form: { email: `nobody-${i}@flood.example`, password: `guess number ${i} of the flood` }, localAddress: `127.0.0.${10 + (i % 4)}` }).then(async (r) => {
          await r.arrayBuffer();
          return r;
        }),
      ),
    ).finally(() => (done = true));
    const busy: number[] = [];
    await sleep(20);
    for (let i = 0; i < 400 && !done; i++) {
      busy.push(await probe('/healthz'), await probe('/en'));
      await sleep(10);
    }
    const answers = await flood;
    for (const r of answers) {
      expect([401, 429, 503]).toContain(r.status);
      if (r.status !== 401) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The server keeps answering while the flood is hashed off its event loop: many probes come
    // back before the last sign-in does (a hash on the event loop would hold them all until the
    // flood ends). Counted, not timed — a test never asserts a wall-clock time; the latencies
    // go into the message for the record.
    expect(busy.length, `quiet p99 ${percentile(quiet, 99).toFixed(1)} ms, busy p99 ${percentile(busy, 99).toFixed(1)} ms`).toBeGreaterThanOrEqual(10);
  });

  it('refuses sign-ins beyond the hashing queue with a localized 503 and Retry-After, never a 500', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        request(site, '/it/account/sign-in', { form: { email: `ospite-${i}@coda.example`, password: `tentativo numero ${i}` }, localAddress: `127.0.1.${i % 6}` }).then(async (r) => ({ r, text: await r.text() })),
      ),
    );
    const statuses = answers.map((a) => a.r.status);
    expect(statuses.every((s) => s === 401 || s === 503), statuses.join(',')).toBe(true);
    const refused = answers.filter((a) => a.r.status === 503);
    expect(refused.length, statuses.join(',')).toBeGreaterThan(0);
    for (const a of refused) {
      expect(Number(a.r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(a.text).toContain('Troppe richieste di accesso');
      // The form comes back with the address typed.
      expect(a.text).toMatch(/value="ospite-\d+@coda\.example"/);
    }
  });

  it('answers a flood of sign-ups beyond the hashing queue with a localized 503 too, never a 500', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(site, '/en/account/sign-up', { form: { displayName: `Flood Person ${'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'[i]}`, email: `flood-${i}@signup.example`, password: `a long flood passphrase ${i}` }, localAddress: `127.0.2.${i % 4}` }).then(
          async (r) => ({ r, text: await r.text() }),
        ),
      ),
    );
    const statuses = answers.map((a) => a.r.status);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join(',')).toBe(true);
    const refused = answers.filter((a) => a.r.status === 503);
    expect(refused.length, statuses.join(',')).toBeGreaterThan(0);
    for (const a of refused) {
      expect(Number(a.r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(a.text).toContain('checking too many passwords');
    }
  });
});
