import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MeetingDetail, PersonRef } from '@shared/contract/meetings';
import { countOf } from '@shared/russian';
import { callApi, useChange } from '@renderer/api/client';
import { FormModal, useFieldErrors } from '@renderer/components/screen';
import { OrganizationPicker, PeopleMultiPicker, PersonPicker } from '@renderer/components/pickers';

interface Row {
  person: PersonRef | { id: number; fullName: string; position: string; organizationName: string | null };
  present: boolean;
  absenceReason: string;
  late: boolean;
  member: boolean;
}

/**
 * Who was there: the group's members as a checklist (present, late, or absent with a reason),
 * others who attended, and invited guests from the registry.
 */
export function AttendancePanel({ m, locked }: { m: MeetingDetail; locked: boolean }) {
  const anyRecorded = m.attendees.some((a) => a.recorded);
  const [rows, setRows] = useState<Row[]>(() =>
    // Before anything is recorded every member is offered as present: the usual case.
    m.attendees.map((a) => ({ ...a, present: a.recorded ? a.present : !anyRecorded })),
  );
  const [guestIds, setGuestIds] = useState(m.guests.map((g) => g.id));
  const [extra, setExtra] = useState<number | null>(null);
  const [addingGuest, setAddingGuest] = useState(false);
  const save = useChange('meetings.setAttendance', { success: 'Состав участников сохранён' });
  const update = (id: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.person.id === id ? { ...r, ...patch } : r)));
  const present = rows.filter((r) => r.present).length;

  const addExtra = async (personId: number | null) => {
    setExtra(null);
    if (personId === null || rows.some((r) => r.person.id === personId)) return;
    const [option] = await callApi('people.optionsByIds', { ids: [personId] });
    const person = { id: personId, fullName: option?.label ?? '', position: option?.description ?? '', organizationName: null };
    setRows((rs) => [...rs, { person, present: true, absenceReason: '', late: false, member: false }]);
  };

  return (
    <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
      <Stack>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Присутствует {countOf(present, ['человек', 'человека', 'человек'])} из {rows.length}
            {guestIds.length ? `, приглашённых: ${guestIds.length}` : ''}
          </Text>
        </Group>
        <Paper withBorder>
          <Table aria-label="Присутствие" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Участник</Table.Th>
                <Table.Th w={130}>Присутствовал</Table.Th>
                <Table.Th w={130}>Опоздал</Table.Th>
                <Table.Th w={300}>Причина отсутствия</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.person.id}>
                  <Table.Td>
                    <Text size="sm">{r.person.fullName}</Text>
                    <Text size="xs" c="dimmed">
                      {[r.person.position, r.person.organizationName, r.member ? null : 'не член группы'].filter(Boolean).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Присутствовал: ${r.person.fullName}`}
                      checked={r.present}
                      onChange={(e) =>
                        update(r.person.id, { present: e.currentTarget.checked, late: e.currentTarget.checked ? r.late : false })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Опоздал: ${r.person.fullName}`}
                      checked={r.late}
                      disabled={!r.present}
                      onChange={(e) => update(r.person.id, { late: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {r.present ? null : (
                      <TextInput
                        size="xs"
                        aria-label={`Причина отсутствия: ${r.person.fullName}`}
                        placeholder="отпуск, болезнь, командировка…"
                        value={r.absenceReason}
                        onChange={(e) => update(r.person.id, { absenceReason: e.currentTarget.value })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm">
                      В составе группы пока никого нет. Добавьте членов группы в разделе «Рабочие группы» или отметьте присутствующих ниже.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Paper>
        {locked ? null : (
          <PersonPicker label="Добавить присутствовавшего не из состава группы" value={extra} onChange={(v) => void addExtra(v)} />
        )}
        <Title order={4} mt="sm">
          Приглашённые
        </Title>
        <Group align="flex-end">
          <div style={{ flex: 1 }}>
            <PeopleMultiPicker
              label="Приглашённые из реестра"
              value={guestIds}
              onChange={setGuestIds}
              error={save.error?.fields.guestIds}
            />
          </div>
          {locked ? null : (
            <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setAddingGuest(true)}>
              Новый человек
            </Button>
          )}
        </Group>
        {m.guests.length ? (
          <Stack gap={2}>
            {m.guests.map((g) => (
              <Text size="sm" key={g.id}>
                {g.short}
                {[g.position, g.organizationName].filter(Boolean).length
                  ? ` – ${[g.position, g.organizationName].filter(Boolean).join(', ')}`
                  : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
        {locked ? null : (
          <Group justify="flex-end">
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  meetingId: m.id,
                  attendees: rows.map((r) => ({ personId: r.person.id, present: r.present, absenceReason: r.absenceReason, late: r.late })),
                  guestIds,
                })
              }
            >
              Сохранить участников
            </Button>
          </Group>
        )}
        {addingGuest ? <NewGuest onClose={() => setAddingGuest(false)} onCreated={(id) => setGuestIds((ids) => [...ids, id])} /> : null}
      </Stack>
    </fieldset>
  );
}

/** A guest who is not yet in the registry: added there and to the guests in one step. */
function NewGuest({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const [draft, setDraft] = useState({ lastName: '', firstName: '', middleName: '', position: '', organizationId: null as number | null });
  const errors = useFieldErrors();
  const create = useChange('people.create', { success: 'Добавлен в реестр и в список приглашённых' });
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    errors.clear(key);
  };
  const submit = () =>
    create.mutate(draft, {
      onSuccess: (p) => {
        onCreated(p.id);
        onClose();
      },
      onError: errors.fromError,
    });
  return (
    <FormModal title="Новый приглашённый" size="lg" onClose={onClose} onSubmit={submit} saving={create.isPending}>
      <SimpleGrid cols={3}>
        <TextInput
          label="Фамилия"
          required
          value={draft.lastName}
          onChange={(e) => set('lastName', e.currentTarget.value)}
          error={errors.of('lastName')}
        />
        <TextInput
          label="Имя"
          required
          value={draft.firstName}
          onChange={(e) => set('firstName', e.currentTarget.value)}
          error={errors.of('firstName')}
        />
        <TextInput label="Отчество" value={draft.middleName} onChange={(e) => set('middleName', e.currentTarget.value)} />
      </SimpleGrid>
      <TextInput label="Должность" value={draft.position} onChange={(e) => set('position', e.currentTarget.value)} />
      <OrganizationPicker
        label="Организация"
        value={draft.organizationId}
        onChange={(v) => set('organizationId', v)}
        error={errors.of('organizationId')}
      />
      <Text size="xs" c="dimmed">
        Человек будет добавлен в реестр специалистов; остальные сведения можно дополнить там. Не забудьте сохранить участников.
      </Text>
    </FormModal>
  );
}
