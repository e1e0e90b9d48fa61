import { Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../session/AppContext';
import { PageHeader } from '../../components/PageHeader';
import { ensureIdentity } from '../../db/exchange';
import { Fingerprint, Section } from './common';
import { LeadExchange } from './LeadExchange';
import { PartnerExchange } from './PartnerExchange';

/** How data travels between partners and the lead; the screen depends on this organisation's role. */
export function ExchangePage() {
  const { t } = useTranslation('exchange');
  const { org } = useApp();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="lg" maw={1100}>
        {org.role === 'lead' ? <LeadExchange /> : <PartnerExchange />}
        <KeyCard />
      </Stack>
    </>
  );
}

/** This installation's key: made on first use of Exchange, shown for comparison by phone. */
function KeyCard() {
  const { t } = useTranslation('exchange');
  const { db } = useApp();
  const [fp, setFp] = useState<string>();
  useEffect(() => {
    let live = true;
    void ensureIdentity(db).then((id) => live && setFp(id.fingerprint));
    return () => {
      live = false;
    };
  }, [db]);
  return (
    <Section title={t('keys.title')} testId="own-key">
      {fp ? <Fingerprint value={fp} label={t('keys.fingerprint')} /> : <Loader size="sm" role="status" aria-label={t('keys.preparing')} />}
      <Text size="sm" c="dimmed">
        {t('keys.hint')}
      </Text>
    </Section>
  );
}
