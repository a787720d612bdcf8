// Named schemas of the story workflow's forms (publish, reply, verdict, still resolved?, edit,
// withdraw). Every limit says why. Pages validate with these, then call src/services/story.service.ts;
// messages are i18n keys (src/i18n/areas/workflow.ts) so errors come back in the user's language.
import { z } from 'astro/zod';
import { CHANNELS, LOCALES, STORY_CATEGORIES } from '../domain/vocabulary.ts';
import type { PublishStoryInput } from '../services/story.service.ts';
import { normalizeWebsite, WEBSITE_MAX } from '../domain/website.ts';
import { companyWebsiteProblem } from '../domain/claim-domain.ts';
import { COMPANY_NAME_MAX, companyNameProblem } from '../domain/company-name.ts';
import { checkbox, optionalText, validate, type FieldErrors, type FormValues } from './forms.ts';
import { channelEntriesFromValues, checkChannelEntries, WAIT_UNITS, type ChannelAttempt } from '../domain/channel-entries.ts';
import { t, type Locale } from '../i18n/index.ts';

export const storyCategories = STORY_CATEGORIES;
export const storyChannels = CHANNELS;
export const waitUnits = WAIT_UNITS;
/** Sectors of companies (rankings are by sector); a new company without one is filed under "other". */
export const companySectors = ['ecommerce', 'marketplace', 'florist', 'telco', 'electronics', 'fitness', 'courier', 'bank', 'energy', 'travel', 'other'] as const;

const trimmed = (schema: z.ZodString) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), schema);
const asArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const yesNo = z.enum(['yes', 'no'], { error: 'workflow.form.chooseYesNo' });

/** A headline, not a paragraph: long enough to say what happened, short enough for lists and search results. */
const title = trimmed(z.string().min(10, { error: 'workflow.form.titleTooShort' }).max(140));
/** Enough to understand the case; bounded so pages and the search index stay fast (20k ≈ 8 pages). */
const body = trimmed(z.string().min(50, { error: 'workflow.form.bodyTooShort' }).max(20_000));

function isoDateNotInFuture(now: () => number) {
  return trimmed(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'form.invalidDate' }))
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: 'form.invalidDate' })
    // The experience happened already (a day of slack for time zones); older than 2000 is a typo.
    .refine((v) => Date.parse(`${v}T00:00:00Z`) <= now() + 86_400_000, { error: 'form.dateInFuture' })
    .refine((v) => v >= '2000-01-01', { error: 'form.invalidDate' });
}

export function publishStorySchema(now: () => number = Date.now) {
  return z
    .object({
      /** A company picked from the suggestions (its slug); otherwise name (+ website) find-or-create it. */
      companySlug: optionalText(80),
      /** Company names are short; 120 covers long legal names. */
      companyName: optionalText(COMPANY_NAME_MAX).refine((v) => v === undefined || companyNameProblem(v) === null, { error: 'identity.companyName.plainText' }),
      /**
       * A web address helps tell companies apart (duplicate detection by domain). Only http(s)
       * with a real registrable domain (src/domain/website.ts, decision 0021); the service stores
       * it normalised.
       */
      companyWebsite: optionalText(WEBSITE_MAX)
        .refine((v) => v === undefined || normalizeWebsite(v) !== null, { error: 'publish.invalidWebsite' })
        .refine((v) => v === undefined || companyWebsiteProblem(v) !== 'public_mail', { error: 'publish.publicMailWebsite' }),
      /** Only used when the company is new. */
      companySector: z.preprocess((v) => (v === '' ? undefined : v), z.enum(companySectors, { error: 'form.invalidChoice' }).optional()),
      title,
      body,
      experienceDate: isoDateNotInFuture(now),
      category: z.enum(storyCategories, { error: 'form.invalidChoice' }),
      language: z.enum(LOCALES, { error: 'form.invalidChoice' }),
      /** At least one channel: the story is about how the company answers. */
      channels: z.preprocess(asArray, z.array(z.enum(storyChannels)).min(1, { error: 'workflow.form.chooseChannel' }).max(storyChannels.length)),
      /** Bought through a marketplace (optional): its name and website, found or created like the seller's. */
      marketplaceName: optionalText(COMPANY_NAME_MAX).refine((v) => v === undefined || companyNameProblem(v) === null, { error: 'identity.companyName.plainText' }),
      marketplaceWebsite: optionalText(WEBSITE_MAX)
        .refine((v) => v === undefined || normalizeWebsite(v) !== null, { error: 'publish.invalidWebsite' })
        .refine((v) => v === undefined || companyWebsiteProblem(v) !== 'public_mail', { error: 'publish.publicMailWebsite' }),
      /** Who the author holds responsible: the story counts for that company alone (decision 0037). */
      marketplaceResponsible: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['seller', 'marketplace'], { error: 'marketplace.chooseResponsible' }).optional()),
      /** Private order reference: seen only by moderators and the company; short codes only. */
      orderReference: optionalText(100),
    })
    .superRefine((v, ctx) => {
      if (!v.companySlug && !v.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: 'workflow.form.companyRequired' });
      if (v.marketplaceName && !v.marketplaceResponsible) ctx.addIssue({ code: 'custom', path: ['marketplaceResponsible'], message: 'marketplace.chooseResponsible' });
      if ((v.marketplaceWebsite || v.marketplaceResponsible) && !v.marketplaceName) ctx.addIssue({ code: 'custom', path: ['marketplaceName'], message: 'workflow.form.companyRequired' });
      if (v.marketplaceName && v.companyName && v.marketplaceName.trim().toLowerCase() === v.companyName.trim().toLowerCase()) {
        ctx.addIssue({ code: 'custom', path: ['marketplaceName'], message: 'marketplace.sameCompany' });
      }
    });
}

export type PublishStoryForm = z.output<ReturnType<typeof publishStorySchema>>;

/**
 * Validates the whole publish form at once: the schema, the company (slug or name) and the channel
 * rows (src/domain/channel-entries.ts) are checked together, so an empty form shows every problem
 * on the first submit, not one batch after another.
 */
export function checkPublishForm(
  lang: Locale,
  values: FormValues,
  now: () => number = Date.now,
): { ok: true; data: PublishStoryForm; attempts: ChannelAttempt[] } | { ok: false; errors: FieldErrors } {
  const form = validate(lang, publishStorySchema(now), values, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const text = (name: string) => {
    const raw = values[name];
    return (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  };
  // Zod runs the cross-field rules only when every field parsed; these must show on the first submit.
  if (!text('companySlug') && !text('companyName')) errors.companyName ??= t(lang, 'workflow.form.companyRequired');
  const { problems, attempts } = checkChannelEntries(channelEntriesFromValues(values));
  for (const p of problems) {
    const key = p.field === 'wait' ? `wait_${p.channel}` : `unanswered_${p.channel}`;
    errors[key] ??= t(lang, `publish.channelProblem.${p.code}` as const, { channel: t(lang, `channel.${p.channel}` as const) });
  }
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: form.data, attempts };
}

/** Form values → the service input (the company is resolved by the page from slug or name). */
export function publishInputFromForm(form: PublishStoryForm, company: PublishStoryInput['company'], attempts: ChannelAttempt[]): PublishStoryInput {
  return {
    company,
    title: form.title,
    body: form.body,
    experienceDate: form.experienceDate,
    category: form.category,
    language: form.language,
    orderReference: form.orderReference ?? null,
    marketplace:
      form.marketplaceName && form.marketplaceResponsible
        ? { company: { name: form.marketplaceName, website: form.marketplaceWebsite ?? null, sector: 'marketplace' }, responsible: form.marketplaceResponsible }
        : null,
    channels: attempts,
  };
}

/** A thread message: a word of thanks is fine (2), a novel is not (10k ≈ 4 pages). */
export const ReplySchema = z.object({
  body: trimmed(z.string().min(2, { error: 'workflow.form.messageTooShort' }).max(10_000)),
});

export const VerdictSchema = z.object({
  resolved: yesNo,
  wouldBuyAgain: yesNo,
  /** Stars: whole numbers 1–5, the same scale everywhere. */
  rating: z.coerce.number({ error: 'workflow.error.invalid_rating' }).int({ error: 'workflow.error.invalid_rating' }).min(1, { error: 'workflow.error.invalid_rating' }).max(5, { error: 'workflow.error.invalid_rating' }),
  /** A closing line, not a second story. */
  comment: optionalText(2_000),
});

export const StillResolvedSchema = z.object({
  kind: z.enum(['7d', '30d'], { error: 'form.invalidChoice' }),
  answer: yesNo,
});

export const EditStorySchema = z.object({ title, body });

/** Withdrawing cannot be undone: an explicit confirmation. */
export const WithdrawSchema = z.object({
  confirm: checkbox.refine((v) => v, { error: 'workflow.form.confirmWithdraw' }),
});

/**
 * Photos added from the story page (the files themselves are checked by photoUploadsFromForm):
 * one optional description, used for each photo of the batch; 300 characters (PHOTO_ALT_MAX) is
 * a sentence or two, what a screen reader user wants to hear.
 */
export const AddPhotosSchema = z.object({
  photoAlt: optionalText(300),
});

/** The author's private order reference, added or corrected after publishing (rule 8): a short code. */
export const OrderReferenceSchema = z.object({
  orderReference: trimmed(z.string().min(1, { error: 'fakes.order.required' }).max(100)),
});

/** A representative confirms the order reference: nothing to type. */
export const ConfirmCustomerSchema = z.object({});

export const storyActions = ['reply', 'verdict', 'still_resolved', 'edit', 'withdraw', 'add_photos', 'order_reference', 'confirm_customer'] as const;
export type StoryAction = (typeof storyActions)[number];
