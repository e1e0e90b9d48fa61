import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, projectRuleErrors, REQUIRED_FUSES, ROOT, schemaErrors, type Json, type JsonObject } from '../../scripts/check-builder-config';

const config = loadBuilderConfig();
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as JsonObject;
const section = (name: string): Record<string, unknown> => config[name] as Record<string, unknown>;

// ajv compiles app-builder-lib's whole schema: seconds on a loaded machine.
describe('electron-builder.yml', { timeout: 120_000 }, () => {
  it('is valid against app-builder-lib’s JSON schema', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('passes every project rule', () => {
    const result = projectRuleErrors(config, packageJson);
    expect(result.errors).toEqual([]);
    expect(result.checked.length).toBeGreaterThan(20);
  });

  it('sets the Electron fuses', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(section('electronFuses')).toMatchObject(REQUIRED_FUSES);
  });

  it('installs per user on Windows without elevation', () => {
    expect(section('nsis')).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
  });

  it('names every artifact in ASCII', () => {
    for (const name of [config['artifactName'], section('nsis')['artifactName'], section('portable')['artifactName']]) {
      expect(typeof name).toBe('string');
      expect(name as string).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(config['productName']).toBe('Mreza');
    expect(config['appId']).toBe('org.mreza.app');
  });

  it('the checks catch a broken config', () => {
    const broken = structuredClone(config);
    (broken['nsis'] as Record<string, Json>)['perMachine'] = true;
    (broken['electronFuses'] as Record<string, Json>)['runAsNode'] = true;
    broken['artifactName'] = 'Mreža-${version}.${ext}';
    const result = projectRuleErrors(broken, packageJson);
    expect(result.errors).toEqual(
      expect.arrayContaining(['NSIS perMachine is false (per-user install)', 'electronFuses.runAsNode is false', 'artifactName is set and ASCII']),
    );
    // A deb script of ours would drop electron-builder's AppArmor profile (Ubuntu 24.04+ would refuse the sandbox).
    const ownScript = structuredClone(config);
    ownScript['deb'] = { afterInstall: 'resources/linux/after-install.sh' };
    expect(projectRuleErrors(ownScript, packageJson).errors).toContain("deb keeps electron-builder's after-install (AppArmor profile for Ubuntu 24.04+)");
    // No update feed, or one over plain http: the installed app could not update (or be fed a fake installer).
    for (const publish of [undefined, { provider: 'generic', url: 'http://updates.mreza.hr/' }, { provider: 'generic' }] as Array<Json | undefined>) {
      const noFeed = structuredClone(config);
      if (publish === undefined) delete noFeed['publish'];
      else noFeed['publish'] = publish;
      expect(projectRuleErrors(noFeed, packageJson).errors).toContain('publish: one generic provider with an https url (electron-updater)');
    }
    const badSchema = structuredClone(config);
    (badSchema['electronFuses'] as Record<string, Json>)['notAFuse'] = true;
    badSchema['nsis'] = { oneClick: 'sometimes' };
    expect(schemaErrors(badSchema).length).toBeGreaterThan(0);
  });
});

describe('file associations (#19 item 3)', () => {
  it('register each of the five kinds with its extension, description, icons and MIME type', async () => {
    const { FILE_KINDS, FILE_KIND_EXTENSION } = await import('../../src/shared/files/kinds');
    const en = JSON.parse(readFileSync(join(ROOT, 'src/shared/i18n/resources/en/desktop.json'), 'utf8')) as { fileTypes: Record<string, string> };
    const associations = config['fileAssociations'] as { ext: string; name: string; description: string; icon: string; mimeType: string }[];
    expect(associations.map((a) => a.ext).sort()).toEqual(FILE_KINDS.map((k) => FILE_KIND_EXTENSION[k]).sort());
    for (const kind of FILE_KINDS) {
      const a = associations.find((x) => x.ext === FILE_KIND_EXTENSION[kind])!;
      expect(a.description, kind).toBe(en.fileTypes[kind]);
      expect(a.name, kind).toMatch(/^[A-Za-z]+$/); // a Windows ProgID and a macOS type name
      expect(a.mimeType, kind).toMatch(/^application\/x-mreza/);
      for (const ext of ['ico', 'icns']) {
        const icon = readFileSync(join(ROOT, 'resources', `${a.icon}.${ext}`));
        expect(icon.subarray(0, 4).toString('latin1'), `${a.icon}.${ext}`).toBe(ext === 'ico' ? '\0\0\u0001\0' : 'icns');
      }
    }
  });
});
