import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ExportStatus, PackageSummary } from '@shared/contract/exchange';
import { formatStampDateTime } from '@shared/russian';
import { useChange } from '@renderer/api/client';

/** A stored timestamp on this computer's clock. */
export const formatDateTime = formatStampDateTime;

export const STATUS_LABELS: Record<ExportStatus, string> = {
  running: 'Выполняется',
  ok: 'Выполнена',
  failed: 'Ошибка',
  cancelled: 'Отменена',
};
export const STATUS_COLORS: Record<ExportStatus, string> = { running: 'blue', ok: 'green', failed: 'red', cancelled: 'yellow' };

export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${mb.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ru-RU')} КБ`;
}

/**
 * A path typed by hand and a button acting on it. The browser host cannot show a native file
 * dialog; the Electron shell may add one next to the field later.
 */
export function PathAction(props: {
  label: string;
  description?: string;
  placeholder?: string;
  action: string;
  loading: boolean;
  danger?: boolean;
  onSubmit: (path: string) => void;
}) {
  const [value, setValue] = useState('');
  return (
    <Group align="flex-end">
      <TextInput
        label={props.label}
        description={props.description}
        placeholder={props.placeholder}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <Button
        variant="default"
        color={props.danger ? 'red' : undefined}
        disabled={!value.trim()}
        loading={props.loading}
        onClick={() => props.onSubmit(value.trim())}
      >
        {props.action}
      </Button>
    </Group>
  );
}

/**
 * The regional coordinator's view of a center's data package: the package is copied to this
 * PC and checked against its manifest before anything is shown.
 */
export function PackageViewer() {
  const [summary, setSummary] = useState<PackageSummary | null>(null);
  const open = useChange('exchange.openPackage');
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>Просмотр пакета данных центра</Title>
        <Text size="sm" c="dimmed">
          Укажите файл manifest.json пакета в общей папке. Пакет копируется на этот компьютер, проверяются контрольные суммы всех файлов,
          база открывается только для чтения.
        </Text>
        <PathAction
          label="Файл manifest.json"
          placeholder="\\сервер\общая\Выгрузка\RC-06\2017\data\RC-06-2017-…\manifest.json"
          action="Открыть пакет"
          loading={open.isPending}
          onSubmit={(manifestPath) => open.mutate({ manifestPath }, { onSuccess: setSummary })}
        />
        {summary ? (
          <Alert color="green" title={`${summary.centerName || summary.centerCode}: пакет за ${summary.year} год проверен`}>
            <Text size="sm">
              Код центра {summary.centerCode}; выгружен {formatDateTime(summary.createdAt)}; версия приложения {summary.appVersion}; версия
              структуры базы {summary.schemaVersion}; файлов {summary.files.length}, все контрольные суммы совпали. Копия:{' '}
              {summary.localCopy}
            </Text>
            <Table mt="xs" withTableBorder aria-label="Записи в пакете">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Таблица</Table.Th>
                  <Table.Th ta="right">Записей</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.records.map((r) => (
                  <Table.Tr key={r.table}>
                    <Table.Td>{r.table}</Table.Td>
                    <Table.Td ta="right">{r.count.toLocaleString('ru-RU')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
