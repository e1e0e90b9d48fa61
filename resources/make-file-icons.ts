// Writes the document icons of Mreža's five file types (resources/file-<kind>.{png,ico,icns}):
// a white page with a folded corner, the app's small network and a band in the kind's colour.
// Windows takes the .ico, macOS the .icns (electron-builder.yml fileAssociations); Linux shows its
// own document icon for the MIME type. Run: node resources/make-file-icons.ts
import { writeFileSync } from 'node:fs';
import { encodePng } from './png.ts';

const SIZE = 256;
const SS = 4; // supersamples per axis
type Rgb = [number, number, number];
export const KIND_COLOURS: Record<string, Rgb> = {
  invitation: [0x9c, 0x36, 0xb5],
  bundle: [0x0c, 0x85, 0x99],
  keyFile: [0xe8, 0x59, 0x0c],
  mentorPack: [0x2f, 0x9e, 0x44],
  sessionLogs: [0x19, 0x71, 0xc2],
};
const PAGE = { x0: 44, y0: 12, x1: 212, y1: 244, fold: 52 };
const nodes: [number, number, number][] = [
  [128, 70, 20],
  [84, 150, 18],
  [172, 150, 18],
  [128, 122, 14],
];
const edges: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 3],
  [1, 3],
  [2, 3],
];

function inPage(x: number, y: number): boolean {
  if (x < PAGE.x0 || x > PAGE.x1 || y < PAGE.y0 || y > PAGE.y1) return false;
  // The folded corner cuts the top right.
  return x - (PAGE.x1 - PAGE.fold) + (PAGE.y0 - y) <= 0 || x < PAGE.x1 - PAGE.fold || y > PAGE.y0 + PAGE.fold;
}
function inFold(x: number, y: number): boolean {
  return x >= PAGE.x1 - PAGE.fold && y <= PAGE.y0 + PAGE.fold && x - (PAGE.x1 - PAGE.fold) <= y - PAGE.y0;
}
function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function inNetwork(x: number, y: number): boolean {
  for (const [cx, cy, r] of nodes) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  return edges.some(([a, b]) => distToSegment(x, y, nodes[a]![0], nodes[a]![1], nodes[b]![0], nodes[b]![1]) <= 4.5);
}
const onBorder = (x: number, y: number) => inPage(x, y) && (!inPage(x - 4, y) || !inPage(x + 4, y) || !inPage(x, y - 4) || !inPage(x, y + 4));

/** One sample's colour and alpha. */
function sample(x: number, y: number, colour: Rgb): [number, number, number, number] {
  const grey: Rgb = [0x86, 0x8e, 0x96];
  if (inFold(x, y)) return [0xdc, 0xe0, 0xe4, 255];
  if (!inPage(x, y)) return [0, 0, 0, 0];
  if (onBorder(x, y)) return [...grey, 255];
  if (y >= 192) return [...colour, 255];
  if (inNetwork(x, y)) return [...colour, 255];
  return [255, 255, 255, 255];
}

function render(colour: Rgb): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const [r, g, b, a] = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS, colour);
          acc[0]! += r * a;
          acc[1]! += g * a;
          acc[2]! += b * a;
          acc[3]! += a;
        }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      const a = acc[3]!;
      raw[o] = a ? Math.round(acc[0]! / a) : 0;
      raw[o + 1] = a ? Math.round(acc[1]! / a) : 0;
      raw[o + 2] = a ? Math.round(acc[2]! / a) : 0;
      raw[o + 3] = Math.round(a / (SS * SS));
    }
  }
  return raw;
}

const png = (raw: Buffer): Buffer => encodePng(SIZE, SIZE, raw);
/** A Windows icon holding the 256×256 PNG (Windows Vista and later read PNG entries). */
function ico(image: Buffer): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header[6] = 0; // 256 wide
  header[7] = 0; // 256 high
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}
/** A macOS icon family with the 256×256 PNG as its `ic08` entry. */
function icns(image: Buffer): Buffer {
  const entry = Buffer.alloc(8);
  entry.write('ic08', 0, 'ascii');
  entry.writeUInt32BE(8 + image.length, 4);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(16 + image.length, 4);
  return Buffer.concat([header, entry, image]);
}

for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
  const image = png(render(colour));
  const base = new URL(`./file-${kind}`, import.meta.url).pathname;
  writeFileSync(`${base}.png`, image);
  writeFileSync(`${base}.ico`, ico(image));
  writeFileSync(`${base}.icns`, icns(image));
  console.log(`resources/file-${kind}: ${image.length} bytes`);
}
