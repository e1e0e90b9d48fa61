import type { SenderLike } from '../ipc';
import { saveWithDialog, type FileHandlerDeps } from './files';

export const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

/** The OS print dialog for the sender's page (A4, backgrounds on); resolves false when the user cancels. */
export function printDirect(sender: SenderLike, request: { landscape: boolean }): Promise<boolean> {
  return new Promise((resolve) => sender.print({ pageSize: 'A4', printBackground: true, landscape: request.landscape }, (success) => resolve(success)));
}

/** Renders the sender's page as A4 PDF (backgrounds on), then asks where to save it. */
export async function printToPdf(
  deps: Pick<FileHandlerDeps, 'dialog' | 'fs' | 'defaultDir'>,
  sender: SenderLike,
  request: { suggestedName: string; landscape: boolean },
): Promise<{ fileName: string } | null> {
  const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, landscape: request.landscape });
  const name = /\.pdf$/i.test(request.suggestedName) ? request.suggestedName : `${request.suggestedName}.pdf`;
  return saveWithDialog(deps, name, PDF_FILTERS, pdf);
}

/** A window that renders HTML offscreen (Electron's BrowserWindow in index.ts; a fake in tests). */
export interface OffscreenPage {
  loadFile(path: string): Promise<void>;
  printToPDF(options: { pageSize: 'A4'; printBackground: boolean; landscape: boolean }): Promise<Uint8Array>;
  destroy(): void;
}

/** A private temporary file for the document (a data: URL is capped at 2 MB, and logos are inline). */
export interface TempFiles {
  write(contents: Uint8Array): Promise<string>;
  remove(path: string): Promise<void>;
}

/**
 * The evidence pack's sign-in sheets as PDF (#17 part 6): the app's own printed markup, rendered in
 * a hidden window made by `openPage` with JavaScript off and no preload (offscreenWindowOptions),
 * so the typed names in it can run nothing; the window and the file go whatever happens.
 */
export async function htmlToPdf(openPage: () => OffscreenPage, temp: TempFiles, request: { html: Uint8Array }): Promise<Uint8Array> {
  const path = await temp.write(request.html);
  const page = openPage();
  try {
    await page.loadFile(path);
    return await page.printToPDF({ pageSize: 'A4', printBackground: true, landscape: false });
  } finally {
    page.destroy();
    await temp.remove(path);
  }
}
