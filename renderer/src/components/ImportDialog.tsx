import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { StoredFile } from '@shared/contract/files';
import {
  IMPORT_ENCODING_LABELS,
  IMPORT_FIELD_LABELS,
  TARGET_FIELDS,
  type ImportEncoding,
  type ImportField,
  type ImportLine,
  type ImportOutcome,
  type ImportReport,
  type ImportTarget,
  type MappingEntry,
} from '@shared/contract/imports';
import type { Job } from '@shared/contract/jobs';
import { callApi, SHOWS_OWN_REFUSAL, useCall, useChange } from '@renderer/api/client';
import { useJob } from '@renderer/api/jobs';
import { inElectronWindow, uploadFile } from '@renderer/api/transport';
import { formatStampDateTime } from '@shared/russian';

/**
 * «Импорт из файла»: the file into the file store (streamed, never as base64 in a call), the
 * columns matched to fields (remembered for a file of the same header), a preview in which
 * every row says what the import will do, then the import as a job — all accepted rows or none.
 */

export const OUTCOME_COLORS: Record<ImportOutcome, string> = { match: 'blue', new: 'green', rejected: 'red' };
/** The mapping's choice for a column left out of the import. */
const SKIP = 'skip';
/** The lines a table shows at once; the report keeps every one. */
const SHOWN = 300;

export function ImportButton({
  target,
  eventId = null,
  label = 'Импорт из файла…',
}: {
  target: ImportTarget;
  eventId?: number | null;
  label?: string;
}) {
  const [file, setFile] = useState<StoredFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const choose = async (pick: () => Promise<StoredFile | null>) => {
    setUploading(true);
    try {
      const stored = await pick();
      if (stored) setFile(stored);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Файл не загружен', message: (error as Error).message });
    } finally {
      setUploading(false);
    }
  };
  const icon = <IconFileImport size={16} />;
  return (
    <>
      {inElectronWindow() ? (
        <Button
          variant="light"
          leftSection={icon}
          loading={uploading}
          onClick={() => void choose(() => callApi('files.choose', { kind: 'any' }))}
        >
          {label}
        </Button>
      ) : (
        <FileButton onChange={(f) => f && void choose(() => upload(f))} accept=".xlsx,.csv,.xls,.txt">
          {(props) => (
            <Button {...props} variant="light" leftSection={icon} loading={uploading}>
              {label}
            </Button>
          )}
        </FileButton>
      )}
      {file ? <ImportDialog file={file} target={target} eventId={eventId} onClose={() => setFile(null)} /> : null}
    </>
  );
}

async function upload(file: File) {
  const { ok, ...result } = await uploadFile(file);
  if (!ok) throw new Error((result as { error: { message: string } }).error.message);
  return (result as { value: StoredFile }).value;
}

function ImportDialog({
  file,
  target,
  eventId,
  onClose,
}: {
  file: StoredFile;
  target: ImportTarget;
  eventId: number | null;
  onClose: () => void;
}) {
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [mapping, setMapping] = useState<MappingEntry[] | null>(null);
  const [shown, setShown] = useState<ImportOutcome | 'all'>('all');
  const [started, setStarted] = useState<Job<ImportReport> | null>(null);
  const source = { fileHash: file.hash, target, eventId, encoding, mapping };
  const job = useJob(started);
  // A refused file is answered inside the dialog — not by the screen's error page, nor by a notification besides.
  // Not read again while the import runs or once it is done (the changes it makes would ask for that):
  // the whole list read anew then would only compete with the import for the computer.
  const preview = useCall('imports.preview', source, {
    retry: false,
    staleTime: 0,
    gcTime: 0,
    throwOnError: false,
    meta: { [SHOWS_OWN_REFUSAL]: true },
    enabled: job === null || job.state === 'failed' || job.state === 'cancelled',
  });
  const run = useChange('imports.run');
  const cancel = useChange('jobs.cancel');
  const p = preview.data;
  const fieldOf = (column: number) => (mapping ?? p?.mapping ?? []).find((m) => m.column === column)?.field ?? null;
  const setField = (column: number, field: ImportField | null) => {
    const current = (mapping ?? p?.mapping ?? []).filter((m) => m.column !== column && m.field !== field);
    setMapping(field ? [...current, { field, column }] : current);
  };
  const lines = p ? (shown === 'all' ? p.lines : p.lines.filter((l) => l.outcome === shown)) : [];
  const accepted = p ? p.matched + p.added : 0;
  const running = job?.state === 'running';
  const done = job?.state === 'ok' ? job.result : null;
  const start = () => run.mutate(source, { onSuccess: (j) => setStarted(j as Job<ImportReport>) });
  // Closed without an import (a refused file, a preview abandoned, a run that failed or was
  // cancelled): the upload is not kept in the file store. After an import the report stays.
  const close = () => {
    if (!done) void callApi('imports.discard', { fileHash: file.hash }).catch(() => undefined);
    onClose();
  };
  // «не загружать» is an entry of the list, so leaving a column out is a choice one sees and makes like any other.
  const fieldOptions = [
    { value: SKIP, label: 'не загружать' },
    ...TARGET_FIELDS[target].map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] })),
  ];

  return (
    <Modal opened onClose={running ? () => undefined : close} title={`Импорт из файла «${file.originalName}»`} size="95%">
      <Stack>
        {preview.isLoading ? (
          <Group>
            <Loader size="sm" />
            <Text>Чтение файла…</Text>
          </Group>
        ) : null}
        {preview.error ? (
          <Alert color="red" title="Файл не может быть импортирован" data-testid="import-refusal">
            {preview.error.message}
          </Alert>
        ) : null}
        {p && !done ? (
          <>
            <Group align="flex-end">
              {p.encoding ? (
                <Select
                  label="Кодировка"
                  w={300}
                  allowDeselect={false}
                  value={encoding === 'auto' ? p.encoding : encoding}
                  onChange={(v) => v && setEncoding(v as ImportEncoding)}
                  data={Object.entries(IMPORT_ENCODING_LABELS).map(([value, label]) => ({ value, label }))}
                  description="Если вместо букв видны знаки вопроса или «кракозябры», смените кодировку"
                />
              ) : null}
              {p.remembered && mapping === null ? (
                <Badge variant="light" size="lg">
                  Столбцы сопоставлены, как при прошлом импорте такого файла
                </Badge>
              ) : null}
            </Group>
            <Table withTableBorder aria-label="Столбцы файла">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Столбец файла</Table.Th>
                  <Table.Th>Первое значение</Table.Th>
                  <Table.Th w={320}>Загружать как</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.columns.map((c) => (
                  <Table.Tr key={c.index}>
                    <Table.Td>{c.header}</Table.Td>
                    <Table.Td c="dimmed">{c.sample}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Поле для столбца «${c.header}»`}
                        allowDeselect={false}
                        value={fieldOf(c.index) ?? SKIP}
                        onChange={(v) => setField(c.index, v && v !== SKIP ? (v as ImportField) : null)}
                        data={fieldOptions}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {p.mappingProblem ? <Alert color="orange">{p.mappingProblem}</Alert> : null}
            <Group gap="lg" data-testid="import-counts">
              <Text>Совпадают с реестром: {p.matched}</Text>
              <Text>Новые: {p.added}</Text>
              <Text c={p.rejected ? 'red' : undefined}>Отклонено: {p.rejected}</Text>
              {p.skipped.length ? <Text c="dimmed">Пропущено строк итогов: {p.skipped.length}</Text> : null}
            </Group>
            {p.stripped.length ? (
              <Alert color="yellow" title="Убраны недопустимые символы">
                {p.stripped.map((s) => `строка ${s.row}: ${s.codes.join(', ')}`).join('; ')}
              </Alert>
            ) : null}
            <SegmentedControl
              value={shown}
              onChange={(v) => setShown(v as typeof shown)}
              data={[
                { value: 'all', label: `Все (${p.lines.length})` },
                { value: 'match', label: `Совпадают (${p.matched})` },
                { value: 'new', label: `Новые (${p.added})` },
                { value: 'rejected', label: `Отклонено (${p.rejected})` },
              ]}
            />
            <ImportLines lines={lines} />
          </>
        ) : null}
        {job?.state === 'failed' ? (
          <Alert color="red" title="Импорт не выполнен, ничего не изменено" data-testid="import-failed">
            {job.error}
          </Alert>
        ) : null}
        {job?.state === 'cancelled' ? (
          <Alert color="orange" title="Импорт отменён" data-testid="import-cancelled">
            Импорт отменён: ни одна строка файла не записана, {target === 'participants' ? 'в реестре и в списке участников' : 'в реестре'}{' '}
            ничего не изменилось.
          </Alert>
        ) : null}
        {running ? (
          <Stack gap={4}>
            <Text size="sm">
              {job.step}
              {job.total ? ` — ${job.done} из ${job.total}` : ''}
            </Text>
            <Progress value={job.percent} animated aria-label={job.step} />
          </Stack>
        ) : null}
        {done ? <ReportSummary report={done} /> : null}
        <Group justify="flex-end">
          {done ? (
            <Button onClick={onClose}>Закрыть</Button>
          ) : running ? (
            <Button
              color="red"
              variant="light"
              onClick={() => cancel.mutate({ id: job.id })}
              loading={cancel.isPending}
              disabled={job.step === 'Отмена…'}
            >
              Отменить импорт
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                {job ? 'Закрыть' : 'Отмена'}
              </Button>
              <Button onClick={start} disabled={!p || accepted === 0 || !!p.mappingProblem} loading={running || run.isPending}>
                Импортировать{p ? ` (${accepted})` : ''}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

export function ImportLines({ lines, done = false }: { lines: ImportLine[]; done?: boolean }) {
  return (
    <>
      <Table striped aria-label="Строки файла">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Строка</Table.Th>
            <Table.Th>Запись</Table.Th>
            <Table.Th>{done ? 'Что сделано' : 'Что будет сделано'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.slice(0, SHOWN).map((l) => (
            <Table.Tr key={l.row}>
              <Table.Td>{l.row}</Table.Td>
              <Table.Td>{l.label}</Table.Td>
              <Table.Td c={OUTCOME_COLORS[l.outcome]}>{l.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lines.length > SHOWN ? (
        <Text size="sm" c="dimmed">
          Показаны первые {SHOWN} строк из {lines.length}; в отчёте об импорте будут все.
        </Text>
      ) : null}
    </>
  );
}

function ReportSummary({ report }: { report: ImportReport }) {
  return (
    <Alert color="green" title="Импорт выполнен" data-testid="import-done">
      Из файла «{report.fileName}»: найдены в реестре — {report.matched}, добавлены новые — {report.added}, отклонено — {report.rejected}.
      Отчёт сохранён.
    </Alert>
  );
}

/** The kept reports of imports into one event or into the registry, newest first; each opens with every line. */
export function ImportReports({ target, eventId = null }: { target: ImportTarget; eventId?: number | null }) {
  const reports = useCall('imports.reports', { target, eventId });
  const [open, setOpen] = useState<number | null>(null);
  if (!reports.data?.length) return null;
  return (
    <Stack gap={4} data-testid="import-reports">
      <Text size="sm" fw={500}>
        Отчёты об импорте
      </Text>
      {reports.data.slice(0, 5).map((r) => (
        <Group key={r.id} gap="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen(r.id)}>
            {formatStampDateTime(r.importedAt)} — «{r.fileName}»
          </Button>
          <Text size="sm" c="dimmed">
            найдены {r.matched}, новые {r.added}, отклонено {r.rejected}
          </Text>
        </Group>
      ))}
      {reports.data.length > 5 ? (
        <Text size="sm" c="dimmed">
          и ещё {reports.data.length - 5} раньше
        </Text>
      ) : null}
      {open !== null ? <ReportDialog id={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}

function ReportDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const report = useCall('imports.report', { id });
  const r = report.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="90%"
      title={r ? `Отчёт об импорте «${r.fileName}» от ${formatStampDateTime(r.importedAt)}` : 'Отчёт об импорте'}
    >
      {r ? (
        <Stack>
          <Text>
            Найдены в реестре: {r.matched}; добавлены новые: {r.added}; отклонено: {r.rejected}
            {r.encoding ? `; кодировка ${IMPORT_ENCODING_LABELS[r.encoding]}` : ''}.
          </Text>
          {r.skipped.length ? <Text size="sm">Пропущены строки итогов: {r.skipped.map((s) => s.row).join(', ')}.</Text> : null}
          {r.stripped.length ? (
            <Text size="sm">
              Убраны недопустимые символы: {r.stripped.map((s) => `строка ${s.row} (${s.codes.join(', ')})`).join('; ')}.
            </Text>
          ) : null}
          <ImportLines lines={r.lines} done />
        </Stack>
      ) : (
        <Loader size="sm" />
      )}
    </Modal>
  );
}
