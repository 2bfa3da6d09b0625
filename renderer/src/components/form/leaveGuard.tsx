import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useId, useSyncExternalStore } from 'react';
import { useBlocker } from 'react-router-dom';

/**
 * A form on a page (the center's profile, a meeting's details, its attendance) asks before the
 * user leaves it with changes, as a dialog asks before it closes. The forms report whether
 * they have changes here; the one blocker of the router (it allows only one) asks for them all.
 */
const dirtyForms = new Set<string>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function useLeaveGuard(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (dirty) dirtyForms.add(id);
    else dirtyForms.delete(id);
    notify();
    return () => {
      if (dirtyForms.delete(id)) notify();
    };
  }, [dirty, id]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** In the layout: the question when she navigates away from a page form with changes. */
export function LeaveGuard() {
  const anyDirty = useSyncExternalStore(subscribe, () => dirtyForms.size > 0);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => anyDirty && currentLocation.pathname !== nextLocation.pathname);
  const asking = blocker.state === 'blocked';
  return (
    <Modal opened={asking} onClose={() => blocker.reset?.()} title="Уйти без сохранения?" size="sm" centered zIndex={400}>
      <Stack>
        <Text size="sm">На этой странице есть несохранённые изменения. Если уйти, они будут потеряны.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Остаться
          </Button>
          <Button
            color="red"
            onClick={() => {
              dirtyForms.clear();
              blocker.proceed?.();
            }}
          >
            Уйти без сохранения
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
