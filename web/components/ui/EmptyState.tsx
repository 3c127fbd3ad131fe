import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" data-testid="empty-state">
      <Stack align="center" gap="sm">
        <Text c="dimmed" ta="center">
          {message}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}
