import { Tabs } from '@mantine/core';
import { IconBuilding, IconDatabase, IconHistory, IconLifebuoy, IconSettings, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { MatchingSettings } from '../mentoring';
import { AuditLogView } from './AuditLogView';
import { BackupSettings } from './BackupSettings';
import { DataSettings } from './DataSettings';
import { GeneralSettings } from './GeneralSettings';
import { OrganisationSettings } from './OrganisationSettings';
import { UsersSettings } from './UsersSettings';

const TABS = [
  { value: 'organisation', icon: IconBuilding, Panel: OrganisationSettings },
  { value: 'general', icon: IconSettings, Panel: GeneralSettings },
  { value: 'users', icon: IconUsers, Panel: UsersSettings },
  { value: 'mentoring', icon: IconUsersGroup, Panel: MatchingSettings },
  { value: 'backups', icon: IconLifebuoy, Panel: BackupSettings },
  { value: 'data', icon: IconDatabase, Panel: DataSettings },
  { value: 'audit', icon: IconHistory, Panel: AuditLogView },
] as const;

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = TABS.some((x) => x.value === tab) ? tab! : 'organisation';
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs value={current} onChange={(v) => void navigate(`/settings/${v ?? 'organisation'}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
