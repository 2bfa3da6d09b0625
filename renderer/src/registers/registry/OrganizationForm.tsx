import { Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { Organization, OrganizationInput } from '@shared/contract/registry';
import type { OrganizationType } from '@shared/enums';
import { organizationTypeOptions, useMunicipalityOptions } from './common';
import { FormModal } from '@renderer/components/screen';
import { useCreateOrUpdate, useDraft } from '@renderer/components/form';
import { wordFilter } from '@renderer/components/pickers';

interface Props {
  /** The organisation to edit, or null to create a new one. */
  editing: Organization | null;
  onClose: () => void;
}

interface Draft {
  fullName: string;
  shortName: string;
  type: OrganizationType | null;
  municipalityId: number | null;
  address: string;
  phone: string;
  email: string;
}

const blank: Draft = { fullName: '', shortName: '', type: null, municipalityId: null, address: '', phone: '', email: '' };

export function OrganizationForm({ editing, onClose }: Props) {
  // Only the editable fields: the call's schema is strict and refuses extra keys such as `id`.
  const { draft, set, errors } = useDraft<Draft>(() => {
    if (!editing) return blank;
    const { fullName, shortName, type, municipalityId, address, phone, email } = editing;
    return { fullName, shortName, type, municipalityId, address, phone, email };
  });
  const municipalities = useMunicipalityOptions();
  const { save, saving } = useCreateOrUpdate(
    { create: 'organizations.create', update: 'organizations.update', created: 'Организация добавлена' },
    { onSaved: onClose, onError: errors.fromError },
  );

  const submit = () => {
    // The server validates and answers in Russian; an unset type is sent as is so its message comes from one place.
    save(editing?.id ?? null, { ...draft, type: draft.type as OrganizationInput['type'] });
  };

  return (
    <FormModal
      title={editing ? 'Изменение организации' : 'Новая организация'}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      saving={saving}
    >
      <Textarea
        label="Полное наименование"
        required
        autosize
        minRows={2}
        value={draft.fullName}
        onChange={(e) => set('fullName', e.currentTarget.value)}
        error={errors.of('fullName')}
        data-autofocus
      />
      <TextInput
        label="Краткое наименование"
        description="Так организация будет показана в списках и документах"
        value={draft.shortName}
        onChange={(e) => set('shortName', e.currentTarget.value)}
        error={errors.of('shortName')}
      />
      <SimpleGrid cols={2}>
        <Select
          label="Тип"
          placeholder="Выберите тип"
          required
          data={organizationTypeOptions}
          value={draft.type}
          onChange={(v) => set('type', v as OrganizationType | null)}
          error={errors.of('type')}
          allowDeselect={false}
        />
        <Select<number>
          label="Муниципальное образование"
          placeholder="Не указано"
          data={municipalities}
          value={draft.municipalityId}
          onChange={(v) => set('municipalityId', v)}
          error={errors.of('municipalityId')}
          clearable
          searchable
          filter={wordFilter}
          nothingFoundMessage="Не найдено"
        />
      </SimpleGrid>
      <TextInput label="Адрес" value={draft.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.of('address')} />
      <SimpleGrid cols={2}>
        <TextInput label="Телефон" value={draft.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.of('phone')} />
        <TextInput
          label="Электронная почта"
          type="email"
          value={draft.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errors.of('email')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
