// POST handling of the publish page (decision 0003), kept out of the page so it can be tested
// with plain requests: validation, a preview of the text exactly as it will be public (personal
// data masked, and what was masked), the photos checked before the story exists, publish, then
// the photos decoded and stored. Answers a 303 to the new story or the state to re-render.
import type { SessionUser } from '../../auth/types.ts';
import { rateLimit } from '../../auth/rate-limit.ts';
import { renderMarkdown } from '../../content/markdown.ts';
import { isPhotoRejected } from '../../content/photos.ts';
import { maskPiiFields, piiNotice } from '../../content/pii.ts';
import type { DB } from '../../db/client.ts';
import { findCompanyBySlug } from '../../db/company.repository.ts';
import { domainErrorStatus, isDomainError } from '../../domain/errors.ts';
import { runtimeKey, t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { addPhotosToStory, photoUploadsFromForm } from '../../services/photo.service.ts';
import { actorFromUser, publishStory } from '../../services/story.service.ts';
import { formValues, readForm, validate, type FieldErrors, type FormValues } from '../forms.ts';
import { withAlt } from './story-actions.ts';
import { publishInputFromForm, publishStorySchema } from '../story-forms.ts';
import { parseContactPicks } from '../contact-picks.ts';
import type { FlashSink, PhotoRejection } from '../flash.ts';
import { maskedKinds, photoErrorMessage, photoFileNames, photoRejection, type Notice } from '../story-notices.ts';

/** Members may publish this many stories per hour: enough for anyone, too few for a spam run. */
export const PUBLISH_LIMIT = { limit: 10, windowMs: 60 * 60_000 };

export interface PublishFormState {
  values: FormValues;
  errors: FieldErrors;
  status: number;
  headers?: Record<string, string>;
  /** Sanitised HTML of the body as it will be public (personal data masked). */
  preview?: string;
  previewTitle?: string;
  /** What the preview masked, for the author only. */
  previewNotice?: Notice | null;
}

/**
 * `flash` keeps the notice for the story page (what was masked, a refused photo) on the server
 * for the poster's session (src/http/flash.ts); the redirect carries nothing but the story's path.
 */
export async function handlePublishPost(request: Request, db: DB, lang: Locale, user: SessionUser, now: number = Date.now(), flash?: FlashSink): Promise<Response | PublishFormState> {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const submitted = await readForm(request);
  const values = formValues(submitted);
  const state = (errors: FieldErrors, status: number, headers?: Record<string, string>): PublishFormState => ({ values, errors, status, headers });
  const form = validate(lang, publishStorySchema(() => now), values, values);
  const photoNames = photoFileNames(submitted);
  if (!form.ok) {
    // Files chosen are lost with the page: say so beside the file input.
    return state(photoNames.length > 0 && !form.errors.photos ? { ...form.errors, photos: tr('content.photo.chooseAgain') } : form.errors, 422);
  }
  const contactPicks = parseContactPicks(lang, values, form.data.channels);
  if (Object.keys(contactPicks.errors).length > 0) return state(contactPicks.errors, 422);
  if (values.intent === 'preview') {
    // publishStory masks the same way: the preview is what will be public.
    const masked = maskPiiFields({ title: form.data.title, body: form.data.body });
    return { values, errors: {}, status: 200, preview: renderMarkdown(masked.fields.body), previewTitle: masked.fields.title, previewNotice: piiNotice(lang, masked.found) };
  }
  if (!user.emailVerified) return state({ _form: tr('auth.verifyRequired') }, 403);
  // Size and count are checked before anything is created: a refused file gives the form back filled in.
  const photos = await photoUploadsFromForm(submitted);
  if (!photos.ok) return state({ photos: `${photoErrorMessage(lang, photos.error, photoNames)} ${tr('content.photo.chooseAgain')}` }, 422);

  const limited = await rateLimit(db, `publish:${user.id}`, PUBLISH_LIMIT.limit, PUBLISH_LIMIT.windowMs, now);
  if (!limited.ok) {
    return state({ _form: tr('error.tooMany', { seconds: limited.retryAfterSeconds }) }, 429, { 'Retry-After': String(limited.retryAfterSeconds) });
  }
  // A company picked from a company page (slug) is used as is, unless the name was changed.
  const picked = form.data.companySlug ? await findCompanyBySlug(db, form.data.companySlug) : null;
  const company =
    picked && (!form.data.companyName || form.data.companyName === picked.name)
      ? { id: picked.id }
      : { name: form.data.companyName ?? '', website: form.data.companyWebsite ?? null, sector: form.data.companySector ?? 'other' };
  try {
    const result = await publishStory(db, actorFromUser(user), { ...publishInputFromForm(form.data, company), contacts: contactPicks.picks }, { now });
    let photo: PhotoRejection | null = null;
    // A resubmitted story (duplicate) keeps the photos it has; more can be added from its page.
    if (result.created && photos.uploads.length > 0) {
      try {
        await addPhotosToStory(db, result.storyId, withAlt(photos.uploads, form.data.photoAlt), { id: user.id, role: user.role }, now);
      } catch (error) {
        // The story exists: the redirect says which photo was refused and why.
        if (!isPhotoRejected(error)) throw error;
        photo = photoRejection(error, photoNames);
      }
    }
    await flash?.({ kind: 'story', storyId: result.storyId, done: result.created ? 'published' : 'duplicate', masked: maskedKinds(result.masked), photo });
    return new Response(null, { status: 303, headers: { Location: `/${lang}/stories/${result.storyId}` } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.details?.field === 'marketplace') return state({ marketplaceName: tr('marketplace.sameCompany') }, 422);
    return state({ _form: tr(runtimeKey(error.i18nKey)) }, domainErrorStatus(error.code));
  }
}
