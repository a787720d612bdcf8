// What the author is told after a form about their story went through: which kinds of personal
// data were masked in the public text, and which photo was refused. The notice travels in the
// redirect's query string (post/redirect/get), so it carries only compact, non-personal
// markers: the kinds of data (`masked=phone,email`), never what was typed; a refused photo's
// position, reason code and file name (`photo=corrupt&photoIndex=2&photoName=scan.png`).
import type { PiiFinding, PiiKind } from '../content/pii.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS_PER_STORY, PhotoRejectedError, type PhotoErrorCode } from '../content/photos.ts';
import { t, type Locale } from '../i18n/index.ts';

const piiKinds: readonly PiiKind[] = ['email', 'iban', 'card', 'phone', 'tax_code'];
const photoErrorCodes: readonly PhotoErrorCode[] = ['empty', 'too_large', 'unsupported_format', 'too_many_pixels', 'corrupt', 'too_many_photos'];
/** File names are shown back to their uploader only; long ones are cut so the URL stays short. */
const PHOTO_NAME_MAX = 80;

export interface Notice {
  heading: string;
  items: string[];
}

/** The distinct kinds of data masked, in order of first appearance ('' when none). */
export function maskedMarker(found: readonly PiiFinding[]): string {
  return [...new Set(found.map((f) => f.kind))].join(',');
}

/** Adds query parameters to a path that may end with a #fragment; empty values are left out. */
export function withParams(location: string, params: Record<string, string | number | null | undefined>): string {
  const hashAt = location.indexOf('#');
  const [path, hash] = hashAt >= 0 ? [location.slice(0, hashAt), location.slice(hashAt)] : [location, ''];
  const extra = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  if (extra.length === 0) return location;
  return `${path}${path.includes('?') ? '&' : '?'}${extra.join('&')}${hash}`;
}

/** The notice for a `masked=` marker: a heading, the kinds of data hidden and a reminder. */
export function maskedNotice(locale: Locale, marker: string | null): Notice | null {
  const kinds = (marker ?? '').split(',').filter((k): k is PiiKind => (piiKinds as readonly string[]).includes(k));
  if (kinds.length === 0) return null;
  return {
    heading: t(locale, 'content.pii.notice'),
    items: [...new Set(kinds)].map((k) => t(locale, `content.pii.kind.${k}`)).concat(t(locale, 'content.pii.maskedAfter')),
  };
}

/** The names of the files a form carries, in the order photoUploadsFromForm reads them. */
export function photoFileNames(form: FormData, field = 'photos'): string[] {
  return form
    .getAll(field)
    .filter((v): v is File => typeof v !== 'string' && v.size > 0)
    .map((f) => f.name);
}

/** A refusal in the uploader's language, naming the photo when the refusal is about one. */
export function photoErrorMessage(locale: Locale, error: PhotoRejectedError, names: readonly string[] = []): string {
  const reason = t(locale, error.i18nKey, error.params);
  const index = typeof error.params.index === 'number' ? error.params.index : null;
  if (index === null || error.code === 'too_many_photos') return reason;
  return t(locale, 'content.photo.named', { n: index + 1, name: (names[index] ?? '').slice(0, PHOTO_NAME_MAX) || '—', reason });
}

/** Query parameters telling the story page which photo was refused after publishing. */
export function photoRejectionParams(error: PhotoRejectedError, names: readonly string[]): Record<string, string | number | null> {
  const index = typeof error.params.index === 'number' ? error.params.index : null;
  return {
    photo: error.code,
    photoIndex: index === null ? null : index + 1,
    photoName: index === null ? null : (names[index] ?? '').slice(0, PHOTO_NAME_MAX) || null,
  };
}

/** The notice for a photo refused after the story was published (from the redirect's query). */
export function photoRejectionNotice(locale: Locale, params: URLSearchParams): string | null {
  const code = params.get('photo');
  if (!code || !(photoErrorCodes as readonly string[]).includes(code)) return null;
  const n = Number(params.get('photoIndex'));
  const index = Number.isSafeInteger(n) && n >= 1 && n <= 100 ? n - 1 : null;
  const error = new PhotoRejectedError(code as PhotoErrorCode, rejectionParams(code as PhotoErrorCode, index));
  const name = (params.get('photoName') ?? '').slice(0, PHOTO_NAME_MAX);
  const names: string[] = [];
  if (index !== null) names[index] = name;
  return t(locale, 'content.photo.rejectedAfterPublish', { photo: photoErrorMessage(locale, error, names) });
}

/** The parameters each refusal's message needs (the limits are the service's own). */
function rejectionParams(code: PhotoErrorCode, index: number | null): Record<string, number> {
  const p: Record<string, number> = index === null ? {} : { index };
  if (code === 'too_large') p.maxMb = Math.floor(MAX_PHOTO_BYTES / (1024 * 1024));
  if (code === 'too_many_pixels') p.maxMp = Math.floor(MAX_PHOTO_PIXELS / 1e6);
  if (code === 'too_many_photos') p.max = MAX_PHOTOS_PER_STORY;
  return p;
}
