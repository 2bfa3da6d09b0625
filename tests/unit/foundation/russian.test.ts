import { describe, expect, it } from 'vitest';
import { compareRu, countOf, foldRu, formatDate, initialsThenSurname, plural, surnameWithInitials } from '@shared/russian';

const CASES = ['случай', 'случая', 'случаев'] as const;

describe('Russian text rules', () => {
  it('agrees the noun with the number', () => {
    const phrase = (n: number) => `${n} ${plural(n, CASES)}`;
    expect([1, 2, 5, 11, 21, 22, 0, 14, 101, 112].map(phrase)).toEqual([
      '1 случай',
      '2 случая',
      '5 случаев',
      '11 случаев',
      '21 случай',
      '22 случая',
      '0 случаев',
      '14 случаев',
      '101 случай',
      '112 случаев',
    ]);
  });

  it('groups thousands the Russian way in counts', () => {
    // Intl uses a no-break space as the group separator in ru-RU.
    expect(countOf(20000, CASES).replace(/\s/g, ' ')).toBe('20 000 случаев');
  });

  it('shows dates as ДД.ММ.ГГГГ and nothing for an absent or broken date', () => {
    expect(formatDate('2017-09-12')).toBe('12.09.2017');
    expect(formatDate('2018-01-01')).toBe('01.01.2018');
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('не дата')).toBe('');
  });

  it('sorts in Russian alphabetical order, case-insensitive, with ё as е', () => {
    const names = ['яковлев', 'Ёлкин', 'Абрамов', 'елкин', 'Жуков', 'Елисеев', 'борисов', 'Ершов'];
    const sorted = [...names].sort(compareRu);
    expect(sorted).toEqual(['Абрамов', 'борисов', 'Елисеев', 'Ёлкин', 'елкин', 'Ершов', 'Жуков', 'яковлев']);
    expect(compareRu('Ёлкин', 'Елкин')).toBe(0);
    expect(compareRu('ИВАНОВ', 'иванов')).toBe(0);
  });

  it('folds case, ё and spacing into one search key', () => {
    expect(foldRu('  Ёлкина   ЁЖИКОВА\tАнна ')).toBe('елкина ежикова анна');
    expect(foldRu('КДН и ЗП')).toBe('кдн и зп');
    expect(foldRu('Елкин')).toBe(foldRu('ёлкин'));
  });

  it('writes names with initials in both orders', () => {
    expect(surnameWithInitials('Иванова', 'Мария', 'Петровна')).toBe('Иванова М.П.');
    expect(initialsThenSurname('Иванова', 'Мария', 'Петровна')).toBe('М.П. Иванова');
    expect(surnameWithInitials('Иванова', 'Мария')).toBe('Иванова М.');
    expect(surnameWithInitials('Иванова', '')).toBe('Иванова');
  });
});
