import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen, IconSignature, IconCheck, IconArrowBackUp, IconTrash, IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { MEETING_KIND_LABELS, type MeetingDetail } from '@shared/contract/meetings';
import { formatStampDate } from '@shared/russian';
import { callApi, useChange } from '@renderer/api/client';
import { confirmDelete } from '@renderer/components/screen';
import { FormDialog, LongTextField, useContractForm } from '@renderer/components/form';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { MeetingStatusBadge, useDocument } from './common';
import { MeetingDetailsForm } from './MeetingForm';
import { DocumentsMenu } from '@renderer/components/DocumentsMenu';
import { NewsButton } from '@renderer/registers/news';
import { BackLink, RecordFrame, type BackTo } from '@renderer/components/RecordFrame';
import { useAfterPaint } from '@renderer/components/useAfterPaint';

const MEETINGS_BACK: BackTo = { to: '/meetings/list', label: 'Заседания', missing: 'К списку заседаний' };

export function MeetingEditor() {
  return (
    <RecordFrame call="meetings.get" input={(id) => ({ id })} back={MEETINGS_BACK}>
      {(m) => <Editor m={m} />}
    </RecordFrame>
  );
}

function Editor({ m }: { m: MeetingDetail }) {
  const locked = m.status === 'signed';
  const [tab, setTab] = useState<string | null>('agenda');
  // The other tabs (the participants, the details form with its three calls) mount once the
  // agenda has painted, or when chosen first: opening a meeting rendered all three at once.
  const later = useAfterPaint(true);
  return (
    <Stack gap="md">
      <BackLink back={MEETINGS_BACK} />
      <Stack gap={2}>
        <Group gap="sm">
          <Title order={2}>{m.title}</Title>
          <MeetingStatusBadge status={m.status} />
        </Group>
        <Text c="dimmed" size="sm">
          {MEETING_KIND_LABELS[m.kind]} · {m.group.name}
          {m.town ? ` · ${m.town}` : ''}
          {m.time ? ` · ${m.time}` : ''}
        </Text>
        {m.planItem ? (
          <Text size="sm">
            Реализует мероприятие плана: «{m.planItem.title}»{' '}
            {m.planItem.status === 'done' ? (
              <Badge size="xs" color="green" variant="light">
                выполнено
              </Badge>
            ) : null}
          </Text>
        ) : null}
      </Stack>
      <Group>
        <StatusActions m={m} />
        <Documents m={m} />
        <NewsButton kind="meeting" recordId={m.id} held={m.status !== 'draft'} />
      </Group>
      {m.copyProblem ? (
        <Alert color="red" icon={<IconLock size={18} />} title="Протокол подписан, но его копия не читается">
          {m.copyProblem} Ниже запись показана такой, какая она сейчас, а не какой была подписана.
        </Alert>
      ) : locked ? (
        <Alert color="green" icon={<IconLock size={18} />} title="Протокол подписан">
          Изменения запрещены. Протокол и документы показаны такими, какими были при подписании
          {m.signedAt ? ` ${formatStampDate(m.signedAt)}` : ''}: последующие изменения в реестре (ФИО, должности, названия) в них не
          попадают. Чтобы исправить протокол, нажмите «Снять подпись» и укажите причину — она сохранится в истории.
        </Alert>
      ) : null}
      {m.unlocks.length ? (
        <Alert color="yellow" variant="light" title="Подпись снималась">
          {m.unlocks.map((u, i) => (
            <Text size="sm" key={i}>
              {formatStampDate(u.at)}: {u.reason}
            </Text>
          ))}
        </Alert>
      ) : null}
      {/* Every tab stays mounted once shown: what was typed in one survives a look at another. */}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="agenda">Повестка и решения</Tabs.Tab>
          <Tabs.Tab value="attendance">Участники</Tabs.Tab>
          <Tabs.Tab value="details">Сведения о заседании</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaPanel m={m} locked={locked} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          {later || tab === 'attendance' ? <AttendancePanel m={m} locked={locked} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          {later || tab === 'details' ? <MeetingDetailsForm key={`${m.id}-${m.status}`} m={m} locked={locked} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function StatusActions({ m }: { m: MeetingDetail }) {
  const hold = useChange('meetings.hold', { success: 'Заседание отмечено как проведённое' });
  const reopen = useChange('meetings.reopen', { success: 'Заседание возвращено в черновики' });
  const sign = useChange('meetings.sign', { success: 'Протокол подписан' });
  const remove = useChange('meetings.delete', { success: 'Заседание удалено' });
  const navigate = useNavigate();
  const [unlocking, setUnlocking] = useState(false);
  return (
    <>
      {m.status === 'draft' ? (
        <>
          <Button leftSection={<IconCheck size={16} />} loading={hold.isPending} onClick={() => hold.mutate({ id: m.id })}>
            Провести
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() =>
              confirmDelete(`Удалить черновик заседания «${m.title}»?`, () => {
                // To the list first, at once (flushSync; a router navigation is otherwise a transition that keeps
                // this screen mounted a while): the deleted meeting's own screen would ask for it again and say it is gone.
                void navigate('/meetings/list', { flushSync: true });
                remove.mutate({ id: m.id });
              })
            }
          >
            Удалить
          </Button>
        </>
      ) : null}
      {m.status === 'held' ? (
        <>
          <Button
            leftSection={<IconSignature size={16} />}
            color="green"
            loading={sign.isPending}
            onClick={() => sign.mutate({ id: m.id })}
          >
            Подписать
          </Button>
          <Button
            variant="default"
            leftSection={<IconArrowBackUp size={16} />}
            loading={reopen.isPending}
            onClick={() => reopen.mutate({ id: m.id })}
          >
            В черновик
          </Button>
        </>
      ) : null}
      {m.status === 'signed' ? (
        <>
          <MinutesDownload m={m} />
          <Button variant="default" leftSection={<IconLockOpen size={16} />} onClick={() => setUnlocking(true)}>
            Снять подпись
          </Button>
        </>
      ) : null}
      {unlocking ? <UnlockDialog m={m} onClose={() => setUnlocking(false)} /> : null}
    </>
  );
}

function UnlockDialog({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const cf = useContractForm({
    call: 'meetings.unlock',
    initialValues: { reason: '' },
    toInput: (v) => ({ id: m.id, ...v }),
    success: 'Подпись снята, протокол можно исправить',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title="Снять подпись с протокола" onClose={onClose} submitLabel="Снять подпись">
      <Text size="sm">
        Подписанный протокол — официальный документ. Укажите, почему его нужно изменить: причина сохранится вместе с протоколом.
      </Text>
      <LongTextField cf={cf} path="reason" label="Причина" required />
    </FormDialog>
  );
}

/** What the secretary does with signed minutes first: the full minutes as a Word file, one click away. */
function MinutesDownload({ m }: { m: MeetingDetail }) {
  const { busy, download } = useDocument();
  return (
    <Button
      leftSection={<IconFileTypeDocx size={16} />}
      loading={busy !== null}
      onClick={() => download('full', () => callApi('meetings.minutesDocx', { id: m.id, form: 'full' }))}
    >
      Скачать протокол (Word)
    </Button>
  );
}

function Documents({ m }: { m: MeetingDetail }) {
  return (
    <DocumentsMenu
      note={m.status === 'signed' ? undefined : 'Протокол не подписан: документы с отметкой «ПРОЕКТ»'}
      footnote={m.status === 'signed' ? 'Выписка из протокола — в меню вопроса' : 'Выписка из протокола — после подписания, в меню вопроса'}
      entries={() => [
        { kind: 'word', label: 'Протокол полный (Word)', make: () => callApi('meetings.minutesDocx', { id: m.id, form: 'full' }) },
        { kind: 'word', label: 'Протокол краткий (Word)', make: () => callApi('meetings.minutesDocx', { id: m.id, form: 'short' }) },
        { kind: 'word', label: 'Повестка дня (Word)', make: () => callApi('meetings.agendaDocx', { id: m.id }) },
        { kind: 'word', label: 'Лист регистрации (Word)', make: () => callApi('meetings.registrationSheetDocx', { id: m.id }) },
        { kind: 'print', label: 'Протокол полный — печать, PDF', to: `/meetings/print/${m.id}?doc=full` },
        { kind: 'print', label: 'Протокол краткий — печать, PDF', to: `/meetings/print/${m.id}?doc=short` },
        { kind: 'print', label: 'Повестка дня — печать, PDF', to: `/meetings/print/${m.id}?doc=agenda` },
        { kind: 'print', label: 'Лист регистрации — печать, PDF', to: `/meetings/print/${m.id}?doc=registration` },
      ]}
    />
  );
}
