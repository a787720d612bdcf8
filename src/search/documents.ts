// Pure mappers from database rows to search documents. They decide what may be searchable:
// a story that is hidden or withdrawn maps to null (the relay then deletes it from the index),
// and no private field (order reference, evidence, author, e-mail) is ever copied. Free text is
// reduced to plain text and e-mail addresses in it are redacted.
import type { Channel, CompanyRow, StoryRow } from '../db/schema.ts';
import {
  type CompanyDocument,
  type PublicStoryState,
  type StoryDocument,
  OVERDUE_RANK_NONE,
  dayNumberOf,
  publicStoryStates,
  storyChannels,
} from './search-index.ts';

/** The story columns a document may be built from (order_reference is read only to redact it). */
export type StorySourceRow = Pick<
  StoryRow,
  | 'id'
  | 'company_id'
  | 'title'
  | 'body'
  | 'language'
  | 'state'
  | 'category'
  | 'experience_date'
  | 'published_at'
  | 'reply_due_at'
  | 'hidden_at'
  | 'withdrawn_at'
  | 'order_reference'
>;

export type CompanySourceRow = Pick<CompanyRow, 'id' | 'slug' | 'name' | 'domain' | 'country' | 'sector' | 'merged_into_id' | 'listed_at'>;

export interface StorySource {
  story: StorySourceRow;
  company: CompanySourceRow;
  channels: Channel[];
}

/** Caps indexed body text: longer stories stay searchable by their first ~20k characters. */
const MAX_BODY_CHARS = 20_000;

export function isPublicState(state: string): state is PublicStoryState {
  return (publicStoryStates as readonly string[]).includes(state);
}

/** The document for a story, or null when the story must not be searchable. */
/** A story's title as indexed (the bulk load, src/import/bulk-load.ts, computes it in SQL with this). */
export function storyDocumentTitle(title: string, secrets: string[] = []): string {
  return redact(cleanText(title), secrets);
}

/** A story's body as indexed: plain text, private values removed, capped. */
export function storyDocumentBody(body: string, secrets: string[] = []): string {
  return redact(markdownToPlainText(body), secrets).slice(0, MAX_BODY_CHARS);
}

export function toStoryDocument({ story, company, channels }: StorySource): StoryDocument | null {
  if (!isPublicState(story.state) || story.hidden_at !== null || story.withdrawn_at !== null) return null;
  const secrets = story.order_reference ? [story.order_reference] : [];
  const uniqueChannels = storyChannels.filter((c) => channels.includes(c));
  return {
    id: story.id,
    companyId: company.id,
    companySlug: company.slug,
    companyName: cleanText(company.name),
    country: company.country.toUpperCase(),
    title: storyDocumentTitle(story.title, secrets),
    body: storyDocumentBody(story.body, secrets),
    language: story.language,
    state: story.state,
    category: story.category,
    channels: uniqueChannels,
    experienceDate: story.experience_date,
    publishedAt: story.published_at,
    publishedDay: dayNumberOf(story.published_at),
    replyDueAt: story.reply_due_at,
    overdueRank: story.state === 'overdue' ? story.reply_due_at : OVERDUE_RANK_NONE,
  };
}

/**
 * The document for a company, or null when it must not be offered: merged into another, or a new
 * company a consumer created that is not listed yet (issue 14: it stays out of the company results
 * of search until a moderator released it or three different people wrote about it; its stories
 * are searchable at once).
 */
export function toCompanyDocument(company: CompanySourceRow): CompanyDocument | null {
  if (company.merged_into_id !== null || company.listed_at === null) return null;
  return {
    id: company.id,
    slug: company.slug,
    name: cleanText(company.name),
    domain: company.domain,
    country: company.country.toUpperCase(),
    sector: company.sector,
  };
}

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

/** Removes e-mail addresses and any private value (order reference) the author pasted in. */
export function redact(text: string, secrets: string[] = []): string {
  // The pattern is costly on long texts (Unicode classes, backtracking): most have no '@'.
  let out = text.includes('@') ? text.replace(emailPattern, '[e-mail]') : text;
  for (const secret of secrets) {
    const s = secret.trim();
    if (s.length >= 3) out = out.split(s).join('[…]');
  }
  return out;
}

/** Control characters are removed: two of them are the engines' highlight markers. */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Markdown to the words a reader sees: link and image targets dropped, emphasis, headings,
 * quotes, list markers, code fences and HTML tags removed. Good enough for indexing and
 * snippets; the story page renders the real Markdown.
 */
export function markdownToPlainText(markdown: string): string {
  // Each rule runs only when its marker character occurs: most stories are plain paragraphs,
  // and this runs for every story a bulk import indexes.
  let text = markdown;
  if (text.includes('```')) text = text.replace(/```[^\n]*\n([\s\S]*?)```/g, '$1');
  if (text.includes('[')) {
    text = text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, '');
  }
  if (text.includes('<')) text = text.replace(/<[^>]*>/g, ' ');
  text = text
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, '');
  if (text.includes('*') || text.includes('_') || text.includes('~')) {
    text = text
      .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}])[*_](?=\S)(.+?)(?<=\S)[*_](?=$|[^\p{L}\p{N}])/gu, '$1$2');
  }
  if (text.includes('`')) text = text.replace(/`([^`]*)`/g, '$1');
  if (text.includes('&')) {
    text = text.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, e: string) => ({ nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  }
  return cleanText(text);
}
