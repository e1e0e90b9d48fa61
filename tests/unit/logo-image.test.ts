import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectImage, MAX_LOGO_BYTES } from '../../src/shared/files/image';
import { logoSchema } from '../../src/shared/model';
import { pngBytes } from '../fixtures/images';

const png = (w: number, h: number) => pngBytes(w, h);

/** JPEG markers as a camera writes them: SOI, APP0 (JFIF), DQT, then the frame header SOF0. */
function jpeg(w: number, h: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const dqt = [0xff, 0xdb, 0x00, 0x43, 0x00, ...Array.from({ length: 64 }, () => 1)];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...dqt, ...sof0, 0xff, 0xd9]);
}

/** WebP with the extended header (VP8X), as image editors export a logo with transparency. */
function webp(w: number, h: number): Uint8Array {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'ascii');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(w - 1, 24, 3);
  b.writeUIntLE(h - 1, 27, 3);
  return new Uint8Array(b);
}

describe('a logo is checked by what it is, not by its name (#17 part 6)', () => {
  it('PNG, JPEG and WebP are read with their size in pixels', () => {
    expect(inspectImage(png(320, 120))).toEqual({ ok: true, mime: 'image/png', width: 320, height: 120 });
    expect(inspectImage(jpeg(800, 600))).toEqual({ ok: true, mime: 'image/jpeg', width: 800, height: 600 });
    expect(inspectImage(webp(1024, 512))).toEqual({ ok: true, mime: 'image/webp', width: 1024, height: 512 });
  });

  it('not an image: a Word file renamed .png, an SVG (it can carry scripts), text, nothing, a cut-off JPEG', () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const bytes of [docx, svg, new TextEncoder().encode('logo'), new Uint8Array(), jpeg(10, 10).subarray(0, 30)])
      expect(inspectImage(bytes)).toEqual({ ok: false, problem: 'notAnImage' });
  });

  it('too large (over half a megabyte) and too many pixels (a 6000 px scan) are refused, each with its reason', () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png(10, 10));
    expect(inspectImage(big)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(inspectImage(jpeg(6000, 400))).toEqual({ ok: false, problem: 'tooManyPixels' });
    expect(inspectImage(png(0, 10))).toEqual({ ok: false, problem: 'notAnImage' });
  });

  it('any bytes at all: a verdict, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(png(40, 20), jpeg(40, 20), webp(40, 20)), (noise, base) => {
        const mutated = base.slice();
        mutated.set(noise.subarray(0, mutated.length), Math.min(noise.length % 16, mutated.length));
        const verdict = inspectImage(mutated);
        expect(typeof verdict.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('what a backup may bring is bounded by the schema: no script URL, no oversized data', () => {
    const ok = { mime: 'image/png', dataBase64: Buffer.from(png(4, 4)).toString('base64'), width: 4, height: 4 };
    expect(logoSchema.safeParse(ok).success).toBe(true);
    expect(logoSchema.safeParse({ ...ok, mime: 'image/svg+xml' }).success).toBe(false);
    expect(logoSchema.safeParse({ ...ok, dataBase64: 'javascript:alert(1)' }).success).toBe(false);
    expect(logoSchema.safeParse({ ...ok, dataBase64: 'A'.repeat(800_000) }).success).toBe(false);
  });
});
