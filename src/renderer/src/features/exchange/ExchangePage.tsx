import { List, Paper, Text, Title } from '@mantine/core';
import { IconTransfer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

/** How data travels between partners and the lead; the steps depend on this organisation's role. */
export function ExchangePage() {
  const { t } = useTranslation('exchange');
  const { org } = useApp();
  const steps = org.role === 'lead' ? ['lead1', 'lead2', 'lead3'] : ['partner1', 'partner2', 'partner3'];
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState icon={<IconTransfer size={32} />} title={org.role === 'lead' ? t('emptyLeadTitle') : t('emptyPartnerTitle')}>
        {t('emptyText')}
      </EmptyState>
      <Paper withBorder radius="md" p="lg" maw={720} mx="auto">
        <Title order={4} mb="sm">
          {t('howItWorks')}
        </Title>
        <List type="ordered" spacing="xs">
          {steps.map((s) => (
            <List.Item key={s}>
              <Text>{t(`steps.${s}`)}</Text>
            </List.Item>
          ))}
        </List>
      </Paper>
    </>
  );
}
