import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MentorPackError } from '@shared/mentorPack';
import { problemOf, type Problem } from '@shared/problem';
import { useFormat } from '../../components/useFormat';

/** A refused mentor pack or session-logs file, as the code and params the UI translates. */
export type PackProblem = Problem;

/** File name endings, kept out of the translations so Serbian Cyrillic does not transliterate them. */
export const PACK_EXT = { packExt: '.mreza-mentor', logsExt: '.mreza-logs' } as const;

export function packProblemOf(e: unknown): PackProblem {
  return problemOf(e, [MentorPackError]);
}

/** `mentorPack:errors.<code>`; dates in params are shown the user's way. */
export function PackProblemAlert({ problem }: { problem?: PackProblem }) {
  const { t } = useTranslation('mentorPack');
  const fmt = useFormat();
  if (!problem) return null;
  const params: Record<string, string | number> = { ...problem.params };
  for (const key of ['newer', 'current', 'date'] as const) if (typeof params[key] === 'string') params[key] = fmt.date(params[key]);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="pack-error">
      {t(`errors.${problem.code}`, { defaultValue: t('errors.unexpected'), ...PACK_EXT, ...params })}
    </Alert>
  );
}
