// What a release build will do on this machine, decided from the environment before anything is
// built (#19 items 2 and 6): which installers get signed and how, macOS notarisation, and the
// identity (homepage, maintainer) the deb and the About box carry. Pure: tested in
// tests/main/release-plan.test.ts; `npm run release -- --dry-run` prints it.
import type { JsonObject } from '../check-builder-config.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ReleasePlan {
  windows: 'azure-trusted-signing' | 'certificate' | 'unsigned';
  mac: 'notarised' | 'signed-not-notarised' | 'unsigned';
  homepage: string;
  maintainer: string;
  /** The generic update feed the installed app asks (after the user opted in). */
  updateUrl: string;
  /** Merged over electron-builder.yml for this build. */
  overrides: JsonObject;
  /** What is missing or wrong, in plain words; `blocking` ones stop a release. */
  notes: Array<{ blocking: boolean; text: string }>;
}

/** The variables Azure Trusted Signing needs (the service principal electron-builder signs with). */
export const AZURE_ENV = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const;
/** Where the Trusted Signing account is: not secrets, but the account's names. */
export const AZURE_ACCOUNT_ENV = ['MREZA_AZURE_ENDPOINT', 'MREZA_AZURE_ACCOUNT', 'MREZA_AZURE_PROFILE', 'MREZA_AZURE_PUBLISHER'] as const;
/** One of the three ways @electron/notarize accepts credentials. */
export const NOTARY_ENV = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
] as const;

/** Addresses that are placeholders, never a real project's (RFC 2606 names and the like). */
const PLACEHOLDER = /(^|[.@/])(example\.(org|com|net)|localhost|invalid|test)([/:]|$)/i;

const has = (env: Env, names: readonly string[]) => names.every((n) => (env[n] ?? '').trim() !== '');

/**
 * The plan for a release build. Identity comes from one place: package.json's `homepage` and
 * `author` ({ name, email }), overridable per build with MREZA_HOMEPAGE and MREZA_MAINTAINER
 * ("Name <e-mail>"), so each partner network can release under its own name.
 */
export function releasePlan(env: Env, packageJson: JsonObject): ReleasePlan {
  const notes: ReleasePlan['notes'] = [];
  const overrides: JsonObject = {};

  let windows: ReleasePlan['windows'] = 'unsigned';
  if (has(env, AZURE_ENV) && has(env, AZURE_ACCOUNT_ENV)) {
    windows = 'azure-trusted-signing';
    overrides.win = {
      azureSignOptions: {
        endpoint: env.MREZA_AZURE_ENDPOINT!,
        codeSigningAccountName: env.MREZA_AZURE_ACCOUNT!,
        certificateProfileName: env.MREZA_AZURE_PROFILE!,
        publisherName: env.MREZA_AZURE_PUBLISHER!,
      },
    };
  } else if (has(env, ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) || has(env, ['CSC_LINK', 'CSC_KEY_PASSWORD'])) {
    windows = 'certificate'; // electron-builder reads (WIN_)CSC_LINK / (WIN_)CSC_KEY_PASSWORD itself
  } else {
    const partial = [...AZURE_ENV, ...AZURE_ACCOUNT_ENV].filter((n) => env[n]);
    notes.push({
      blocking: false,
      text:
        'Windows installers will be UNSIGNED: SmartScreen warns and Smart App Control blocks them. ' +
        `Set ${[...AZURE_ENV, ...AZURE_ACCOUNT_ENV].join(', ')} (Azure Trusted Signing) or WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD (a .pfx certificate).` +
        (partial.length ? ` Only ${partial.join(', ')} are set.` : ''),
    });
  }

  const notary = NOTARY_ENV.some((set) => has(env, set));
  const macIdentity = has(env, ['CSC_LINK', 'CSC_KEY_PASSWORD']) || has(env, ['CSC_NAME']);
  const mac: ReleasePlan['mac'] = macIdentity ? (notary ? 'notarised' : 'signed-not-notarised') : 'unsigned';
  overrides.mac = { notarize: mac === 'notarised' };
  if (mac !== 'notarised')
    notes.push({
      blocking: false,
      text:
        mac === 'unsigned'
          ? 'macOS build will be UNSIGNED and not notarised: Gatekeeper refuses to open it. Set CSC_LINK and CSC_KEY_PASSWORD (a Developer ID certificate) and one of: APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, APPLE_KEYCHAIN + APPLE_KEYCHAIN_PROFILE.'
          : 'macOS build will be signed but NOT notarised: set APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER (or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID).',
    });

  const author = packageJson.author;
  const authorName = typeof author === 'object' && author && !Array.isArray(author) && typeof author.name === 'string' ? author.name : '';
  const authorEmail = typeof author === 'object' && author && !Array.isArray(author) && typeof author.email === 'string' ? author.email : '';
  const homepage = (env.MREZA_HOMEPAGE ?? (typeof packageJson.homepage === 'string' ? packageJson.homepage : '')).trim();
  const maintainer = (env.MREZA_MAINTAINER ?? (authorName && authorEmail ? `${authorName} <${authorEmail}>` : '')).trim();
  if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(homepage) || PLACEHOLDER.test(homepage))
    notes.push({ blocking: true, text: `The homepage "${homepage}" is not a real https address: set package.json "homepage" or MREZA_HOMEPAGE.` });
  if (!/^[^<>]+ <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(maintainer) || PLACEHOLDER.test(maintainer.replace(/.*</, '').replace('>', '')))
    notes.push({
      blocking: true,
      text: `The maintainer "${maintainer}" is not a real "Name <e-mail>": set package.json "author" { name, email } or MREZA_MAINTAINER.`,
    });
  overrides.extraMetadata = { homepage };
  overrides.linux = { maintainer };

  // The update feed, from the same place: package.json "updateUrl", per build MREZA_UPDATE_URL.
  const updateUrl = (env.MREZA_UPDATE_URL ?? (typeof packageJson.updateUrl === 'string' ? packageJson.updateUrl : '')).trim();
  if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(updateUrl))
    notes.push({ blocking: true, text: `The update address "${updateUrl}" is not an https address: set package.json "updateUrl" or MREZA_UPDATE_URL.` });
  else if (PLACEHOLDER.test(updateUrl))
    notes.push({
      blocking: false,
      text: `The update address "${updateUrl}" is a placeholder: installed apps that opt in to updates will report that the update server cannot be reached. Set package.json "updateUrl" or MREZA_UPDATE_URL.`,
    });
  overrides.publish = { provider: 'generic', url: updateUrl };

  return { windows, mac, homepage, maintainer, updateUrl, overrides, notes };
}

/** `overrides` laid over the loaded electron-builder.yml (objects merged key by key, the rest replaced). */
export function mergeConfig(base: JsonObject, overrides: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const prev = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? mergeConfig(prev, value)
        : value;
  }
  return out;
}
