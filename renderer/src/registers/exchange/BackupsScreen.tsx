import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { BackupEntry, RestoreResult } from '@shared/contract/backup';
import { useCall, useChange } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { formatDateTime, formatSize, PathAction } from './common';

export function BackupsScreen() {
  const list = useCall('backup.list', {});
  const backupNow = useChange('backup.now', { success: 'Резервная копия создана' });
  const restore = useChange('backup.restore');

  /** Says what a restore does and waits for her answer. */
  const askRestore = (file: string, when?: string) =>
    new Promise<boolean>((resolve) =>
      modals.openConfirmModal({
        title: 'Восстановление из резервной копии',
        children: (
          <Stack gap="xs">
            <Text size="sm">
              Данные приложения будут заменены данными копии{when ? ` от ${formatDateTime(when)}` : ` из файла ${file}`}. Всё, что внесено
              после неё, сохранится только в страховочной копии.
            </Text>
            <Text size="sm">
              Перед заменой текущая база будет сохранена как копия «Перед восстановлением» — к ней можно вернуться тем же способом. Файл
              копии сначала проверяется; повреждённую копию или копию из более новой версии приложение не примет.
            </Text>
          </Stack>
        ),
        labels: { confirm: 'Восстановить', cancel: 'Отмена' },
        confirmProps: { color: 'red' },
        onConfirm: () => resolve(true),
        onCancel: () => resolve(false),
        onClose: () => resolve(false),
      }),
    );
  const restored = (result: RestoreResult) =>
    notifications.show({
      color: 'green',
      title: 'Данные восстановлены',
      message: `Приложение работает на данных из ${result.restoredFrom}. Прежнее состояние сохранено: ${result.safetyBackup.name}`,
    });
  const restoreListed = async (file: string, when: string) => {
    if (await askRestore(file, when)) restore.mutate({ file }, { onSuccess: restored });
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
            {list.data && list.data.backups.length === 0 ? <Text c="dimmed">Копий пока нет.</Text> : null}
            {list.data && list.data.backups.length > 0 ? (
              <Table striped aria-label="Резервные копии">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Дата</Table.Th>
                    <Table.Th>Вид</Table.Th>
                    <Table.Th ta="right">Размер</Table.Th>
                    <Table.Th>Файл</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.backups.map((b: BackupEntry) => (
                    <Table.Tr key={b.file}>
                      <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                      <Table.Td>{b.reasonLabel}</Table.Td>
                      <Table.Td ta="right">{formatSize(b.size)}</Table.Td>
                      <Table.Td>{b.name}</Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="light" color="red" onClick={() => void restoreListed(b.file, b.createdAt)}>
                          Восстановить
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
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
      </Stack>
    </>
  );
}
