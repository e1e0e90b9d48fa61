import { AppShell, Badge, Burger, Center, Group, Loader, Menu, NavLink, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBuildingFactory2,
  IconChalkboard,
  IconChartBar,
  IconChevronDown,
  IconFileExport,
  IconHome,
  IconLock,
  IconNotebook,
  IconSettings,
  IconTransfer,
  IconUserHeart,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { GlobalSearch } from '../components/GlobalSearch';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { HomePage } from '../features/home/HomePage';
import { AuditChainBanner } from '../features/settings/AuditChainBanner';
import { isElectron } from '../platform';
import { ScreenErrorBoundary } from '../components/ScreenErrorBoundary';
import { getMentorMode } from '../db/mentorMode';
import { can, canAll, type ActorRole } from '@shared/auth/permissions';
import { useApp } from '../session/AppContext';
import { useOpenedFileRouting } from '../features/openFiles';
import { BackupFailingBanner } from '../features/backups/BackupFailingBanner';
import { KeyboardShortcuts } from './KeyboardShortcuts';

// Each capability loads when first opened, so the app starts fast (charts, spreadsheets and
// matching are only fetched by the screens that need them).
// Only the desktop app has updates: the browser build never loads the notice's code.
const UpdateNotice = lazy(() => import('../features/updates').then((m) => ({ default: m.UpdateNotice })));
const ParticipantsPage = lazy(() => import('../features/participants/ParticipantsPage').then((m) => ({ default: m.ParticipantsPage })));
const ProgrammesPage = lazy(() => import('../features/programmes/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));
const MentoringPage = lazy(() => import('../features/mentoring/MentoringPage').then((m) => ({ default: m.MentoringPage })));
const OrganisationsPage = lazy(() => import('../features/organisations').then((m) => ({ default: m.OrganisationsPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const ExchangePage = lazy(() => import('../features/exchange/ExchangePage').then((m) => ({ default: m.ExchangePage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const MentorModePage = lazy(() => import('../features/mentoring/MentorModePage').then((m) => ({ default: m.MentorModePage })));

type NavItem = { path: string; key: string; icon: ComponentType<{ size?: number; stroke?: number }>; shown?: (role: ActorRole) => boolean };

const EXCHANGE_PERMISSIONS = ['exportBundleAggregate', 'importBundles', 'keys'] as const;

/** Each capability shows only for a role that may use it (shared/auth/permissions.ts); the data layer refuses the rest anyway. */
const NAV: NavItem[] = [
  { path: '/home', key: 'home', icon: IconHome },
  { path: '/participants', key: 'participants', icon: IconAddressBook, shown: (r) => can(r, 'readPeople') },
  { path: '/programmes', key: 'programmes', icon: IconChalkboard, shown: (r) => canAll(r, 'readPeople') },
  { path: '/mentoring', key: 'mentoring', icon: IconUsersGroup, shown: (r) => can(r, 'readPeople') },
  { path: '/organisations', key: 'organisations', icon: IconBuildingFactory2, shown: (r) => can(r, 'manageOrganisations') },
  { path: '/reports', key: 'reports', icon: IconChartBar, shown: (r) => can(r, 'readReports') },
  { path: '/exchange', key: 'exchange', icon: IconTransfer, shown: (r) => EXCHANGE_PERMISSIONS.some((p) => can(r, p)) },
  { path: '/settings', key: 'settings', icon: IconSettings },
];

/** A volunteer mentor's Mreža (mentor mode): her mentees, her logs, sending them home; nothing else. */
const MENTOR_NAV: NavItem[] = [
  { path: '/mentor/mentees', key: 'mentorMode.mentees', icon: IconUserHeart },
  { path: '/mentor/logs', key: 'mentorMode.logs', icon: IconNotebook },
  { path: '/mentor/send', key: 'mentorMode.send', icon: IconFileExport },
];

/** Files opened from outside (double-click, a second launch, a drop on the window), routed once someone is signed in. */
function OpenedFileRouter(props: Parameters<typeof useOpenedFileRouting>[0]) {
  useOpenedFileRouting(props);
  return null;
}

export function Shell() {
  const { t } = useTranslation(['nav', 'common', 'users']);
  const { db, org, user, actor, settings, setLanguage, lock } = useApp();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const mentorMode = useLiveQuery(async () => (await getMentorMode(db)) ?? null, [db]);
  if (mentorMode === undefined) return null;
  const nav = (mentorMode ? MENTOR_NAV : NAV).filter((n) => !n.shown || n.shown(actor.role));
  const allowed = (path: string) => nav.some((n) => n.path === path);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav:menu')} />
            <Title order={3} c="teal.9">
              {t('common:appName')}
            </Title>
            <Text fw={500} size="sm" c="dimmed" truncate maw={280} data-testid="org-name">
              {org.name}
            </Text>
            <Badge variant="light" color={mentorMode ? 'teal' : org.role === 'lead' ? 'grape' : 'blue'}>
              {mentorMode ? t('nav:mentorMode.badge') : t(`nav:orgRole.${org.role}`)}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!mentorMode && can(actor.role, 'readPeople') && <GlobalSearch />}
            <LanguageSwitch value={settings.language} onChange={(l) => void setLanguage(l)} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('users:currentUser', { name: user.name })} data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t(`users:roles.${user.role}`)}</Menu.Label>
                <Menu.Item leftSection={<IconLock size={16} />} onClick={lock}>
                  {t('users:lockNow')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav:main')}>
        {nav.map(({ path, key, icon: Icon }) => (
          <NavLink
            key={path}
            href={`#${path}`}
            label={t(`nav:${key}`)}
            leftSection={<Icon size={20} stroke={1.6} />}
            active={location.pathname.startsWith(path)}
            onClick={(e) => {
              e.preventDefault();
              void navigate(path);
              close();
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <OpenedFileRouter role={actor.role} orgRole={org.role} mentorMode={mentorMode !== null} />
        <KeyboardShortcuts mentorMode={mentorMode !== null} />
        <BackupFailingBanner />
        {/* The audit log's own tab shows it, re-checked as entries come. */}
        {can(actor.role, 'viewAudit') && location.pathname !== '/settings/audit' && <AuditChainBanner />}
        {/* Keyed by the address: another screen starts without the error. */}
        <ScreenErrorBoundary key={location.pathname} onHome={() => void navigate('/home')}>
          <Suspense
            fallback={
              <Center h={200}>
                <Loader role="status" aria-label={t('common:loading')} />
              </Center>
            }
          >
            {mentorMode ? (
              <Routes>
                <Route path="/mentor/:section" element={<MentorModePage />} />
                <Route path="*" element={<Navigate to="/mentor/mentees" replace />} />
              </Routes>
            ) : (
              <Routes>
                <Route path="/home" element={<HomePage />} />
                {allowed('/participants') && <Route path="/participants/*" element={<ParticipantsPage />} />}
                {allowed('/programmes') && <Route path="/programmes/*" element={<ProgrammesPage />} />}
                {allowed('/mentoring') && <Route path="/mentoring/*" element={<MentoringPage />} />}
                {allowed('/organisations') && <Route path="/organisations/*" element={<OrganisationsPage />} />}
                {allowed('/reports') && <Route path="/reports/*" element={<ReportsPage />} />}
                {allowed('/exchange') && <Route path="/exchange/*" element={<ExchangePage />} />}
                <Route path="/settings/:tab?" element={<SettingsPage />} />
                <Route path="*" element={<Navigate to="/home" replace />} />
              </Routes>
            )}
          </Suspense>
        </ScreenErrorBoundary>
        {/* A new version: offered to whoever decides on the app's settings (Settings → Updates). */}
        {isElectron && can(actor.role, 'manageSettings') && (
          <Suspense fallback={null}>
            <UpdateNotice />
          </Suspense>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
