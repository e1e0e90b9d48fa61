// Writes resources/icon.png (512x512 RGBA): a teal rounded square with a small white network,
// "mreža" being Serbo-Croatian for network. Run: node resources/make-icon.ts
import { writeFileSync } from 'node:fs';
import { encodePng } from './png.ts';

const SIZE = 512;
const SS = 4; // supersamples per axis
const TEAL: [number, number, number] = [0x0c, 0x85, 0x99];
const nodes: [number, number, number][] = [
  [256, 150, 44],
  [150, 360, 40],
  [362, 360, 40],
  [256, 290, 32],
];
const edges: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 3],
  [1, 3],
  [2, 3],
];

function inRoundRect(x: number, y: number): boolean {
  const [x0, y0, x1, y1, r] = [16, 16, 496, 496, 96];
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function isWhite(x: number, y: number): boolean {
  for (const [cx, cy, r] of nodes) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  for (const [a, b] of edges) {
    const na = nodes[a]!;
    const nb = nodes[b]!;
    if (distToSegment(x, y, na[0], na[1], nb[0], nb[1]) <= 9) return true;
  }
  return false;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        if (!inRoundRect(px, py)) continue;
        if (isWhite(px, py)) fg++;
        else bg++;
      }
    }
    const n = SS * SS;
    const alpha = (bg + fg) / n;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const w = bg + fg === 0 ? 0 : fg / (bg + fg);
    raw[o] = Math.round(TEAL[0] * (1 - w) + 255 * w);
    raw[o + 1] = Math.round(TEAL[1] * (1 - w) + 255 * w);
    raw[o + 2] = Math.round(TEAL[2] * (1 - w) + 255 * w);
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const png = encodePng(SIZE, SIZE, raw);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
