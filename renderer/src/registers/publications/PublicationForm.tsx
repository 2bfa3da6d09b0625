import { Autocomplete, Checkbox, NumberInput, Select, SimpleGrid } from '@mantine/core';
import type { PublicationDetail } from '@shared/contract/publications';
import { currentYear } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';
import { ListValuePicker } from '@renderer/components/ListValuePicker';
import { wordFilter } from '@renderer/components/pickers';

interface Values {
  title: string;
  kindId: number | null;
  authors: string;
  year: number | '';
  topic: string;
  targetAudience: string;
  minStock: number | '';
  archived: boolean;
  planItemId: number | null;
}

const valuesOf = (p: PublicationDetail | null): Values =>
  p
    ? {
        title: p.title,
        kindId: p.kindId,
        authors: p.authors,
        year: p.year,
        topic: p.topic,
        targetAudience: p.targetAudience,
        minStock: p.minStock,
        archived: p.archived,
        planItemId: p.planItem?.id ?? null,
      }
    : {
        title: '',
        kindId: null,
        authors: '',
        year: currentYear(),
        topic: '',
        targetAudience: '',
        minStock: 0,
        archived: false,
        planItemId: null,
      };

/** A new publication or its details; empty required fields go as missing, so their messages are the contract's. */
export function PublicationForm({
  editing,
  onClose,
  onCreated,
}: {
  editing: PublicationDetail | null;
  onClose: () => void;
  onCreated?: (id: number) => void;
}) {
  const topics = useCall('publications.topics', {});
  const cf = useContractForm({
    call: editing ? 'publications.update' : 'publications.create',
    initialValues: valuesOf(editing),
    toInput: (v: Values) => {
      const data = {
        ...v,
        kindId: v.kindId ?? undefined,
        year: v.year === '' ? undefined : Number(v.year),
        minStock: v.minStock === '' ? 0 : Number(v.minStock),
      } as unknown as PublicationInputOf;
      return (editing ? { id: editing.id, data } : data) as never;
    },
    success: editing ? 'Изменения сохранены' : 'Издание добавлено',
    onSaved: (saved) => (editing ? onClose() : onCreated ? onCreated(saved.id) : onClose()),
  });
  const values = cf.form.getValues();
  const year = typeof values.year === 'number' && values.year >= 2000 && values.year <= 2100 ? values.year : null;
  const candidates = useCall('publications.planCandidates', { year: year ?? 2000 }, { enabled: year !== null });
  return (
    <FormDialog cf={cf} title={editing ? 'Изменение издания' : 'Новое издание'} size="lg" onClose={onClose}>
      <TextField cf={cf} path="title" label="Название" required long />
      <SimpleGrid cols={2}>
        <ListValuePicker list="publicationKinds" label="Вид" required placeholder="Выберите вид" {...cf.field('kindId')} />
        <NumberInput label="Год выпуска" required min={2000} max={2100} allowDecimal={false} {...cf.field('year')} />
      </SimpleGrid>
      <TextField cf={cf} path="authors" label="Авторы, составители" />
      <SimpleGrid cols={2}>
        <Autocomplete label="Тема" data={topics.data ?? []} {...cf.field('topic')} />
        <TextField cf={cf} path="targetAudience" label="Целевая аудитория" />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <NumberInput
          label="Минимальный остаток, экз."
          description="ниже него каталог отмечает издание «мало»; 0 — не отмечать"
          min={0}
          allowDecimal={false}
          {...cf.field('minStock')}
        />
        <Checkbox label="В архиве (больше не выдаётся)" mt={32} {...cf.field('archived', { type: 'checkbox' })} />
      </SimpleGrid>
      <Select<number>
        label="Мероприятие плана работы, которое реализует издание"
        description={year ? `план на ${year} год; когда получен тираж, план показывает мероприятие выполненным` : 'сначала укажите год'}
        placeholder={candidates.data?.length ? 'Выберите мероприятие' : 'В плане этого года нет мероприятий'}
        data={(candidates.data ?? []).map((c) => ({ value: c.id, label: c.label }))}
        clearable
        searchable
        allowDeselect={false}
        filter={wordFilter}
        disabled={year === null}
        {...cf.field('planItemId')}
      />
    </FormDialog>
  );
}

type PublicationInputOf = import('@shared/contract/publications').PublicationInput;
