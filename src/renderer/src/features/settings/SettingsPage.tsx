import { Tabs } from '@mantine/core';
import { IconBuilding, IconDatabase, IconDownload, IconHistory, IconLifebuoy, IconSettings, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Permission } from '@shared/auth/permissions';
import { useApp } from '../../session/AppContext';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { MatchingSettings } from '../mentoring';
import { AuditLogView } from './AuditLogView';
import { BackupSettings } from '../backups';
import { DataSettings } from './DataSettings';
import { GeneralSettings } from './GeneralSettings';
import { OrganisationSettings } from './OrganisationSettings';
import { UsersSettings } from './UsersSettings';

const LazyUpdatesSettings = lazy(() => import('../updates').then((m) => ({ default: m.UpdatesSettings })));
const UpdatesSettings = () => <LazyUpdatesSettings />;

/** Each tab for the role that may use it (`general`, the language, for everyone). */
const TABS: Array<{ value: string; icon: typeof IconBuilding; Panel: () => ReactNode; needs?: Permission }> = [
  { value: 'organisation', icon: IconBuilding, Panel: OrganisationSettings, needs: 'manageSettings' },
  { value: 'general', icon: IconSettings, Panel: GeneralSettings },
  { value: 'users', icon: IconUsers, Panel: UsersSettings, needs: 'manageUsers' },
  { value: 'mentoring', icon: IconUsersGroup, Panel: MatchingSettings, needs: 'manageSettings' },
  { value: 'backups', icon: IconLifebuoy, Panel: BackupSettings, needs: 'backupSave' },
  // Whether this computer asks for and installs new versions: the organisation's decision.
  { value: 'updates', icon: IconDownload, Panel: UpdatesSettings, needs: 'manageSettings' },
  { value: 'data', icon: IconDatabase, Panel: DataSettings, needs: 'replaceAllData' },
  { value: 'audit', icon: IconHistory, Panel: AuditLogView, needs: 'viewAudit' },
];

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { tab } = useParams();
  const navigate = useNavigate();
  const { actor } = useApp();
  const tabs = TABS.filter((x) => !x.needs || can(actor.role, x.needs));
  const first = tabs[0]!.value;
  const current = tabs.some((x) => x.value === tab) ? tab! : first;
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs value={current} onChange={(v) => void navigate(`/settings/${v ?? first}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {tabs.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
