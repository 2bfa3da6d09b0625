import { Anchor, Center, Group, Loader, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { CenterProfile } from '@shared/contract/registry';
import { callApi, useCall } from '@renderer/api/client';
import { ScreenHeader } from '@renderer/components/screen';
import { FormFrame, SaveButton, TextField, useContractForm, useLeaveGuard } from '@renderer/components/form';
import { OrganizationPicker } from '@renderer/components/pickers';
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

type Values = CenterProfile;

/**
 * The center is an organisation of the registry: its names and address here are that
 * organisation's (a new one is made on the first save), so its staff are picked in every form
 * like anyone else's, as people of this organisation.
 */
function ProfileForm({ initial }: { initial: CenterProfile }) {
  const cf = useContractForm({
    call: 'center.saveProfile',
    initialValues: initial satisfies Values,
    toInput: (v: Values) => v,
    success: 'Профиль центра сохранён',
    onSaved: (saved) => cf.reinitialize(saved),
  });
  useLeaveGuard(cf.dirty);
  const organizationId = cf.form.getValues().organizationId;
  const staff = useCall(
    'people.list',
    { organizationId: organizationId ?? 1, limit: 1 },
    { enabled: organizationId !== null && organizationId === initial.organizationId },
  );

  /** Another organisation chosen as the center: its names and address come with it. */
  const chooseOrganization = async (id: number | null) => {
    cf.form.setFieldValue('organizationId', id);
    if (id === null) return;
    const org = await callApi('organizations.get', { id });
    cf.form.setFieldValue('fullName', org.fullName);
    cf.form.setFieldValue('shortName', org.shortName);
    cf.form.setFieldValue('address', org.address);
  };

  return (
    <Paper withBorder p="md" maw={900}>
      <FormFrame
        cf={cf}
        actions={
          <Group justify="flex-end">
            <SaveButton cf={cf} />
          </Group>
        }
      >
        <OrganizationPicker
          label="Центр в реестре организаций"
          description={
            organizationId === null
              ? 'Центра в реестре ещё нет: при сохранении он будет добавлен как организация типа «ресурсный центр»'
              : 'Наименования и адрес ниже — этой организации реестра; сотрудники центра — её специалисты'
          }
          placeholder="Будет добавлен при сохранении"
          {...cf.field('organizationId')}
          onChange={(id) => void chooseOrganization(id)}
        />
        <TextField cf={cf} path="fullName" label="Полное наименование" required long />
        <TextField cf={cf} path="shortName" label="Краткое наименование" required />
        <TextField cf={cf} path="address" label="Адрес" />
        <SimpleGrid cols={2}>
          <TextField cf={cf} path="directorName" label="Руководитель" description="Как в подписи: И.О. Фамилия" />
          <TextField cf={cf} path="directorPosition" label="Должность руководителя" />
        </SimpleGrid>
        <TextField cf={cf} path="segment" label="Сегмент" description="Например: Сегмент №6 социального кластера" />
        {organizationId !== null && staff.data ? (
          <Anchor component={Link} to={`/registry/people?organization=${organizationId}`} size="sm">
            Сотрудники центра в реестре: {staff.data.total}
          </Anchor>
        ) : null}
      </FormFrame>
    </Paper>
  );
}
