// The import zones of eslint.config.js (docs/architecture.md, "Import zones"), proven: probe
// sources, linted as if they lay in each zone, must be reported for EVERY forbidden import and
// not for the allowed ones. If a config change silently weakens a zone (as a later block's
// `no-restricted-imports` once replaced the renderer's), a probe here stops failing and this fails.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });

/** The rules that carry the layers. `no-unresolved` is not among them: a probe must be reported for its zone, not for a typo. */
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-globals', 'import-x/no-cycle']);

interface Finding {
  rule: string | null;
  message: string;
}

async function lint(filePath: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

/** [file the probe lies in, the import statement] */
type Probe = readonly [string, string];

const FORBIDDEN: Record<string, readonly Probe[]> = {
  'src/shared imports nothing of ours outside src/shared': [
    ['src/shared/probe.ts', "import '../main/ipc';"],
    ['src/shared/probe.ts', "import '../renderer/src/db/db';"],
    ['src/shared/model/probe.ts', "import type { MrezaDb } from '../../renderer/src/db/db';"],
    ['src/shared/probe.ts', "import '../../scripts/consolidate/args';"],
    ['src/shared/probe.ts', "import '../../tests/e2e/helpers';"],
  ],
  'src/shared uses no Node, Electron, UI or storage': [
    ['src/shared/probe.ts', "import 'node:fs';"],
    ['src/shared/probe.ts', "import 'fs';"],
    ['src/shared/probe.ts', "import 'fs/promises';"],
    ['src/shared/probe.ts', "import 'buffer';"],
    ['src/shared/probe.ts', "import 'worker_threads';"],
    ['src/shared/probe.ts', "import 'crypto';"],
    ['src/shared/probe.ts', "import 'node:crypto';"],
    ['src/shared/probe.ts', "import 'stream/web';"],
    ['src/shared/probe.ts', "import 'electron';"],
    ['src/shared/probe.ts', "import 'react';"],
    ['src/shared/probe.ts', "import '@mantine/core';"],
    ['src/shared/probe.ts', "import 'dexie';"],
    ['src/shared/probe.ts', 'export const x = window.location;'],
    ['src/shared/probe.ts', 'export const x = process.env;'],
    ['src/shared/probe.ts', "export const x = Buffer.from('');"],
  ],
  'main imports no renderer and no UI or storage package': [
    ['src/main/probe.ts', "import '../renderer/src/db/db';"],
    ['src/main/handlers/probe.ts', "import type { MrezaDb } from '../../renderer/src/db/db';"],
    ['src/main/probe.ts', "import '../renderer/src/platform';"],
    ['src/main/probe.ts', "import 'react';"],
    ['src/main/probe.ts', "import 'react-dom/client';"],
    ['src/main/probe.ts', "import '@mantine/core';"],
    ['src/main/probe.ts', "import 'dexie';"],
    ['src/main/probe.ts', "import 'dexie-react-hooks';"],
  ],
  'the renderer imports no main and reaches the machine only through platform/': [
    ['src/renderer/src/features/home/probe.ts', "import '../../../../main/ipc';"],
    ['src/renderer/src/components/probe.ts', "import '../../../main/security';"],
    ['src/renderer/src/db/probe.ts', "import '../../../main/ipc';"],
    ['src/renderer/src/platform/probe.ts', "import '../../../main/preload';"],
    ['src/renderer/src/features/home/probe.ts', "import 'node:fs';"],
    ['src/renderer/src/features/home/probe.ts', "import 'fs/promises';"],
    ['src/renderer/src/app/probe.ts', "import 'buffer';"],
    ['src/renderer/src/db/probe.ts', "import 'node:path';"],
    ['src/renderer/src/features/home/probe.ts', "import 'electron';"],
    ['src/renderer/src/platform/probe.ts', "import 'electron';"],
  ],
  'only db/ imports dexie': [
    ['src/renderer/src/features/home/probe.ts', "import 'dexie';"],
    ['src/renderer/src/components/probe.ts', "import { Dexie } from 'dexie';"],
    ['src/renderer/src/app/probe.ts', "import 'dexie';"],
    ['src/renderer/src/platform/probe.ts', "import 'dexie';"],
    ['src/renderer/src/probe.ts', "import 'dexie';"],
  ],
  'db/ imports no UI': [
    ['src/renderer/src/db/probe.ts', "import '../features/home/HomePage';"],
    ['src/renderer/src/db/probe.ts', "import '../components/PageHeader';"],
    ['src/renderer/src/db/probe.ts', "import '../app/Root';"],
    ['src/renderer/src/db/probe.ts', "import '../session/AppContext';"],
  ],
  'session/ sits below components, features and app': [
    ['src/renderer/src/session/probe.ts', "import '../components/PageHeader';"],
    ['src/renderer/src/session/probe.ts', "import '../features/home/HomePage';"],
    ['src/renderer/src/session/probe.ts', "import '../app/Root';"],
  ],
  'workers/ import no UI': [
    ['src/renderer/src/workers/probe.ts', "import '../session/AppContext';"],
    ['src/renderer/src/workers/probe.ts', "import '../components/PageHeader';"],
  ],
  'components/ import no feature and not app/': [
    ['src/renderer/src/components/probe.ts', "import '../features/home/HomePage';"],
    ['src/renderer/src/components/probe.ts', "import '../features/mentoring';"],
    ['src/renderer/src/components/probe.ts', "import '../app/Root';"],
  ],
  'features do not import app/': [
    ['src/renderer/src/features/home/probe.ts', "import '../../app/Root';"],
    ['src/renderer/src/features/reports/probe.ts', "import '../../app/theme';"],
  ],
  'a feature imports another only through its index.ts': [
    ['src/renderer/src/features/home/probe.ts', "import '../mentoring/Reminders';"],
    ['src/renderer/src/features/settings/probe.ts', "import '../mentoring/MatchingSettings';"],
    ['src/renderer/src/features/programmes/probe.ts', "import '../participants/PersonForm';"],
    ['src/renderer/src/features/reports/deep/probe.ts', "import '../../exchange/common';"],
    ['src/renderer/src/features/settings/probe.ts', "import '../backups/actions';"],
  ],
  'scripts import no renderer': [
    ['scripts/probe.ts', "import '../src/renderer/src/db/schema';"],
    ['scripts/consolidate/probe.ts', "import '../../src/renderer/src/db/schema';"],
  ],
  'nothing of the product imports the bench': [
    ['src/renderer/src/probe.ts', "import './bench/hooks';"],
    ['src/renderer/src/probe.ts', "void import('./bench/hooks');"],
    ['src/renderer/src/features/home/probe.ts', "import '../../bench/hooks';"],
    ['src/renderer/src/db/probe.ts', "import '../bench/hooks';"],
    ['src/renderer/src/workers/probe.ts', "import '../bench/hooks';"],
    ['src/shared/probe.ts', "import '../../tests/bench/consolidation-bundles';"],
    ['src/main/probe.ts', "import '../../tests/bench/consolidation-bundles';"],
    ['scripts/probe.ts', "import '../tests/bench/consolidation-bundles';"],
    ['scripts/consolidate/probe.ts', "import '../../src/renderer/src/bench/hooks';"],
  ],
};

const ALLOWED: readonly Probe[] = [
  ['src/shared/probe.ts', "import './model';"],
  ['src/shared/model/probe.ts', "import '@shared/bundle';"],
  ['src/shared/probe.ts', "import 'zod';"],
  ['src/main/probe.ts', "import 'node:fs';"],
  ['src/main/probe.ts', "import 'electron';"],
  ['src/main/probe.ts', "import '../shared/ipc';"],
  ['src/main/probe.ts', "import '@shared/ipc';"],
  ['src/renderer/src/db/probe.ts', "import 'dexie';"],
  ['src/renderer/src/db/probe.ts', "import '@shared/model';"],
  ['src/renderer/src/db/probe.ts', "import './schema';"],
  ['src/renderer/src/features/home/probe.ts', "import '../../db/db';"],
  ['src/renderer/src/features/home/probe.ts', "import '../../components/PageHeader';"],
  ['src/renderer/src/features/home/probe.ts', "import '../../platform';"],
  ['src/renderer/src/features/home/probe.ts', "import 'dexie-react-hooks';"],
  ['src/renderer/src/features/home/probe.ts', "import './HomePage';"],
  ['src/renderer/src/features/settings/probe.ts', "import '../mentoring';"],
  ['src/renderer/src/features/settings/probe.ts', "import '../mentoring/index.ts';"],
  ['src/renderer/src/features/mentoring/probe.ts', "import './Reminders';"],
  ['src/renderer/src/features/setup/probe.ts', "import '../backups';"],
  ['src/renderer/src/features/backups/probe.ts', "import './actions';"],
  ['src/renderer/src/components/probe.ts', "import '../db/db';"],
  ['src/renderer/src/components/probe.ts', "import '../session/AppContext';"],
  ['src/renderer/src/features/home/probe.ts', "import '../../session/useToday';"],
  ['src/renderer/src/session/probe.ts', "import '../db/db';"],
  ['src/renderer/src/app/probe.ts', "import '../features/home/HomePage';"],
  ['src/renderer/src/bench/probe.ts', "import 'dexie';"],
  ['src/renderer/src/bench/probe.ts', "import '../features/participants/ImportWizard';"],
  ['scripts/probe.ts', "import '../src/shared/model/schemaVersion';"],
  ['scripts/consolidate/probe.ts', "import '../../src/shared/bundle';"],
  ['scripts/probe.ts', "import 'node:fs';"],
  ['scripts/bench.ts', "import '../tests/bench/consolidation-bundles.ts';"],
];

const layerFindings = (findings: Finding[]) => findings.filter((f) => f.rule !== null && LAYER_RULES.has(f.rule));

// The first probe that reaches a large part of the tree makes no-cycle parse it (cached after).
describe('import zones (eslint.config.js)', { timeout: 180_000 }, () => {
  for (const [zone, probes] of Object.entries(FORBIDDEN)) {
    describe(zone, () => {
      it.each(probes)('%s: %s is reported', async (file, code) => {
        const findings = await lint(file, code);
        expect(
          findings.filter((f) => f.rule === 'import-x/no-unresolved'),
          'the probe must point at a real module',
        ).toEqual([]);
        expect(layerFindings(findings).length, JSON.stringify(findings)).toBeGreaterThan(0);
      });
    });
  }

  it.each(ALLOWED)('%s: %s is allowed', async (file, code) => {
    const findings = await lint(file, code);
    expect(findings.filter((f) => f.rule === 'import-x/no-unresolved' || (f.rule !== null && LAYER_RULES.has(f.rule)))).toEqual([]);
  });

  it('reports an import that resolves to nothing (it could not be placed in a zone)', async () => {
    const findings = await lint('src/renderer/src/features/home/probe.ts', "import '../../../../main/no-such-module';");
    expect(findings.map((f) => f.rule)).toContain('import-x/no-unresolved');
  });

  describe('cycles', () => {
    const dir = join(ROOT, `src/shared/__cycle_probe_${process.pid}__`);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports two modules that import each other', async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    });
  });

  // What tests/main/layering.test.ts checked with a regex, now by the same rule as everything else.
  it('src/main as it is imports no renderer, UI or IndexedDB code', async () => {
    const results = await eslint.lintFiles(['src/main']);
    expect(results.length).toBeGreaterThan(5);
    const found = results.flatMap((r) => layerFindings(r.messages.map((m) => ({ rule: m.ruleId, message: `${r.filePath}: ${m.message}` }))));
    expect(found).toEqual([]);
  });
});
