import { Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import { useChange } from '@renderer/api/client';

/** The first start: an empty database for real work, or the demo built from the seed texts to look around. */
export function FirstRun() {
  const initialize = useChange('app.initialize');
  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" maw={640} p="xl">
        <Stack>
          <Title order={2}>Добро пожаловать</Title>
          <Text>
            Это рабочее место ресурсного центра: план работы на год, реестр организаций и специалистов, документы для печати и подписи.
            Данные хранятся только на этом компьютере.
          </Text>
          <Text>С чего начать?</Text>
          <Stack gap="sm">
            <Button size="md" loading={initialize.isPending} onClick={() => initialize.mutate({ mode: 'empty' })}>
              Начать с пустой базы
            </Button>
            <Button size="md" variant="light" loading={initialize.isPending} onClick={() => initialize.mutate({ mode: 'demo' })}>
              Открыть демонстрационные данные
            </Button>
          </Stack>
          <Text size="sm" c="dimmed">
            Демонстрационные данные: сегмент №6 Тамбовской области, его организации и специалисты, планы работы на 2017 и 2018 годы.
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
