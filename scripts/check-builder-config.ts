// Checks electron-builder.yml: first against app-builder-lib's own JSON schema (the same ajv
// options electron-builder uses), then against this project's packaging and security rules.
// Run: node scripts/check-builder-config.ts   (Node 24 strips the types; exits 1 on any error)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

interface YamlModule {
  load(text: string): unknown;
}
interface AjvError {
  instancePath: string;
  message?: string;
}
interface AjvValidate {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: unknown): AjvValidate;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;

export const ROOT = resolve(import.meta.dirname, '..');
export const CONFIG_PATH = join(ROOT, 'electron-builder.yml');

/** Loads ajv and js-yaml from app-builder-lib's own dependencies, so the versions match. */
function builderRequire(): NodeJS.Require {
  const rootRequire = createRequire(join(ROOT, 'package.json'));
  return createRequire(rootRequire.resolve('app-builder-lib/package.json'));
}

export function loadBuilderConfig(path: string = CONFIG_PATH): JsonObject {
  const yaml = builderRequire()('js-yaml') as YamlModule;
  const loaded = yaml.load(readFileSync(path, 'utf8'));
  if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) throw new Error(`${path} is not a mapping`);
  return loaded as JsonObject;
}

/** Schema errors from app-builder-lib/scheme.json; empty when the config is valid. */
export function schemaErrors(config: JsonObject): string[] {
  const req = builderRequire();
  const schemaPath = join(dirname(req.resolve('app-builder-lib/package.json')), 'scheme.json');
  const schema: unknown = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajvModule = req('ajv') as { default: AjvConstructor };
  const ajv = new ajvModule.default({ allErrors: true, verbose: false, coerceTypes: false, strict: false });
  const validate = ajv.compile(schema);
  // Validate a copy: ajv may coerce in place.
  if (validate(structuredClone(config))) return [];
  return (validate.errors ?? []).map((e) => `schema: ${e.instancePath || '(root)'} ${e.message ?? 'invalid'}`);
}

function get(obj: Json | undefined, path: string): Json | undefined {
  let cur: Json | undefined = obj;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function targetNames(config: JsonObject, platform: string): string[] {
  const target = get(config, `${platform}.target`);
  const list = Array.isArray(target) ? target : target === undefined ? [] : [target];
  return list.map((t) => (typeof t === 'string' ? t : String(get(t, 'target')))).map((t) => t.toLowerCase());
}

export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

export interface CheckResult {
  readonly checked: string[];
  readonly errors: string[];
  readonly warnings: string[];
}

const ASCII_NAME = /^[\x20-\x7e]+$/;

/** The project's rules for the packaged app. Pure over the parsed config and package.json. */
export function projectRuleErrors(config: JsonObject, packageJson: JsonObject, root: string = ROOT): CheckResult {
  const checked: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const expect = (what: string, ok: boolean): void => {
    checked.push(what);
    if (!ok) errors.push(what);
  };

  expect('appId is org.mreza.app', get(config, 'appId') === 'org.mreza.app');
  expect('productName is Mreza (ASCII)', get(config, 'productName') === 'Mreza');
  const files = get(config, 'files');
  expect('files are exactly out/** and package.json', Array.isArray(files) && files.length === 2 && files.includes('out/**') && files.includes('package.json'));
  expect('asar is not disabled', get(config, 'asar') !== false);

  for (const key of ['artifactName', 'nsis.artifactName', 'portable.artifactName']) {
    const name = get(config, key);
    expect(`${key} is set and ASCII`, typeof name === 'string' && ASCII_NAME.test(name) && name.startsWith('Mreza-${version}-${os}-${arch}'));
  }
  expect('installer and portable .exe names differ', get(config, 'nsis.artifactName') !== get(config, 'portable.artifactName'));

  expect('NSIS oneClick is false', get(config, 'nsis.oneClick') === false);
  expect('NSIS perMachine is false (per-user install)', get(config, 'nsis.perMachine') === false);
  expect('NSIS allowElevation is false', get(config, 'nsis.allowElevation') === false);
  const level = get(config, 'portable.requestExecutionLevel');
  expect('portable asks for no elevation', level === undefined || level === 'user');

  const win = targetNames(config, 'win');
  expect('Windows targets: nsis and portable', win.includes('nsis') && win.includes('portable'));
  const linux = targetNames(config, 'linux');
  expect('Linux targets: AppImage and deb', linux.includes('appimage') && linux.includes('deb'));
  expect('macOS target: dmg', targetNames(config, 'mac').includes('dmg'));

  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    expect(`electronFuses.${fuse} is ${value}`, get(config, `electronFuses.${fuse}`) === value);
  }

  const iconPath = join(root, 'resources', 'icon.png');
  let iconOk: boolean;
  try {
    const png = readFileSync(iconPath);
    iconOk = png.subarray(1, 4).toString('ascii') === 'PNG' && png.readUInt32BE(16) >= 512 && png.readUInt32BE(20) >= 512;
  } catch {
    iconOk = false;
  }
  expect('resources/icon.png is a PNG of at least 512x512', iconOk);
  for (const platform of ['win', 'linux', 'mac']) {
    const icon = get(config, `${platform}.icon`);
    expect(`${platform}.icon is resources/icon.png`, icon === 'resources/icon.png');
  }

  // electron-builder's own after-install script installs the AppArmor profile that lets the deb
  // start with Chromium's sandbox on Ubuntu 24.04+; a script of ours would replace it.
  expect("deb keeps electron-builder's after-install (AppArmor profile for Ubuntu 24.04+)", get(config, 'deb.afterInstall') === undefined);
  let appImageProfile = '';
  try {
    appImageProfile = readFileSync(join(root, 'resources', 'linux', 'mreza-appimage.apparmor'), 'utf8');
  } catch {
    // reported below
  }
  expect(
    'resources/linux/mreza-appimage.apparmor allows user namespaces for the AppImage only',
    /profile mreza-appimage \/tmp\/\.mount_Mreza\*\/mreza /.test(appImageProfile) && /^\s*userns,/m.test(appImageProfile),
  );

  // Updates (#19 item 1): electron-updater reads app-update.yml, written from `publish`. One generic
  // provider over https; the address itself comes from package.json "updateUrl" at release time.
  const publish = get(config, 'publish');
  const providers = Array.isArray(publish) ? publish : publish === undefined ? [] : [publish];
  expect(
    'publish: one generic provider with an https url (electron-updater)',
    providers.length === 1 && get(providers[0], 'provider') === 'generic' && /^https:\/\/[^\s/]+\.[^\s]+$/.test(String(get(providers[0], 'url'))),
  );

  // The deb target needs a homepage and a maintainer e-mail; electron-builder fails without them.
  const homepage = get(config, 'extraMetadata.homepage') ?? get(packageJson, 'homepage');
  const author = get(packageJson, 'author');
  const email = get(config, 'linux.maintainer') ?? (typeof author === 'object' ? get(author, 'email') : undefined);
  if (homepage === undefined) warnings.push('deb: package.json has no "homepage" (electron-builder will refuse the deb target)');
  if (email === undefined) warnings.push('deb: no author e-mail in package.json and no linux.maintainer (electron-builder will refuse the deb target)');

  return { checked, errors, warnings };
}

function main(): void {
  const config = loadBuilderConfig();
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as JsonObject;
  const schema = schemaErrors(config);
  console.log(`electron-builder.yml against app-builder-lib/scheme.json: ${schema.length === 0 ? 'valid' : 'INVALID'}`);
  const rules = projectRuleErrors(config, packageJson);
  for (const what of rules.checked) console.log(`  ${rules.errors.includes(what) ? 'FAIL' : 'ok  '} ${what}`);
  for (const w of rules.warnings) console.log(`  warn ${w}`);
  const errors = [...schema, ...rules.errors];
  if (errors.length > 0) {
    console.error(`\n${errors.length} problem(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(`\nAll ${rules.checked.length + 1} checks passed.`);
  }
}

if (import.meta.main) main();
