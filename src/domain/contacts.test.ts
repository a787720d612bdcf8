import { describe, expect, it } from 'vitest';
import { applyReport, CONFIRM_REPORTS, contactFigures, isListed, median, normalizeContact, parseMenuPath, parsePhone, removedWithin, reportApplies, reportGroup, withdrawalReason } from './contacts.ts';

describe('phone cost classes', () => {
  it.each([
    ['800 123 456', 'IT', 'toll_free'],
    ['803 123', 'IT', 'toll_free'],
    ['199 303 030', 'IT', 'premium_rate'],
    ['899 123 456', 'IT', 'premium_rate'],
    ['892 020', 'IT', 'premium_rate'],
    ['166 123 456', 'IT', 'premium_rate'],
    ['848 123 456', 'IT', 'shared_cost'],
    ['02 1234 5678', 'IT', 'fixed'],
    ['347 123 4567', 'IT', 'mobile'],
    ['0800 123 4567', 'GB', 'toll_free'],
    ['0900 123 4567', 'GB', 'premium_rate'],
    ['0300 123 4567', 'GB', 'fixed'],
    ['020 7946 0000', 'GB', 'fixed'],
    ['+1 800 555 0199', 'US', 'toll_free'],
    ['+1 900 555 0199', 'US', 'premium_rate'],
    ['+1 212 555 0199', 'US', 'fixed'],
  ])('%s (%s) is %s', (raw, country, cost) => {
    expect(parsePhone(raw, country)?.costClass).toBe(cost);
  });

  it('stores E.164 and reads numbers of another country with their prefix', () => {
    expect(parsePhone('+44 800 123 4567', 'IT')).toMatchObject({ e164: '+448001234567', country: 'GB', costClass: 'toll_free' });
    expect(parsePhone('800-123-456', 'IT')?.national).toBe('800 123 456');
  });

  it('refuses what is not a number', () => {
    expect(parsePhone('call me', 'IT')).toBeNull();
    expect(parsePhone('12', 'IT')).toBeNull();
    expect(parsePhone('<script>', 'IT')).toBeNull();
  });
});

describe('normalising contacts', () => {
  it('gives two spellings of the same contact one key', () => {
    const a = normalizeContact('phone', '800 123 456', 'IT');
    const b = normalizeContact('phone', '+39 800-123-456', 'IT');
    expect(a.ok && b.ok && a.key === b.key).toBe(true);
    const e = normalizeContact('email', ' Assistenza@Example.IT ', 'IT');
    expect(e).toMatchObject({ ok: true, value: 'assistenza@example.it' });
    expect(normalizeContact('web_form', 'example.it/contatti', 'IT')).toMatchObject({ ok: true, value: 'https://example.it/contatti' });
  });

  it('refuses scripts and other schemes', () => {
    expect(normalizeContact('social', 'javascript:alert(1)', 'IT').ok).toBe(false);
    expect(normalizeContact('email', 'not an address', 'IT').ok).toBe(false);
    expect(normalizeContact('postal', 'short', 'IT').ok).toBe(false);
  });

  it('reads a menu path as its keys', () => {
    expect(parseMenuPath('press 2, then 4, then 0')).toEqual(['2', '4', '0']);
    expect(parseMenuPath('premi 1 poi #')).toEqual(['1', '#']);
    expect(parseMenuPath('nothing')).toBeNull();
    expect(normalizeContact('menu_path', '2, 4, 0', 'IT', 7)).toMatchObject({ ok: true, value: '2 4 0', key: '7:240' });
    expect(normalizeContact('menu_path', '2, 4, 0', 'IT', null).ok).toBe(false);
  });
});

describe('confirmation thresholds', () => {
  const base = { kind: 'gone' as const, role: 'consumer' as const, distinctReporters: 1, official: false, status: 'active' as const };
  it('needs several different consumers', () => {
    expect(reportApplies({ ...base, distinctReporters: CONFIRM_REPORTS - 1 })).toBe(false);
    expect(reportApplies({ ...base, distinctReporters: CONFIRM_REPORTS })).toBe(true);
  });
  it('a moderator or the company confirms at once', () => {
    expect(reportApplies({ ...base, role: 'moderator' })).toBe(true);
    expect(reportApplies({ ...base, role: 'company' })).toBe(true);
  });
  it('consumers never change an official contact on their own', () => {
    expect(reportApplies({ ...base, official: true, distinctReporters: 50 })).toBe(false);
    expect(reportApplies({ ...base, kind: 'fake', official: true, distinctReporters: 50 })).toBe(false);
    expect(reportApplies({ ...base, kind: 'fake', official: true, role: 'company' })).toBe(false);
    expect(reportApplies({ ...base, kind: 'fake', official: true, role: 'moderator' })).toBe(true);
  });
  it('consumers cannot bring a look-alike back; a moderator can', () => {
    expect(reportApplies({ ...base, kind: 'exists', status: 'fake', distinctReporters: 20 })).toBe(false);
    expect(reportApplies({ ...base, kind: 'exists', status: 'fake', role: 'moderator' })).toBe(true);
  });
  it('a withdrawn contact is not withdrawn again', () => {
    expect(reportApplies({ ...base, status: 'withdrawn', role: 'moderator' })).toBe(false);
  });
  it('consumers saying "it exists" never list a look-alike report’s contact, nor one disputed as fake; a moderator or the company can', () => {
    const exists = { ...base, kind: 'exists' as const, status: 'pending' as const, distinctReporters: 20 };
    expect(reportApplies({ ...exists, lookalike: true })).toBe(false);
    expect(reportApplies({ ...exists, openFake: 1 })).toBe(false);
    expect(reportApplies({ ...exists, lookalike: true, role: 'moderator' })).toBe(true);
    expect(reportApplies({ ...exists, lookalike: true, role: 'company' })).toBe(true);
    expect(reportApplies({ ...exists })).toBe(true);
  });
  it('"no longer works" and "now only a form" count together; "now costs money" on its own (decision 0050)', () => {
    expect(reportGroup('gone')).toEqual(['gone', 'form_only']);
    expect(reportGroup('form_only')).toEqual(['gone', 'form_only']);
    expect(reportGroup('now_paid')).toEqual(['now_paid']);
    expect(withdrawalReason([{ kind: 'gone' }, { kind: 'gone' }, { kind: 'form_only' }])).toBe('gone');
    expect(withdrawalReason([{ kind: 'gone' }, { kind: 'form_only' }, { kind: 'form_only' }])).toBe('form_only');
    expect(withdrawalReason([{ kind: 'form_only' }, { kind: 'gone' }])).toBe('gone');
    expect(withdrawalReason([])).toBe('gone');
  });
});

describe('UK numbers Ofcom keeps for drama', () => {
  it('are read by their range in the UK (the library calls them invalid), and refused as Italian', () => {
    expect(parsePhone('07700 900123', 'GB')).toMatchObject({ e164: '+447700900123', costClass: 'mobile', country: 'GB' });
    expect(parsePhone('+44 7700 900123', 'IT')).toMatchObject({ costClass: 'mobile' });
    expect(parsePhone('07700 900123', 'IT')).toBeNull();
    expect(parsePhone('01632 960123', 'GB')).toMatchObject({ costClass: 'fixed' });
  });
});

describe('what is shown as the company’s', () => {
  it('a confirmed contact; one awaiting confirmation unless someone said it is not the company’s', () => {
    expect(isListed({ status: 'active', lookalike: false, openFake: 2 })).toBe(true);
    expect(isListed({ status: 'pending', lookalike: false, openFake: 0 })).toBe(true);
    expect(isListed({ status: 'pending', lookalike: true, openFake: 0 })).toBe(false);
    expect(isListed({ status: 'pending', lookalike: false, openFake: 1 })).toBe(false);
    expect(isListed({ status: 'fake', lookalike: true, openFake: 0 })).toBe(false);
    expect(isListed({ status: 'withdrawn', lookalike: false, openFake: 0 })).toBe(false);
  });
});

describe('history', () => {
  it('a change withdraws with its reason; the company confirming makes it official', () => {
    expect(applyReport('form_only', 'consumer', { status: 'active', official: true })).toEqual({ status: 'withdrawn', withdrawnReason: 'form_only', official: true, lookalike: false, event: 'withdrawn' });
    expect(applyReport('exists', 'company', { status: 'pending', official: false })).toMatchObject({ status: 'active', official: true, event: 'official' });
    expect(applyReport('exists', 'consumer', { status: 'pending', official: false })).toMatchObject({ status: 'active', official: false, event: 'confirmed' });
    expect(applyReport('exists', 'moderator', { status: 'withdrawn', official: false })).toMatchObject({ status: 'active', event: 'restored' });
    expect(applyReport('fake', 'consumer', { status: 'pending', official: false })).toMatchObject({ status: 'fake', official: false });
    // Withdrawn for the reason most people gave; "now costs money" re-classes and keeps it listed.
    expect(applyReport('gone', 'consumer', { status: 'active', official: false }, 'form_only')).toMatchObject({ status: 'withdrawn', withdrawnReason: 'form_only' });
    expect(applyReport('now_paid', 'consumer', { status: 'active', official: false })).toEqual({ status: 'active', withdrawnReason: null, official: false, costClass: 'premium_rate', lookalike: false, event: 'repriced' });
    // Confirmed as the company's: no longer a look-alike report's.
    expect(applyReport('exists', 'moderator', { status: 'pending', official: false, lookalike: true })).toMatchObject({ status: 'active', lookalike: false });
  });

  it('lists channels removed in the last 12 months', () => {
    const now = Date.UTC(2026, 11, 5);
    const day = 86_400_000;
    const list = [
      { id: 1, status: 'withdrawn' as const, withdrawnAt: now - 30 * day },
      { id: 2, status: 'withdrawn' as const, withdrawnAt: now - 400 * day },
      { id: 3, status: 'active' as const, withdrawnAt: null },
    ];
    expect(removedWithin(list, now).map((c) => c.id)).toEqual([1]);
  });
});

describe('figures from stories', () => {
  it('median wait over the stories that reached someone', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(contactFigures([
      { waitMinutes: 10, answered: true },
      { waitMinutes: 30, answered: true },
      { waitMinutes: null, answered: false },
    ])).toEqual({ stories: 3, medianWaitMinutes: 20, reachedPerson: 2 });
  });
});
