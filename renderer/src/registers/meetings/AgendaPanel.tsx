import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconListCheck, IconPencil, IconPlus, IconCalendarPlus } from '@tabler/icons-react';
import { useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { RowActions } from '@renderer/components/RowActions';
import { agendaLines, type AgendaItemView, type MeetingDetail, type PersonRef } from '@shared/contract/meetings';
import type { Option } from '@shared/contract/registry';
import { countOf } from '@shared/russian';
import { callApi, useCall, useChange } from '@renderer/api/client';
import { confirmDelete } from '@renderer/components/screen';
import { AssignmentStateBadge, dueLabel, responsibles, useDocument } from './common';
import { ItemEditor } from './ItemEditor';
import { wordFilter } from '@renderer/components/pickers';
import { FormDialog, FormFrame, useContractForm } from '@renderer/components/form';

/** Organisations the item's assignments go to, directly or through their people: each may get its own extract. */
function addressees(item: AgendaItemView): { id: number; name: string }[] {
  const found = new Map<number, string>();
  for (const decision of item.decisions) {
    for (const org of decision.assignment?.organizations ?? []) found.set(org.id, org.name);
    for (const person of decision.assignment?.people ?? []) {
      if (person.organizationId !== null && !found.has(person.organizationId))
        found.set(person.organizationId, person.organizationName ?? '');
    }
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

/** Who is offered first as a speaker: the plan item's responsible people, then the group's officers and members. */
function useSpeakerSuggestions(m: MeetingDetail, item: AgendaItemView | null): Option[] {
  const planItemId = item?.planItemId ?? null;
  const plan = useCall('workPlan.items', { year: m.year }, { enabled: planItemId !== null });
  return useMemo(() => {
    const found = new Map<number, Option>();
    const planned = plan.data?.find((p) => p.id === planItemId);
    for (const r of planned?.responsibles ?? []) found.set(r.id, { id: r.id, label: r.label, description: 'ответственный по плану' });
    const person = (p: PersonRef, role?: string) => {
      if (found.has(p.id)) return;
      const description = [role, p.position, p.organizationName].filter(Boolean).join(', ');
      found.set(p.id, { id: p.id, label: p.fullName, ...(description ? { description } : {}) });
    };
    if (m.chair) person(m.chair, 'председатель');
    for (const a of m.attendees) if (a.member) person(a.person);
    if (m.secretary) person(m.secretary, 'секретарь');
    return [...found.values()];
  }, [plan.data, planItemId, m.chair, m.secretary, m.attendees]);
}

type Editing = { item: AgendaItemView | null; key: number };

export function AgendaPanel({ m, locked }: { m: MeetingDetail; locked: boolean }) {
  const [editing, setEditingRaw] = useState<Editing | null>(null);
  // Each opening is a fresh form, also «new» after «new».
  const opened = useRef(0);
  const setEditing = (item: AgendaItemView | null | 'close') => setEditingRaw(item === 'close' ? null : { item, key: ++opened.current });
  const [fromPlan, setFromPlan] = useState(false);
  const open = useCall('meetings.openAssignments', { id: m.id });
  const control = useChange('agenda.addControlReview', { success: 'Вопрос о ходе исполнения решений добавлен' });
  const hasControlItem = m.items.some((i) => i.controlReview);
  const openList = open.data ?? [];
  const suggestions = useSpeakerSuggestions(m, editing?.item ?? null);

  return (
    <Stack>
      {openList.length ? (
        <Alert
          color={openList.some((a) => a.state === 'overdue') ? 'red' : 'blue'}
          variant="light"
          icon={<IconListCheck size={18} />}
          title={`На контроле ${countOf(openList.length, ['поручение', 'поручения', 'поручений'])} предыдущих заседаний (по подписанным протоколам)`}
        >
          <Stack gap={4}>
            {openList.map((a) => (
              <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
                <AssignmentStateBadge state={a.state} />
                <Text size="sm">
                  {a.decisionNumber} ({a.meetingLabel.replace('Протокол', 'протокол')}): {a.text} — {responsibles(a)}, {dueLabel(a)}
                </Text>
              </Group>
            ))}
            {locked || hasControlItem ? null : (
              <Group mt="xs">
                <Button size="xs" variant="light" loading={control.isPending} onClick={() => control.mutate({ meetingId: m.id })}>
                  Добавить вопрос «О ходе исполнения решений предыдущих заседаний»
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      ) : null}

      {m.items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            Повестка пока пуста. Впишите вопросы ниже (или вставьте повестку целиком — по вопросу в строке), либо возьмите их из плана
            работы.
          </Text>
        </Paper>
      ) : (
        m.items.map((item, index) => (
          <ItemCard
            key={item.id}
            meetingId={m.id}
            item={item}
            first={index === 0}
            last={index === m.items.length - 1}
            locked={locked}
            onEdit={() => setEditing(item)}
          />
        ))
      )}

      {locked ? null : (
        <Stack gap="xs">
          <QuickAdd meetingId={m.id} autoFocus={m.items.length === 0} />
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
              Добавить вопрос подробно
            </Button>
            <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={() => setFromPlan(true)}>
              Взять из плана работы
            </Button>
          </Group>
        </Stack>
      )}
      {editing ? (
        <ItemEditor
          key={editing.key}
          meetingId={m.id}
          item={editing.item}
          position={editing.item?.position ?? m.items.length + 1}
          suggestions={suggestions}
          onClose={() => setEditing('close')}
          onNext={(saved, position) => setEditing(saved.items.find((i) => i.position === position + 1) ?? null)}
        />
      ) : null}
      {fromPlan ? <FromPlan m={m} onClose={() => setFromPlan(false)} /> : null}
    </Stack>
  );
}

/**
 * The agenda typed as a list: Enter adds the question typed; a pasted agenda (from last year's
 * Word file, an e-mail) becomes one question per line, at once. The details of each question
 * come next, in its own form.
 */
function QuickAdd({ meetingId, autoFocus }: { meetingId: number; autoFocus: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const cf = useContractForm({
    call: 'agenda.createMany',
    initialValues: { text: '' },
    toInput: (v) => ({ meetingId, titles: agendaLines(v.text) }),
    fieldOf: (path) => (path.startsWith('titles') ? 'text' : path),
    success: 'Вопросы добавлены в повестку',
    onSaved: () => {
      cf.reinitialize({ text: '' });
      ref.current?.focus();
    },
  });
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (agendaLines(pasted).length < 2) return;
    event.preventDefault();
    const typed = cf.form.getValues().text.trim();
    cf.form.setFieldValue('text', typed ? `${typed}\n${pasted}` : pasted);
    void cf.submit();
  };
  return (
    <FormFrame cf={cf}>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          ref={ref}
          style={{ flex: 1 }}
          label="Новый вопрос повестки"
          description="Enter — добавить; вставленный список (по вопросу в строке) становится вопросами повестки"
          placeholder="О ходе реализации плана работы на 2017 год"
          autoFocus={autoFocus}
          {...cf.field('text')}
          onPaste={onPaste}
        />
        <Button type="submit" variant="default" loading={cf.saving} disabled={cf.form.getValues().text.trim() === ''}>
          Добавить
        </Button>
      </Group>
    </FormFrame>
  );
}

function ItemCard({
  meetingId,
  item,
  first,
  last,
  locked,
  onEdit,
}: {
  meetingId: number;
  item: AgendaItemView;
  first: boolean;
  last: boolean;
  locked: boolean;
  onEdit: () => void;
}) {
  const move = useChange('agenda.move');
  const remove = useChange('agenda.delete', { success: 'Вопрос удалён из повестки' });
  const carry = useChange('agenda.carryToNext', { success: 'Вопрос перенесён на следующее заседание' });
  const { busy, download } = useDocument();
  const navigate = useNavigate();
  return (
    <Paper withBorder p="md" aria-label={`Вопрос ${item.position}`} component="section">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1 }}>
          <Title order={4}>
            {item.position}. {item.title}
          </Title>
          <Group gap="xs">
            {item.plannedMinutes ? (
              <Text size="xs" c="dimmed">
                {item.plannedMinutes} мин.
              </Text>
            ) : null}
            {item.carriedFrom ? (
              <Badge size="xs" variant="light" color="orange">
                {item.carriedFrom.label}
              </Badge>
            ) : null}
            {item.planItemId ? (
              <Badge size="xs" variant="light">
                из плана работы
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {locked ? null : (
            <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              Изменить
            </Button>
          )}
          {/* Moving is in the item's menu (mounted when opened), like a plan row's: no tooltips per item. */}
          <RowActions
            label={`Действия с вопросом ${item.position}`}
            loading={busy !== null}
            actions={() => {
              const print = (organization?: number) =>
                navigate(`/meetings/print/${meetingId}?doc=extract&item=${item.id}${organization ? `&organization=${organization}` : ''}`);
              const word = (organizationId?: number) =>
                download('extract', () =>
                  callApi('meetings.extractDocx', { itemId: item.id, ...(organizationId ? { organizationId } : {}) }),
                );
              const orgs = addressees(item);
              return [
                ...(locked
                  ? []
                  : [
                      {
                        label: 'Выше',
                        icon: <IconArrowUp size={14} />,
                        disabled: first,
                        onClick: () => move.mutate({ id: item.id, to: 'up' as const }),
                      },
                      {
                        label: 'Ниже',
                        icon: <IconArrowDown size={14} />,
                        disabled: last,
                        onClick: () => move.mutate({ id: item.id, to: 'down' as const }),
                      },
                    ]),
                { label: 'Выписка из протокола (Word)', onClick: () => void word() },
                ...orgs.map((org) => ({ label: `Выписка для «${org.name}» (Word)`, onClick: () => void word(org.id) })),
                { label: 'Выписка из протокола (печать)', onClick: () => void print() },
                ...orgs.map((org) => ({ label: `Выписка для «${org.name}» (печать)`, onClick: () => void print(org.id) })),
                ...(locked
                  ? []
                  : [
                      { label: 'Перенести на следующее заседание', onClick: () => carry.mutate({ id: item.id }) },
                      {
                        label: 'Удалить вопрос',
                        color: 'red',
                        onClick: () =>
                          confirmDelete(`Удалить вопрос «${item.title}» вместе с его решениями?`, () => remove.mutate({ id: item.id })),
                      },
                    ]),
              ];
            }}
          />
        </Group>
      </Group>
      <Stack gap={6} mt="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          <b>СЛУШАЛИ:</b>{' '}
          {item.speakers.map((s) => s.label).join('; ') || (
            <Text span c="dimmed">
              докладчик не указан
            </Text>
          )}
          {item.reportAttached ? '. Текст доклада прилагается.' : item.heardText ? `. ${item.heardText}` : ''}
        </Text>
        {item.discussion.length ? (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              ВЫСТУПИЛИ:
            </Text>
            {item.discussion.map((d, i) => (
              <Text size="sm" key={i}>
                {d.label}
                {d.text ? ` – ${d.text}` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            РЕШИЛИ:
          </Text>
          {item.decisions.length === 0 ? (
            <Text size="sm" c="dimmed">
              решения не записаны
            </Text>
          ) : (
            item.decisions.map((d) => (
              <Group key={d.id} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" style={{ flex: 1 }}>
                  {d.number}. {d.text}
                  {d.assignment ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      Ответственные: {responsibles(d.assignment)}; срок: {dueLabel(d.assignment)}.
                    </Text>
                  ) : null}
                </Text>
                {d.assignment ? <AssignmentStateBadge state={d.assignment.state} /> : null}
              </Group>
            ))
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function FromPlan({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const candidates = useCall('meetings.planCandidates', { year: m.year });
  const cf = useContractForm({
    call: 'agenda.addFromPlan',
    initialValues: { planItemId: null as number | null },
    toInput: (v) => ({ meetingId: m.id, planItemId: v.planItemId as number }),
    check: (v): Record<string, string> => (v.planItemId === null ? { planItemId: 'Выберите мероприятие плана' } : {}),
    success: 'Вопрос из плана добавлен в повестку',
    onSaved: onClose,
  });
  const options = (candidates.data ?? [])
    .filter((c) => c.status !== 'cancelled')
    .map((c) => ({ value: c.id, label: `${c.title} (${c.termLabel}${c.used ? ', уже в повестке или заседании' : ''})` }));
  return (
    <FormDialog cf={cf} title={`Вопрос из плана работы на ${m.year} год`} size="lg" onClose={onClose} submitLabel="Добавить в повестку">
      {candidates.isSuccess && options.length === 0 ? <Alert color="gray">В плане работы на {m.year} год нет мероприятий.</Alert> : null}
      <Select<number>
        label="Мероприятие плана"
        searchable
        selectFirstOptionOnChange
        allowDeselect={false}
        filter={wordFilter}
        data={options}
        nothingFoundMessage="Ничего не найдено"
        {...cf.field('planItemId')}
      />
      <Text size="xs" c="dimmed">
        Название можно затем поправить, чтобы вопрос начинался с «О…/Об…». Когда заседание проведено, план показывает мероприятие
        выполненным.
      </Text>
    </FormDialog>
  );
}
