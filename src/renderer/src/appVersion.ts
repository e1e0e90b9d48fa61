/** This Mreža's version (package.json, set at build in electron.vite.config.ts); undefined in tests that do not build. */
export const APP_VERSION: string | undefined = import.meta.env.VITE_APP_VERSION;
