import { deflateSync, crc32 } from 'node:zlib';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeKey, t } from '../i18n/index.ts';
import {
  deletePhotoFiles,
  detectPhotoFormat,
  encodePhoto,
  isPhotoRejected,
  parsePhotoFileName,
  PHOTO_CONCURRENCY,
  photoQueueState,
  PhotoRejectedError,
  processPhoto,
  type PhotoErrorCode,
} from './photos.ts';

const dir = mkdtempSync(join(tmpdir(), 'answerable-photos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Fixtures are generated here, never committed as binaries.
function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });
}

async function jpegWithGps(): Promise<Buffer> {
  return solid(300, 200)
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Model X', Copyright: 'Mario Rossi' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 27/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '9/1 11/1 2/1' },
    })
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

/** A few hundred bytes that declare a 20000×20000 image (400 megapixels): a pixel flood. */
function pixelFloodPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc(20_001 * 4)); // a few rows of zeros; the rest never comes
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

/** An empty zip archive (end-of-central-directory record only), as if renamed to photo.jpg. */
function zipBytes(): Buffer {
  const local = Buffer.concat([Buffer.from('PK\x03\x04', 'binary'), Buffer.alloc(26), Buffer.from('photo.jpg')]);
  const eocd = Buffer.concat([Buffer.from('PK\x05\x06', 'binary'), Buffer.alloc(18)]);
  return Buffer.concat([local, eocd]);
}

const svgWithScript = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(1)"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>',
);

async function rejection(bytes: Uint8Array): Promise<PhotoRejectedError> {
  try {
    await processPhoto(bytes, { dir });
  } catch (e) {
    if (isPhotoRejected(e)) return e;
    throw e;
  }
  throw new Error('expected the photo to be rejected');
}

function filesOnDisk(): string[] {
  return readdirSync(dir);
}

describe('processPhoto: refusals', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, PhotoErrorCode][] = [
    ['an empty upload', () => new Uint8Array(0), 'empty'],
    ['a zip archive renamed .jpg', zipBytes, 'unsupported_format'],
    ['an SVG with a script', () => svgWithScript, 'unsupported_format'],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary'), 'unsupported_format'],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'unsupported_format'],
    ['a 20000×20000 pixel flood', pixelFloodPng, 'too_many_pixels'],
    ['a truncated JPEG', async () => (await solid(800, 600).jpeg().toBuffer()).subarray(0, 400), 'corrupt'],
    ['a truncated PNG', async () => (await solid(800, 600).png().toBuffer()).subarray(0, 100), 'corrupt'],
    ['a PNG signature followed by garbage', () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]), 'corrupt'],
  ];

  it.each(cases)('rejects %s with a clear message and leaves no file', async (_name, make, code) => {
    const before = filesOnDisk();
    const err = await rejection(await make());
    expect(err.code).toBe(code);
    expect(t('it', runtimeKey(err.i18nKey), err.params)).not.toBe(err.i18nKey);
    expect(t('en', runtimeKey(err.i18nKey), err.params)).toMatch(/\w/);
    expect(filesOnDisk()).toEqual(before);
  });

  it('rejects an oversized file before decoding it', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(13 * 1024 * 1024)]);
    const err = await rejection(big);
    expect(err.code).toBe('too_large');
    expect(t('en', runtimeKey(err.i18nKey), err.params)).toContain('12');
  });

  it('rejects a real image above a smaller pixel limit', async () => {
    const png = await solid(1000, 1000).png().toBuffer();
    await expect(encodePhoto(png, { maxPixels: 500_000 })).rejects.toMatchObject({ code: 'too_many_pixels' });
  });
});

describe('processPhoto: accepted photos', () => {
  it('removes GPS and every other EXIF field while re-encoding to WebP', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const stored = await processPhoto(input, { dir });
    expect(stored.files).toEqual([`${stored.id}-1600.webp`, `${stored.id}-400.webp`]);
    for (const file of stored.files) {
      const meta = await sharp(readFileSync(join(dir, file))).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
  });

  it('turns the pixels according to the EXIF orientation', async () => {
    const rotated = await solid(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const encoded = await encodePhoto(rotated);
    expect([encoded.width, encoded.height]).toEqual([200, 300]);
  });

  it('produces the fixed sizes without enlarging small images', async () => {
    const large = await encodePhoto(await solid(3200, 2400).png().toBuffer());
    expect(large.variants.map((v) => [v.size, v.width, v.height])).toEqual([
      [1600, 1600, 1200],
      [400, 400, 300],
    ]);
    const small = await encodePhoto(await solid(320, 240).webp().toBuffer());
    expect(small.variants.map((v) => [v.width, v.height])).toEqual([
      [320, 240],
      [320, 240],
    ]);
  });

  it('ignores a lying file name or MIME type: only the bytes decide', async () => {
    expect(detectPhotoFormat(await solid(10, 10).png().toBuffer())).toBe('png');
    expect(detectPhotoFormat(await solid(10, 10).webp().toBuffer())).toBe('webp');
    expect(detectPhotoFormat(await solid(10, 10).jpeg().toBuffer())).toBe('jpeg');
    expect(detectPhotoFormat(svgWithScript)).toBeNull();
  });

  it('processes many uploads at once within the concurrency bound', async () => {
    const png = await solid(1200, 900).png().toBuffer();
    let maxActive = 0;
    let maxWaiting = 0;
    let running = true;
    const sample = async () => {
      while (running) {
        const s = photoQueueState();
        maxActive = Math.max(maxActive, s.active);
        maxWaiting = Math.max(maxWaiting, s.waiting);
        await new Promise((r) => setImmediate(r));
      }
    };
    const sampler = sample();
    const results = await Promise.all(Array.from({ length: 6 }, () => encodePhoto(png)));
    running = false;
    await sampler;
    expect(results.every((r) => r.variants.length === 2)).toBe(true);
    expect(maxActive).toBe(PHOTO_CONCURRENCY);
    expect(maxWaiting).toBe(6 - PHOTO_CONCURRENCY);
    expect(photoQueueState()).toEqual({ active: 0, waiting: 0 });
  });

  it('deletes every size of a photo', async () => {
    const stored = await processPhoto(await solid(200, 200).png().toBuffer(), { dir });
    await deletePhotoFiles(stored.id, dir);
    expect(filesOnDisk().filter((f) => f.startsWith(stored.id))).toEqual([]);
  });
});

describe('photo file names', () => {
  it('accepts only our own generated names', () => {
    expect(parsePhotoFileName('0123456789abcdef0123456789abcdef-400.webp')).toEqual({ id: '0123456789abcdef0123456789abcdef', size: 400 });
    for (const bad of ['../../etc/passwd', '..%2f..%2fsecret', '0123456789abcdef0123456789abcdef-400.webp/..', '0123456789ABCDEF0123456789ABCDEF-400.webp', '0123456789abcdef0123456789abcdef-800.webp', 'x.webp', '.0123456789abcdef0123456789abcdef-400.webp.tmp']) {
      expect(parsePhotoFileName(bad), bad).toBeNull();
    }
  });
});
