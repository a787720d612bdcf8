// The demo stories are written to show each company's `responsiveness`: seeded through the real
// services, every company must land in that band in every window under the current score rules.
// When the rules change (decision 0023), this is the test that says the demo needs new stories.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCompanies } from './data.ts';

const root = join(import.meta.dirname, '..', '..');
let dir = '';
let db: Database.Database;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'answerable-demo-bands-'));
  const env = { ...process.env, NODE_ENV: 'development', DATABASE_PATH: join(dir, 'demo.sqlite'), PHOTOS_DIR: join(dir, 'photos'), SMTP_URL: '', MEILISEARCH_URL: '' };
  const seeded = spawnSync(process.execPath, [join(root, 'scripts/seed.ts')], { cwd: root, env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  db = new Database(join(dir, 'demo.sqlite'), { readonly: true });
});

afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Row {
  slug: string;
  period: string;
  band: string;
  details: string;
}

describe('seeded demo data', () => {
  it('puts every company in the band its stories are written to show, in every window', () => {
    const rows = db.prepare('select c.slug, s.period, s.band, s.details from company_stats s join companies c on c.id = s.company_id').all() as Row[];
    const got = rows.map((r) => ({ slug: r.slug, period: r.period, band: r.band }));
    const expected = demoCompanies.flatMap((c) => ['6m', '12m', 'all'].map((period) => ({ slug: c.slug, period, band: c.responsiveness })));
    const order = (a: { slug: string; period: string }, b: { slug: string; period: string }) => a.slug.localeCompare(b.slug) || a.period.localeCompare(b.period);
    expect(got.sort(order)).toEqual(expected.sort(order));
  });

  it('backs every band of the default window with at least 5 eligible stories, and Good or better with verdicts on 30% of them', () => {
    const rows = db.prepare("select c.slug, s.period, s.band, s.details from company_stats s join companies c on c.id = s.company_id where s.period = '12m'").all() as Row[];
    for (const r of rows) {
      const { counts, bandCapped } = JSON.parse(r.details) as { counts: { eligible: number; verdicts: number }; bandCapped: boolean };
      expect(counts.eligible, r.slug).toBeGreaterThanOrEqual(5);
      expect(bandCapped, r.slug).toBe(false);
      if (r.band === 'exemplary' || r.band === 'good') expect(counts.verdicts * 10, r.slug).toBeGreaterThanOrEqual(counts.eligible * 3);
    }
  });

  it('keeps fresh stories inside their reply deadline, so the "awaiting reply" state is shown', () => {
    const { n } = db.prepare("select count(*) as n from stories where state = 'awaiting_reply'").get() as { n: number };
    expect(n).toBeGreaterThanOrEqual(3);
  });
});
