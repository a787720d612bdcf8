import { describe, it, expect } from 'vitest';
import { demoCompanies, demoStories, demoUsers } from './data.ts';

const REQUIRED_SECTORS = ['ecommerce', 'florist', 'telco', 'electronics', 'fitness', 'courier'] as const;

describe('demo data', () => {
  it('has at least 12 companies covering the six required sectors, with unique keys and slugs', () => {
    expect(demoCompanies.length).toBeGreaterThanOrEqual(12);
    const sectors = new Set(demoCompanies.map((c) => c.sector));
    for (const sector of REQUIRED_SECTORS) expect(sectors.has(sector), sector).toBe(true);
    expect(new Set(demoCompanies.map((c) => c.slug)).size).toBe(demoCompanies.length);
    expect(new Set(demoCompanies.map((c) => c.key)).size).toBe(demoCompanies.length);
    for (const c of demoCompanies) expect(c.domain.endsWith('.example'), c.domain).toBe(true);
  });

  it('has users with unique keys and example e-mail addresses only', () => {
    expect(new Set(demoUsers.map((u) => u.key)).size).toBe(demoUsers.length);
    for (const u of demoUsers) expect(u.email, u.key).toMatch(/@example\.(org|com)$/);
  });

  it('has at least 60 stories in both languages', () => {
    expect(demoStories.length).toBeGreaterThanOrEqual(60);
    expect(demoStories.some((s) => s.language === 'it')).toBe(true);
    expect(demoStories.some((s) => s.language === 'en')).toBe(true);
  });

  it('refers only to companies and authors that exist', () => {
    const companies = new Set(demoCompanies.map((c) => c.key));
    const users = new Set(demoUsers.map((u) => u.key));
    for (const s of demoStories) {
      expect(companies.has(s.company), `${s.title}: ${s.company}`).toBe(true);
      expect(users.has(s.author), `${s.title}: ${s.author}`).toBe(true);
    }
  });

  it('publishes every story within the last 540 days, with a body of 60 to 250 words', () => {
    for (const s of demoStories) {
      expect(s.daysAgo, s.title).toBeGreaterThanOrEqual(1);
      expect(s.daysAgo, s.title).toBeLessThanOrEqual(540);
      const words = s.body.split(/\s+/).filter(Boolean).length;
      expect(words, s.title).toBeGreaterThanOrEqual(60);
      expect(words, s.title).toBeLessThanOrEqual(250);
      expect(s.channels.length, s.title).toBeGreaterThanOrEqual(1);
      expect(s.channels.length, s.title).toBeLessThanOrEqual(4);
    }
  });

  it('has stories in every 30-day slice of the last 540 days', () => {
    for (let slice = 0; slice < 18; slice++) {
      const inSlice = demoStories.filter((s) => s.daysAgo > slice * 30 && s.daysAgo <= (slice + 1) * 30);
      expect(inSlice.length, `days ${slice * 30 + 1}–${(slice + 1) * 30}`).toBeGreaterThan(0);
    }
  });

  it('puts no message, verdict or follow-up in the future', () => {
    for (const s of demoStories) {
      const now = s.daysAgo * 24;
      for (const m of s.messages) expect(m.afterHours, s.title).toBeLessThan(now);
      if (s.verdict) expect(s.verdict.afterHours, s.title).toBeLessThan(now);
      if (s.stillResolved && s.verdict) {
        expect(s.verdict.afterHours + s.stillResolved.afterDays * 24, s.title).toBeLessThan(now);
      }
    }
  });

  it('opens every thread with the company, alternates authors and keeps time order', () => {
    for (const s of demoStories) {
      s.messages.forEach((m, i) => {
        expect(m.by, s.title).toBe(i % 2 === 0 ? 'company' : 'consumer');
        if (i > 0) expect(m.afterHours, s.title).toBeGreaterThan(s.messages[i - 1]!.afterHours);
      });
    }
  });

  it('gives verdicts only after the first company reply and within the 60-day window', () => {
    for (const s of demoStories) {
      if (!s.verdict) {
        expect(s.stillResolved, s.title).toBeUndefined();
        continue;
      }
      const firstReply = s.messages.find((m) => m.by === 'company');
      expect(firstReply, s.title).toBeDefined();
      expect(s.verdict.afterHours, s.title).toBeGreaterThan(firstReply!.afterHours);
      expect(s.verdict.afterHours - firstReply!.afterHours, s.title).toBeLessThanOrEqual(60 * 24);
      if (s.stillResolved) expect(s.verdict.resolved, s.title).toBe(true);
    }
  });
});
