// Server-side form handling shared by every page that accepts a POST (see decision 0003):
// parse the body, validate with a named zod schema, and on failure give back the user's own
// values plus one localized message per field, so the page re-renders the form filled in.
import { z } from 'astro/zod';
import { type Locale, runtimeKey, t } from '../i18n/index.ts';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Every text that comes in through a form is normalised here, once (readForm, formValues; the
 * app takes no JSON bodies: its API is read-only): line ends become \n, control characters other
 * than \n and \t are removed (a NUL would be stored, echoed, and break XML and some clients), a
 * lone surrogate becomes U+FFFD, and the text is put in Unicode NFC so that equal-looking strings
 * compare equal.
 */
export function normalizeInput(text: string): string {
  // Fast path: plain printable text (the usual case) needs only NFC.
  if (!NEEDS_CLEANING.test(text)) return text.normalize('NFC');
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC');
}

const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF]/;
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Plain string values of a form (files are left out; multi-valued fields become arrays). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [rawKey, rawValue] of form.entries()) {
    if (typeof rawValue !== 'string') continue;
    const key = normalizeInput(rawKey);
    const value = normalizeInput(rawValue);
    const prev = values[key];
    if (prev === undefined) values[key] = value;
    else values[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return values;
}

/** Reads a form body, every text normalised (normalizeInput); a body that is not a form gives an empty FormData instead of a 500. */
export async function readForm(request: Request): Promise<FormData> {
  let raw: FormData;
  try {
    raw = await request.formData();
  } catch {
    return new FormData();
  }
  const form = new FormData();
  for (const [key, value] of raw.entries()) {
    if (typeof value === 'string') form.append(normalizeInput(key), normalizeInput(value));
    else form.append(normalizeInput(key), value, normalizeInput(value.name));
  }
  return form;
}

/**
 * Localized message for one zod issue. Schemas may set their own message as an i18n key
 * (`z.string().min(10, { error: 'auth.password.tooShort' })`); otherwise a generic message
 * by issue code is used.
 */
export function issueMessage(locale: Locale, issue: z.core.$ZodIssue): string {
  const custom = issue.message;
  if (custom && /^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(custom)) {
    try {
      return t(locale, runtimeKey(custom), issueParams(issue));
    } catch {
      /* fall through to the generic message */
    }
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t(locale, 'form.required') : t(locale, 'form.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'form.chooseAtLeast', { min: Number(issue.minimum) });
      return t(locale, 'form.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t(locale, 'form.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'form.chooseAtMost', { max: Number(issue.maximum) });
      return t(locale, 'form.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t(locale, 'form.invalidEmail') : t(locale, 'form.invalidFormat');
    case 'invalid_value':
      return t(locale, 'form.invalidChoice');
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? t(locale, 'form.required') : t(locale, 'form.invalidFormat');
    default:
      return t(locale, 'form.invalidFormat');
  }
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const p: Record<string, string | number> = {};
  if ('minimum' in issue) p.min = Number(issue.minimum);
  if ('maximum' in issue) p.max = Number(issue.maximum);
  return p;
}

export function zodErrors(locale: Locale, error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    errors[field] ??= issueMessage(locale, issue);
  }
  return errors;
}

/** Validate already-read values (form or JSON) against a schema. */
export function validate<S extends z.ZodType>(locale: Locale, schema: S, input: unknown, values: FormValues = {}): FormResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: zodErrors(locale, parsed.error), values };
}

/** Read and validate a POSTed form in one step. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, locale: Locale): Promise<FormResult<z.output<S>>> {
  const values = formValues(await readForm(request));
  return validate(locale, schema, values, values);
}

/** The value to put back into an input after a failed submit. */
export function valueOf(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function valuesOf(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

// Field schemas shared with the services' own input schemas (a service never imports src/http).
export { checkbox, optionalText } from '../services/input-fields.ts';
