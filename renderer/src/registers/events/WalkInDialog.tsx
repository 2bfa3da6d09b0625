import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { EventDetail } from '@shared/contract/events';
import { formatDate } from '@shared/russian';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';
import { OrganizationPicker } from '@renderer/components/pickers';

interface WalkInValues {
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  organizationId: number | null;
  presentAt: string | null;
}

/** One step at the door: the person goes into the registry, onto the list with the next number, and is marked present. */
export function WalkInDialog({ e, onClose }: { e: EventDetail; onClose: () => void }) {
  const cf = useContractForm({
    call: 'participants.addWalkIn',
    initialValues: {
      lastName: '',
      firstName: '',
      middleName: '',
      position: '',
      organizationId: null,
      presentAt: e.sessions.length === 1 ? String(e.sessions[0]!.id) : null,
    } as WalkInValues,
    toInput: (v) => ({
      eventId: e.id,
      person: {
        lastName: v.lastName,
        firstName: v.firstName,
        middleName: v.middleName,
        position: v.position,
        organizationId: v.organizationId,
      },
      presentAt: v.presentAt === null ? null : Number(v.presentAt),
    }),
    fieldOf: (path) => path.replace(/^person\./, ''),
    success: 'Участник записан',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title="Пришёл без регистрации" size="lg" onClose={onClose} submitLabel="Записать участника">
      <Stack>
        <Text size="sm" c="dimmed">
          Человек будет добавлен в реестр специалистов и в список участников под следующим номером.
        </Text>
        <SimpleGrid cols={3}>
          <TextField cf={cf} path="lastName" label="Фамилия" required />
          <TextField cf={cf} path="firstName" label="Имя" required />
          <TextField cf={cf} path="middleName" label="Отчество" />
        </SimpleGrid>
        <OrganizationPicker label="Организация" {...cf.field('organizationId')} />
        <TextField cf={cf} path="position" label="Должность" />
        <Select
          label="Отметить присутствие на занятии"
          clearable
          data={e.sessions.map((s) => ({ value: String(s.id), label: formatDate(s.day) + (s.topic ? ` — ${s.topic}` : '') }))}
          {...cf.field('presentAt')}
        />
      </Stack>
    </FormDialog>
  );
}
