import { parseRuDate } from '@renderer/lib/dates';
import { Checkbox, Group, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { Person } from '@shared/contract/registry';
import { FormModal } from '@renderer/components/screen';
import { useCreateOrUpdate, useDraft } from '@renderer/components/form';
import { OrganizationPicker } from '@renderer/components/pickers';

interface Props {
  /** The person to edit, or null to add one (optionally already in an organisation). */
  editing: Person | null;
  organizationId?: number | null;
  onClose: () => void;
}

type Draft = Omit<Person, 'id' | 'organizationName'>;

const blank: Draft = {
  lastName: '',
  firstName: '',
  middleName: '',
  position: '',
  organizationId: null,
  phone: '',
  email: '',
  pdConsent: false,
  pdConsentDate: null,
};

export function PersonForm({ editing, organizationId = null, onClose }: Props) {
  // Only the editable fields: the call's schema is strict and refuses extra keys such as `id`.
  const { draft, set, errors } = useDraft<Draft>(() => {
    const p = editing ?? { ...blank, organizationId };
    return {
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName,
      position: p.position,
      organizationId: p.organizationId,
      phone: p.phone,
      email: p.email,
      pdConsent: p.pdConsent,
      pdConsentDate: p.pdConsentDate,
    };
  });
  const { save, saving } = useCreateOrUpdate(
    { create: 'people.create', update: 'people.update', created: 'Специалист добавлен' },
    { onSaved: onClose, onError: errors.fromError },
  );
  const submit = () => save(editing?.id ?? null, draft);

  const text = (key: 'lastName' | 'firstName' | 'middleName' | 'position' | 'phone' | 'email', label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      value={draft[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors.of(key)}
    />
  );

  return (
    <FormModal
      title={editing ? 'Изменение данных специалиста' : 'Новый специалист'}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      saving={saving}
    >
      <SimpleGrid cols={3}>
        {text('lastName', 'Фамилия', true)}
        {text('firstName', 'Имя', true)}
        {text('middleName', 'Отчество')}
      </SimpleGrid>
      {text('position', 'Должность')}
      <OrganizationPicker
        label="Организация"
        value={draft.organizationId}
        onChange={(v) => set('organizationId', v)}
        error={errors.of('organizationId')}
      />
      <SimpleGrid cols={2}>
        {text('phone', 'Телефон')}
        {text('email', 'Электронная почта')}
      </SimpleGrid>
      <Group align="flex-end" grow>
        <Checkbox
          label="Согласие на обработку персональных данных (152-ФЗ) получено"
          checked={draft.pdConsent}
          onChange={(e) => set('pdConsent', e.currentTarget.checked)}
          mb={8}
        />
        <DateInput
          label="Дата согласия"
          placeholder="ДД.ММ.ГГГГ"
          valueFormat="DD.MM.YYYY"
          dateParser={parseRuDate}
          value={draft.pdConsentDate}
          onChange={(v) => set('pdConsentDate', v)}
          disabled={!draft.pdConsent}
          clearable
          error={errors.of('pdConsentDate')}
        />
      </Group>
    </FormModal>
  );
}
