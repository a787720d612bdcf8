// Story photos (decision 0006). Uploaded bytes are never trusted: the size is checked before
// anything is decoded, the format is read from the magic bytes (not the file name or the
// client's MIME type), only the JPEG/PNG/WebP loaders of libvips stay enabled, the declared
// pixel count is capped before decoding, and every photo is re-encoded to WebP in fixed sizes
// with all metadata (EXIF GPS, camera serials, XMP, ICC names) dropped. Files get random names
// and live outside public/, served by src/pages/photos/[file].ts.
import { config } from '../config.ts';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp, { type Metadata } from 'sharp';

/** Largest upload accepted, checked before decoding: a phone photo is 2–8 MB. */
export const MAX_PHOTO_BYTES = 12 * 1024 * 1024;
/** Largest decoded image: 50 megapixels covers current phone cameras; a pixel flood is far above. */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** Photos per story (product rule). */
export const MAX_PHOTOS_PER_STORY = 6;
/** Output widths (the longer side is capped at this many pixels; small images are not enlarged). */
export const PHOTO_SIZES = [1600, 400] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** Images processed at the same time; each holds decoded pixels in memory. */
export const PHOTO_CONCURRENCY = 2;

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

export type PhotoErrorCode = 'empty' | 'too_large' | 'unsupported_format' | 'too_many_pixels' | 'corrupt' | 'too_many_photos';

/** A refused upload; `i18nKey` is the message shown to the uploader. */
export class PhotoRejectedError extends Error {
  readonly code: PhotoErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: PhotoErrorCode, params: Record<string, string | number> = {}) {
    super(`photo rejected: ${code}`);
    this.name = 'PhotoRejectedError';
    this.code = code;
    this.params = params;
  }

  get i18nKey(): string {
    return `content.photo.error.${this.code}`;
  }
}

export function isPhotoRejected(e: unknown): e is PhotoRejectedError {
  return e instanceof PhotoRejectedError;
}

export function photosDir(): string {
  return resolve(config().photosDir);
}

const PHOTO_ID = /^[0-9a-f]{32}$/;
const PHOTO_FILE = /^([0-9a-f]{32})-(1600|400)\.webp$/;

export function isPhotoId(id: string): boolean {
  return PHOTO_ID.test(id);
}

/** The file name of one size of a photo. */
export function photoFileName(id: string, size: PhotoSize): string {
  if (!isPhotoId(id)) throw new Error('not a photo id');
  return `${id}-${size}.webp`;
}

/** Parses a requested file name; anything that is not exactly one of ours gives null. */
export function parsePhotoFileName(name: string): { id: string; size: PhotoSize } | null {
  const m = PHOTO_FILE.exec(name);
  return m ? { id: m[1]!, size: Number(m[2]) as PhotoSize } : null;
}

/** Public URL of one size of a photo. */
/** The 404 every photo route answers for a name it does not serve (unknown, hidden, not yours). */
export function photoNotFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });
}

/**
 * A photo file as an HTTP answer (story photos and draft photos): read from `dir` under the name
 * rebuilt from the parsed parts (never the request's own string), with a fixed Content-Type,
 * nosniff, a sandboxing CSP and same-origin CORP; 404 when the file is missing.
 */
export async function photoFileResponse(dir: string, parsed: { id: string; size: PhotoSize }, headers: Record<string, string>): Promise<Response> {
  let data: Buffer;
  try {
    data = await readFile(join(dir, photoFileName(parsed.id, parsed.size)));
  } catch {
    return photoNotFound();
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(data.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      ...headers,
    },
  });
}

export function photoUrl(id: string, size: PhotoSize = 1600): string {
  return `/photos/${photoFileName(id, size)}`;
}

/** The format announced by the first bytes, or null: JPEG, PNG and WebP only. */
export function detectPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

let loadersLocked = false;

/**
 * Disables every libvips loader except JPEG, PNG and WebP from memory (SVG, PDF, TIFF, HEIF,
 * GIF, ImageMagick, FITS, …): even a file that fools the magic-byte check cannot reach them.
 * Process-wide, so it runs once, before the first photo is decoded.
 */
export function lockImageLoaders(): void {
  if (loadersLocked) return;
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer', 'VipsForeignLoadWebpBuffer'] });
  // One libvips worker thread per image; PHOTO_CONCURRENCY bounds how many images at once.
  sharp.concurrency(1);
  loadersLocked = true;
}

// A counting semaphore: uploads of several people queue instead of decoding all at once. A
// finishing job hands its slot straight to the next waiter, so the bound holds at every moment.
let active = 0;
const waiting: (() => void)[] = [];

async function withPhotoSlot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= PHOTO_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else active++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

/** Images being decoded now and waiting for a slot (for tests and health checks). */
export function photoQueueState(): { active: number; waiting: number } {
  return { active, waiting: waiting.length };
}

export interface PhotoVariant {
  size: PhotoSize;
  width: number;
  height: number;
  data: Buffer;
}

export interface EncodedPhoto {
  format: PhotoFormat;
  /** Dimensions of the largest variant (what the page reserves space for). */
  width: number;
  height: number;
  variants: PhotoVariant[];
}

export interface PhotoLimits {
  maxBytes?: number;
  maxPixels?: number;
}

/**
 * Validates and re-encodes one uploaded photo in memory. Throws PhotoRejectedError with a code
 * for everything a person could have sent by mistake or on purpose.
 */
export async function encodePhoto(bytes: Uint8Array, limits: PhotoLimits = {}): Promise<EncodedPhoto> {
  const maxBytes = limits.maxBytes ?? MAX_PHOTO_BYTES;
  const maxPixels = limits.maxPixels ?? MAX_PHOTO_PIXELS;
  if (bytes.length === 0) throw new PhotoRejectedError('empty');
  if (bytes.length > maxBytes) throw new PhotoRejectedError('too_large', { maxMb: Math.floor(maxBytes / (1024 * 1024)) });
  const format = detectPhotoFormat(bytes);
  if (!format) throw new PhotoRejectedError('unsupported_format');
  lockImageLoaders();

  return withPhotoSlot(async () => {
    const input = { limitInputPixels: maxPixels, failOn: 'error' as const, sequentialRead: true, pages: 1 };
    let meta: Metadata;
    try {
      meta = await sharp(bytes, input).metadata();
    } catch (e) {
      throw classifySharpError(e, maxPixels);
    }
    if (meta.format !== format) throw new PhotoRejectedError('unsupported_format');
    if (!meta.width || !meta.height) throw new PhotoRejectedError('corrupt');
    if (meta.width * meta.height > maxPixels) throw new PhotoRejectedError('too_many_pixels', { maxMp: Math.floor(maxPixels / 1e6) });

    const variants: PhotoVariant[] = [];
    for (const size of PHOTO_SIZES) {
      try {
        // autoOrient applies the EXIF orientation to the pixels; no with*/keep* call, so the
        // output carries no EXIF, XMP, IPTC or ICC metadata at all.
        const { data, info } = await sharp(bytes, { ...input, autoOrient: true })
          .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: size >= 1000 ? 80 : 72, effort: 4 })
          .toBuffer({ resolveWithObject: true });
        variants.push({ size, width: info.width, height: info.height, data });
      } catch (e) {
        throw classifySharpError(e, maxPixels);
      }
    }
    const largest = variants[0]!;
    return { format, width: largest.width, height: largest.height, variants };
  });
}

function classifySharpError(e: unknown, maxPixels: number): PhotoRejectedError {
  const message = e instanceof Error ? e.message : String(e);
  if (/pixel limit|exceeds pixel/i.test(message)) return new PhotoRejectedError('too_many_pixels', { maxMp: Math.floor(maxPixels / 1e6) });
  if (/unsupported image format|is blocked|not permitted|operation is blocked/i.test(message)) return new PhotoRejectedError('unsupported_format');
  return new PhotoRejectedError('corrupt');
}

export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
  /** Total bytes on disk, all sizes. */
  bytes: number;
  files: string[];
}

/** Writes the variants under a fresh random id; a half-written set is removed again. */
export async function storePhoto(encoded: EncodedPhoto, dir = photosDir()): Promise<StoredPhoto> {
  const id = randomBytes(16).toString('hex');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  try {
    for (const v of encoded.variants) {
      const name = photoFileName(id, v.size);
      const tmp = join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(tmp, v.data, { flag: 'wx' });
      await rename(tmp, join(dir, name));
      files.push(name);
    }
  } catch (e) {
    await deletePhotoFiles(id, dir);
    throw e;
  }
  const bytes = encoded.variants.reduce((n, v) => n + v.data.length, 0);
  return { id, width: encoded.width, height: encoded.height, bytes, files };
}

export interface ProcessPhotoOptions extends PhotoLimits {
  dir?: string;
}

/** Validate, re-encode and store one uploaded photo. */
export async function processPhoto(bytes: Uint8Array, options: ProcessPhotoOptions = {}): Promise<StoredPhoto> {
  const encoded = await encodePhoto(bytes, options);
  return storePhoto(encoded, options.dir ?? photosDir());
}

/** Removes every size of a photo; missing files are fine (idempotent). */
export async function deletePhotoFiles(id: string, dir = photosDir()): Promise<void> {
  if (!isPhotoId(id)) return;
  await Promise.all(PHOTO_SIZES.map((size) => rm(join(dir, photoFileName(id, size)), { force: true })));
}
