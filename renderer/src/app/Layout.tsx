import { AppShell, Center, Group, Loader, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { memo, Suspense, type ReactNode } from 'react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router-dom';
import { UndoLast } from '@renderer/api/undo';
// Not the form stack's index: that would load every form (and the contract's zod schemas) with the first screen.
import { LeaveGuard } from '@renderer/components/form/leaveGuard';
import { registers } from './registers';

/** The height three notifications take at the bottom of the navigation column (an undo offer is the tallest). */
const NOTIFICATIONS_ROOM = 240;

const matches = (pathname: string, entryPath: string) => pathname === entryPath || pathname.startsWith(`${entryPath}/`);

/**
 * The frame (AppShell, header, the notifications' room) takes no props and reads no location
 * (memo): a route change re-renders the navigation's links (Sections) and the screen (the Outlet
 * reads the route), not the shell.
 */
export const Layout = memo(function Layout() {
  return (
    <AppShell navbar={{ width: 260, breakpoint: 0 }} header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4}>Ресурсный центр</Title>
          <UndoLast />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Разделы">
        <AppShell.Section grow component={ScrollArea}>
          <Sections />
        </AppShell.Section>
        {/*
          The notifications' place (main.tsx: bottom left, as wide as this column, at most three):
          kept free of sections, which scroll above it, so a notice never covers one. It never shrinks:
          a navigation taller than the window would otherwise squeeze it and run under the notices.
        */}
        <AppShell.Section h={NOTIFICATIONS_ROOM} style={{ flexShrink: 0 }} />
      </AppShell.Navbar>
      <AppShell.Main>
        <ScreenLoading>
          <Outlet />
        </ScreenLoading>
        <LeaveGuard />
      </AppShell.Main>
    </AppShell>
  );
});

/** The registers' sections and their links, the current one marked. */
function Sections() {
  const location = useLocation();
  // The most specific entry wins: «Исполнение плана» (/work-plan/summary) over «План работы» (/work-plan).
  const activePath = registers
    .flatMap((r) => r.nav.map((e) => e.path))
    .filter((p) => matches(location.pathname, p))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Stack gap="md">
      {/* A register reached only from another's pages (a news item, from its meeting) has no section. */}
      {registers
        .filter((register) => register.nav.length > 0)
        .map((register) => (
          <div key={register.section}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
              {register.section}
            </Text>
            {register.nav.map((entry) => {
              // Pointed at or focused: the screen's data starts before the click (RegisterUi.prime).
              const prime = register.prime ? () => void register.prime?.(entry.path, new URLSearchParams()) : undefined;
              return (
                <NavLink
                  key={entry.path}
                  component={RouterLink}
                  to={entry.path}
                  label={entry.label}
                  leftSection={entry.icon}
                  active={entry.path === activePath}
                  onPointerEnter={prime}
                  onFocus={prime}
                />
              );
            })}
          </div>
        ))}
    </Stack>
  );
}

/** While a register's screens load (their chunk comes on first use, register.ts lazyScreens). */
export function ScreenLoading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label="Загрузка" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
