import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isElectron, platform } from '../platform';
import { logProblem } from '../platform/log';

interface Props {
  children: ReactNode;
  /** Where "Home" goes (a screen of its own that is unlikely to be the broken one). */
  onHome: () => void;
}

/**
 * One screen failing (a bug, a damaged file of the installation) must not leave a blank window:
 * the header and menu stay, and this says what happened and offers a way on. Keyed by the route
 * in the shell, so moving to another screen starts afresh. Details hold the error and the screen's
 * address, never the data on it.
 */
export class ScreenErrorBoundary extends Component<Props, { error: Error | null; componentStack: string }> {
  override state = { error: null as Error | null, componentStack: '' };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.setState({ componentStack: info.componentStack ?? '' });
    console.error('Mreža: a screen failed', error);
    logProblem('error', `a screen failed (${window.location.hash || '/'})`, error);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <ScreenError error={this.state.error} componentStack={this.state.componentStack} onHome={this.props.onHome} />;
  }
}

function ScreenError({ error, componentStack, onHome }: { error: Error; componentStack: string; onHome: () => void }) {
  const { t } = useTranslation('common');
  const details = [
    `${error.name}: ${error.message}`,
    `${t('screenError.screen')}: ${window.location.hash || '/'}`,
    `${new Date().toISOString()}`,
    error.stack ?? '',
    componentStack,
  ].join('\n');
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle />} title={t('screenError.title')} data-testid="screen-error">
      <Stack gap="sm">
        <Text size="sm">{t('screenError.body')}</Text>
        <Code block mah={160} style={{ overflow: 'auto' }}>
          {`${error.name}: ${error.message}`}
        </Code>
        <Group gap="sm">
          <Button onClick={() => window.location.reload()}>{t('screenError.reload')}</Button>
          <Button variant="default" onClick={() => void navigator.clipboard?.writeText(details).catch(() => undefined)}>
            {t('screenError.copy')}
          </Button>
          {isElectron && (
            <Button variant="default" onClick={() => void platform.invoke('app:openLogsFolder', undefined).catch(() => undefined)} data-testid="open-logs">
              {t('screenError.openLogs')}
            </Button>
          )}
          <Button variant="subtle" onClick={onHome}>
            {t('screenError.home')}
          </Button>
        </Group>
        {!isElectron && (
          <Text size="xs" c="dimmed" data-testid="logs-desktop-only">
            {t('screenError.logsDesktopOnly')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
