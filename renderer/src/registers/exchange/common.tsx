import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ExportStatus, PackageSummary } from '@shared/contract/exchange';
import { formatStampDateTime } from '@shared/russian';
import type { CallInput, CallOutput } from '@shared/contract';
import { callApi } from '@renderer/api/client';
import { Declined, FormFrame, useContractForm } from '@renderer/components/form';

/** A stored timestamp on this computer's clock. */
export const formatDateTime = formatStampDateTime;

export const STATUS_LABELS: Record<ExportStatus, string> = {
  running: 'Выполняется',
  ok: 'Выполнена',
  failed: 'Ошибка',
  cancelled: 'Отменена',
};
export const STATUS_COLORS: Record<ExportStatus, string> = { running: 'blue', ok: 'green', failed: 'red', cancelled: 'yellow' };

export { formatSize } from '@renderer/lib/fileSize';

type PathCall = 'backup.now' | 'backup.restore' | 'exchange.openPackage';
const PATH_KEY = { 'backup.now': 'targetFile', 'backup.restore': 'file', 'exchange.openPackage': 'manifestPath' } as const;

/**
 * A path typed by hand and a button acting on it, a form of one field on the stack. The
 * browser host cannot show a native file dialog; the Electron shell may add one next to the
 * field later. `confirm` asks before the call (a restore replaces everything).
 */
export function PathAction<K extends PathCall>(props: {
  call: K;
  label: string;
  description?: string;
  placeholder?: string;
  action: string;
  danger?: boolean;
  success?: string;
  confirm?: (path: string) => Promise<boolean>;
  onDone?: (output: CallOutput<K>) => void;
}) {
  const key = PATH_KEY[props.call];
  const cf = useContractForm({
    call: props.call,
    initialValues: { path: '' },
    toInput: (v) => ({ [key]: v.path }) as CallInput<K>,
    fieldOf: (path) => (path === key ? 'path' : path),
    success: props.success,
    send: props.confirm
      ? async (input) => {
          if (!(await props.confirm!((input as Record<string, string>)[key]!.trim()))) throw new Declined();
          return callApi(props.call, input, props.success);
        }
      : undefined,
    onSaved: (output) => {
      cf.reinitialize({ path: '' });
      props.onDone?.(output);
    },
  });
  return (
    <FormFrame cf={cf}>
      <Group align="flex-start">
        <TextInput
          label={props.label}
          description={props.description}
          placeholder={props.placeholder}
          style={{ flex: 1 }}
          {...cf.field('path')}
        />
        <Button
          type="submit"
          mt={props.description ? 44 : 25}
          variant="default"
          color={props.danger ? 'red' : undefined}
          disabled={!cf.form.getValues().path.trim()}
          loading={cf.saving}
        >
          {props.action}
        </Button>
      </Group>
    </FormFrame>
  );
}

/**
 * The regional coordinator's view of a center's data package: the package is copied to this
 * PC and checked against its manifest before anything is shown.
 */
export function PackageViewer() {
  const [summary, setSummary] = useState<PackageSummary | null>(null);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>Просмотр пакета данных центра</Title>
        <Text size="sm" c="dimmed">
          Укажите файл manifest.json пакета в общей папке. Пакет копируется на этот компьютер, проверяются контрольные суммы всех файлов,
          база открывается только для чтения.
        </Text>
        <PathAction
          call="exchange.openPackage"
          label="Файл manifest.json"
          placeholder="\\сервер\общая\Выгрузка\RC-06\2017\data\RC-06-2017-…\manifest.json"
          action="Открыть пакет"
          onDone={setSummary}
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
