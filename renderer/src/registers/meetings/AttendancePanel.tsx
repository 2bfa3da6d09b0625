import { Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MeetingDetail } from '@shared/contract/meetings';
import { countOf } from '@shared/russian';
import { callApi } from '@renderer/api/client';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { FormFrame, useContractForm, useLeaveGuard } from '@renderer/components/form';
import { PeopleMultiPicker, PersonPicker } from '@renderer/components/pickers';
import { PersonForm } from '@renderer/registers/registry';
import { MeetingSaveRow } from './common';

interface Row {
  person: { id: number; fullName: string; position: string; organizationName: string | null };
  present: boolean;
  absenceReason: string;
  late: boolean;
  member: boolean;
}

interface Values {
  attendees: Row[];
  guestIds: number[];
}

/**
 * Who was there: the group's members as a checklist (present, late, or absent with a reason),
 * others who attended, and invited guests from the registry.
 */
export function AttendancePanel({ m, locked }: { m: MeetingDetail; locked: boolean }) {
  const anyRecorded = m.attendees.some((a) => a.recorded);
  const cf = useContractForm({
    call: 'meetings.setAttendance',
    initialValues: {
      // Before anything is recorded every member is offered as present: the usual case.
      attendees: m.attendees.map((a): Row => ({
        person: { id: a.person.id, fullName: a.person.fullName, position: a.person.position, organizationName: a.person.organizationName },
        present: a.recorded ? a.present : !anyRecorded,
        absenceReason: a.absenceReason,
        late: a.late,
        member: a.member,
      })),
      guestIds: m.guests.map((g) => g.id),
    } satisfies Values,
    toInput: (v: Values) => ({
      meetingId: m.id,
      attendees: v.attendees.map((r) => ({ personId: r.person.id, present: r.present, absenceReason: r.absenceReason, late: r.late })),
      guestIds: v.guestIds,
    }),
    success: 'Состав участников сохранён',
  });
  useLeaveGuard(cf.dirty);
  const [extra, setExtra] = useState<number | null>(null);
  const [addingGuest, setAddingGuest] = useState(false);
  const { attendees: rows, guestIds } = cf.form.getValues();
  const present = rows.filter((r) => r.present).length;

  // A row's fields by the person, not by the row's place: the row a cell belongs to is the one
  // it was rendered for, and its index is looked up when a value changes.
  const path = (r: Row, field: keyof Row) =>
    `attendees.${cf.form.getValues().attendees.findIndex((x) => x.person.id === r.person.id)}.${field}`;
  const columns: Column<Row>[] = [
    {
      header: 'Участник',
      render: (r) => (
        <>
          <Text size="sm">{r.person.fullName}</Text>
          <Text size="xs" c="dimmed">
            {[r.person.position, r.person.organizationName, r.member ? null : 'не член группы'].filter(Boolean).join(', ')}
          </Text>
        </>
      ),
    },
    {
      header: 'Присутствовал',
      width: 130,
      render: (r) => (
        <Checkbox
          aria-label={`Присутствовал: ${r.person.fullName}`}
          checked={r.present}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            cf.form.setFieldValue(path(r, 'present'), on);
            if (!on) cf.form.setFieldValue(path(r, 'late'), false);
          }}
        />
      ),
    },
    {
      header: 'Опоздал',
      width: 130,
      render: (r) => (
        <Checkbox
          aria-label={`Опоздал: ${r.person.fullName}`}
          disabled={!r.present}
          checked={r.late}
          onChange={(e) => cf.form.setFieldValue(path(r, 'late'), e.currentTarget.checked)}
        />
      ),
    },
    {
      header: 'Причина отсутствия',
      width: 300,
      render: (r) =>
        r.present ? null : (
          <TextInput
            size="xs"
            aria-label={`Причина отсутствия: ${r.person.fullName}`}
            placeholder="отпуск, болезнь, командировка…"
            {...cf.field(path(r, 'absenceReason'))}
          />
        ),
    },
  ];

  const addExtra = async (personId: number | null) => {
    setExtra(null);
    if (personId === null || rows.some((r) => r.person.id === personId)) return;
    const [option] = await callApi('people.optionsByIds', { ids: [personId] });
    const person = { id: personId, fullName: option?.label ?? '', position: option?.description ?? '', organizationName: null };
    cf.form.insertListItem('attendees', { person, present: true, absenceReason: '', late: false, member: false });
  };

  return (
    <FormFrame cf={cf} actions={<MeetingSaveRow cf={cf} label="Сохранить участников" locked={locked} />}>
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <Text size="sm" c="dimmed">
            Присутствует {countOf(present, ['человек', 'человека', 'человек'])} из {rows.length}
            {guestIds.length ? `, приглашённых: ${guestIds.length}` : ''}
          </Text>
          <DataTable
            label="Присутствие"
            rows={rows}
            rowKey={(r) => r.person.id}
            loading={false}
            columns={columns}
            empty={
              <Text c="dimmed" size="sm">
                В составе группы пока никого нет. Добавьте членов группы в разделе «Рабочие группы» или отметьте присутствующих ниже.
              </Text>
            }
          />
          {locked ? null : (
            <PersonPicker label="Добавить присутствовавшего не из состава группы" value={extra} onChange={(v) => void addExtra(v)} />
          )}
          <Title order={4} mt="sm">
            Приглашённые
          </Title>
          <Group align="flex-end">
            <div style={{ flex: 1 }}>
              <PeopleMultiPicker label="Приглашённые из реестра" {...cf.field('guestIds')} />
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
        </Stack>
      </fieldset>
      {addingGuest ? (
        // A guest who is not yet in the registry: added there with the registry's own form, and to the guests.
        <PersonForm
          editing={null}
          title="Новый приглашённый"
          success="Добавлен в реестр и в список приглашённых — сохраните участников"
          onClose={() => setAddingGuest(false)}
          onCreated={(p) => cf.form.setFieldValue('guestIds', [...cf.form.getValues().guestIds, p.id])}
        />
      ) : null}
    </FormFrame>
  );
}
