/**
 * What an uploaded logo is, read from its first bytes rather than its name (#17 part 6): PNG,
 * JPEG or WebP, with its size in pixels. SVG is refused: it can carry scripts and links, and every
 * logo tool exports PNG. Pure, so the same check runs wherever a logo comes in.
 */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** A logo is printed a few centimetres wide: half a megabyte and 4,000 pixels are plenty. */
export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_SIDE = 4000;

export type ImageProblem = 'notAnImage' | 'tooLarge' | 'tooManyPixels';
export type ImageCheck = { ok: true; mime: LogoType; width: number; height: number } | { ok: false; problem: ImageProblem };

export function inspectImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, problem: 'tooLarge' };
  const size = pngSize(bytes) ?? jpegSize(bytes) ?? webpSize(bytes);
  if (!size) return { ok: false, problem: 'notAnImage' };
  const { mime, width, height } = size;
  if (width < 1 || height < 1) return { ok: false, problem: 'notAnImage' };
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) return { ok: false, problem: 'tooManyPixels' };
  return { ok: true, mime, width, height };
}

const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(b: Uint8Array): { mime: LogoType; width: number; height: number } | undefined {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v) || ascii(b, 12, 4) !== 'IHDR') return undefined;
  return { mime: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

/** Walks the JPEG markers to the first frame header (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): { mime: LogoType; width: number; height: number } | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const length = u16be(b, i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { mime: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): { mime: LogoType; width: number; height: number } | undefined {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return undefined;
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X') return { mime: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return { mime: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = u32be(new Uint8Array([b[24]!, b[23]!, b[22]!, b[21]!]), 0);
    return { mime: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}
