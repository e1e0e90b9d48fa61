import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { can, canAll, grantOf, PERMISSION_TABLE, PERMISSIONS, settingsPermission, type ActorRole, type Grant } from '@shared/auth/permissions';

const COLUMNS: ActorRole[] = ['coordinator', 'staff', 'mentor', 'viewer', 'system'];

/** The roles table of docs/security.md, as permission → role → grant. */
function documented(): Record<string, Record<ActorRole, Grant | null>> {
  const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Roles: who may do what'), doc.indexOf('## Erasure and the audit log'));
  const out: Record<string, Record<ActorRole, Grant | null>> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`(\w+)`$/.exec(cells[2] ?? '')?.[1];
    if (!code) continue;
    const grants = cells.slice(3, 3 + COLUMNS.length).map((c) => (c === 'all' ? 'all' : c === 'own' ? 'own' : c === '–' ? null : `?${c}`));
    out[code] = Object.fromEntries(COLUMNS.map((r, i) => [r, grants[i]])) as Record<ActorRole, Grant | null>;
  }
  return out;
}

describe('the permission table', () => {
  it('docs/security.md states exactly what the code enforces', () => {
    const code = Object.fromEntries(PERMISSIONS.map((p) => [p, Object.fromEntries(COLUMNS.map((r) => [r, grantOf(r, p)]))]));
    expect(documented()).toEqual(code);
  });

  it('denies by default: no role, an unknown role, a permission not listed', () => {
    expect(can(undefined, 'readPeople')).toBe(false);
    expect(can('nobody' as ActorRole, 'readPeople')).toBe(false);
    expect(PERMISSION_TABLE.viewer.readPeople).toBeUndefined();
    expect(can('viewer', 'readPeople')).toBe(false);
  });

  it('the app itself may only write its automatic backup', () => {
    expect(PERMISSIONS.filter((p) => can('system', p))).toEqual(['backupAuto']);
  });

  it('a mentor\u2019s reads are her own only; no role but the coordinator erases, exports names or holds the keys', () => {
    expect(grantOf('mentor', 'readPeople')).toBe('own');
    expect(canAll('mentor', 'readPeople')).toBe(false);
    for (const p of ['erasePeople', 'exportList', 'exportBundleFull', 'keys', 'replaceAllData', 'backupSave', 'manageUsers', 'viewAudit'] as const) {
      expect(
        COLUMNS.filter((r) => can(r, p)),
        p,
      ).toEqual(['coordinator']);
    }
  });

  it('settings: the language is anyone\u2019s, bookkeeping is the backup schedule\u2019s, the rest the organisation\u2019s', () => {
    expect(settingsPermission(['language'])).toBeNull();
    expect(settingsPermission(['lastAutoBackupAt'])).toBe('backupAuto');
    expect(settingsPermission(['language', 'suppressionThreshold'])).toBe('manageSettings');
    expect(settingsPermission(['lockMinutes'])).toBe('manageSettings');
  });
});
