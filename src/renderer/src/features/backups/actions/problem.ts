import { BackupError } from '@shared/backup/format';
import { problemOf, type Problem } from '@shared/problem';
import { ForbiddenError } from '../../../db/permissions';

/** A refused backup or restore as the code the screen translates: a BackupError's, 'forbidden' or 'unexpected'. */
export function backupProblemOf(e: unknown): Problem {
  if (e instanceof ForbiddenError) return { code: 'forbidden', params: {} };
  return problemOf(e, [BackupError]);
}
