import { Alert, List, Text } from '@mantine/core';
import { IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { figuresArePartial, type PartnerWithheld } from '@shared/consolidate';
import { withheldMark } from '@shared/people/sharing';
import { useFormat } from '../../components/useFormat';

/**
 * At the lead: the partners' figures count only the people who agreed to share. Per partner, how
 * many stayed home (as its bundle said: a range, "<5" below the threshold), so the M&E officer
 * reads the totals as partial.
 */
export function WithheldCard({ partners }: { partners: PartnerWithheld[] }) {
  const { t } = useTranslation('reports');
  const fmt = useFormat();
  if (!figuresArePartial(partners)) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconUserShield size={18} />} title={t('withheld.title')} data-testid="withheld-by-partner">
      <Text size="sm" mb={4}>
        {t('withheld.text')}
      </Text>
      <List size="sm" spacing={2}>
        {partners.map((p) => {
          const mark = withheldMark(p.withheld, p.threshold, fmt.number);
          return (
            <List.Item key={p.orgId} data-testid="withheld-partner">
              {t('withheld.partner', { name: p.name, mark: mark ?? t('withheld.unknown') })}
            </List.Item>
          );
        })}
      </List>
      <Text size="xs" c="dimmed" mt={4}>
        {t('withheld.legend', { threshold: partners[0]?.threshold ?? 5, max: (partners[0]?.threshold ?? 5) - 1 })}
      </Text>
    </Alert>
  );
}
