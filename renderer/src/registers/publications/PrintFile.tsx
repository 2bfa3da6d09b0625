import { Button, FileButton, Group, Modal, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileUpload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_PRINT_COPIES, type PublicationDetail, type PublicationFileVersion } from '@shared/contract/publications';
import { formatNumber, todayLocal } from '@shared/russian';
import { callApi } from '@renderer/api/client';
import { downloadStoredFile, inElectronWindow, uploadFile } from '@renderer/api/transport';
import { ListTable } from '@renderer/components/ListTable';
import { formatSize } from '@renderer/lib/fileSize';

/**
 * The file that is printed (issue 22): its versions with dates and checksums, a new version, and
 * «Напечатать»: in the Electron window a PDF goes to the printer with the copies asked and a DOCX
 * opens in Word; in the browser the file is downloaded. Either way the print run is recorded only
 * when she confirms it afterwards («Записать тираж «напечатано в центре»: N экз.?»).
 */

const added = (iso: string) => new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
const FORMAT_LABELS = { pdf: 'PDF', docx: 'Word (DOCX)' } as const;

const notify = (error: unknown) => notifications.show({ color: 'red', title: 'Не выполнено', message: (error as Error).message });

async function download(v: PublicationFileVersion) {
  const result = await downloadStoredFile(v.hash, v.fileName);
  if (!result.ok) throw new Error(result.error.message);
}

function NewVersion({ publicationId, first }: { publicationId: number; first: boolean }) {
  const [busy, setBusy] = useState(false);
  const label = first ? 'Прикрепить файл' : 'Загрузить новую версию';
  const attach = async (put: () => Promise<{ hash: string } | null>) => {
    setBusy(true);
    try {
      const file = await put();
      if (file) await callApi('publications.attachFile', { publicationId, hash: file.hash }, 'Файл прикреплён');
    } catch (error) {
      notify(error);
    } finally {
      setBusy(false);
    }
  };
  if (inElectronWindow())
    return (
      <Button
        variant="light"
        leftSection={<IconFileUpload size={16} />}
        loading={busy}
        onClick={() => void attach(() => callApi('files.choose', { kind: 'document' }))}
      >
        {label}…
      </Button>
    );
  return (
    <FileButton
      accept="application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.docx"
      onChange={(f) =>
        f &&
        void attach(async () => {
          const result = await uploadFile(f);
          if (!result.ok) throw new Error(result.error.message);
          return result.value;
        })
      }
    >
      {(props) => (
        <Button {...props} variant="light" leftSection={<IconFileUpload size={16} />} loading={busy}>
          {label} (PDF или DOCX, до 50 МБ)…
        </Button>
      )}
    </FileButton>
  );
}

/** Step 1: how many copies; step 2: after printing (or the download), whether to record the run. */
function PrintDialog({ publicationId, version, onClose }: { publicationId: number; version: PublicationFileVersion; onClose: () => void }) {
  const [copies, setCopies] = useState<number>(1);
  const [printed, setPrinted] = useState(false);
  const [busy, setBusy] = useState(false);
  const electron = inElectronWindow();
  const valid = Number.isInteger(copies) && copies >= 1 && copies <= MAX_PRINT_COPIES;
  const print = async () => {
    setBusy(true);
    try {
      if (electron) await callApi('publications.printFile', { publicationId, version: version.version, copies });
      else await download(version);
      setPrinted(true);
    } catch (error) {
      notify(error);
    } finally {
      setBusy(false);
    }
  };
  const record = async () => {
    setBusy(true);
    try {
      await callApi(
        'publications.recordMovement',
        { publicationId, kind: 'receipt', date: todayLocal(), quantity: copies, printedInHouse: true },
        `Тираж записан: ${formatNumber(copies)} экз.`,
      );
      onClose();
    } catch (error) {
      notify(error);
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={printed ? 'Тираж' : 'Печать раздаточных материалов'}>
      {printed ? (
        <Stack>
          <Text>Записать тираж «напечатано в центре»: {formatNumber(copies)} экз.?</Text>
          <Text size="sm" c="dimmed">
            Записывайте, когда экземпляры напечатаны. Если печать не удалась, не записывайте: остаток не изменится.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Не записывать
            </Button>
            <Button onClick={() => void record()} loading={busy}>
              Записать
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            {version.fileName}, версия {version.version}.{' '}
            {electron
              ? version.format === 'pdf'
                ? 'Файл уйдёт на принтер: в окне печати выберите принтер, число экземпляров уже указано.'
                : 'Документ Word откроется в программе, которая открывает такие файлы: напечатайте его оттуда.'
              : 'Файл скачается: откройте его и напечатайте нужное число экземпляров.'}
          </Text>
          <NumberInput
            label="Сколько экземпляров"
            min={1}
            max={MAX_PRINT_COPIES}
            allowDecimal={false}
            value={copies}
            onChange={(v) => setCopies(typeof v === 'number' ? v : Number(v))}
            error={valid ? undefined : `От 1 до ${MAX_PRINT_COPIES} экземпляров`}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button leftSection={<IconPrinter size={16} />} disabled={!valid} loading={busy} onClick={() => void print()}>
              {electron ? (version.format === 'pdf' ? 'Напечатать' : 'Открыть в Word') : 'Скачать для печати'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function PrintFile({ p }: { p: PublicationDetail }) {
  const [printing, setPrinting] = useState<PublicationFileVersion | null>(null);
  const current = p.files[0];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Файл для печати</Title>
        <Group>
          {current ? (
            <Button leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(current)}>
              Напечатать…
            </Button>
          ) : null}
          <NewVersion publicationId={p.id} first={!current} />
        </Group>
      </Group>
      <ListTable
        label="Версии файла для печати"
        columns={[
          { title: 'Версия', width: 80 },
          { title: 'Файл' },
          { title: 'Формат', width: 110 },
          { title: 'Размер', width: 90, right: true },
          { title: 'Добавлен', width: 140 },
          { title: 'Контрольная сумма SHA-256', width: 250 },
          { title: '', width: 50 },
        ]}
        empty={p.files.length === 0 ? 'Файла пока нет: прикрепите PDF или DOCX, с которого печатают издание.' : null}
      >
        {p.files.map((v) => (
          <Table.Tr key={v.version} data-current={v.current || undefined}>
            <Table.Td>
              {v.version}
              {v.current ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  текущая
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{v.fileName}</Table.Td>
            <Table.Td>{FORMAT_LABELS[v.format]}</Table.Td>
            <Table.Td ta="right">{formatSize(v.size)}</Table.Td>
            <Table.Td>{added(v.addedAt)}</Table.Td>
            <Table.Td>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {v.hash}
              </Text>
            </Table.Td>
            <Table.Td>
              {inElectronWindow() ? null : (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`Скачать версию ${v.version}`}
                  onClick={() => void download(v).catch(notify)}
                >
                  <IconDownload size={14} />
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {printing ? <PrintDialog publicationId={p.id} version={printing} onClose={() => setPrinting(null)} /> : null}
    </Stack>
  );
}
