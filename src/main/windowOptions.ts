import type { BrowserWindowConstructorOptions } from 'electron';
import { windowSpellcheck, type SpellcheckPlatform } from './spellcheck.ts';

/** The window title; the product name proper, with its diacritic. */
export const WINDOW_TITLE = 'Mreža';

/** Matches the app's light background so the first paint does not flash. */
export const WINDOW_BACKGROUND = '#f8f9fa';

/**
 * Options for the one application window. Pure (given the platform) so each security flag is
 * proven by a unit test. The window stays hidden until `ready-to-show`, then main shows it.
 */
export function windowOptions(preloadPath: string, platform: SpellcheckPlatform = process.platform): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // A middle click (auxclick) on a link must not open anything; new windows are denied anyway.
      disableBlinkFeatures: 'Auxclick',
      // Only with the OS's own dictionaries (Windows, macOS); on Linux Chromium would download
      // Hunspell ones from Google's CDN. The session decides the rest (spellcheck.ts).
      spellcheck: windowSpellcheck(platform),
    },
  };
}

/**
 * The hidden window that renders the app's own printed documents to PDF (print:htmlToPdf): no
 * preload, no JavaScript (names typed by users are in the markup), sandboxed, never shown.
 */
export function offscreenWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      images: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  };
}
