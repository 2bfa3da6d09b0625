import { describe, expect, it } from 'vitest';
import {
  agree,
  countOf,
  countWithVerb,
  formatDate,
  formatDateLong,
  formatDateQuoted,
  genderFromPatronymic,
  guessGender,
  initialsThenSurname,
  matchesWords,
  parseRuDate,
  personNameInCase,
  plural,
  searchText,
  searchWords,
  sortedByKey,
  sortKey,
  surnameWithInitials,
} from '@shared/russian';

const CASES = ['случай', 'случая', 'случаев'] as const;

describe('counts', () => {
  it('agrees the noun with an integer', () => {
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

  it('puts a fraction in the genitive singular: «1,5 случая», not «1,5 случаев»', () => {
    expect(countOf(1.5, CASES)).toBe('1,5 случая');
    expect(countOf(0.5, ['процент', 'процента', 'процентов'])).toBe('0,5 процента');
    expect(countOf(21.25, CASES)).toBe('21,25 случая');
  });

  it('agrees the verb with the count: «21 человек прошёл», «28 человек прошли»', () => {
    const PEOPLE = ['человек', 'человека', 'человек'] as const;
    const PASSED = ['прошёл', 'прошли'] as const;
    expect(countWithVerb(21, PEOPLE, PASSED)).toBe('21 человек прошёл');
    expect(countWithVerb(28, PEOPLE, PASSED)).toBe('28 человек прошли');
    expect(countWithVerb(3, PEOPLE, PASSED)).toBe('3 человека прошли');
    expect(countWithVerb(111, PEOPLE, PASSED)).toBe('111 человек прошли');
    expect(countWithVerb(1, ['организация', 'организации', 'организаций'], ['приняла', 'приняли'])).toBe('1 организация приняла');
  });

  it('groups thousands the Russian way in counts', () => {
    // Intl uses a no-break space as the group separator in ru-RU.
    expect(countOf(20000, CASES).replace(/\s/g, ' ')).toBe('20 000 случаев');
  });
});

describe('calendar dates', () => {
  it('shows dates as ДД.ММ.ГГГГ and nothing for an absent or broken date', () => {
    expect(formatDate('2017-09-12')).toBe('12.09.2017');
    expect(formatDate('2018-01-01')).toBe('01.01.2018');
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('не дата')).toBe('');
    expect(formatDate('2017-02-30')).toBe('');
  });

  it('writes a day out as a document does', () => {
    expect(formatDateLong('2017-03-20')).toBe('20 марта 2017 года');
    expect(formatDateLong('2017-12-01')).toBe('1 декабря 2017 года');
    expect(formatDateQuoted('2017-01-16')).toBe('«16» января 2017 г.');
  });

  it('reads ДД.ММ.ГГГГ typed by hand and refuses a day that does not exist', () => {
    expect(parseRuDate('12.09.2017')).toBe('2017-09-12');
    expect(parseRuDate(' 1.9.2017 ')).toBe('2017-09-01');
    expect(parseRuDate('31.04.2017')).toBeNull();
    expect(parseRuDate('2017-09-12')).toBeNull();
  });
});

describe('search words', () => {
  it('folds case, ё, quotes and punctuation into the words search compares', () => {
    expect(searchWords('  Ёлкина   ЁЖИКОВА\tАнна ')).toEqual(['елкина', 'ежикова', 'анна']);
    expect(searchText('МБОУ «СОШ №1»', 'КДН и ЗП')).toBe('мбоу сош 1 кдн и зп');
    expect(searchWords('semenova@school.ru')).toEqual(['semenova', 'school', 'ru']);
  });

  it('gives no empty word for a run of combining marks alone (the fuzz found one reaching FTS5)', () => {
    expect(searchWords('$#&\u{1D165}\u{1D16E} анна')).toEqual(['анна']);
    expect(searchWords('\u0301\u0308')).toEqual([]);
    expect(searchText('\u{1D165}', 'Анна')).toBe('анна');
  });

  it('finds a text when every word of the query occurs in it, in any order', () => {
    expect(matchesWords('Иванова Мария Петровна', 'мария иванова')).toBe(true);
    expect(matchesWords('МБОУ «СОШ №1» г. Уварово', 'сош №1')).toBe(true);
    expect(matchesWords('ТОГБУ «Центр «Доверие»', '"доверие"')).toBe(true);
    expect(matchesWords('Иванова Мария', 'петрова')).toBe(false);
  });
});

describe('the sort key', () => {
  it('is equal for what a user reads as the same name', () => {
    expect(sortKey('Ёлкин')).toBe(sortKey('елкин'));
    expect(sortKey('ИВАНОВ')).toBe(sortKey('иванов'));
    expect(sortKey('АНО «Доверие»')).toBe(sortKey('АНО "Доверие"'));
    expect(sortKey('МБОУ СОШ №1')).toBe(sortKey('мбоу сош 1'));
    expect(sortKey('СОШ №007')).toBe(sortKey('СОШ №7'));
  });

  it('orders word by word, numbers by value, Cyrillic before Latin', () => {
    const order = (names: string[]) => sortedByKey(names, (n) => n);
    expect(order(['Иванова Анна', 'Иванов Пётр', 'Иванова-Петрова Анна'])).toEqual(['Иванов Пётр', 'Иванова Анна', 'Иванова-Петрова Анна']);
    expect(order(['СОШ №10', 'СОШ №2', 'СОШ №1'])).toEqual(['СОШ №1', 'СОШ №2', 'СОШ №10']);
    expect(order(['UNICEF', 'Яковлев', 'Абрамов'])).toEqual(['Абрамов', 'Яковлев', 'UNICEF']);
    expect(order(['Кима', 'Ким Ли'])).toEqual(['Ким Ли', 'Кима']);
  });
});

describe('names', () => {
  it('writes names with initials in both orders', () => {
    const p = { lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' };
    expect(surnameWithInitials(p)).toBe('Иванова М.П.');
    expect(initialsThenSurname(p)).toBe('М.П. Иванова');
    expect(surnameWithInitials({ ...p, middleName: '' })).toBe('Иванова М.');
    expect(surnameWithInitials({ ...p, firstName: '', middleName: '' })).toBe('Иванова');
  });

  it('takes the gender from a patronymic and only suggests it from a name', () => {
    expect(genderFromPatronymic('Ивановна')).toBe('female');
    expect(genderFromPatronymic('Ильич')).toBe('male');
    expect(genderFromPatronymic('Гасан оглы')).toBe('male');
    expect(genderFromPatronymic('Гасан кызы')).toBe('female');
    expect(genderFromPatronymic('')).toBeNull();
    expect(guessGender({ lastName: 'Павлова', firstName: 'Любовь', middleName: 'Павловна' })).toEqual({ gender: 'female', certain: true });
    expect(guessGender({ lastName: 'Зайцева', firstName: 'Женя', middleName: '' })).toEqual({ gender: 'female', certain: false });
    expect(guessGender({ lastName: 'Белых', firstName: 'Саша', middleName: '' })).toEqual({ gender: null, certain: false });
  });

  it('agrees a verb with a person and declines a name with the gender given', () => {
    expect(agree('female', 'принял', 'приняла')).toBe('приняла');
    expect(agree(null, 'принял', 'приняла')).toBe('принял(а)');
    expect(personNameInCase({ lastName: 'Семёнова', firstName: 'Ольга', middleName: 'Ивановна' }, 'dative', 'female')).toEqual({
      lastName: 'Семёновой',
      firstName: 'Ольге',
      middleName: 'Ивановне',
    });
    expect(personNameInCase({ lastName: 'Гоберкорн', firstName: 'Анна', middleName: 'Яковлевна' }, 'genitive', 'female')?.lastName).toBe(
      'Гоберкорн',
    );
    expect(personNameInCase({ lastName: 'Гоберкорн', firstName: 'Абрам', middleName: '' }, 'instrumental', 'male')?.lastName).toBe(
      'Гоберкорном',
    );
    expect(personNameInCase({ lastName: 'Белых', firstName: 'Саша', middleName: '' }, 'dative', null)).toBeNull();
  });
});
