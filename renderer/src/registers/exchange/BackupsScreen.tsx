import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { BackupEntry, RestoreLogEntry, RestorePreview, RestoreResult } from '@shared/contract/backup';
import { formatNumber } from '@shared/russian';
import { callApi, useCall, useChange } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { IconRestore } from '@tabler/icons-react';
import { formatDateTime, formatSize, PathAction } from './common';

export function BackupsScreen() {
  const list = useCall('backup.list', {});
  const backupNow = useChange('backup.now', { success: 'Резервная копия создана' });
  const restore = useChange('backup.restore');

  const [checking, setChecking] = useState<string | null>(null);

  /**
   * Reads the file first (rebuilt in a private folder: `backup.preview`), shows what it holds and
   * waits for her answer. A file that is not a good copy is refused here, before anything is asked.
   */
  const askRestore = async (file: string) => {
    setChecking(file);
    let preview: RestorePreview;
    try {
      preview = await callApi('backup.preview', { file });
    } finally {
      setChecking(null);
    }
    return new Promise<boolean>((resolve) =>
      modals.openConfirmModal({
        title: 'Восстановление из резервной копии',
        size: 'lg',
        children: <RestoreConfirmation preview={preview} />,
        labels: { confirm: 'Восстановить', cancel: 'Отмена' },
        confirmProps: { color: 'red' },
        onConfirm: () => resolve(true),
        onCancel: () => resolve(false),
        onClose: () => resolve(false),
      }),
    );
  };
  const restored = (result: RestoreResult) =>
    notifications.show({
      color: 'green',
      title: 'Данные восстановлены',
      message: `Приложение работает на данных из ${result.restoredFrom}. Прежнее состояние сохранено: ${result.safetyBackup.name}`,
    });
  const restoreListed = async (file: string) => {
    try {
      if (!(await askRestore(file))) return;
    } catch (error) {
      notifications.show({ color: 'red', title: 'Копия не принята', message: (error as Error).message });
      return;
    }
    restore.mutate({ file }, { onSuccess: restored });
  };

  return (
    <>
      <ScreenHeader
        title="Резервные копии"
        description="Копия базы делается автоматически при запуске (не чаще раза в день) и перед каждым обновлением структуры. Хранятся 7 ежедневных и 4 еженедельных копии; созданные вручную не удаляются."
      />
      <Stack maw={1100}>
        <Paper withBorder p="md">
          <Stack>
            <Group justify="space-between">
              <Title order={4}>Копии на этом компьютере</Title>
              <Button loading={backupNow.isPending} onClick={() => backupNow.mutate({})}>
                Создать копию сейчас
              </Button>
            </Group>
            {list.data ? (
              <Text size="sm" c="dimmed">
                Папка копий: {list.data.dir}
              </Text>
            ) : null}
            <DataTable
              label="Резервные копии"
              columns={BACKUP_COLUMNS}
              rows={list.data?.backups}
              rowKey={(b) => b.file}
              loading={list.isFetching}
              actions={{
                label: (b) => `Действия: копия ${formatDateTime(b.createdAt)}`,
                busy: (b) => checking === b.file,
                actions: (b) => [
                  { label: 'Восстановить', icon: <IconRestore size={14} />, color: 'red', onClick: () => void restoreListed(b.file) },
                ],
              }}
              empty={<Text c="dimmed">Копий пока нет.</Text>}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <Title order={4}>Копия в выбранный файл</Title>
            <PathAction
              call="backup.now"
              label="Путь к новому файлу"
              description="Например, на флешку: E:\Копии\ресурсный-центр.sqlite. Существующий файл не заменяется."
              action="Сохранить копию"
              success="Резервная копия создана"
            />
            <Title order={4}>Восстановить из файла</Title>
            <PathAction call="backup.restore" label="Файл копии" action="Восстановить" danger confirm={askRestore} onDone={restored} />
          </Stack>
        </Paper>
        {list.data && list.data.restores.length > 0 ? <RestoreLog restores={list.data.restores} /> : null}
      </Stack>
    </>
  );
}

function RestoreConfirmation({ preview }: { preview: RestorePreview }) {
  const shown = preview.records.filter((r) => r.count > 0);
  return (
    <Stack gap="xs">
      <Text size="sm">Файл: {preview.file}</Text>
      <Table aria-label="Что в копии" withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="45%">Центр</Table.Th>
            <Table.Td>{preview.centerName || 'не указан'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Файл записан</Table.Th>
            <Table.Td>{formatDateTime(preview.fileDate)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Последнее изменение данных</Table.Th>
            <Table.Td>{preview.lastChange ? formatDateTime(preview.lastChange) : 'нет данных'}</Table.Td>
          </Table.Tr>
          {shown.map((r) => (
            <Table.Tr key={r.table}>
              <Table.Th>{r.label}</Table.Th>
              <Table.Td>{formatNumber(r.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.level < preview.known ? (
        <Text size="sm">
          Копия сделана более ранней версией приложения: при восстановлении её данные будут переведены на текущую версию.
        </Text>
      ) : null}
      {preview.missingFiles > 0 ? (
        <Alert color="yellow" title="Не все вложенные файлы найдены">
          {`Данные ссылаются на вложенные файлы, которых нет ни в копии, ни на этом компьютере: ${formatNumber(preview.missingFiles)}. Записи восстановятся без них.`}
        </Alert>
      ) : null}
      <Text size="sm">
        Данные приложения будут заменены данными этой копии. Перед заменой текущая база будет сохранена как копия «Перед восстановлением» —
        к ней можно вернуться тем же способом.
      </Text>
    </Stack>
  );
}

function RestoreLog({ restores }: { restores: RestoreLogEntry[] }) {
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>Журнал восстановлений</Title>
        <DataTable label="Журнал восстановлений" columns={RESTORE_COLUMNS} rows={restores} loading={false} empty={null} />
      </Stack>
    </Paper>
  );
}

const BACKUP_COLUMNS: Column<BackupEntry>[] = [
  { header: 'Дата', nowrap: true, render: (b) => formatDateTime(b.createdAt) },
  { header: 'Вид', render: (b) => b.reasonLabel },
  { header: 'Размер', align: 'right', nowrap: true, render: (b) => formatSize(b.size) },
  { header: 'Файл', render: (b) => <span style={{ wordBreak: 'break-all' }}>{b.name}</span> },
];

const RESTORE_COLUMNS: Column<RestoreLogEntry>[] = [
  { header: 'Дата', nowrap: true, render: (r) => formatDateTime(r.restoredAt) },
  { header: 'Из файла', render: (r) => <span style={{ wordBreak: 'break-all' }}>{r.sourceFile}</span> },
  { header: 'Центр', render: (r) => r.centerName },
  { header: 'Записей', align: 'right', render: (r) => formatNumber(r.records.reduce((sum, x) => sum + x.count, 0)) },
  { header: 'Прежняя база сохранена в', render: (r) => <span style={{ wordBreak: 'break-all' }}>{r.safetyBackup}</span> },
];
