// Score rules v2, rule 9: canned replies are visible. A company reply identical, after
// normalising, to its replies on 5 or more other stories within 30 days is a "standard reply".
// Normalising ignores what a template changes from one customer to the next: case, accents,
// whitespace, punctuation and formatting, and any word holding a digit (order numbers, dates,
// amounts, ticket ids). Pure: the service hashes the normalised text and counts the matches.

/** Other stories of the same company with the same normalised reply that make a reply "standard". */
export const STANDARD_REPLY_MIN_OTHER_STORIES = 5;
/** Days before a reply within which the matching replies count. */
export const STANDARD_REPLY_WINDOW_DAYS = 30;

/**
 * The text a reply is compared by; '' when nothing comparable is left (a reply of only numbers or
 * punctuation is never "standard").
 */
export function normalizeReply(body: string): string {
  return body
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\S*\d\S*/gu, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** Whether a reply whose normalised text appears on `otherStories` other stories is a standard reply. */
export function isStandardReply(otherStories: number): boolean {
  return otherStories >= STANDARD_REPLY_MIN_OTHER_STORIES;
}

/** Share of standard replies among a company's replies; null without replies. */
export function standardReplyShare(replies: number, standard: number): number | null {
  return replies === 0 ? null : standard / replies;
}
