// A persuasion photo as the lane's phones send it (a data URL), checked and cleaned before it is
// kept. Pure. Photos taken on phones carry EXIF with the GPS position of the phone, the time and
// the device; the household may see the photo, so none of that may travel with it.

/** Decoded bytes: a phone's photo shrunk to ~1000 px wide fits well below this. */
export const PHOTO_MAX_BYTES = 150 * 1024;
/** The data URL of the largest photo, with its prefix. */
export const PHOTO_DATA_URL_MAX_CHARS = 210_000;
export const PHOTOS_PER_RECORD = 3;

export type PhotoType = 'image/jpeg' | 'image/png';

export type CleanPhoto =
  | { ok: true; contentType: PhotoType; bytes: Buffer }
  | { ok: false; problem: 'format' | 'too_large' };

const DATA_URL = /^data:(image\/(?:jpeg|png));base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG chunks needed to draw the picture; text, time and EXIF chunks are dropped. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'IDAT', 'IEND']);

/** The photo's bytes without metadata, or why it is refused. The type is read from the bytes. */
export function cleanPhoto(dataUrl: string): CleanPhoto {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return { ok: false, problem: 'format' };
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, problem: 'too_large' };
  if (isJpeg(bytes)) {
    const clean = stripJpeg(bytes);
    return clean ? { ok: true, contentType: 'image/jpeg', bytes: clean } : bad();
  }
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const clean = stripPng(bytes);
    return clean ? { ok: true, contentType: 'image/png', bytes: clean } : bad();
  }
  return bad();
}

function bad(): CleanPhoto {
  return { ok: false, problem: 'format' };
}

function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Copies the JPEG's segments up to the image data, leaving out APP1…APP15 (EXIF, XMP, maker
 * notes: where positions live) and comments; from the start of scan on, the bytes are the image.
 * Null when the segments do not add up (not a JPEG after all).
 */
export function stripJpeg(bytes: Buffer): Buffer | null {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      kept.push(bytes.subarray(at));
      return Buffer.concat(kept);
    }
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) kept.push(bytes.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  return null;
}

/** Copies the PNG's picture chunks only; null when the chunks do not add up. */
export function stripPng(bytes: Buffer): Buffer | null {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (PNG_KEPT.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return null;
}
