import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FolderCopy } from '@shared/ipc';
import { getSettings } from '../../src/renderer/src/db/settings';
import { giveKeyring, withSetUpDb } from '../fixtures/testDb';

/** #15 item 3: a backup copy that did not reach the chosen folder is never silent. */

let folderCopy: FolderCopy | undefined;
vi.mock('../../src/renderer/src/platform', () => ({
  platform: {
    invoke: async (channel: string) => {
      if (channel !== 'backup:write') throw new Error(`unexpected ${channel}`);
      return {
        fileName: 'mreza-backup-20261123T090102123Z-auto.json.gz',
        createdAt: '2026-11-23T09:01:02.123Z',
        size: 10,
        ...(folderCopy ? { folderCopy } : {}),
      };
    },
    on: () => () => undefined,
  },
  isElectron: true,
}));
const { onBackupProblem, writeBackup } = await import('../../src/renderer/src/features/backups/actions');

afterEach(() => {
  folderCopy = undefined;
});

describe('writeBackup and the chosen backup folder', () => {
  it('a failed copy (the stick was pulled out) is reported to the app; the backup itself counts as made', async () => {
    await withSetUpDb(async (db, { user }) => {
      await giveKeyring(db, user); // backups are encrypted with the signed-in data key
      const seen: unknown[] = [];
      const off = onBackupProblem((p) => seen.push(p));
      folderCopy = { ok: false, code: 'folderMissing' };
      const info = await writeBackup(db, 'auto');
      off();
      expect(info.folderCopy).toEqual({ ok: false, code: 'folderMissing' });
      expect(seen).toEqual([{ kind: 'folderCopy', code: 'folderMissing' }]);
      expect((await getSettings(db))?.lastAutoBackupAt).toBe('2026-11-23T09:01:02.123Z');
    });
  });

  it('a copy that worked, or no folder at all, reports nothing', async () => {
    await withSetUpDb(async (db, { user, actor }) => {
      await giveKeyring(db, user); // backups are encrypted with the signed-in data key
      const seen: unknown[] = [];
      const off = onBackupProblem((p) => seen.push(p));
      folderCopy = { ok: true };
      await writeBackup(db, 'manual', actor);
      folderCopy = undefined;
      await writeBackup(db, 'quit');
      off();
      expect(seen).toEqual([]);
    });
  });
});
