// POST handling of the story page's forms (reply, verdict, "still resolved?", edit, withdraw,
// add photos). Public text is masked by the story service; the redirect tells the author what kinds
// of personal data were hidden (`masked=`, see story-notices.ts).
// The story page calls handleStoryPost() in its frontmatter: on success it answers with a 303
// back to the story (post/redirect/get), otherwise it returns the form state so the page
// re-renders the form filled in, with localized errors and the right status code.
import type { SessionUser } from '../../auth/types.ts';
import { signInPath } from '../../auth/permissions.ts';
import { rateLimit } from '../../auth/rate-limit.ts';
import { renderMarkdown } from '../../content/markdown.ts';
import { isPhotoRejected } from '../../content/photos.ts';
import { maskPii, piiNotice, type PiiFinding } from '../../content/pii.ts';
import type { DB } from '../../db/client.ts';
import { domainErrorStatus, isDomainError } from '../../domain/errors.ts';
import { type Locale, runtimeKey, t } from '../../i18n/index.ts';
import {
  actorFromUser,
  addOrderReference,
  answerStillResolved,
  confirmCustomer,
  editStory,
  giveVerdict,
  replyToStory,
  withdrawStory,
} from '../../services/story.service.ts';
import { addPhotosToStory, photoUploadsFromForm, type PhotoUpload } from '../../services/photo.service.ts';
import { formValues, readForm, validate, type FieldErrors, type FormValues } from '../forms.ts';
import { AddPhotosSchema, ConfirmCustomerSchema, EditStorySchema, OrderReferenceSchema, ReplySchema, StillResolvedSchema, VerdictSchema, WithdrawSchema, storyActions, type StoryAction } from '../story-forms.ts';
import type { FlashSink } from '../flash.ts';
import { maskedKinds, photoErrorMessage, photoFileNames, type Notice } from '../story-notices.ts';

export interface StoryFormState {
  action: StoryAction;
  errors: FieldErrors;
  values: FormValues;
  /** Sanitised HTML of a reply previewed (not yet sent), with personal data already masked. */
  preview?: string;
  /** What the preview masked (heading + one line per item), shown to the writer only. */
  piiNotice?: Notice | null;
}

/** One description (optional) for every photo of a batch. */
export function withAlt(uploads: PhotoUpload[], alt: string | undefined): PhotoUpload[] {
  return uploads.map((u) => ({ ...u, alt: alt ?? null }));
}

interface PostContext {
  request: Request;
  url: URL;
  locals: { user?: SessionUser | null };
}

export interface StoryPostFailure {
  state: StoryFormState;
  status: number;
  /** Extra response headers (Retry-After on 429). */
  headers?: Record<string, string>;
}

function fail(action: StoryAction, values: FormValues, errors: FieldErrors, status: number, headers?: Record<string, string>): StoryPostFailure {
  return { state: { action, errors, values }, status, headers };
}

/** Thread messages per person per hour: a lively conversation fits, a flood does not. */
export const REPLY_LIMIT = { limit: 30, windowMs: 60 * 60_000 };

/**
 * Verdicts per person and story per day: since a verdict can be changed (score rules v2, rule 2),
 * each change mails the company and recomputes its figures; a change of mind fits, a flip-flop
 * flood does not.
 */
export const VERDICT_LIMIT = { limit: 5, windowMs: 24 * 60 * 60_000 };

/**
 * Handles one POST to /[lang]/stories/[id]. Returns a Response (redirect) or the state of the form
 * that failed plus the HTTP status to answer with.
 */
export async function handleStoryPost(
  ctx: PostContext,
  db: DB,
  lang: Locale,
  storyId: number,
  now: number = Date.now(),
  /** Keeps the "done" notice for the poster's session (src/http/flash.ts); nothing goes in the URL. */
  flash?: FlashSink,
): Promise<Response | StoryPostFailure> {
  const user = ctx.locals.user ?? null;
  if (!user) return new Response(null, { status: 303, headers: { Location: signInPath(lang, ctx.url.pathname) } });
  const submitted = await readForm(ctx.request);
  const values = formValues(submitted);
  const raw = values._action;
  const action = (storyActions as readonly string[]).includes(String(raw)) ? (raw as StoryAction) : null;
  if (!action) return fail('reply', values, { _form: t(lang, 'workflow.error.invalid_input') }, 400);
  const actor = actorFromUser(user);
  let masked: PiiFinding[] = [];

  try {
    switch (action) {
      case 'reply': {
        const form = validate(lang, ReplySchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        if (values.intent === 'preview') {
          // The preview shows exactly what will be public: the masked text, and what was masked.
          const m = maskPii(form.data.body);
          return { state: { action, errors: {}, values, preview: renderMarkdown(m.text), piiNotice: piiNotice(lang, m.found) }, status: 200 };
        }
        const limited = await rateLimit(db, `reply:${user.id}`, REPLY_LIMIT.limit, REPLY_LIMIT.windowMs, now);
        if (!limited.ok) {
          return fail(action, values, { _form: t(lang, 'error.tooMany', { seconds: limited.retryAfterSeconds }) }, 429, {
            'Retry-After': String(limited.retryAfterSeconds),
          });
        }
        ({ masked } = await replyToStory(db, actor, { storyId, body: form.data.body }, { now }));
        break;
      }
      case 'verdict': {
        const form = validate(lang, VerdictSchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        const limited = await rateLimit(db, `verdict:${user.id}:${storyId}`, VERDICT_LIMIT.limit, VERDICT_LIMIT.windowMs, now);
        if (!limited.ok) {
          return fail(action, values, { _form: t(lang, 'error.tooMany', { seconds: limited.retryAfterSeconds }) }, 429, {
            'Retry-After': String(limited.retryAfterSeconds),
          });
        }
        ({ masked } = await giveVerdict(
          db,
          actor,
          { storyId, resolved: form.data.resolved === 'yes', wouldBuyAgain: form.data.wouldBuyAgain === 'yes', rating: form.data.rating, comment: form.data.comment ?? null },
          { now },
        ));
        break;
      }
      case 'still_resolved': {
        const form = validate(lang, StillResolvedSchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        await answerStillResolved(db, actor, { storyId, kind: form.data.kind, stillResolved: form.data.answer === 'yes' }, { now });
        break;
      }
      case 'edit': {
        const form = validate(lang, EditStorySchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        ({ masked } = await editStory(db, actor, { storyId, title: form.data.title, body: form.data.body }, { now }));
        break;
      }
      case 'withdraw': {
        const form = validate(lang, WithdrawSchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        await withdrawStory(db, actor, { storyId }, { now });
        break;
      }
      case 'order_reference': {
        const form = validate(lang, OrderReferenceSchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        await addOrderReference(db, actor, { storyId, orderReference: form.data.orderReference }, { now });
        break;
      }
      case 'confirm_customer': {
        const form = validate(lang, ConfirmCustomerSchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        await confirmCustomer(db, actor, { storyId }, { now });
        break;
      }
      case 'add_photos': {
        const form = validate(lang, AddPhotosSchema, values, values);
        if (!form.ok) return fail(action, values, form.errors, 422);
        // Size and count are checked before any file is read; files cannot come back to the
        // browser, so every refusal also says to choose them again.
        const names = photoFileNames(submitted);
        const photos = await photoUploadsFromForm(submitted);
        if (!photos.ok) return fail(action, values, { photos: `${photoErrorMessage(lang, photos.error, names)} ${t(lang, 'content.photo.chooseAgain')}` }, 422);
        if (photos.uploads.length === 0) return fail(action, values, { photos: t(lang, 'content.photo.noneChosen') }, 422);
        try {
          await addPhotosToStory(db, storyId, withAlt(photos.uploads, form.data.photoAlt), { id: user.id, role: user.role }, now);
        } catch (error) {
          if (!isPhotoRejected(error)) throw error;
          return fail(action, values, { photos: `${photoErrorMessage(lang, error, names)} ${t(lang, 'content.photo.chooseAgain')}` }, 422);
        }
        break;
      }
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return fail(action, values, { _form: t(lang, runtimeKey(error.i18nKey)) }, domainErrorStatus(error.code));
  }
  const anchor = action === 'reply' ? '#thread-h' : action === 'withdraw' ? '' : '#workflow-actions';
  await flash?.({ kind: 'story', storyId, done: action, masked: maskedKinds(masked), photo: null });
  return new Response(null, { status: 303, headers: { Location: `${ctx.url.pathname}${anchor}` } });
}
