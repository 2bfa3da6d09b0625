import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useRouteError } from 'react-router-dom';
import { ApiError } from '@renderer/api/client';

/**
 * What a screen shows when its data could not be read (or it failed to draw): the Russian
 * reason and a way on, instead of an empty list or a blank window.
 */
export function RouteError() {
  const error = useRouteError();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const message =
    error instanceof ApiError
      ? error.message
      : 'Экран не удалось показать из-за внутренней ошибки приложения. Данные не изменены; попробуйте открыть его снова.';
  if (!(error instanceof ApiError)) console.error('Screen failed', error);
  const retry = async () => {
    // Failed reads start afresh; a navigation to the same place clears the router's error.
    await client.resetQueries({ predicate: (q) => q.state.status === 'error' });
    void navigate(location, { replace: true });
  };
  return (
    <Stack maw={720} p="md">
      <Alert color="red" title="Не загружено" role="alert">
        {message}
      </Alert>
      <Group>
        <Button onClick={() => void retry()}>Повторить</Button>
        <Button variant="default" onClick={() => void navigate(-1)}>
          Назад
        </Button>
      </Group>
    </Stack>
  );
}
