import { useTranslation } from 'react-i18next';
import type { Problem } from '@shared/problem';
import { backupProblemOf } from './actions';

/** Anything a backup or restore threw, as the sentence the user reads. */
export function useBackupProblemText(): (e: unknown) => string {
  const { t } = useTranslation(['backup', 'common']);
  return (e: unknown) => {
    const problem: Problem = backupProblemOf(e);
    if (problem.code === 'forbidden' || problem.code === 'unexpected') return t(`common:errors.${problem.code}`);
    return t(`backup:errors.${problem.code}`, problem.params);
  };
}
