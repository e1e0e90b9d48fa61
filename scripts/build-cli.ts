/**
 * `npm run build:cli`: one self-contained `dist-cli/mreza-consolidate.mjs` for M&E officers (runs
 * with a plain Node 24: `node mreza-consolidate.mjs <bundles…> --key <key file> --out report.xlsx`).
 */
import { resolve } from 'node:path';
import { bundleCli } from './consolidate/bundle.ts';

const outDir = resolve(import.meta.dirname, '..', process.argv[2] ?? 'dist-cli');
const file = await bundleCli('standalone', outDir, 'mreza-consolidate.mjs');
console.log(`build-cli: ${file}`);
