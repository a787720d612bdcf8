// The site's closed vocabularies, defined once: story states, languages, contact channels and
// categories. Table types (src/db/schema.ts), the workflow, forms, statistics, search and i18n
// import them from here. The database stores these codes as text (CHECK constraints in
// migrations/), and two places pack channels into bits (search filter masks, stored statistics):
// adding a value needs a migration of the CHECK and, for channels, room in those bits (asserted
// where the packing is defined). Pure: no imports.

/** Languages of the interface and of stories. The first is the default. */
export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'it';

/** Every state a story can be in (src/domain/story-workflow.ts moves between them). */
export const STORY_STATES = ['awaiting_reply', 'overdue', 'answered', 'resolved', 'unresolved', 'closed_no_verdict', 'hidden', 'withdrawn'] as const;
export type StoryState = (typeof STORY_STATES)[number];

/** States a visitor sees; hidden and withdrawn stories leave lists, search and statistics. */
export const PUBLIC_STORY_STATES = ['awaiting_reply', 'overdue', 'answered', 'resolved', 'unresolved', 'closed_no_verdict'] as const satisfies readonly StoryState[];
export type PublicStoryState = (typeof PUBLIC_STORY_STATES)[number];

/** States in which the thread is open for company and consumer messages. */
export const THREAD_OPEN_STATES = ['awaiting_reply', 'overdue', 'answered', 'resolved', 'unresolved'] as const satisfies readonly PublicStoryState[];

/** What a story is about. */
export const STORY_CATEGORIES = ['delivery', 'refund', 'billing', 'account_access', 'technical_support', 'installation', 'cancellation', 'warranty', 'other'] as const;
export type StoryCategory = (typeof STORY_CATEGORIES)[number];

/**
 * How the customer tried to reach the company. The order is part of stored data: a channel's
 * index is its code in stored statistics and its bit in search masks, so only append.
 */
export const CHANNELS = ['phone_tollfree', 'phone_paid', 'email', 'chat', 'web_form', 'social', 'store', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

const member =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

export const isLocale = member<Locale>(LOCALES);
export const isStoryState = member<StoryState>(STORY_STATES);
export const isPublicStoryState = member<PublicStoryState>(PUBLIC_STORY_STATES);
export const isStoryCategory = member<StoryCategory>(STORY_CATEGORIES);
export const isChannel = member<Channel>(CHANNELS);

/**
 * Throws unless `count` distinct codes fit in `bits` bits. Called at module load where a
 * vocabulary is packed into bits, so that growing it past the packing fails at start-up, not
 * by silently overlapping codes in stored data.
 */
export function assertCodesFit(what: string, count: number, bits: number): void {
  if (!Number.isInteger(bits) || bits < 0 || count > 2 ** bits) {
    throw new Error(`${what}: ${count} codes do not fit in ${bits} bits (at most ${2 ** bits}); widen the packing and bump its format version`);
  }
}

/** Throws unless `count` flags, one bit each, fit in `bits` bits (31: JavaScript bitwise operators are signed 32-bit). */
export function assertFlagsFit(what: string, count: number, bits = 31): void {
  if (count > bits) throw new Error(`${what}: ${count} flags do not fit in ${bits} bits`);
}
