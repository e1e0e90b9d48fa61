import { describe, expect, it } from 'vitest';
import { HEALTHY, nextBackupHealth } from '@shared/backup/health';

describe('nextBackupHealth: the failed-backup warning', () => {
  it('is raised by a failed automatic backup and kept through further failures, from the first one', () => {
    let h = nextBackupHealth(HEALTHY, { ok: false, reason: 'auto', at: '2026-03-01T09:00:00Z' });
    expect(h).toEqual({ failingSince: '2026-03-01T09:00:00Z', lastFailureAt: '2026-03-01T09:00:00Z' });
    h = nextBackupHealth(h, { ok: false, reason: 'quit', at: '2026-03-01T10:00:00Z' });
    expect(h).toEqual({ failingSince: '2026-03-01T09:00:00Z', lastFailureAt: '2026-03-01T10:00:00Z' });
  });

  it('is not cleared by a failed manual backup, only by one that succeeds, of any kind', () => {
    const failing = nextBackupHealth(HEALTHY, { ok: false, reason: 'auto', at: '2026-03-01T09:00:00Z' });
    expect(nextBackupHealth(failing, { ok: false, reason: 'manual', at: '2026-03-01T09:05:00Z' })).toBe(failing);
    expect(nextBackupHealth(failing, { ok: true, reason: 'manual' })).toEqual(HEALTHY);
    expect(nextBackupHealth(failing, { ok: true, reason: 'auto' })).toEqual(HEALTHY);
  });

  it('is not raised by a failed manual or safety backup (the person who asked sees that error)', () => {
    expect(nextBackupHealth(HEALTHY, { ok: false, reason: 'manual', at: 'x' })).toEqual(HEALTHY);
    expect(nextBackupHealth(HEALTHY, { ok: false, reason: 'before-restore', at: 'x' })).toEqual(HEALTHY);
  });
});
