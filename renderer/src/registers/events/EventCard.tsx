import { Anchor, Button, Checkbox, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconTrash, IconX, IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { EventDetail } from '@shared/contract/events';
import { CENTER_ROLE_LABELS, EVENT_LEVEL_LABELS, eventDates } from '@shared/contract/eventEnums';
import { formatDate, todayLocal, typedDateInput } from '@shared/russian';
import { callApi, useChange } from '@renderer/api/client';
import { confirmDelete } from '@renderer/components/screen';
import { DateField, FormDialog, useContractForm } from '@renderer/components/form';
import { EventCertificates } from '@renderer/registers/certificates';
import { EVENTS_BACK, EventStatusBadge } from './common';
import { EventDetailsForm } from './EventForm';
import { ParticipantsPanel } from './ParticipantsPanel';
import { PopulationPanel } from './PopulationPanel';
import { SessionsPanel } from './SessionsPanel';
import { DocumentsMenu } from '@renderer/components/DocumentsMenu';
import { BackLink, RecordFrame } from '@renderer/components/RecordFrame';
import { EventMaterials } from '@renderer/registers/publications';
import { NewsButton } from '@renderer/registers/news';

export function EventCard() {
  return (
    <RecordFrame call="events.get" input={(id) => ({ id })} back={EVENTS_BACK}>
      {(e) => <Card e={e} />}
    </RecordFrame>
  );
}

function Card({ e }: { e: EventDetail }) {
  const [tab, setTab] = useState<string | null>('participants');
  const population = e.audience === 'population';
  return (
    <Stack gap="md">
      <BackLink back={EVENTS_BACK} />
      <Stack gap={2}>
        <Group gap="sm">
          <Title order={2}>{e.title}</Title>
          <EventStatusBadge status={e.status} />
        </Group>
        <Text c="dimmed" size="sm">
          {[
            eventDates(e),
            e.type,
            `роль центра: ${CENTER_ROLE_LABELS[e.centerRole].toLocaleLowerCase('ru')}`,
            EVENT_LEVEL_LABELS[e.level].toLocaleLowerCase('ru'),
            e.municipalityName,
            e.venue,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {e.planItem ? (
          <Text size="sm">
            Выполняет пункт плана работы на {e.planItem.year} год: «{e.planItem.title}»{e.status === 'held' ? ' — выполнено' : ''}
          </Text>
        ) : null}
        {e.copiedFrom ? (
          <Text size="sm" c="dimmed">
            Скопировано с мероприятия{' '}
            <Anchor component={Link} to={`/events/list/${e.copiedFrom.id}`} size="sm">
              {formatDate(e.copiedFrom.firstDay)}
            </Anchor>
          </Text>
        ) : null}
        {population ? null : (
          <Text size="sm" fw={500} data-testid="event-totals">
            {e.totals.completed === null
              ? `Зарегистрировано: ${e.totals.registered}; завершение обучения — после проведения`
              : `Зарегистрировано: ${e.totals.registered}. Завершили обучение: ${e.totals.completed} из ${e.totals.attended}`}
          </Text>
        )}
      </Stack>
      <Group>
        <StatusActions e={e} />
        {population ? null : <Documents e={e} />}
        {population ? null : <EventCertificates e={e} />}
        <NewsButton kind="event" recordId={e.id} held={e.status === 'held'} />
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="participants">{population ? 'Посещаемость' : 'Участники и отметки'}</Tabs.Tab>
          <Tabs.Tab value="sessions">Занятия ({e.sessions.length})</Tabs.Tab>
          <Tabs.Tab value="details">Сведения</Tabs.Tab>
          <Tabs.Tab value="publications">Печатная продукция</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="participants" pt="md">
          {population ? <PopulationPanel e={e} /> : <ParticipantsPanel e={e} />}
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsPanel e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <EventDetailsForm key={`${e.id}-${e.status}`} e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="publications" pt="md">
          {/* Issue 21: the publications register's block, kept in its own folder. */}
          {tab === 'publications' ? <EventMaterials eventId={e.id} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function StatusActions({ e }: { e: EventDetail }) {
  const setStatus = useChange('events.setStatus', { success: 'Состояние мероприятия изменено' });
  const remove = useChange('events.delete', { success: 'Мероприятие удалено' });
  const navigate = useNavigate();
  const [copying, setCopying] = useState(false);
  const early = e.lastDay > todayLocal();
  return (
    <>
      {e.status !== 'held' ? (
        <Button
          leftSection={<IconCheck size={16} />}
          loading={setStatus.isPending}
          title={early ? `Отметить проведённым можно с ${formatDate(e.lastDay)}` : undefined}
          onClick={() => setStatus.mutate({ id: e.id, status: 'held' })}
        >
          Провести
        </Button>
      ) : null}
      {e.status === 'planned' ? (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={16} />}
          onClick={() => setStatus.mutate({ id: e.id, status: 'cancelled' })}
        >
          Отменить мероприятие
        </Button>
      ) : (
        <Button
          variant="subtle"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={() => setStatus.mutate({ id: e.id, status: 'planned' })}
        >
          Вернуть в запланированные
        </Button>
      )}
      <Button variant="subtle" leftSection={<IconCopy size={16} />} onClick={() => setCopying(true)}>
        Копировать…
      </Button>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() =>
          confirmDelete(`Удалить мероприятие «${e.title}» со всеми занятиями, участниками и отметками?`, () =>
            remove.mutate({ id: e.id }, { onSuccess: () => navigate('/events/list') }),
          )
        }
      >
        Удалить
      </Button>
      {copying ? <CopyDialog e={e} onClose={() => setCopying(false)} /> : null}
    </>
  );
}

/** A yearly seminar: the same event on new days, planned, its sessions shifted by as many days. */
function CopyDialog({ e, onClose }: { e: EventDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const cf = useContractForm({
    call: 'events.copy',
    initialValues: { firstDay: '', withParticipants: false },
    toInput: (v) => ({ id: e.id, firstDay: typedDateInput(v.firstDay) ?? (undefined as never), withParticipants: v.withParticipants }),
    success: 'Мероприятие скопировано',
    onSaved: (r) => {
      onClose();
      navigate(`/events/list/${r.id}`);
    },
  });
  return (
    <FormDialog cf={cf} title="Копировать мероприятие" onClose={onClose} submitLabel="Копировать">
      <Stack>
        <Text size="sm">Копия будет запланирована, занятия сдвинутся на столько же дней, отметок и связи с планом у неё не будет.</Text>
        <DateField cf={cf} path="firstDay" label="Первый день копии" required />
        <Checkbox label="Зарегистрировать тех же участников" {...cf.field('withParticipants', { type: 'checkbox' })} />
      </Stack>
    </FormDialog>
  );
}

function Documents({ e }: { e: EventDetail }) {
  const days = e.sessions.length > 1;
  return (
    <DocumentsMenu
      entries={() => [
        {
          kind: 'word',
          label: `Лист регистрации${days ? ', все дни' : ''} (Word)`,
          make: () => callApi('events.registrationDocx', { id: e.id, sessionId: null }),
        },
        ...(days ? e.sessions : []).map((s) => ({
          kind: 'word' as const,
          label: `Лист регистрации на ${formatDate(s.day)} (Word)`,
          make: () => callApi('events.registrationDocx', { id: e.id, sessionId: s.id }),
        })),
        { kind: 'print', label: 'Лист регистрации — печать, PDF', to: `/events/print/${e.id}` },
        { kind: 'excel', label: 'Список участников (Excel)', make: () => callApi('events.attendanceXlsx', { id: e.id }) },
      ]}
    />
  );
}
