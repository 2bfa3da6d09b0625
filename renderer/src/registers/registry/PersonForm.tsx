import { Checkbox, Group, Radio, SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import type { Person } from '@shared/contract/registry';
import { formatDate, GENDER_LABELS, GENDERS, guessGender, typedDateInput, type Gender } from '@shared/russian';
import { DateField, FormDialog, TextField, useContractForm } from '@renderer/components/form';
import { OrganizationPicker } from '@renderer/components/pickers';

interface Props {
  /** The person to edit, or null to add one (optionally already in an organisation). */
  editing: Person | null;
  organizationId?: number | null;
  onClose: () => void;
  /** After a new person is saved (a guest added from the attendance). */
  onCreated?: (person: Person) => void;
  title?: string;
  success?: string;
}

interface Values {
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  organizationId: number | null;
  phone: string;
  email: string;
  pdConsent: boolean;
  /** As typed: ДД.ММ.ГГГГ. */
  pdConsentDate: string;
  gender: Gender | null;
}

function valuesOf(p: Person | null, organizationId: number | null): Values {
  const values = {
    lastName: p?.lastName ?? '',
    firstName: p?.firstName ?? '',
    middleName: p?.middleName ?? '',
    position: p?.position ?? '',
    organizationId: p ? p.organizationId : organizationId,
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    pdConsent: p?.pdConsent ?? false,
    pdConsentDate: formatDate(p?.pdConsentDate),
    gender: p?.gender ?? null,
  };
  return { ...values, gender: values.gender ?? guessGender(values).gender };
}

/** What the form says under «Пол»: why it is filled in, or that it must be chosen. */
function genderHint(guess: ReturnType<typeof guessGender>, chosen: boolean): string {
  if (guess.certain) return 'По отчеству';
  if (chosen) return '';
  if (guess.gender) return 'Предположен по имени и фамилии — проверьте';
  return 'По имени и фамилии не определить — выберите';
}

export function PersonForm({ editing, organizationId = null, onClose, onCreated, title, success }: Props) {
  // Chosen by hand (or stored): a later change of the name no longer re-guesses it.
  const [genderChosen, setGenderChosen] = useState((editing?.gender ?? null) !== null);
  const cf = useContractForm({
    call: editing ? 'people.update' : 'people.create',
    initialValues: valuesOf(editing, organizationId),
    toInput: (v) => {
      const data = { ...v, pdConsentDate: v.pdConsent ? typedDateInput(v.pdConsentDate) : null };
      return editing ? { id: editing.id, data } : data;
    },
    // «Принял / приняла» and the declension in documents need it; the patronymic could not say.
    check: (v): Record<string, string> => (v.gender === null ? { gender: 'Укажите пол: по имени и фамилии его не определить' } : {}),
    success: editing ? 'Изменения сохранены' : (success ?? 'Специалист добавлен'),
    onSaved: (person) => {
      if (!editing) onCreated?.(person);
      onClose();
    },
  });
  const values = cf.form.getValues();
  const guess = guessGender(values);

  /** A name field; while the gender was not chosen by hand it follows what the name now says. */
  const nameField = (key: 'lastName' | 'firstName' | 'middleName', label: string, required = false) => {
    const input = cf.field(key);
    return (
      <TextField
        cf={cf}
        path={key}
        label={label}
        required={required}
        onChange={(e) => {
          const value = e.currentTarget.value;
          input.onChange(value);
          if (!genderChosen) cf.form.setFieldValue('gender', guessGender({ ...values, [key]: value }).gender);
        }}
      />
    );
  };

  return (
    <FormDialog cf={cf} title={title ?? (editing ? 'Изменение данных специалиста' : 'Новый специалист')} size="lg" onClose={onClose}>
      <SimpleGrid cols={3}>
        {nameField('lastName', 'Фамилия', true)}
        {nameField('firstName', 'Имя', true)}
        {nameField('middleName', 'Отчество')}
      </SimpleGrid>
      <Radio.Group
        label="Пол"
        description={genderHint(guess, genderChosen)}
        required
        {...cf.field('gender')}
        value={values.gender}
        onChange={(v) => {
          cf.form.setFieldValue('gender', v as Gender);
          setGenderChosen(true);
        }}
      >
        <Group mt={4}>
          {GENDERS.map((g) => (
            <Radio key={g} value={g} label={GENDER_LABELS[g]} />
          ))}
        </Group>
      </Radio.Group>
      <TextField cf={cf} path="position" label="Должность" />
      <OrganizationPicker label="Организация" {...cf.field('organizationId')} />
      <SimpleGrid cols={2}>
        <TextField cf={cf} path="phone" label="Телефон" />
        <TextField cf={cf} path="email" label="Электронная почта" />
      </SimpleGrid>
      <Group align="flex-start" grow>
        <Checkbox
          label="Согласие на обработку персональных данных (152-ФЗ) получено"
          {...cf.field('pdConsent', { type: 'checkbox' })}
          mt={28}
        />
        <DateField cf={cf} path="pdConsentDate" label="Дата согласия" disabled={!values.pdConsent} />
      </Group>
    </FormDialog>
  );
}
