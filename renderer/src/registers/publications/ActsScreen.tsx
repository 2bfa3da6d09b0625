import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconPencil, IconPlus, IconSignature, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { WriteOffActDetail, WriteOffActInput, WriteOffActRow } from '@shared/contract/writeOffActs';
import { copiesInWords, formatDate, formatNumber, todayLocal } from '@shared/russian';
import { callApi, useCall } from '@renderer/api/client';
import { confirmDelete, ScreenHeader } from '@renderer/components/screen';
import { ListTable } from '@renderer/components/ListTable';
import { useDocument } from '@renderer/components/useDocument';
import { copies, DateInput, numberCell, useTypedDate } from './common';

/**
 * Акты списания (issue 22): the commission from the center's staff writes a draft (date, reason,
 * what and how many); the director signs it, and only then are the copies written off the ledger,
 * the act numbered within its year. The Word file is the act as printed for signatures.
 */

const notify = (error: unknown) => notifications.show({ color: 'red', title: 'Не выполнено', message: (error as Error).message });

interface Line {
  publicationId: number | null;
  quantity: number | '';
}

function ActForm({ editing, onClose }: { editing: WriteOffActDetail | null; onClose: () => void }) {
  const staff = useCall('writeOffActs.staff', {});
  const catalogue = useCall('publications.list', { archive: 'all', limit: 1000 });
  const date = useTypedDate(editing?.actDate ?? todayLocal());
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [chairId, setChairId] = useState<string | null>(
    editing ? String(editing.members.find((m) => m.chair)?.personId ?? '') || null : null,
  );
  const [memberIds, setMemberIds] = useState<string[]>(
    editing ? editing.members.filter((m) => !m.chair).map((m) => String(m.personId)) : [],
  );
  const [lines, setLines] = useState<Line[]>(
    editing
      ? editing.lines.map((l) => ({ publicationId: l.publicationId, quantity: l.quantity }))
      : [{ publicationId: null, quantity: '' }],
  );
  const [busy, setBusy] = useState(false);
  const people = (staff.data ?? []).map((s) => ({ value: String(s.id), label: [s.name, s.position].filter(Boolean).join(', ') }));
  const publications = (catalogue.data?.rows ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.title} (в наличии ${copies(p.balance)})`,
  }));
  const setLine = (i: number, line: Partial<Line>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...line } : l)));
  const save = async () => {
    if (!date.iso) return;
    const data: WriteOffActInput = {
      actDate: date.iso,
      reason,
      chairId: Number(chairId),
      memberIds: memberIds.map(Number),
      lines: lines.map((l) => ({ publicationId: l.publicationId ?? 0, quantity: l.quantity === '' ? 0 : l.quantity })),
    };
    setBusy(true);
    try {
      if (editing) await callApi('writeOffActs.update', { id: editing.id, data }, 'Проект акта сохранён');
      else await callApi('writeOffActs.create', data, 'Проект акта создан');
      onClose();
    } catch (error) {
      notify(error);
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={editing ? 'Проект акта списания' : 'Новый акт списания'} size="xl">
      <Stack>
        {staff.data && staff.data.length === 0 ? (
          <Text c="red" size="sm">
            В реестре нет сотрудников центра: укажите организацию центра в профиле и добавьте её специалистов.
          </Text>
        ) : null}
        <DateInput label="Дата акта" d={date} />
        <Select label="Председатель комиссии" data={people} value={chairId} onChange={setChairId} searchable required />
        <MultiSelect
          label="Члены комиссии"
          description="Не меньше двух, из сотрудников центра"
          data={people.filter((p) => p.value !== chairId)}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          required
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            Что списывается
          </Text>
          {lines.map((l, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <Select
                aria-label={`Издание, строка ${i + 1}`}
                placeholder="Издание"
                data={publications}
                value={l.publicationId === null ? null : String(l.publicationId)}
                onChange={(v) => setLine(i, { publicationId: v === null ? null : Number(v) })}
                searchable
                style={{ flex: 1 }}
              />
              <NumberInput
                aria-label={`Количество, строка ${i + 1}`}
                placeholder="Экз."
                min={1}
                allowDecimal={false}
                w={110}
                value={l.quantity}
                onChange={(v) => setLine(i, { quantity: typeof v === 'number' ? v : '' })}
              />
              <Text size="xs" c="dimmed" w={220}>
                {typeof l.quantity === 'number' && l.quantity > 0 ? copiesInWords(l.quantity) : ''}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Убрать строку ${i + 1}`}
                disabled={lines.length === 1}
                onClick={() => setLines(lines.filter((_, j) => j !== i))}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            leftSection={<IconPlus size={16} />}
            w="fit-content"
            onClick={() => setLines([...lines, { publicationId: null, quantity: '' }])}
          >
            Добавить издание
          </Button>
        </Stack>
        <Textarea
          label="Причина списания"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={!date.iso}>
            Сохранить проект
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function confirmSign(act: WriteOffActRow, onConfirm: () => void) {
  modals.openConfirmModal({
    title: 'Подписание акта списания',
    children: (
      <Text size="sm">
        Подписать акт от {formatDate(act.actDate)}? Акт получит номер, {copies(act.copies)} будут списаны из журнала на дату акта.
        Подписанный акт не меняют.
      </Text>
    ),
    labels: { confirm: 'Подписать', cancel: 'Отмена' },
    onConfirm,
  });
}

export function ActsScreen() {
  const list = useCall('writeOffActs.list', { year: null });
  const [editing, setEditing] = useState<WriteOffActDetail | 'new' | null>(null);
  const { busy, download } = useDocument();
  const edit = async (id: number) => {
    try {
      setEditing(await callApi('writeOffActs.get', { id }));
    } catch (error) {
      notify(error);
    }
  };
  const sign = (act: WriteOffActRow) =>
    confirmSign(act, () => void callApi('writeOffActs.sign', { id: act.id }, 'Акт подписан, экземпляры списаны').catch(notify));
  const remove = (act: WriteOffActRow) =>
    confirmDelete(
      `Удалить проект акта от ${formatDate(act.actDate)}?`,
      () => void callApi('writeOffActs.delete', { id: act.id }, 'Проект акта удалён').catch(notify),
    );
  const acts = list.data ?? [];
  return (
    <>
      <Anchor component={Link} to="/publications" size="sm">
        ← Печатная продукция
      </Anchor>
      <ScreenHeader
        title="Акты списания"
        description="Комиссия из сотрудников центра составляет акт, руководитель утверждает; экземпляры списываются при подписании"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Новый акт
          </Button>
        }
      />
      <ListTable
        label="Акты списания"
        columns={[
          { title: '№', width: 100 },
          { title: 'Дата', width: 110 },
          { title: 'Причина' },
          { title: 'Изданий', width: 90, right: true },
          { title: 'Экземпляров', width: 120, right: true },
          { title: 'Состояние', width: 120 },
          { title: '', width: 310 },
        ]}
        empty={acts.length === 0 ? 'Актов пока нет.' : null}
      >
        {acts.map((a) => (
          <Table.Tr key={a.id} data-act={a.status}>
            <Table.Td>{a.numberLabel ?? '—'}</Table.Td>
            <Table.Td>{formatDate(a.actDate)}</Table.Td>
            <Table.Td>{a.reason}</Table.Td>
            <Table.Td style={numberCell}>{formatNumber(a.publications)}</Table.Td>
            <Table.Td style={numberCell}>{formatNumber(a.copies)}</Table.Td>
            <Table.Td>
              <Badge color={a.status === 'signed' ? 'green' : 'gray'} variant="light">
                {a.status === 'signed' ? 'подписан' : 'проект'}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end">
                <Button
                  size="compact-sm"
                  variant="default"
                  leftSection={<IconFileText size={14} />}
                  loading={busy === `act-${a.id}`}
                  onClick={() => void download(`act-${a.id}`, () => callApi('writeOffActs.docx', { id: a.id }))}
                >
                  Word
                </Button>
                {a.status === 'draft' ? (
                  <>
                    <Button size="compact-sm" leftSection={<IconSignature size={14} />} onClick={() => sign(a)}>
                      Подписать
                    </Button>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Изменить проект акта от ${formatDate(a.actDate)}`}
                      onClick={() => void edit(a.id)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Удалить проект акта от ${formatDate(a.actDate)}`}
                      onClick={() => remove(a)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </>
                ) : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {editing ? <ActForm editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
