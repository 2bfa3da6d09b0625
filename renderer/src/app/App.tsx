import { Center, Loader, Text } from '@mantine/core';
import { createHashRouter, Navigate, RouterProvider } from 'react-router-dom';
import { useMemo } from 'react';
import { useCall } from '@renderer/api/client';
import { FirstRun } from './FirstRun';
import { Layout } from './Layout';
import { registers } from './registers';

export function App() {
  const status = useCall('app.status', {});
  const router = useMemo(() => {
    const routes = registers.flatMap((r) => r.routes);
    const first = registers[0]?.nav[0]?.path ?? '/';
    return createHashRouter([
      ...routes.filter((r) => r.bare).map((r) => ({ path: r.path, Component: r.component })),
      {
        path: '/',
        Component: Layout,
        children: [
          { index: true, element: <Navigate to={first} replace /> },
          ...routes.filter((r) => !r.bare).map((r) => ({ path: r.path, Component: r.component })),
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
