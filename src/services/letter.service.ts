// The complaint letter of a story for one viewer (issue 17). Public facts come from the story
// page's read model; the author's name and private order reference go in only when the viewer is
// the story's author — everyone else gets placeholders (tests/security/letter.test.ts).
import type { SessionUser } from '../auth/types.ts';
import { config } from '../config.ts';
import type { DB } from '../db/client.ts';
import { findStoryPage } from '../db/browse.repository.ts';
import { findStoryEvidence } from '../db/story.repository.ts';
import { composeComplaintLetter, type ComplaintLetter } from '../domain/escalation-letter.ts';
import { isPublicState } from '../domain/story-workflow.ts';
import { letterAddress } from './contact.service.ts';
import type { Locale } from '../domain/vocabulary.ts';

export interface StoryLetter {
  storyId: number;
  storyTitle: string;
  letter: ComplaintLetter;
}

/** null: no such story, or not public (hidden, withdrawn). */
export async function complaintLetterFor(db: DB, storyId: number, viewer: SessionUser | null, letterLocale: Locale, pageLocale: Locale, now = Date.now()): Promise<StoryLetter | null> {
  const story = await findStoryPage(db, storyId);
  if (!story || !isPublicState(story.state)) return null;
  const isAuthor = viewer !== null && story.authorId !== null && viewer.id === story.authorId;
  const evidence = isAuthor ? await findStoryEvidence(db, storyId) : null;
  // The directory's postal address and PEC (decision 0042); a placeholder when it knows neither.
  const where = await letterAddress(db, story.company.id);
  const address = [where.postal, where.pec ? `PEC: ${where.pec}` : null].filter((x) => x !== null).join(' · ') || null;
  const letter = composeComplaintLetter(
    {
      company: { name: story.company.name, address },
      story: {
        id: story.id,
        title: story.title,
        body: story.body,
        experienceDate: story.experienceDate,
        publishedAt: story.publishedAt,
        replyDueAt: story.replyDueAt,
        firstReplyAt: story.firstReplyAt,
        channels: story.channels,
      },
      sender: isAuthor && viewer ? { name: viewer.displayName, orderReference: evidence?.order_reference ?? null } : null,
      storyUrl: new URL(`/${pageLocale}/stories/${story.id}`, config().siteUrl).href,
      now,
    },
    letterLocale,
  );
  return { storyId: story.id, storyTitle: story.title, letter };
}
