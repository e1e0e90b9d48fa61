import { describe, expect, it } from 'vitest';
import { offscreenWindowOptions, windowOptions } from '../../src/main/windowOptions';

describe('windowOptions', () => {
  const options = windowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webview and insecure content', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.webviewTag).toBe(false);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('enables no Blink feature and turns off auxclick (middle-click opening links)', () => {
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.disableBlinkFeatures).toBe('Auxclick');
  });

  it('sets nothing that weakens the defaults (every webPreferences key is on a reviewed list)', () => {
    expect(Object.keys(web).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('never lets the spellchecker reach the network: on only with the OS’s local dictionaries (Windows, macOS), off on Linux (Electron fetches Hunspell dictionaries from a Google CDN)', () => {
    expect(web.spellcheck).toBe(process.platform === 'win32' || process.platform === 'darwin');
    expect(windowOptions('/p', 'linux').webPreferences?.spellcheck).toBe(false);
    expect(windowOptions('/p', 'win32').webPreferences?.spellcheck).toBe(true);
    expect(windowOptions('/p', 'darwin').webPreferences?.spellcheck).toBe(true);
  });

  it('uses the preload path it is given', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(windowOptions('/elsewhere.cjs').webPreferences?.preload).toBe('/elsewhere.cjs');
  });

  it('has the product title, a sensible size and stays hidden until ready-to-show', () => {
    expect(options.title).toBe('Mreža');
    expect(options.width).toBe(1280);
    expect(options.height).toBe(820);
    expect(options.minWidth).toBeGreaterThan(0);
    expect(options.minWidth).toBeLessThanOrEqual(1280);
    expect(options.minHeight).toBeGreaterThan(0);
    expect(options.minHeight).toBeLessThanOrEqual(820);
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('returns a fresh object each call (no shared mutable state)', () => {
    const a = windowOptions('/p');
    const b = windowOptions('/p');
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});

describe('offscreenWindowOptions (print:htmlToPdf)', () => {
  const options = offscreenWindowOptions();
  it('renders typed names without running anything: no JavaScript, no preload, sandboxed, never shown', () => {
    expect(options.show).toBe(false);
    expect(options.webPreferences?.javascript).toBe(false);
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.sandbox).toBe(true);
    expect(options.webPreferences?.nodeIntegration).toBe(false);
    expect(options.webPreferences?.spellcheck).toBe(false);
  });
});
