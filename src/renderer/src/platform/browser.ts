import { backupFileName, type AppEvent, type Channel, type MrezaApi, type Request, type Response } from '@shared/ipc';
import { backupCreatedAt, backupFileNameFor, backupsToDelete } from '@shared/backup/rotation';

/**
 * The platform contract implemented with what a browser has, for the web preview and the
 * end-to-end tests: the Origin Private File System stands in for the app's data folder,
 * downloads for save dialogs, a file input for open dialogs and window.print for PDF.
 */
type Handlers = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

async function backupDir(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('backups', { create: true });
}

async function backupNames(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
    if (backupFileName.safeParse(name).success) names.push(name);
  }
  return names.sort().reverse();
}

function download(fileName: string, data: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>]));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** The browser build has no updater: updates come with the desktop app. */
const NO_UPDATES = {
  supported: false,
  autoCheck: false,
  currentVersion: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
  lastCheckAt: null,
  state: { status: 'idle' as const },
};

const NO_FOLDER = { supported: false, folder: null, lastCopy: null, lastError: null };

const handlers: Handlers = {
  'app:info': async () => ({ version: import.meta.env.VITE_APP_VERSION ?? '0.0.0', platform: 'web', locales: [...navigator.languages], isElectron: false }),
  'backup:write': async ({ reason, data }) => {
    const dir = await backupDir();
    const fileName = backupFileNameFor(reason, new Date());
    const handle = await dir.getFileHandle(fileName, { create: true });
    const writable = await handle.createWritable();
    await writable.write(data as Uint8Array<ArrayBuffer>);
    await writable.close();
    for (const old of backupsToDelete(await backupNames(dir))) await dir.removeEntry(old);
    return { fileName, createdAt: backupCreatedAt(fileName), size: data.byteLength };
  },
  'backup:list': async () => {
    const dir = await backupDir();
    const out = [];
    for (const fileName of await backupNames(dir)) {
      const file = await (await dir.getFileHandle(fileName)).getFile();
      out.push({ fileName, createdAt: backupCreatedAt(fileName), size: file.size });
    }
    return out;
  },
  'backup:read': async ({ fileName }) => {
    const dir = await backupDir();
    const file = await (await dir.getFileHandle(backupFileName.parse(fileName))).getFile();
    return new Uint8Array(await file.arrayBuffer());
  },
  'backup:deleteAll': async () => {
    const root = await navigator.storage.getDirectory();
    let deleted = 0;
    try {
      deleted = (await backupNames(await root.getDirectoryHandle('backups'))).length;
      await root.removeEntry('backups', { recursive: true });
    } catch (e) {
      if ((e as DOMException).name !== 'NotFoundError') throw e;
    }
    return { deleted };
  },
  // A browser tab cannot write to a folder of the user's choosing: the desktop app can.
  'backupFolder:get': async () => NO_FOLDER,
  'backupFolder:choose': async () => ({ status: 'unsupported' }),
  'backupFolder:forget': async () => NO_FOLDER,
  'file:save': async ({ suggestedName, data }) => {
    download(suggestedName, data);
    return { fileName: suggestedName };
  },
  'file:open': async ({ filters, multiple }) => {
    const accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    const files = await pickFiles(accept, multiple);
    return Promise.all(files.map(async (f) => ({ fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
  },
  'print:pdf': async ({ suggestedName }) => {
    window.print();
    return { fileName: suggestedName };
  },
  // The browser cannot render a PDF without a print dialog: the evidence pack keeps HTML and says so.
  'print:htmlToPdf': async () => null,
  'print:print': async () => {
    window.print();
    return true;
  },
  // The browser has no application menu to translate.
  'app:setLocale': async () => false,
  // A browser tab is never handed a file by the OS: files come in by drag and drop or the picker.
  'file:takeOpened': async () => [],
  // No log files in a browser tab: the console is its log.
  'log:write': async ({ level, message }) => {
    console[level](message);
    return true;
  },
  'app:openLogsFolder': async () => false,
  'app:quitReady': async () => true,
  'updates:get': async () => NO_UPDATES,
  'updates:setAutoCheck': async () => NO_UPDATES,
  'updates:check': async () => NO_UPDATES,
  'updates:download': async () => NO_UPDATES,
  'updates:restart': async () => false,
};

export function createBrowserPlatform(): MrezaApi {
  return {
    invoke: <C extends Channel>(channel: C, request: Request<C>) => (handlers[channel] as (r: Request<C>) => Promise<Response<C>>)(request),
    // A browser tab gets no quit-time event it could wait on; the daily backup covers it.
    on: (_event: AppEvent, _listener: () => void) => () => undefined,
  };
}
