// A release build: `npm run release` (or `-- --dry-run` to only print the plan). Signs and
// notarises when the secrets are in the environment and says plainly when they are not
// (scripts/release/plan.ts decides; README "Releasing" lists the variables). `npm run dist`
// stays the quick unsigned build for testing a package.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_PATH, loadBuilderConfig, ROOT, schemaErrors, type JsonObject } from './check-builder-config.ts';
import { mergeConfig, releasePlan } from './release/plan.ts';

const dryRun = process.argv.includes('--dry-run');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as JsonObject;
const plan = releasePlan(process.env, packageJson);
const config = mergeConfig(loadBuilderConfig(CONFIG_PATH), plan.overrides);

console.log(`Mreža ${String(packageJson.version)} release plan`);
console.log(`  Windows:    ${plan.windows}`);
console.log(`  macOS:      ${plan.mac}`);
console.log(`  homepage:   ${plan.homepage || '(none)'}`);
console.log(`  maintainer: ${plan.maintainer || '(none)'}`);
console.log(`  updates:    ${plan.updateUrl || '(none)'} (latest.yml and the installers go there)`);
for (const note of plan.notes) console.log(`  ${note.blocking ? 'STOP' : 'warn'} ${note.text}`);
const schema = schemaErrors(config);
for (const e of schema) console.error(`  STOP ${e}`);

if (schema.length > 0 || plan.notes.some((n) => n.blocking)) {
  console.error('\nNo release built: fix the lines marked STOP.');
  process.exit(1);
}
if (dryRun) process.exit(0);

execSync('npm run build', { stdio: 'inherit', cwd: ROOT });
const { build } = (await import('electron-builder')) as { build: (o: { config: JsonObject; publish: 'never' }) => Promise<string[]> };
const files = await build({ config, publish: 'never' });
console.log(`\nBuilt:\n${files.map((f) => `  ${f}`).join('\n')}`);
