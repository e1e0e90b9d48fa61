import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled, bordered block of a page (exchange steps, mentor pack panels). */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
