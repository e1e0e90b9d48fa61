import { can, canAll, type ActorRole } from '../auth/permissions';
import type { FileKind } from './kinds';

// Apart from kinds.ts so that the main process, which only recognises kinds, does not take in the
// permission table and the model behind it.
/**
 * Where an opened file goes after sign-in: the screen that shows its dry run, or why it does not
 * open here (`desktop:openFile.refused.<reason>`). A key file only serves the command-line
 * consolidation; a pack is opened on the mentor's laptop, logs on the coordinator's.
 */
export type OpenRoute = { path: string } | { refused: 'keyFile' | 'notAllowed' | 'mentorPackHere' | 'notInMentorMode' };

export function openRouteFor(kind: FileKind, who: { role: ActorRole; orgRole: string; mentorMode: boolean }): OpenRoute {
  if (kind === 'keyFile') return { refused: 'keyFile' };
  if (who.mentorMode) return kind === 'mentorPack' ? { path: '/mentor/send' } : { refused: 'notInMentorMode' };
  switch (kind) {
    case 'mentorPack':
      return { refused: 'mentorPackHere' };
    case 'sessionLogs':
      return canAll(who.role, 'logMentoring') ? { path: '/mentoring/packs' } : { refused: 'notAllowed' };
    case 'bundle':
      return who.orgRole === 'lead' && can(who.role, 'importBundles') ? { path: '/exchange' } : { refused: 'notAllowed' };
    case 'invitation':
      return who.orgRole === 'partner' && can(who.role, 'keys') ? { path: '/exchange' } : { refused: 'notAllowed' };
  }
}
