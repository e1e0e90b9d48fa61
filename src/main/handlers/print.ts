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
