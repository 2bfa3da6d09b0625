import { Alert, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Municipality } from '@shared/contract/registry';
import {
  CASE_LABELS,
  MUNICIPALITY_TYPE_KEYS,
  MUNICIPALITY_TYPES,
  municipalityName,
  OBLIQUE_CASES,
  prefillForms,
  splitMunicipalityName,
  type MunicipalityType,
  type ProperForms,
} from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { AddButton, editDeleteActions, EmptyState, ScreenHeader } from '@renderer/components/screen';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';

export function MunicipalitiesScreen() {
  const data = useCall('municipalities.list', {});
  const remove = useChange('municipalities.delete', { success: 'Муниципальное образование удалено' });
  const [form, setForm] = useState<{ editing: Municipality | null } | null>(null);

  const columns: Column<Municipality, never>[] = [
    {
      header: 'Муниципальное образование',
      render: (m) => (
        <Group gap="xs">
          <Text size="sm">{m.name}</Text>
          {m.formsConfirmed ? null : (
            <Badge variant="light" color="yellow" title="Формы в падежах заполнены по правилам: откройте и проверьте">
              падежи не проверены
            </Badge>
          )}
        </Group>
      ),
    },
    {
      header: 'Сегмент',
      width: 180,
      render: (m) =>
        m.inSegment ? (
          <Badge variant="light">входит в сегмент</Badge>
        ) : (
          <Badge variant="light" color="gray">
            вне сегмента
          </Badge>
        ),
    },
    { header: 'Организации', width: 130, render: (m) => m.organizationCount || '—' },
  ];
  const actions = editDeleteActions<Municipality>({
    name: (m) => m.name,
    question: (m) => `Удалить муниципальное образование «${m.name}»?`,
    onEdit: (m) => setForm({ editing: m }),
    onDelete: (m) => remove.mutate({ id: m.id }),
  });

  const add = <AddButton onClick={() => setForm({ editing: null })} />;

  return (
    <>
      <ScreenHeader
        title="Муниципальные образования"
        description="Город и районы сегмента, а также другие уровни (например, региональный), к которым относятся организации"
        action={add}
      />
      <DataTable
        label="Муниципальные образования"
        columns={columns}
        actions={actions}
        rows={data.data}
        total={data.data?.length ?? 0}
        loading={data.isFetching}
        countForms={['муниципальное образование', 'муниципальных образования', 'муниципальных образований']}
        empty={<EmptyState text="Муниципальных образований пока нет. Добавьте город и районы своего сегмента." action={add} />}
      />
      {form ? <MunicipalityForm editing={form.editing} onClose={() => setForm(null)} /> : null}
    </>
  );
}

const typeOptions = MUNICIPALITY_TYPE_KEYS.map((type) => ({ value: type, label: MUNICIPALITY_TYPES[type].label }));

interface Values {
  type: MunicipalityType;
  properName: string;
  forms: ProperForms;
  inSegment: boolean;
}

/**
 * The name in parts — the type noun from the list and the proper part typed — and the proper
 * part in every case, prefilled by the rules while the user has not corrected them. What she saves
 * is what documents will print («по Уваровскому району», «Моршанского, Сосновского районов»).
 */
function MunicipalityForm({ editing, onClose }: { editing: Municipality | null; onClose: () => void }) {
  // Forms she typed (or confirmed before) are hers: changing the name no longer refills them.
  const [formsEdited, setFormsEdited] = useState(editing?.formsConfirmed ?? false);
  const cf = useContractForm({
    call: editing ? 'municipalities.update' : 'municipalities.create',
    initialValues: {
      type: editing?.type ?? 'district',
      properName: editing?.properName ?? '',
      forms: editing?.forms ?? prefillForms('district', '').forms,
      inSegment: editing?.inSegment ?? true,
    } satisfies Values,
    toInput: (data: Values) => (editing ? { id: editing.id, data } : data),
    success: editing ? 'Изменения сохранены' : 'Муниципальное образование добавлено',
    onSaved: onClose,
  });
  const { type, properName, forms } = cf.form.getValues();
  const prefill = prefillForms(type, properName);
  const info = MUNICIPALITY_TYPES[type];

  const rename = (nextType: MunicipalityType, nextProper: string) => {
    cf.form.setFieldValue('type', nextType);
    cf.form.setFieldValue('properName', nextProper);
    if (!formsEdited) cf.form.setFieldValue('forms', prefillForms(nextType, nextProper).forms);
  };

  return (
    <FormDialog
      cf={cf}
      title={editing ? 'Изменение муниципального образования' : 'Новое муниципальное образование'}
      size="lg"
      onClose={onClose}
      // The type comes chosen («район»): what she types first is the name.
      autofocus="properName"
    >
      <SimpleGrid cols={2}>
        <Select
          label="Тип"
          required
          allowDeselect={false}
          searchable
          selectFirstOptionOnChange
          data={typeOptions}
          {...cf.field('type')}
          onChange={(v) => rename((v ?? 'none') as MunicipalityType, properName)}
        />
        <TextField
          cf={cf}
          path="properName"
          label="Название"
          description={info.properFirst ? 'Например, Уваровский' : 'Например, Уварово'}
          required
          onChange={(e) => rename(type, e.currentTarget.value)}
          // «Моршанский район» typed whole under «без типа»: the type is recognised and taken out.
          onBlur={() => {
            const parts = splitMunicipalityName(properName);
            if (type === 'none' && parts.type !== 'none') rename(parts.type, parts.properName);
          }}
        />
      </SimpleGrid>
      <Text size="sm">
        Полное наименование: <b>{properName.trim() ? municipalityName({ type, properName: properName.trim(), forms }) : '—'}</b>
      </Text>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            Название в падежах
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              cf.form.setFieldValue('forms', prefill.forms);
              setFormsEdited(false);
            }}
          >
            Заполнить по правилам
          </Button>
        </Group>
        {properName.trim() && !prefill.certain && !formsEdited ? (
          <Alert color="yellow" variant="light" p="xs">
            Правила не уверены в этих формах: проверьте их и исправьте, если нужно.
          </Alert>
        ) : null}
        {OBLIQUE_CASES.map((c) => {
          const noun = info.singular[c];
          const path = `forms.${c}`;
          const input = (
            <TextField
              key="input"
              cf={cf}
              path={path}
              aria-label={CASE_LABELS[c]}
              style={{ flex: 1 }}
              onChange={(e) => {
                cf.setValue(path, e.currentTarget.value);
                setFormsEdited(true);
              }}
            />
          );
          const nounText = noun ? (
            // A fixed width keeps the inputs in one column whatever the noun's form.
            <Text key="noun" size="sm" c="dimmed" w={170} ta={info.properFirst ? 'left' : 'right'}>
              {noun}
            </Text>
          ) : null;
          return (
            <Group key={c} gap="xs" wrap="nowrap">
              <Text size="sm" w={210}>
                {CASE_LABELS[c]}
              </Text>
              {info.properFirst ? [input, nounText] : [nounText, input]}
            </Group>
          );
        })}
      </Stack>
      <Checkbox label="Входит в сегмент центра" {...cf.field('inSegment', { type: 'checkbox' })} />
    </FormDialog>
  );
}
