import { notifications } from '@mantine/notifications';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FILE_KIND_EXTENSION, FILE_KINDS, fileKindOf } from '@shared/files/kinds';
import { openRouteFor } from '@shared/files/openRoute';
import type { OpenedFile } from '@shared/ipc';
import type { ActorRole } from '@shared/auth/permissions';
import { platform } from '../../platform';
import { offerOpenedFile } from './pending';

/**
 * Mounted with the signed-in shell only, so a file opened while the app is locked waits (in main's
 * queue) until sign-in. Takes what main holds at once and whenever main says more came, and takes
 * files dropped anywhere on the window outside a drop zone; each goes to its dry-run screen.
 */
export function useOpenedFileRouting(who: { role: ActorRole; orgRole: string; mentorMode: boolean }): void {
  const { t } = useTranslation('desktop');
  const navigate = useNavigate();

  const route = useEffectEvent((file: OpenedFile) => {
    const title = t('openFile.title', { fileName: file.fileName });
    if ('problem' in file) {
      notifications.show({ color: 'red', autoClose: false, title, message: t(`openFile.problem.${file.problem}`) });
      return;
    }
    const target = openRouteFor(file.kind, who);
    if ('refused' in target) {
      notifications.show({ color: 'orange', autoClose: false, title, message: t(`openFile.refused.${target.refused}`) });
      return;
    }
    offerOpenedFile(file.kind, { fileName: file.fileName, data: file.data });
    void navigate(target.path);
  });
  const refuseType = useEffectEvent((fileName: string) => {
    const extensions = FILE_KINDS.map((k) => `.${FILE_KIND_EXTENSION[k]}`).join(', ');
    notifications.show({ color: 'red', title: t('openFile.title', { fileName }), message: t('drop.wrongType', { fileName, extensions }) });
  });

  useEffect(() => {
    let live = true;
    const pull = () =>
      void platform
        .invoke('file:takeOpened', undefined)
        .then((files) => live && files.forEach((f) => route(f)))
        .catch((e: unknown) => console.error('opened files could not be taken', e));
    pull();
    const off = platform.on('app:fileOpened', pull);

    const isFileDrag = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (e: DragEvent) => {
      if (isFileDrag(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!isFileDrag(e)) return;
      // Never let the browser open the file itself. A drop zone handles what lands on it.
      e.preventDefault();
      if (e.target instanceof Element && e.target.closest('[data-file-dropzone]')) return;
      for (const f of [...(e.dataTransfer?.files ?? [])]) {
        const kind = fileKindOf(f.name);
        if (kind === null) {
          refuseType(f.name);
          continue;
        }
        void f.arrayBuffer().then((buf) => route({ kind, fileName: f.name, data: new Uint8Array(buf) }));
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      live = false;
      off();
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
