import { Select, SimpleGrid } from '@mantine/core';
import type { Organization } from '@shared/contract/registry';
import type { OrganizationType } from '@shared/enums';
import { organizationTypeOptions, useMunicipalityOptions } from './common';
import { FormDialog, TextField, useContractForm } from '@renderer/components/form';
import { wordFilter } from '@renderer/components/pickers';

interface Props {
  /** The organisation to edit, or null to create a new one. */
  editing: Organization | null;
  onClose: () => void;
}

interface Values {
  fullName: string;
  shortName: string;
  type: OrganizationType | null;
  municipalityId: number | null;
  address: string;
  phone: string;
  email: string;
}

const blank: Values = { fullName: '', shortName: '', type: null, municipalityId: null, address: '', phone: '', email: '' };

export function OrganizationForm({ editing, onClose }: Props) {
  const municipalities = useMunicipalityOptions();
  const cf = useContractForm({
    call: editing ? 'organizations.update' : 'organizations.create',
    // Only the editable fields: the call's schema is strict and refuses extra keys such as `id`.
    initialValues: editing
      ? {
          fullName: editing.fullName,
          shortName: editing.shortName,
          type: editing.type,
          municipalityId: editing.municipalityId,
          address: editing.address,
          phone: editing.phone,
          email: editing.email,
        }
      : blank,
    // An unset type goes as missing, so its message is the contract's.
    toInput: (v: Values) => {
      const data = { ...v, type: v.type ?? undefined } as Values & { type: OrganizationType };
      return editing ? { id: editing.id, data } : data;
    },
    success: editing ? 'Изменения сохранены' : 'Организация добавлена',
    onSaved: onClose,
  });

  return (
    <FormDialog cf={cf} title={editing ? 'Изменение организации' : 'Новая организация'} size="lg" onClose={onClose}>
      <TextField cf={cf} path="fullName" label="Полное наименование" required long />
      <TextField
        cf={cf}
        path="shortName"
        label="Краткое наименование"
        description="Так организация будет показана в списках и документах"
      />
      <SimpleGrid cols={2}>
        <Select
          label="Тип"
          placeholder="Выберите тип"
          required
          data={organizationTypeOptions}
          allowDeselect={false}
          searchable
          selectFirstOptionOnChange
          {...cf.field('type')}
        />
        <Select<number>
          label="Муниципальное образование"
          placeholder="Не указано"
          data={municipalities}
          clearable
          allowDeselect={false}
          searchable
          selectFirstOptionOnChange
          filter={wordFilter}
          nothingFoundMessage="Не найдено"
          {...cf.field('municipalityId')}
        />
      </SimpleGrid>
      <TextField cf={cf} path="address" label="Адрес" />
      <SimpleGrid cols={2}>
        <TextField cf={cf} path="phone" label="Телефон" />
        <TextField cf={cf} path="email" label="Электронная почта" type="email" />
      </SimpleGrid>
    </FormDialog>
  );
}
