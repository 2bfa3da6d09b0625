import { Alert, Badge, Button, Checkbox, Group, List, NumberInput, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconMinus, IconRepeat, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExchangeSettings, ExportLogRow, ExportResult, FolderCheck } from '@shared/contract/exchange';
import type { Job } from '@shared/contract/jobs';
import { useCall, useChange } from '@renderer/api/client';
import { useJob } from '@renderer/api/jobs';
import { ScreenHeader } from '@renderer/components/screen';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { FormFrame, SaveButton, TextField, useContractForm, useLeaveGuard } from '@renderer/components/form';
import { formatDateTime, PackageViewer, STATUS_COLORS, STATUS_LABELS } from './common';
import { currentYear } from '@shared/russian';

export function ExportScreen() {
  const settings = useCall('exchange.settings', {});
  const [started, setJob] = useState<Job<ExportResult> | null>(null);
  // An export started before the screen was left goes on: it is found again when the screen opens.
  const jobs = useCall('jobs.list', {}, { staleTime: 0 });
  const running = (jobs.data?.find((j) => j.kind === 'export' && j.state === 'running') as Job<ExportResult> | undefined) ?? null;
  const job = useJob(started ?? running);
  return (
    <>
      <ScreenHeader
        title="Выгрузка в общую папку"
        description="Документы и пакет данных центра попадают в папку «код центра / год / вид». Файл появляется в папке только целиком; существующие файлы не заменяются."
      />
      <Stack maw={1100}>
        {settings.data ? <SettingsForm initial={settings.data} /> : null}
        <ExportForm job={job} onJob={setJob} configured={!!settings.data?.folder && !!settings.data.centerCode} />
        <ExportLog onJob={setJob} busy={job?.state === 'running'} />
        <PackageViewer />
      </Stack>
    </>
  );
}

function SettingsForm({ initial }: { initial: ExchangeSettings }) {
  const [check, setCheck] = useState<FolderCheck | null>(null);
  const cf = useContractForm({
    call: 'exchange.saveSettings',
    initialValues: initial,
    toInput: (v: ExchangeSettings) => v,
    success: 'Настройки выгрузки сохранены',
    onSaved: (saved) => cf.reinitialize(saved),
  });
  useLeaveGuard(cf.dirty);
  const checkFolder = useChange('exchange.checkFolder', { notifyErrors: false });
  const folder = cf.form.getValues().folder;
  const runCheck = () =>
    checkFolder.mutate(
      { folder },
      {
        onSuccess: setCheck,
        onError: (error) => cf.form.setFieldError('folder', error.fields.folder ?? error.message),
      },
    );
  return (
    <Paper withBorder p="md">
      <FormFrame
        cf={cf}
        actions={
          <Group>
            <SaveButton cf={cf} />
            <Button variant="default" loading={checkFolder.isPending} disabled={!folder.trim()} onClick={runCheck}>
              Проверить папку
            </Button>
          </Group>
        }
      >
        <Title order={4}>Папка выгрузки и код центра</Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextField
            cf={cf}
            path="folder"
            style={{ gridColumn: 'span 2' }}
            label="Папка выгрузки"
            description={String.raw`Сетевая папка (\\сервер\общая\Выгрузка), подключённый диск (Z:\Выгрузка) или любая папка`}
            required
            onChange={(e) => {
              cf.form.setFieldValue('folder', e.currentTarget.value);
              setCheck(null);
            }}
          />
          <TextField cf={cf} path="centerCode" label="Код центра" description="Латинские буквы, цифры и дефис, например RC-06" required />
        </SimpleGrid>
      </FormFrame>
      {check ? <CheckResult check={check} /> : null}
    </Paper>
  );
}

function CheckResult({ check }: { check: FolderCheck }) {
  return (
    <Alert color={check.ok ? 'green' : 'red'} title={check.summary} role="status">
      <List spacing={2} size="sm" center>
        {check.steps.map((s) => (
          <List.Item
            key={s.step}
            icon={
              s.ok === true ? (
                <IconCheck size={16} color="green" />
              ) : s.ok === false ? (
                <IconX size={16} color="red" />
              ) : (
                <IconMinus size={16} color="gray" />
              )
            }
          >
            <b>{s.step}:</b> {s.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ExportForm({
  job,
  onJob,
  configured,
}: {
  job: Job<ExportResult> | null;
  onJob: (job: Job<ExportResult> | null) => void;
  configured: boolean;
}) {
  const kinds = useCall('exchange.kinds', {});
  const cancel = useChange('jobs.cancel');
  const running = job?.state === 'running';
  const all = (kinds.data ?? []).map((k) => k.id);
  const cf = useContractForm({
    call: 'exchange.export',
    // Every kind until she unticks one.
    initialValues: { year: currentYear() as number | string, kinds: null as string[] | null },
    toInput: (v) => ({ year: v.year === '' ? (undefined as never) : Number(v.year), kinds: v.kinds ?? all }),
    onSaved: (started) => onJob(started),
  });
  const { kinds: chosen } = cf.form.getValues();
  const selected = chosen ?? all;

  return (
    <Paper withBorder p="md">
      <FormFrame cf={cf}>
        <Title order={4}>Выгрузить</Title>
        {!configured ? <Text c="dimmed">Сначала укажите и сохраните папку выгрузки и код центра.</Text> : null}
        <Group align="flex-start" gap="xl">
          <NumberInput label="Год" min={2000} max={2100} w={120} allowDecimal={false} {...cf.field('year')} />
          <Checkbox.Group label="Что выгрузить" {...cf.field('kinds')} value={selected} onChange={(v) => cf.form.setFieldValue('kinds', v)}>
            <Stack gap={6} mt={6}>
              {(kinds.data ?? []).map((k) => (
                <Checkbox key={k.id} value={k.id} label={k.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        </Group>
        <Group>
          <Button type="submit" disabled={!configured || running || selected.length === 0} loading={cf.saving}>
            Выгрузить
          </Button>
          {running ? (
            <Button
              variant="default"
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ id: job.id }, { onSuccess: (j) => onJob(j as Job<ExportResult>) })}
            >
              Отменить
            </Button>
          ) : null}
        </Group>
        {job ? <JobState job={job} /> : null}
      </FormFrame>
    </Paper>
  );
}

function JobState({ job }: { job: Job<ExportResult> }) {
  if (job.state === 'running') {
    return (
      <Stack gap={4}>
        <Progress value={job.percent} animated aria-label="Ход выгрузки" />
        <Text size="sm">
          {job.step} — {job.percent}%
        </Text>
      </Stack>
    );
  }
  if (job.state === 'ok') {
    return (
      <Alert color="green" title="Выгрузка выполнена">
        <List size="sm">
          {(job.result?.files ?? []).map((f) => (
            <List.Item key={f.path}>{f.path}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Alert
      color={job.state === 'cancelled' ? 'yellow' : 'red'}
      title={job.state === 'cancelled' ? 'Выгрузка отменена' : 'Выгрузка не выполнена'}
    >
      <Text size="sm">{job.error}</Text>
      <Text size="sm">Данные на этом компьютере не изменены; выгрузку можно повторить из журнала.</Text>
    </Alert>
  );
}

function ExportLog({ onJob, busy }: { onJob: (job: Job<ExportResult>) => void; busy: boolean }) {
  // The scheduled export writes this log from another process: asked again whenever the screen opens.
  const log = useCall('exchange.log', { limit: 50 }, { staleTime: 0 });
  const kinds = useCall('exchange.kinds', {});
  const retry = useChange('exchange.retry');
  const label = (id: string) => kinds.data?.find((k) => k.id === id)?.label ?? id;
  const columns: Column<ExportLogRow>[] = [
    {
      header: 'Начало',
      nowrap: true,
      render: (row) => (
        <>
          {formatDateTime(row.startedAt)}
          {row.origin === 'cli' ? (
            <Text size="xs" c="dimmed">
              по расписанию
            </Text>
          ) : null}
        </>
      ),
    },
    { header: 'Год', render: (row) => row.year },
    { header: 'Что', render: (row) => row.kinds.map(label).join(', ') },
    {
      header: 'Куда',
      render: (row) => (
        <>
          <span style={{ wordBreak: 'break-all' }}>{row.targetFolder}</span>
          <Text size="xs" c="dimmed">
            код центра {row.centerCode}
          </Text>
        </>
      ),
    },
    {
      header: 'Результат',
      minWidth: 130,
      render: (row) => (
        <>
          <Badge color={STATUS_COLORS[row.status]}>{STATUS_LABELS[row.status]}</Badge>
          <Text size="xs">{row.status === 'ok' ? `Файлов: ${row.files.length}` : row.errorMessage}</Text>
        </>
      ),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        Журнал выгрузок
      </Title>
      <DataTable
        label="Журнал выгрузок"
        columns={columns}
        rows={log.data?.rows}
        loading={log.isFetching}
        actions={{
          label: (row) => `Действия: выгрузка ${formatDateTime(row.startedAt)}`,
          busy: () => retry.isPending,
          actions: (row) => [
            {
              label: 'Повторить',
              icon: <IconRepeat size={14} />,
              // Only a failed or cancelled export is repeated; a finished one is already in the folder.
              disabled: busy || !(row.status === 'failed' || row.status === 'cancelled'),
              onClick: () => retry.mutate({ logId: row.id }, { onSuccess: onJob }),
            },
          ],
        }}
        empty={<Text c="dimmed">Выгрузок ещё не было.</Text>}
      />
    </Paper>
  );
}
