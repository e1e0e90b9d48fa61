import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, ROOT, schemaErrors, type JsonObject } from '../../scripts/check-builder-config';
import { mergeConfig, releasePlan, type Env } from '../../scripts/release/plan';
import { dataDirOverride, PORTABLE_DATA_FOLDER } from '../../src/main/dataDir';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as JsonObject;
const REAL = { MREZA_HOMEPAGE: 'https://mreza.zenska-mreza.hr', MREZA_MAINTAINER: 'Ženska mreža <tehnika@zenska-mreza.hr>' };
const AZURE = {
  AZURE_TENANT_ID: 't',
  AZURE_CLIENT_ID: 'c',
  AZURE_CLIENT_SECRET: 's',
  MREZA_AZURE_ENDPOINT: 'https://weu.codesigning.azure.net',
  MREZA_AZURE_ACCOUNT: 'mreza',
  MREZA_AZURE_PROFILE: 'mreza-public',
  MREZA_AZURE_PUBLISHER: 'Mreža project',
};
const merged = (env: Env) => mergeConfig(loadBuilderConfig(), releasePlan(env, pkg).overrides);

// ajv compiles app-builder-lib's whole schema for each check: seconds on a loaded machine.
describe('a release build says what it will sign (#19 item 2)', { timeout: 120_000 }, () => {
  it('without secrets: unsigned on Windows and macOS, with the variables to set named, and still a valid config', () => {
    const plan = releasePlan(REAL, pkg);
    expect(plan.windows).toBe('unsigned');
    expect(plan.mac).toBe('unsigned');
    const text = plan.notes.map((n) => n.text).join('\n');
    expect(text).toMatch(/Windows installers will be UNSIGNED.*AZURE_CLIENT_SECRET.*WIN_CSC_LINK/s);
    expect(text).toMatch(/macOS build will be UNSIGNED.*APPLE_API_KEY_ID/s);
    expect(plan.notes.every((n) => !n.blocking)).toBe(true);
    expect(schemaErrors(merged(REAL))).toEqual([]);
  });

  it('Azure Trusted Signing when the service principal and the account are set; the config electron-builder gets is schema-valid', () => {
    const plan = releasePlan({ ...REAL, ...AZURE }, pkg);
    expect(plan.windows).toBe('azure-trusted-signing');
    const config = merged({ ...REAL, ...AZURE });
    expect((config.win as JsonObject).azureSignOptions).toEqual({
      endpoint: AZURE.MREZA_AZURE_ENDPOINT,
      codeSigningAccountName: 'mreza',
      certificateProfileName: 'mreza-public',
      publisherName: 'Mreža project',
    });
    // The yml's own win settings survive the merge.
    expect((config.win as JsonObject).icon).toBe('resources/icon.png');
    expect(schemaErrors(config)).toEqual([]);
  });

  it('a half-configured Azure account is named, not silently ignored', () => {
    const plan = releasePlan({ ...REAL, AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }, pkg);
    expect(plan.windows).toBe('unsigned');
    expect(plan.notes.map((n) => n.text).join()).toContain('Only AZURE_TENANT_ID, AZURE_CLIENT_ID are set');
  });

  it('a .pfx certificate from the environment; macOS notarised only with a Developer ID and notary credentials', () => {
    expect(releasePlan({ ...REAL, WIN_CSC_LINK: 'cert.pfx', WIN_CSC_KEY_PASSWORD: 'x' }, pkg).windows).toBe('certificate');
    const signed = { ...REAL, CSC_LINK: 'id.p12', CSC_KEY_PASSWORD: 'x' };
    expect(releasePlan(signed, pkg).mac).toBe('signed-not-notarised');
    const notarised = releasePlan({ ...signed, APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }, pkg);
    expect(notarised.mac).toBe('notarised');
    expect((notarised.overrides.mac as JsonObject).notarize).toBe(true);
    expect((releasePlan(signed, pkg).overrides.mac as JsonObject).notarize).toBe(false);
  });
});

describe('the deb carries a real homepage and maintainer from one place (#19 item 6)', { timeout: 120_000 }, () => {
  it('placeholders (example.org, localhost, none) stop a release, each with the setting that fixes it', () => {
    for (const env of [
      {},
      { MREZA_HOMEPAGE: 'https://mreza.example.org', MREZA_MAINTAINER: 'Mreža <info@mreza.example.org>' },
      { MREZA_HOMEPAGE: 'http://localhost', MREZA_MAINTAINER: 'nobody' },
    ]) {
      const blocking = releasePlan(env, pkg).notes.filter((n) => n.blocking);
      expect(blocking.map((n) => n.text).join('\n')).toMatch(/MREZA_HOMEPAGE[\s\S]*MREZA_MAINTAINER/);
    }
  });

  it('the environment overrides package.json, and the values reach linux.maintainer and the homepage', () => {
    const config = merged(REAL);
    expect((config.linux as JsonObject).maintainer).toBe(REAL.MREZA_MAINTAINER);
    expect((config.extraMetadata as JsonObject).homepage).toBe(REAL.MREZA_HOMEPAGE);
    expect(releasePlan(REAL, pkg).notes.filter((n) => n.blocking)).toEqual([]);
  });

  it('the update feed comes from package.json "updateUrl" or MREZA_UPDATE_URL into publish; a placeholder is named, plain http stops (#19 item 1)', () => {
    expect(typeof pkg.updateUrl).toBe('string');
    expect((merged(REAL).publish as JsonObject).url).toBe(pkg.updateUrl);
    const own = { ...REAL, MREZA_UPDATE_URL: 'https://downloads.zenska-mreza.hr/mreza/' };
    expect(merged(own).publish).toEqual({ provider: 'generic', url: own.MREZA_UPDATE_URL });
    expect(
      releasePlan(own, pkg)
        .notes.map((n) => n.text)
        .join('\n'),
    ).not.toMatch(/update address/);
    expect(schemaErrors(merged(own))).toEqual([]);
    const placeholder = releasePlan(REAL, pkg).notes.find((n) => /update address/.test(n.text));
    expect(placeholder).toMatchObject({ blocking: false });
    expect(placeholder!.text).toMatch(/MREZA_UPDATE_URL/);
    expect(releasePlan({ ...REAL, MREZA_UPDATE_URL: 'http://downloads.zenska-mreza.hr/' }, pkg).notes.filter((n) => n.blocking)).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/not an https address/) }),
    ]);
  });

  it('npm run release -- --dry-run stops on placeholders and passes with a real identity, building nothing', () => {
    const run = (env: Env) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ['scripts/release.ts', '--dry-run'], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }),
        };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    const stopped = run({ MREZA_HOMEPAGE: 'https://mreza.example.org' });
    expect(stopped.code).toBe(1);
    expect(stopped.out).toContain('No release built');
    const ok = run(REAL);
    expect(ok.out).toContain('Windows:    unsigned');
    expect(ok.code).toBe(0);
  });
});

describe('the portable build keeps its data beside its .exe (#19 item 6)', () => {
  it('PORTABLE_EXECUTABLE_DIR (set by the portable launcher) puts the data in Mreza-data beside the .exe', () => {
    const dir = process.platform === 'win32' ? 'E:\\Mreza' : '/media/usb/Mreza';
    expect(dataDirOverride({ PORTABLE_EXECUTABLE_DIR: dir })).toBe(join(dir, PORTABLE_DATA_FOLDER));
  });
  it('an installed app keeps the OS default; a relative or empty path is ignored; MREZA_DATA_DIR wins', () => {
    expect(dataDirOverride({})).toBeUndefined();
    expect(dataDirOverride({ PORTABLE_EXECUTABLE_DIR: 'relative/dir', MREZA_DATA_DIR: ' ' })).toBeUndefined();
    const abs = process.platform === 'win32' ? 'D:\\data' : '/srv/mreza';
    expect(dataDirOverride({ MREZA_DATA_DIR: abs, PORTABLE_EXECUTABLE_DIR: '/media/usb' })).toBe(abs);
  });
});
