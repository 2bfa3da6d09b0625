import {
  Button,
  Center,
  Checkbox,
  FileButton,
  Group,
  Loader,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import {
  CERTIFICATE_NAME_CASE_LABELS,
  CERTIFICATE_NAME_CASES,
  CERTIFICATE_PLACEHOLDERS,
  type CertificateLayout,
  type CertificateLayoutSettings,
} from '@shared/contract/certificates';
import type { StoredFile } from '@shared/contract/files';
import { fillCertificateText } from '@shared/documents/certificates/layout';
import { personFullName, personNameInCase } from '@shared/russian';
import { callApi, useCall } from '@renderer/api/client';
import { inElectronWindow, uploadFile } from '@renderer/api/transport';
import { FormFrame, LongTextField, SaveButton, TextField, useContractForm, useLeaveGuard } from '@renderer/components/form';
import { ScreenHeader } from '@renderer/components/screen';

export function LayoutScreen() {
  const layout = useCall('certificates.layout', {});
  if (!layout.data) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return (
    <>
      <ScreenHeader
        title="Оформление сертификатов"
        description="Как выглядит сертификат участника: наименование центра, логотип, текст, подпись руководителя. Уже выданные сертификаты печатаются так, как были выданы."
      />
      <LayoutForm initial={layout.data} />
    </>
  );
}

interface Values extends CertificateLayoutSettings {
  logo: { hash: string; name: string } | null;
}

const SAMPLE = { lastName: 'Семёнова', firstName: 'Ольга', middleName: 'Ивановна' };
const SAMPLE_EVENT = {
  title: 'Семинар для специалистов органов системы профилактики',
  firstDay: '2018-10-16',
  lastDay: '2018-10-18',
  hours: 18,
};

function LayoutForm({ initial }: { initial: CertificateLayout }) {
  const cf = useContractForm({
    call: 'certificates.setLayout',
    initialValues: { ...initial.settings, logo: initial.logo } satisfies Values,
    toInput: ({ logo, ...settings }: Values) => ({ settings, logoHash: logo?.hash ?? null }),
    success: 'Оформление сертификатов сохранено',
    onSaved: (saved) => cf.reinitialize({ ...saved.settings, logo: saved.logo }),
  });
  useLeaveGuard(cf.dirty);
  const values = cf.form.getValues();
  const [uploading, setUploading] = useState(false);

  /** The window's own dialog (Electron) or the file picked in the page (the browser host), into the file store. */
  const chooseLogo = async (pick: () => Promise<StoredFile | null>) => {
    setUploading(true);
    try {
      const stored = await pick();
      if (stored) cf.form.setFieldValue('logo', { hash: stored.hash, name: stored.originalName });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Логотип не загружен', message: (error as Error).message });
    } finally {
      setUploading(false);
    }
  };

  const sample = { ...SAMPLE_EVENT, gender: 'female' as const };
  const name = personFullName(personNameInCase(SAMPLE, values.nameCase, 'female')!);
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
        <TextField cf={cf} path="centerName" label="Наименование центра" required long />
        <Group align="flex-end">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Логотип
            </Text>
            <Text size="sm" c={values.logo ? undefined : 'dimmed'} data-testid="certificate-logo">
              {values.logo ? values.logo.name : 'нет'}
            </Text>
          </Stack>
          {inElectronWindow() ? (
            <Button
              variant="light"
              leftSection={<IconPhoto size={16} />}
              loading={uploading}
              onClick={() => void chooseLogo(() => callApi('files.choose', { kind: 'image' }))}
            >
              Выбрать картинку…
            </Button>
          ) : (
            <FileButton onChange={(f) => f && void chooseLogo(() => upload(f))} accept="image/png,image/jpeg">
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconPhoto size={16} />} loading={uploading}>
                  Выбрать картинку (PNG или JPEG, до 2 МБ)…
                </Button>
              )}
            </FileButton>
          )}
          {values.logo ? (
            <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={() => cf.form.setFieldValue('logo', null)}>
              Убрать логотип
            </Button>
          ) : null}
          <NumberInput label="Ширина логотипа, мм" w={170} min={10} max={80} {...cf.field('logoWidthMm')} />
        </Group>
        <TextField cf={cf} path="lead" label="Текст перед именем" description="Например: «Настоящий сертификат выдан»" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Имя участника
          </Text>
          <SegmentedControl
            data={CERTIFICATE_NAME_CASES.map((c) => ({ value: c, label: CERTIFICATE_NAME_CASE_LABELS[c] }))}
            {...cf.field('nameCase')}
          />
        </Stack>
        <LongTextField
          cf={cf}
          path="text"
          label="Текст после имени"
          description={`Подстановки: ${Object.entries(CERTIFICATE_PLACEHOLDERS)
            .map(([k, v]) => `${k} — ${v}`)
            .join('; ')}`}
        />
        <Paper withBorder p="sm" bg="gray.0" aria-label="Образец текста">
          <Text size="xs" c="dimmed">
            Образец для участницы {personFullName(SAMPLE)}
          </Text>
          <Text size="sm" ta="center">
            {fillCertificateText(values.lead, sample)}
          </Text>
          <Text size="sm" ta="center" fw={700}>
            {name}
          </Text>
          <Text size="sm" ta="center">
            {fillCertificateText(values.text, sample)}
          </Text>
        </Paper>
        <SimpleGrid cols={2}>
          <TextField cf={cf} path="signerPosition" label="Должность подписывающего" required />
          <TextField cf={cf} path="signerName" label="Подписывающий" description="Как в подписи: И.О. Фамилия" required />
        </SimpleGrid>
        <Checkbox label="Печатать «М.П.» — место печати у подписи" {...cf.field('sealPlace', { type: 'checkbox' })} />
        <Checkbox
          label="Выгружать сертификаты и их реестр вместе с документами центра (в общую папку)"
          description="В сертификатах — имена участников: без этой отметки выгрузка их не берёт"
          {...cf.field('exportWithDocuments', { type: 'checkbox' })}
        />
      </FormFrame>
    </Paper>
  );
}

async function upload(file: File) {
  const result = await uploadFile(file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
