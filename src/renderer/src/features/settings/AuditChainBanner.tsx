import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainVerdict } from '@shared/audit/chain';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { verifyAuditLog } from '../../db/auditChain';

/**
 * A warning when the audit log's hash chain does not hold (an entry changed, removed or added
 * outside Mreža). Checked after sign-in and on opening the log, for who may read the log.
 */
export function AuditChainBanner({ recheck }: { recheck?: unknown }) {
  const { t } = useTranslation('audit');
  const { db, actor } = useApp();
  const fmt = useFormat();
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  useEffect(() => {
    let live = true;
    void verifyAuditLog(db, actor)
      .then((v) => live && setVerdict(v))
      .catch((e: unknown) => console.error('audit chain check failed', e));
    return () => {
      live = false;
    };
  }, [db, actor, recheck]);
  if (!verdict || verdict.ok) return null;
  const when = verdict.at?.time ? fmt.dateTime(verdict.at.time) : '—';
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('chain.title')} mb="md" role="alert" data-testid="audit-chain-warning">
      {t(`chain.${verdict.problem ?? 'broken'}`, {
        seq: verdict.at?.seq ?? 0,
        when,
      })}{' '}
      {t('chain.advice')}
    </Alert>
  );
}
