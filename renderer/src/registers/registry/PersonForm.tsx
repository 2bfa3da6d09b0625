import { Checkbox, Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { Person } from '@shared/contract/registry';
import { GENDER_LABELS, GENDERS, guessGender, parseRuDate, type Gender } from '@shared/russian';
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
  gender: null,
};

/** What the form says under «Пол»: why it is filled in, or that it must be chosen. */
function genderHint(guess: ReturnType<typeof guessGender>, chosen: boolean): string {
  if (guess.certain) return 'По отчеству';
  if (chosen) return '';
  if (guess.gender) return 'Предположен по имени и фамилии — проверьте';
  return 'По имени и фамилии не определить — выберите';
}

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
      gender: p.gender ?? guessGender(p).gender,
    };
  });
  // Chosen by hand (or stored): a later change of the name no longer re-guesses it.
  const [genderChosen, setGenderChosen] = useState((editing?.gender ?? null) !== null);
  const [genderMissing, setGenderMissing] = useState(false);
  const guess = guessGender(draft);
  const { save, saving } = useCreateOrUpdate(
    { create: 'people.create', update: 'people.update', created: 'Специалист добавлен' },
    { onSaved: onClose, onError: errors.fromError },
  );
  const submit = () => {
    // «Принял / приняла» and the declension in documents need it; the patronymic could not say.
    if (draft.gender === null) return setGenderMissing(true);
    save(editing?.id ?? null, draft);
  };

  /** A name field; while the gender was not chosen by hand it follows what the name now says. */
  const setName = (key: 'lastName' | 'firstName' | 'middleName', value: string) => {
    set(key, value);
    if (genderChosen) return;
    const next = guessGender({ ...draft, [key]: value });
    set('gender', next.gender);
  };

  const text = (key: 'lastName' | 'firstName' | 'middleName' | 'position' | 'phone' | 'email', label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      value={draft[key]}
      onChange={(e) =>
        key === 'lastName' || key === 'firstName' || key === 'middleName'
          ? setName(key, e.currentTarget.value)
          : set(key, e.currentTarget.value)
      }
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
      <Radio.Group
        label="Пол"
        description={genderHint(guess, genderChosen)}
        required
        value={draft.gender}
        onChange={(v) => {
          set('gender', v as Gender);
          setGenderChosen(true);
          setGenderMissing(false);
        }}
        error={genderMissing ? 'Укажите пол: по имени и фамилии его не определить' : errors.of('gender')}
      >
        <Group mt={4}>
          {GENDERS.map((g) => (
            <Radio key={g} value={g} label={GENDER_LABELS[g]} />
          ))}
        </Group>
      </Radio.Group>
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
