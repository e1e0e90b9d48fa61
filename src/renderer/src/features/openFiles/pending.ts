import { useEffect, useEffectEvent } from 'react';
import type { FileKind } from '@shared/files/kinds';
import type { DroppedFile } from '../../components/FileDropzone';

/*
 * A file opened from outside (a double-click, a second launch, a drop on the window) waits here
 * for the screen that shows its dry run: the router navigates there, the screen takes it. One per
 * kind: a newer one of the same kind replaces it.
 */
const pending = new Map<FileKind, DroppedFile>();
const listeners = new Set<() => void>();

export function offerOpenedFile(kind: FileKind, file: DroppedFile): void {
  pending.set(kind, file);
  for (const l of listeners) l();
}

function take(kind: FileKind): DroppedFile | undefined {
  const file = pending.get(kind);
  pending.delete(kind);
  return file;
}

/** Calls `onFile` with an opened file of this kind: one waiting when the screen mounts, or one that comes later. */
export function useOpenedFile(kind: FileKind, onFile: (file: DroppedFile) => void): void {
  const deliver = useEffectEvent(onFile);
  useEffect(() => {
    const check = () => {
      const file = take(kind);
      if (file) deliver(file);
    };
    check();
    listeners.add(check);
    return () => {
      listeners.delete(check);
    };
  }, [kind]);
}
