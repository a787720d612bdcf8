import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, config, overrideConfig, parseConfig, resetConfig } from './config.ts';

afterEach(() => resetConfig());

describe('configuration', () => {
  it("the README's configuration table lists exactly the variables of the schema", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = new Set<string>();
    for (const line of section.split('\n')) {
      if (!line.startsWith('| `')) continue;
      const firstCell = line.split('|')[1] ?? '';
      for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) documented.add(m[1]!);
    }
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('defaults: SITE_URL follows PORT at run time', () => {
    const c = parseConfig({ PORT: '5000' });
    expect(c.siteUrl).toBe('http://localhost:5000');
    expect(c.siteHost).toBe('localhost:5000');
    expect(c.siteUrlConfigured).toBe(false);
    expect(c.trustProxy).toBe(false);
    expect(c.searchRateLimitPerMinute).toBe(120);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('SITE_URL is reduced to its origin; empty values count as unset', () => {
    const c = parseConfig({ SITE_URL: 'https://Answerable.Example/', SMTP_URL: '', PORT: '' });
    expect(c.siteUrl).toBe('https://answerable.example');
    expect(c.smtpUrl).toBeNull();
    expect(c.port).toBe(4321);
  });

  it('an invalid value is an error naming the variable, never a silent default', () => {
    for (const [name, value] of [
      ['PORT', 'eighty'],
      ['PORT', '70000'],
      ['SITE_URL', 'answerable.example'],
      ['SITE_URL', 'https://answerable.example/sub/path'],
      ['REPLY_DEADLINE_DAYS', '-3'],
      ['PAGE_CACHE', 'no'],
      ['TRUST_PROXY', 'yes'],
      ['SQLITE_CACHE_MB', 'lots'],
      ['ANSWERABLE_WORKERS', 'search,everything'],
      ['SEARCH_RATE_LIMIT_PER_MINUTE', '0'],
    ] as const) {
      let error: unknown;
      try {
        parseConfig({ [name]: value });
      } catch (e) {
        error = e;
      }
      expect(error, `${name}=${value}`).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain(name);
    }
  });

  it('config() reads process.env at call time; tests may override', () => {
    const saved = process.env.REPLY_DEADLINE_DAYS;
    try {
      process.env.REPLY_DEADLINE_DAYS = '9';
      expect(config().replyDeadlineDays).toBe(9);
      process.env.REPLY_DEADLINE_DAYS = '11';
      expect(config().replyDeadlineDays).toBe(11);
      overrideConfig({ replyDeadlineDays: 3 });
      expect(config().replyDeadlineDays).toBe(3);
    } finally {
      if (saved === undefined) delete process.env.REPLY_DEADLINE_DAYS;
      else process.env.REPLY_DEADLINE_DAYS = saved;
    }
  });
});
