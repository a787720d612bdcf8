import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/index.ts';
import {
  CHANNELS,
  DEFAULT_LOCALE,
  LOCALES,
  PUBLIC_STORY_STATES,
  STORY_CATEGORIES,
  STORY_STATES,
  THREAD_OPEN_STATES,
  assertCodesFit,
  assertFlagsFit,
  isChannel,
  isLocale,
  isPublicStoryState,
  isStoryCategory,
  isStoryState,
} from './vocabulary.ts';

describe('the vocabularies', () => {
  it('list each value once', () => {
    for (const list of [LOCALES, STORY_STATES, PUBLIC_STORY_STATES, THREAD_OPEN_STATES, STORY_CATEGORIES, CHANNELS]) {
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('make the public states every state but hidden and withdrawn, and open threads public ones without a closed verdict', () => {
    expect(STORY_STATES.filter((s) => s !== 'hidden' && s !== 'withdrawn')).toEqual([...PUBLIC_STORY_STATES]);
    expect(PUBLIC_STORY_STATES.filter((s) => s !== 'closed_no_verdict')).toEqual([...THREAD_OPEN_STATES]);
  });

  it('default to a language the site speaks', () => {
    expect(LOCALES).toContain(DEFAULT_LOCALE);
  });

  it('recognise their own values and nothing else', () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(STORY_STATES.every(isStoryState)).toBe(true);
    expect(STORY_CATEGORIES.every(isStoryCategory)).toBe(true);
    expect(CHANNELS.every(isChannel)).toBe(true);
    for (const value of ['fr', 'IT', '', 'pending', 'fax', 'toString', null, 3, undefined, ['it']]) {
      expect([isLocale(value), isStoryState(value), isStoryCategory(value), isChannel(value)]).toEqual([false, false, false, false]);
    }
    expect(isPublicStoryState('hidden')).toBe(false);
    expect(isPublicStoryState('closed_no_verdict')).toBe(true);
  });

  it('have a label in every language for every state, category and channel', () => {
    for (const locale of LOCALES) {
      const keys = [...STORY_STATES.map((s) => `state.${s}`), ...STORY_CATEGORIES.map((c) => `category.${c}`), ...CHANNELS.map((c) => `channel.${c}`)];
      expect(keys.filter((k) => !(k in dictionaries[locale]))).toEqual([]);
    }
  });
});

describe('packing codes into bits', () => {
  it('lets 8 channel codes into 3 bits and refuses a 9th', () => {
    expect(() => assertCodesFit('channel code', 8, 3)).not.toThrow();
    expect(() => assertCodesFit('channel code', 9, 3)).toThrow(/channel code: 9 codes do not fit in 3 bits/);
    expect(() => assertCodesFit('x', 1, 0)).not.toThrow();
    expect(() => assertCodesFit('x', 2, 0)).toThrow();
  });

  it('lets 31 one-bit flags into a signed 32-bit integer and refuses a 32nd', () => {
    expect(() => assertFlagsFit('mask', 31)).not.toThrow();
    expect(() => assertFlagsFit('mask', 32)).toThrow(/mask: 32 flags do not fit in 31 bits/);
  });

  it('holds for today’s channels where they are packed (the modules load)', async () => {
    await expect(import('./score-sums.ts')).resolves.toHaveProperty('DAY_BUCKET_FORMAT');
    await expect(import('../search/search-index.ts')).resolves.toHaveProperty('storyChannels', CHANNELS);
    expect(CHANNELS.length).toBeLessThanOrEqual(8);
  });
});
