import { Anchor, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { CenterProfile } from '@shared/contract/registry';
import { useCall, useChange } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { useDraft } from '@renderer/components/form';
import { joinMunicipalities } from '@shared/russian';

export function ProfileScreen() {
  const profile = useCall('center.getProfile', {});
  const municipalities = useCall('municipalities.list', {});
  if (!profile.data) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  // «город Уварово, Инжавинский и Мучкапский районы», as the report names the segment.
  const segment = joinMunicipalities(
    (municipalities.data ?? []).filter((m) => m.inSegment),
    'nominative',
  );
  return (
    <>
      <ScreenHeader
        title="Профиль центра"
        description="Реквизиты центра для документов: наименование, руководитель для грифа «УТВЕРЖДАЮ», сегмент"
      />
      <ProfileForm initial={profile.data} />
      <Paper withBorder p="md" mt="md" maw={900}>
        <Text fw={700} mb={4}>
          Муниципальные образования сегмента
        </Text>
        <Text size="sm">{segment || 'Пока не указаны.'}</Text>
        <Anchor component={Link} to="/registry/municipalities" size="sm">
          Изменить список муниципальных образований
        </Anchor>
      </Paper>
    </>
  );
}

function ProfileForm({ initial }: { initial: CenterProfile }) {
  const { draft, setDraft, set, errors } = useDraft(initial);
  const save = useChange('center.saveProfile', { success: 'Профиль центра сохранён' });
  const field = (key: keyof CenterProfile, label: string, required = false, description?: string) => (
    <TextInput
      label={label}
      description={description}
      required={required}
      value={draft[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors.of(key)}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onError: errors.fromError, onSuccess: (saved) => setDraft(saved) });
  };
  return (
    <Paper withBorder p="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label="Полное наименование"
            required
            autosize
            minRows={2}
            value={draft.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.of('fullName')}
          />
          {field('shortName', 'Краткое наименование', true)}
          <SimpleGrid cols={2}>
            {field('directorName', 'Руководитель', false, 'Как в подписи: И.О. Фамилия')}
            {field('directorPosition', 'Должность руководителя')}
          </SimpleGrid>
          {field('address', 'Адрес')}
          {field('segment', 'Сегмент', false, 'Например: Сегмент №6 социального кластера')}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Сохранить
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
