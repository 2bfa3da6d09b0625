import { Alert, Badge, Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLockOpen, IconPrinter, IconRefresh, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_STATUS_LABELS, type ReportView } from '@shared/contract/reports';
import { currentYear, formatDate, todayLocal, typedDateInput } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { EmptyState, ScreenHeader } from '@renderer/components/screen';
import { DocumentView } from '@renderer/components/DocumentView';
import { DateField, FormDialog, LongTextField, useContractForm } from '@renderer/components/form';
import { useReportDocx } from './BuildDocx';
import { NarrativeParagraphs } from '@renderer/components/NarrativeParagraph';
import { CHANGED_NUMBERS, changedMarks } from '@shared/narrative';
import { periodOf, periodQuery } from './period';

const QUARTERS = [
  { value: '0', label: 'Год' },
  { value: '1', label: 'I кв.' },
  { value: '2', label: 'II кв.' },
  { value: '3', label: 'III кв.' },
  { value: '4', label: 'IV кв.' },
];

/**
 * Отчёт о работе за год (or a quarter): generated from the registers, its paragraphs edited in
 * place with the figures as live fields (a figure that changed since the text was saved is marked
 * with what was seen), approved — then frozen —, unlocked with a reason, downloaded as Word.
 */
export function ReportScreen() {
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);
  const view = useCall('reports.get', period);
  const create = useChange('reports.create', { success: 'Отчёт сформирован из данных реестров' });
  const setPeriod = (year: number, quarter: number | null) => setParams(periodQuery({ year, quarter }), { replace: true });
  const thisYear = currentYear();
  const years = Array.from({ length: thisYear + 1 - 2010 }, (_, i) => String(thisYear - i));
  return (
    <Stack>
      <ScreenHeader
        title="Отчёт о работе"
        description="Разделы собираются из реестров: заседания, план, мероприятия, печатная продукция, мониторинг, поручения"
      />
      <Group align="flex-end">
        <Select
          label="Год"
          w={120}
          data={years}
          value={String(period.year)}
          allowDeselect={false}
          onChange={(v) => v && setPeriod(Number(v), period.quarter)}
        />
        <SegmentedControl
          aria-label="Период отчёта"
          data={QUARTERS}
          value={String(period.quarter ?? 0)}
          onChange={(v) => setPeriod(period.year, v === '0' ? null : Number(v))}
        />
      </Group>
      {view.isError ? <Text c="red">{view.error.message}</Text> : null}
      {view.data === undefined ? (
        view.isError ? null : (
          <Loader />
        )
      ) : view.data === null ? (
        <Paper withBorder p="xl">
          <EmptyState
            text={`Отчёт ${period.quarter === null ? `за ${period.year} год` : `за ${QUARTERS[period.quarter]!.label} ${period.year} года`} ещё не сформирован.`}
            action={
              <Button leftSection={<IconPlus size={16} />} loading={create.isPending} onClick={() => create.mutate(period)}>
                Сформировать отчёт
              </Button>
            }
          />
        </Paper>
      ) : (
        <Report view={view.data} refetch={() => view.refetch()} />
      )}
    </Stack>
  );
}

function Report({ view, refetch }: { view: ReportView; refetch: () => Promise<unknown> }) {
  const period = { year: view.year, quarter: view.quarter };
  const [approving, setApproving] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const docx = useReportDocx(period);
  const save = useChange('reports.saveParagraph', { success: 'Абзац сохранён' });
  const approved = view.status === 'approved';
  const regenerate = async () => {
    setRegenerating(true);
    try {
      await refetch();
      notifications.show({ color: 'green', message: 'Отчёт собран заново из данных реестров' });
    } finally {
      setRegenerating(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>Отчёт за {view.periodLabel}</Title>
          <Badge color={approved ? 'green' : 'gray'} variant="light">
            {REPORT_STATUS_LABELS[view.status]}
            {approved && view.approvedOn ? ` ${formatDate(view.approvedOn)}` : ''}
          </Badge>
        </Group>
        <Group gap="xs">
          {approved ? null : (
            <Button variant="default" leftSection={<IconRefresh size={16} />} loading={regenerating} onClick={() => void regenerate()}>
              Собрать заново
            </Button>
          )}
          {docx.button}
          <Button variant="default" component={Link} to={`/reports/print?${periodQuery(period)}`} leftSection={<IconPrinter size={16} />}>
            Печать, PDF
          </Button>
          {approved ? (
            <Button variant="default" leftSection={<IconLockOpen size={16} />} onClick={() => setUnlocking(true)}>
              Снять утверждение
            </Button>
          ) : (
            <Button leftSection={<IconCheck size={16} />} onClick={() => setApproving(true)}>
              Утвердить
            </Button>
          )}
        </Group>
      </Group>
      {docx.progress}
      {approved ? (
        <Alert color="green">Отчёт утверждён: он больше не собирается из реестров и печатается таким, каким был утверждён.</Alert>
      ) : view.changed > 0 ? (
        <Alert color="orange" title="Числа изменились после правки текста">
          В абзацах {changedMarks(view.changed, CHANGED_NUMBERS)} в реестрах. Перечитайте эти абзацы и сохраните их — тогда отчёт можно
          утвердить.
        </Alert>
      ) : null}
      {view.unlocks.length > 0 ? (
        <Stack gap={2}>
          {view.unlocks.map((u, i) => (
            <Text key={i} size="sm" c="dimmed">
              Утверждение снято {formatDate(u.on)}: {u.reason}
            </Text>
          ))}
        </Stack>
      ) : null}
      {approved ? null : (
        <Stack gap="xs">
          <Title order={4}>Текст отчёта</Title>
          <NarrativeParagraphs
            paragraphs={view.paragraphs}
            choices={view.figures}
            insertLabel="Вставить число"
            description="Числа отчёта стоят в тексте полями {{…}}: при пересборке они берутся из реестров"
            saving={save.isPending}
            onSave={(p, text, done) => save.mutate({ ...period, key: p.key, text }, { onSuccess: done })}
          />
        </Stack>
      )}
      <Title order={4}>Как будет напечатано</Title>
      <Paper withBorder p="md" aria-label="Отчёт для печати">
        <DocumentView spec={view.document} />
      </Paper>
      {approving ? <ApproveDialog view={view} onClose={() => setApproving(false)} /> : null}
      {unlocking ? <UnlockDialog view={view} onClose={() => setUnlocking(false)} /> : null}
    </Stack>
  );
}

function ApproveDialog({ view, onClose }: { view: ReportView; onClose: () => void }) {
  const cf = useContractForm({
    call: 'reports.approve',
    initialValues: { approvedOn: formatDate(todayLocal()) },
    toInput: (v) => ({
      year: view.year,
      quarter: view.quarter,
      approvedOn: typedDateInput(v.approvedOn) ?? (undefined as unknown as string),
    }),
    success: 'Отчёт утверждён',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title={`Утвердить отчёт за ${view.periodLabel}`} onClose={onClose} submitLabel="Утвердить">
      <Text size="sm">Утверждённый отчёт больше не собирается из реестров: он печатается и выгружается таким, каким был утверждён.</Text>
      <DateField cf={cf} path="approvedOn" label="Дата утверждения" required />
    </FormDialog>
  );
}

function UnlockDialog({ view, onClose }: { view: ReportView; onClose: () => void }) {
  const cf = useContractForm({
    call: 'reports.unlock',
    initialValues: { reason: '' },
    toInput: (v) => ({ year: view.year, quarter: view.quarter, ...v }),
    success: 'Утверждение снято, отчёт можно исправить',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title="Снять утверждение отчёта" onClose={onClose} submitLabel="Снять утверждение">
      <Text size="sm">Укажите, почему утверждённый отчёт нужно изменить: причина сохранится вместе с отчётом.</Text>
      <LongTextField cf={cf} path="reason" label="Причина" required />
    </FormDialog>
  );
}
