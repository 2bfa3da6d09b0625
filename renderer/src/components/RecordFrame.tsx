import { Alert, Anchor, Center, Group, Loader, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { useCall } from '@renderer/api/client';

/** Where a record's screen leads back to: its list. */
export interface BackTo {
  to: string;
  /** The link above the record: the list's name («Мероприятия»). */
  label: string;
  /** The link under a record that cannot be shown («К списку мероприятий»). */
  missing: string;
}

/** The link back to the list above a record's screen. */
export function BackLink({ back }: { back: BackTo }) {
  return (
    <Anchor component={Link} to={back.to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} /> {back.label}
      </Group>
    </Anchor>
  );
}

/**
 * The frame of a screen that shows one record named by its route (`/events/list/:id`): the id
 * from the route, the record's call, a loader while it comes, and — for a record deleted
 * meanwhile, or a link that names none — the Russian reason with the way back to the list. The
 * record's own screen gets the loaded record and is written as if it always had one.
 */
export function RecordFrame<K extends CallName>({
  call,
  input,
  param = 'id',
  back,
  children,
}: {
  call: K;
  /** The call's input for the id in the route. */
  input: (id: number) => CallInput<K>;
  /** The route's parameter holding the id. */
  param?: string;
  back: BackTo;
  children: (record: CallOutput<K>) => ReactNode;
}) {
  const id = Number(useParams()[param]);
  const named = Number.isInteger(id) && id > 0;
  const query = useCall(call, input(named ? id : 0), { enabled: named });
  if (!named) return <Missing reason="Ссылка не указывает на запись: откройте её из списка" back={back} />;
  if (query.isError) return <Missing reason={query.error.message} back={back} />;
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <>{children(query.data)}</>;
}

function Missing({ reason, back }: { reason: string; back: BackTo }) {
  return (
    <Stack>
      <Alert color="red">{reason}</Alert>
      <Anchor component={Link} to={back.to}>
        {back.missing}
      </Anchor>
    </Stack>
  );
}
