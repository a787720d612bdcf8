import { describe, expect, it } from 'vitest';
import { channelEntriesFromValues, checkChannelEntries, MAX_WAIT_MINUTES, parseWaitAmount } from './channel-entries.ts';

describe('channel entries', () => {
  it('keeps the wait of a channel nobody answered', () => {
    const r = checkChannelEntries(channelEntriesFromValues({ channels: ['chat'], wait_chat: '30', unit_chat: 'minutes', unanswered_chat: 'on' }));
    expect(r.problems).toEqual([]);
    expect(r.attempts).toEqual([{ channel: 'chat', answered: false, waitMinutes: 30 }]);
  });

  it('converts units and accepts a decimal comma', () => {
    const r = checkChannelEntries(channelEntriesFromValues({ channels: ['email', 'phone_paid'], wait_email: '1,5', unit_email: 'hours', wait_phone_paid: '2', unit_phone_paid: 'days' }));
    expect(r.attempts).toEqual([
      { channel: 'phone_paid', answered: true, waitMinutes: 2880 },
      { channel: 'email', answered: true, waitMinutes: 90 },
    ]);
  });

  it('an unticked channel with a wait or "never answered" is a problem, not dropped', () => {
    const r = checkChannelEntries(channelEntriesFromValues({ channels: 'email', wait_chat: '30', unanswered_social: 'on' }));
    expect(r.problems).toEqual([
      { channel: 'chat', field: 'wait', code: 'wait_without_channel' },
      { channel: 'social', field: 'unanswered', code: 'unanswered_without_channel' },
    ]);
    expect(r.attempts).toEqual([{ channel: 'email', answered: true, waitMinutes: null }]);
  });

  it('refuses words, negatives and waits over 90 days', () => {
    const r = checkChannelEntries(channelEntriesFromValues({ channels: ['chat', 'email', 'letter'], wait_chat: 'tanto', wait_email: '-3', wait_letter: '91', unit_letter: 'days' }));
    expect(r.problems.map((p) => [p.channel, p.code])).toEqual([
      ['email', 'wait_invalid'],
      ['chat', 'wait_invalid'],
      ['letter', 'wait_too_long'],
    ]);
    expect(checkChannelEntries(channelEntriesFromValues({ channels: 'letter', wait_letter: '90', unit_letter: 'days' })).attempts[0]!.waitMinutes).toBe(MAX_WAIT_MINUTES);
  });

  it('parses amounts strictly', () => {
    expect(parseWaitAmount('45')).toBe(45);
    expect(parseWaitAmount(' 2.5 ')).toBe(2.5);
    expect(parseWaitAmount('1e3')).toBeNull();
    expect(parseWaitAmount('')).toBeNull();
    expect(parseWaitAmount('0x10')).toBeNull();
  });

  it('an unknown unit falls back to minutes', () => {
    expect(checkChannelEntries(channelEntriesFromValues({ channels: 'chat', wait_chat: '5', unit_chat: 'weeks' })).attempts[0]!.waitMinutes).toBe(5);
  });
});
