import { describe, expect, it } from 'vitest';
import { organizationKeys, personKeys } from '@db/derived';
import { nameMatchKey } from '@shared/russian';

/**
 * The import matches a list's names against the registry's stored sort keys instead of computing
 * `nameMatchKey` for every record on every preview (electron/services/imports/match.ts). That is
 * right only while the stored key of a name is its match key. The match rule folds one thing the
 * order does not, Latin look-alike letters inside a Cyrillic word (issue 18): a name with a Latin
 * letter has its key computed by the import, and every other name must keep the two equal.
 */

const PEOPLE = [
  ['Иванова', 'Мария', 'Петровна'],
  ['Ёлкин', 'Пётр', 'Семёнович'],
  ['ЕЛКИН', 'петр', 'семенович'],
  ['Салтыков-Щедрин', 'Михаил', 'Евграфович'],
  ['Ким', 'Ли', ''],
  ['  Смирнова ', 'Анна', ' Ивановна  '],
  ["О'Нил", 'Джон', ''],
  ['Оглы', 'Мамед', 'Гусейн оглы'],
] as const;

const ORGANIZATIONS = [
  'МБОУ «СОШ № 1» г. Уварово',
  'МБОУ "СОШ №1" г. Уварово',
  'Отдел опеки и попечительства администрации Инжавинского района',
  'ТОГБУ «Центр поддержки семьи»',
];

describe('the stored sort keys are the import’s match keys', () => {
  it('but for a Latin letter, which the import folds itself', () => {
    expect(personKeys({ lastName: 'Ивaнова', firstName: 'Мария', middleName: 'Петровна', position: '', email: '' }).sortKey).not.toBe(
      nameMatchKey('Иванова', 'Мария', 'Петровна'),
    );
    expect(nameMatchKey('Ивaнова', 'Мария', 'Петровна')).toBe(nameMatchKey('Иванова', 'Мария', 'Петровна'));
  });

  it.each(PEOPLE)('person %s %s %s', (lastName, firstName, middleName) => {
    const stored = personKeys({ lastName, firstName, middleName, position: 'Методист', email: 'x@example.ru' }).sortKey;
    expect(stored).toBe(nameMatchKey(lastName, firstName, middleName));
  });

  it.each(ORGANIZATIONS)('organisation %s', (fullName) => {
    expect(organizationKeys({ fullName, shortName: 'Краткое' }).sortKey).toBe(nameMatchKey(fullName));
  });
});
