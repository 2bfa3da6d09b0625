import { schemaResolver } from '@mantine/form';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { readTypedDate, typedDateInput } from '@shared/russian';
import { keptRows, mapErrors, maxLengthAt, remapRow, withoutDataPrefix } from '@renderer/components/form/schema';
import { remainingNote } from '@renderer/components/form/fields';

/**
 * The form stack's parts that need no window: a typed date as a call's input, the contract's own
 * schema run in the renderer as the forms run it (`schemaResolver(schema, { sync: true })`), the
 * limits it sets, and where its errors show in a form.
 */

const person = {
  lastName: 'Орлова',
  firstName: 'Ирина',
  middleName: 'Владимировна',
  position: '',
  organizationId: null,
  phone: '',
  email: '',
  pdConsent: true,
};

describe('a date typed as ДД.ММ.ГГГГ', () => {
  it('is read by the shared rule: a day the calendar has not is kept, said impossible', () => {
    expect(readTypedDate('1.9.17')).toEqual({ kind: 'date', iso: '2017-09-01', text: '01.09.2017' });
    expect(readTypedDate('31.02.2021')).toEqual({ kind: 'impossible', iso: '2021-02-31', text: '31.02.2021' });
    expect(readTypedDate('31 февраля')).toEqual({ kind: 'malformed', text: '31 февраля' });
    expect(readTypedDate('  ')).toEqual({ kind: 'empty' });
  });

  it('reaches the contract as it was typed, so its own check answers «Такой даты не существует» before any round trip', () => {
    const resolve = schemaResolver(contract['people.create'].input, { sync: true });
    const errors = mapErrors(resolve({ ...person, pdConsentDate: typedDateInput('31.02.2021') }), withoutDataPrefix);
    expect(errors.pdConsentDate).toMatch(/Такой даты не существует/);
    expect(mapErrors(resolve({ ...person, pdConsentDate: typedDateInput('14.02.2017') }), withoutDataPrefix)).toEqual({});
  });

  it('shows an update call’s errors under the form’s own fields, not under `data.`', () => {
    const resolve = schemaResolver(contract['people.update'].input, { sync: true });
    const errors = mapErrors(resolve({ id: 1, data: { ...person, lastName: ' ', pdConsentDate: '2021-02-31' } }), withoutDataPrefix);
    expect(Object.keys(errors).sort()).toEqual(['lastName', 'pdConsentDate']);
    expect(errors.lastName).toMatch(/Фамилия/);
  });
});

describe('the limits the forms count down to', () => {
  it('are the contract’s, for create and update calls alike', () => {
    expect(maxLengthAt(contract['people.create'].input, 'lastName')).toBe(100);
    expect(maxLengthAt(contract['people.update'].input, 'lastName')).toBe(100);
    expect(maxLengthAt(contract['people.create'].input, 'organizationId')).toBeNull();
    const decisionText = maxLengthAt(contract['agenda.update'].input, 'decisions.0.text');
    expect(decisionText).toBeGreaterThan(100);
  });

  it('are said near the end only, in Russian with the right plural, and past it by how much', () => {
    expect(remainingNote('а'.repeat(79), 100)).toBeNull();
    expect(remainingNote('а'.repeat(80), 100)).toBe('Осталось 20 символов');
    expect(remainingNote('а'.repeat(99), 100)).toBe('Осталось 1 символ');
    expect(remainingNote('а'.repeat(98), 100)).toBe('Осталось 2 символа');
    expect(remainingNote('а'.repeat(100), 100)).toBe('Осталось 0 символов');
    expect(remainingNote('а'.repeat(105), 100)).toBe('Длиннее допустимого на 5 символов (не больше 100)');
    // Counted as the schema counts: on the trimmed text.
    expect(remainingNote(`  ${'а'.repeat(99)}  `, 100)).toBe('Осталось 1 символ');
    expect(remainingNote('что угодно', null)).toBeNull();
  });
});

describe('an error of a list the input sends without its blank rows', () => {
  it('shows under the row of the form it came from', () => {
    const rows = [{ text: 'Принять к сведению' }, { text: '' }, { text: 'Продолжить работу' }];
    const kept = keptRows(rows, (r) => r.text !== '');
    expect(kept).toEqual([0, 2]);
    expect(remapRow('decisions.1.assignment.dueDate', 'decisions', kept)).toBe('decisions.2.assignment.dueDate');
    expect(remapRow('decisions.0.text', 'decisions', kept)).toBe('decisions.0.text');
    expect(remapRow('title', 'decisions', kept)).toBe('title');
  });
});
