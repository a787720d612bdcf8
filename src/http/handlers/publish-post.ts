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
import { type CompanyMatch, findCompanyBySlug, findCompanyMatches, findDuplicateCompany } from '../../db/company.repository.ts';
import { domainErrorStatus, isDomainError } from '../../domain/errors.ts';
import { runtimeKey, t, type Locale, type MessageKey } from '../../i18n/index.ts';
import { photoUploadsFromForm, type PhotoUpload } from '../../services/photo.service.ts';
import { actorFromUser, publishStory } from '../../services/story.service.ts';
import { formValues, readForm, valueOf, type FieldErrors, type FormValues } from '../forms.ts';
import { checkPublishForm, publishInputFromForm } from '../story-forms.ts';
import { attachDraftPhotos, isDraftId, saveDraft, type DraftPhoto } from '../../services/draft.service.ts';
import { parseContactPicks, pickerCompanies, pickerCountries } from '../contact-picks.ts';
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
  /** Existing companies close to the new name typed: "did you mean …?" (issue 14). */
  companyMatches?: CompanyMatch[];
  /** The server-side draft keeping the photos (and, on a language switch, the text). */
  draftId?: string;
  draftPhotos?: DraftPhoto[];
}

/** Saves of a draft with new photos per user and hour: decoding images is the expensive part. */
export const DRAFT_UPLOAD_LIMIT = { limit: 30, windowMs: 60 * 60_000 };

/**
 * `flash` keeps the notice for the story page (what was masked, a refused photo) on the server
 * for the poster's session (src/http/flash.ts); the redirect carries nothing but the story's path.
 */
export async function handlePublishPost(request: Request, db: DB, lang: Locale, user: SessionUser, now: number = Date.now(), flash?: FlashSink): Promise<Response | PublishFormState> {
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  const submitted = await readForm(request);
  const values = formValues(submitted);
  const photoNames = photoFileNames(submitted);
  const text = (name: string) => {
    const v = values[name];
    return typeof v === 'string' ? v : (v?.[0] ?? '');
  };

  // Photos go into the server-side draft first (decision 0041): a preview, a form with errors or
  // a language switch keeps them. New uploads are checked like any photo (size and count here,
  // magic bytes and decoding in the pipeline).
  let draftId = isDraftId(text('draftId')) ? text('draftId') : null;
  let draftPhotos: DraftPhoto[] = [];
  let photoError: string | null = null;
  const checked = await photoUploadsFromForm(submitted);
  const alts = new Map<string, string>();
  for (const [k, v] of Object.entries(values)) if (k.startsWith('alt_') && typeof v === 'string') alts.set(k.slice(4), v);
  const remove = ([] as string[]).concat(values.removePhoto ?? []);
  let uploads: PhotoUpload[] = [];
  if (!checked.ok) photoError = `${photoErrorMessage(lang, checked.error, photoNames)} ${tr('content.photo.chooseAgain')}`;
  else uploads = spreadAlt(checked.uploads);
  const switching = text('intent') === 'switch_lang';
  if (uploads.length > 0 || draftId !== null || switching) {
    if (uploads.length > 0) {
      const limited = await rateLimit(db, `draft:user:${user.id}`, DRAFT_UPLOAD_LIMIT.limit, DRAFT_UPLOAD_LIMIT.windowMs, now);
      if (!limited.ok) {
        uploads = [];
        photoError = tr('error.tooMany', { seconds: limited.retryAfterSeconds });
      }
    }
    const saved = await saveDraft(db, { userId: user.id, draftId, values, uploads, alts, remove, now });
    draftId = saved.id;
    draftPhotos = saved.photos;
    if (saved.rejected) photoError = `${photoErrorMessage(lang, saved.rejected, photoNames)} ${tr('content.photo.chooseAgain')}`;
  }
  const state = (errors: FieldErrors, status: number, headers?: Record<string, string>): PublishFormState => ({
    values,
    errors: photoError && !errors.photos ? { ...errors, photos: photoError } : errors,
    status: photoError && status < 400 ? 422 : status,
    headers,
    ...(draftId ? { draftId, draftPhotos } : {}),
  });

  if (switching) {
    // The language switch posts the form to the other language's page (Base.astro langSwitchForm):
    // the draft is saved and the form reopens there, filled in, even when it has errors.
    return new Response(null, { status: 303, headers: { Location: `/${lang}/publish?draft=${draftId}` } });
  }

  const form = checkPublishForm(lang, values, () => now);
  if (!form.ok) return state(form.errors, 422);
  // Numbers typed in the picker are read in the country of the company they belong to (a UK
  // company's "07700 900123"), the seller's or the marketplace's; for a new company, its website's.
  const named = await pickerCompanies(db, { slug: ['', 'new'].includes(valueOf(values, 'companyChoice')) ? form.data.companySlug : valueOf(values, 'companyChoice'), name: form.data.companyName, website: form.data.companyWebsite, marketplaceName: form.data.marketplaceName, marketplaceWebsite: form.data.marketplaceWebsite });
  const contactPicks = parseContactPicks(lang, values, form.data.channels, pickerCountries(named, values));
  if (Object.keys(contactPicks.errors).length > 0) return state(contactPicks.errors, 422);
  if (text('intent') === 'preview') {
    // publishStory masks the same way: the preview is what will be public.
    const masked = maskPiiFields({ title: form.data.title, body: form.data.body });
    return { ...state({}, 200), preview: renderMarkdown(masked.fields.body), previewTitle: masked.fields.title, previewNotice: piiNotice(lang, masked.found) };
  }
  if (photoError) return state({}, 422);
  if (!user.emailVerified) return state({ _form: tr('auth.verifyRequired') }, 403);

  // A company picked from the "did you mean …?" list (without JavaScript) or from a company page.
  const choice = valueOf(values, 'companyChoice').slice(0, 80);
  const pickedSlug = choice && choice !== 'new' ? choice : form.data.companySlug;
  const picked = pickedSlug ? await findCompanyBySlug(db, pickedSlug) : null;
  const usePicked = picked !== null && ((choice !== '' && choice !== 'new') || !form.data.companyName || form.data.companyName === picked.name);
  // A new name close to an existing company's (not the same: that one is reused by publishStory)
  // asks first, unless the author already said it is a different company.
  if (!usePicked && form.data.companyName && choice !== 'new') {
    const same = await findDuplicateCompany(db, { name: form.data.companyName, website: form.data.companyWebsite ?? null });
    const near = same ? [] : (await findCompanyMatches(db, form.data.companyName, { userId: user.id, limit: 3 })).filter((m) => m.match !== 'same');
    if (near.length > 0) {
      return { ...state({ companyName: tr('identity.suggest.didYouMean', { names: near.map((m) => m.name).join(', ') }) }, 422), companyMatches: near };
    }
  }

  const limited = await rateLimit(db, `publish:${user.id}`, PUBLISH_LIMIT.limit, PUBLISH_LIMIT.windowMs, now);
  if (!limited.ok) {
    return state({ _form: tr('error.tooMany', { seconds: limited.retryAfterSeconds }) }, 429, { 'Retry-After': String(limited.retryAfterSeconds) });
  }
  // A company picked from a company page (slug) is used as is, unless the name was changed.
  const company =
    picked && usePicked
      ? { id: picked.id }
      : { name: form.data.companyName ?? '', website: form.data.companyWebsite ?? null, sector: form.data.companySector ?? 'other' };
  try {
    const result = await publishStory(db, actorFromUser(user), { ...publishInputFromForm(form.data, company, form.attempts), contacts: contactPicks.picks }, { now });
    let photo: PhotoRejection | null = null;
    // A resubmitted story (duplicate) keeps the photos it has; more can be added from its page.
    if (result.created && draftId !== null) {
      try {
        await attachDraftPhotos(db, result.storyId, draftId, { id: user.id, role: user.role }, now);
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

/**
 * Each new photo's description: the per-file fields (one `photoAlt` per chosen file, added by the
 * page's script) in order; without the script there is one field, used for every new photo.
 */
function spreadAlt(uploads: PhotoUpload[]): PhotoUpload[] {
  const alts = uploads.map((u) => u.alt ?? null);
  const only = alts.filter((a) => a !== null);
  return uploads.map((u, i) => ({ ...u, alt: alts[i] ?? (only.length === 1 ? only[0]! : null) }));
}
