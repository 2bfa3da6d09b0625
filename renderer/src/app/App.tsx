import { Center, Loader, Text } from '@mantine/core';
import { createHashRouter, Navigate, RouterProvider } from 'react-router-dom';
import { useEffect, useMemo } from 'react';
import { callApi, queryClient, useCall } from '@renderer/api/client';
import { startIdlePreloads } from '@renderer/components/idlePreload';
import { FirstRun } from './FirstRun';
import { Layout, ScreenLoading } from './Layout';
import { RouteError } from './RouteError';
import { registers } from './registers';

/** The path the window opens on: the address's hash route, or the first screen for none. */
const firstPath = () => registers[0]?.nav[0]?.path ?? '/';

/**
 * Starts loading the screen the window opens on — its register's chunk and its data — at once,
 * alongside `app.status` (main.tsx calls this before the first render). `app.status` is asked here
 * too, not only by App's first render: React's first render of the providers comes 100–300 ms after
 * the scripts ran, and the router (with the screen) waits for that answer. The answer is handed on
 * once the screen's chunk is in as well: a screen whose chunk is still on its way suspends, and React
 * reveals a suspended screen no sooner than 300 ms after its fallback — `app.status` answered in
 * 10 ms, before the chunk had run, and the figures came 300 ms after their data.
 */
export function primeFirstScreen() {
  const [path = '/', query = ''] = (window.location.hash.slice(1) || '/').split('?');
  const target = path === '/' ? firstPath() : path;
  // The address the index route would redirect to, set before the router exists: the first screen
  // renders in the router's first pass, not after a <Navigate> and a second render.
  if (path === '/' && !query) history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${target}`);
  const params = new URLSearchParams(query);
  // Asked before the screen's own calls: the host answers in the order the calls come, and one of
  // them (the home screen's charts) loads the chart pipeline first; the whole window waits for this
  // answer, the figures for theirs, the charts for no one.
  void queryClient.prefetchQuery({
    queryKey: ['app.status', {}],
    queryFn: async () => {
      const status = await callApi('app.status', {});
      // Read after the answer, by when the line below has run.
      await screenIn;
      return status;
    },
  });
  // A chunk that fails to load is the screen's own error (RouteError), not the app's status.
  const screenIn = Promise.all(registers.map((r) => r.prime?.(target, params))).catch(() => undefined);
}

/**
 * Runs `then` once no read is under way: the first screen has its data (and the home screen its
 * charts), so what starts now does not compete with them, nor count in the initial JS.
 */
function whenReadsSettled(then: () => void): () => void {
  const cache = queryClient.getQueryCache();
  let done = false;
  const check = () => {
    if (done || queryClient.isFetching() > 0) return;
    done = true;
    unsubscribe();
    then();
  };
  const unsubscribe = cache.subscribe(check);
  check();
  return () => {
    done = true;
    unsubscribe();
  };
}

export function App() {
  // Outside the router: this screen shows its own failure.
  const status = useCall('app.status', {}, { throwOnError: false });
  const routed = status.isSuccess && !status.data.firstRun;
  // The other registers' screens load in idle time once the first one has its data (idlePreload.ts).
  useEffect(() => (routed ? whenReadsSettled(startIdlePreloads) : undefined), [routed]);
  const router = useMemo(() => {
    const routes = registers.flatMap((r) => r.routes);
    const first = firstPath();
    return createHashRouter([
      ...routes
        .filter((r) => r.bare)
        .map((r) => ({
          path: r.path,
          element: (
            <ScreenLoading>
              <r.component />
            </ScreenLoading>
          ),
          errorElement: <RouteError />,
        })),
      {
        path: '/',
        Component: Layout,
        children: [
          { index: true, element: <Navigate to={first} replace /> },
          // Each screen's own error element: the navigation stays usable when one screen fails.
          ...routes.filter((r) => !r.bare).map((r) => ({ path: r.path, Component: r.component, errorElement: <RouteError /> })),
          { path: '*', element: <Navigate to={first} replace /> },
        ],
      },
    ]);
  }, []);

  if (status.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center mih="100vh" p="md">
        <Text c="red">{status.error.message}</Text>
      </Center>
    );
  }
  if (status.data.firstRun) return <FirstRun />;
  return <RouterProvider router={router} />;
}
