/**
 * Command-line consolidation at the lead (docs/bundle-format.md, "Command-line consolidation"):
 *
 *   npm run consolidate -- <bundles or folders…> --key <lead key file> --out <report.xlsx|.csv|.json>
 *   npm run consolidate -- --help
 *
 * For developers: bundles scripts/consolidate/cli.ts into a temporary folder (see
 * consolidate/bundle.ts), imports it and removes it again, so the tool runs the very same
 * src/shared code as the app. M&E officers get the one-file build of `npm run build:cli`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleCli } from './consolidate/bundle.ts';
import type * as Cli from './consolidate/cli.ts';

const outDir = mkdtempSync(join(tmpdir(), 'mreza-consolidate-'));
try {
  const file = await bundleCli('cli', outDir, 'cli.mjs');
  const cli = (await import(pathToFileURL(file).href)) as typeof Cli;
  process.exitCode = await cli.main(process.argv.slice(2));
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
