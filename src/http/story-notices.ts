// What the author is told after a form about their story went through: which kinds of personal
// data were masked in the public text, and which photo was refused. The notice is a one-time
// flash kept on the server (src/http/flash.ts, decision 0022), never read from the URL: it holds
// the kinds of data masked (never what was typed), a refused photo's position, reason code and
// the uploader's own file name, and is shown only to the session that posted.
import type { PiiFinding, PiiKind } from '../content/pii.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS_PER_STORY, PhotoRejectedError, type PhotoErrorCode } from '../content/photos.ts';
import { type Locale, runtimeKey, t } from '../i18n/index.ts';
import type { PhotoRejection } from './flash.ts';

const piiKinds: readonly PiiKind[] = ['email', 'iban', 'card', 'phone', 'tax_code'];
const photoErrorCodes: readonly PhotoErrorCode[] = ['empty', 'too_large', 'unsupported_format', 'too_many_pixels', 'corrupt', 'too_many_photos'];
/** File names are shown back to their uploader only; long ones are cut so the URL stays short. */
const PHOTO_NAME_MAX = 80;

export interface Notice {
  heading: string;
  items: string[];
}

/** The distinct kinds of data masked, in order of first appearance. */
export function maskedKinds(found: readonly PiiFinding[]): PiiKind[] {
  return [...new Set(found.map((f) => f.kind))];
}

/** The notice for the kinds of data masked: a heading, the kinds hidden and a reminder. */
export function maskedNotice(locale: Locale, masked: readonly string[]): Notice | null {
  const kinds = masked.filter((k): k is PiiKind => (piiKinds as readonly string[]).includes(k));
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
  const reason = t(locale, runtimeKey(error.i18nKey), error.params);
  const index = typeof error.params.index === 'number' ? error.params.index : null;
  if (index === null || error.code === 'too_many_photos') return reason;
  return t(locale, 'content.photo.named', { n: index + 1, name: (names[index] ?? '').slice(0, PHOTO_NAME_MAX) || '—', reason });
}

/** Which photo was refused after the story was published, for the flash. */
export function photoRejection(error: PhotoRejectedError, names: readonly string[]): PhotoRejection {
  const index = typeof error.params.index === 'number' ? error.params.index : null;
  return { code: error.code, index, name: index === null ? null : (names[index] ?? '').slice(0, PHOTO_NAME_MAX) || null };
}

/** The notice for a photo refused after the story was published. */
export function photoRejectionNotice(locale: Locale, photo: PhotoRejection | null | undefined): string | null {
  if (!photo || !(photoErrorCodes as readonly string[]).includes(photo.code)) return null;
  const index = Number.isSafeInteger(photo.index) && photo.index! >= 0 && photo.index! < 100 ? photo.index : null;
  const error = new PhotoRejectedError(photo.code, rejectionParams(photo.code, index));
  const names: string[] = [];
  if (index !== null) names[index] = (photo.name ?? '').slice(0, PHOTO_NAME_MAX);
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
