import { describe, expect, it } from 'vitest';
import { fillCertificateText, DEFAULT_CERTIFICATE_TEXT, quotedTitle } from '@shared/documents/certificates/layout';
import { guessGender, personFullName, personNameInCase, type Gender } from '@shared/russian';

/**
 * The name a certificate prints, in the case its sentence needs («выдан Семёновой Ольге
 * Ивановне» — dative; «подтверждает, что Семёнова Ольга Ивановна» — nominative), declined by the
 * gender on record with lvovich (shared/russian/declension.ts). Where lvovich cannot tell the
 * gender (Ким Ли, Дюбуа Мари, Белых Саша) the wrapper answers no gender and the issue dialog asks.
 */
const TABLE: [name: string, gender: Gender, dative: string, genitive: string][] = [
  ['Семёнова Ольга Ивановна', 'female', 'Семёновой Ольге Ивановне', 'Семёновой Ольги Ивановны'],
  ['Шевченко Алексей Ильич', 'male', 'Шевченко Алексею Ильичу', 'Шевченко Алексея Ильича'],
  ['Шевченко Мария Ильинична', 'female', 'Шевченко Марии Ильиничне', 'Шевченко Марии Ильиничны'],
  ['Ким Ли', 'male', 'Киму Ли', 'Кима Ли'],
  ['Ким Ли', 'female', 'Ким Ли', 'Ким Ли'],
  ['Дюбуа Мари', 'female', 'Дюбуа Мари', 'Дюбуа Мари'],
  ['Петров Алексей', 'male', 'Петрову Алексею', 'Петрова Алексея'],
  ['Шевчук Мария', 'female', 'Шевчук Марии', 'Шевчук Марии'],
  ['Гоберкорн Анна Яковлевна', 'female', 'Гоберкорн Анне Яковлевне', 'Гоберкорн Анны Яковлевны'],
  ['Гоберкорн Абрам Яковлевич', 'male', 'Гоберкорну Абраму Яковлевичу', 'Гоберкорна Абрама Яковлевича'],
  ['Мороз Анна Сергеевна', 'female', 'Мороз Анне Сергеевне', 'Мороз Анны Сергеевны'],
  ['Кравец Игорь Павлович', 'male', 'Кравцу Игорю Павловичу', 'Кравца Игоря Павловича'],
  ['Белых Саша', 'female', 'Белых Саше', 'Белых Саши'],
  ['Иванова-Петрова Анна Викторовна', 'female', 'Ивановой-Петровой Анне Викторовне', 'Ивановой-Петровой Анны Викторовны'],
  ['Алиева Лейла Гасан кызы', 'female', 'Алиевой Лейле Гасан кызы', 'Алиевой Лейлы Гасан кызы'],
  ['Толстой Лев', 'male', 'Толстому Льву', 'Толстого Льва'],
  ['Руденко Ольга', 'female', 'Руденко Ольге', 'Руденко Ольги'],
];

const parse = (full: string) => {
  const [lastName = '', firstName = '', ...rest] = full.split(' ');
  return { lastName, firstName, middleName: rest.join(' ') };
};

describe('names on a certificate', () => {
  it.each(TABLE)('%s (%s) → %s / %s', (name, gender, dative, genitive) => {
    expect(personFullName(personNameInCase(parse(name), 'dative', gender)!)).toBe(dative);
    expect(personFullName(personNameInCase(parse(name), 'genitive', gender)!)).toBe(genitive);
    expect(personFullName(personNameInCase(parse(name), 'nominative', gender)!)).toBe(name);
  });

  it('says no gender for certain without a patronymic, so the dialog asks (never a silent guess)', () => {
    for (const name of ['Ким Ли', 'Дюбуа Мари', 'Белых Саша', 'Шевчук Мария']) expect(guessGender(parse(name)).certain).toBe(false);
    // lvovich's own guesses are suggestions at most: «Ли» reads as male, «Саша» as either.
    expect(guessGender(parse('Белых Саша')).gender).toBeNull();
    expect(guessGender(parse('Семёнова Ольга Ивановна'))).toEqual({ gender: 'female', certain: true });
    expect(personNameInCase(parse('Ким Ли'), 'dative', null)).toBeNull();
  });

  it('agrees the sentence with the gender and puts a title with quotes inside «…» with „…“', () => {
    const context = { title: 'Семинар «Межведомственное взаимодействие»', firstDay: '2018-10-16', lastDay: '2018-10-18', hours: 18 };
    expect(fillCertificateText(DEFAULT_CERTIFICATE_TEXT.text, { ...context, gender: 'female' })).toBe(
      'в том, что она приняла участие в мероприятии «Семинар „Межведомственное взаимодействие“» 16–18 октября 2018 года в объёме 18 часов.',
    );
    expect(fillCertificateText(DEFAULT_CERTIFICATE_TEXT.text, { ...context, gender: 'male', hours: null, lastDay: '2018-10-16' })).toBe(
      'в том, что он принял участие в мероприятии «Семинар „Межведомственное взаимодействие“» 16 октября 2018 года.',
    );
    expect(fillCertificateText('{принял} участие ({часы})', { ...context, gender: 'male', hours: 1 })).toBe(
      'принял участие (в объёме 1 часа)',
    );
    expect(quotedTitle('Форум приемных семей')).toBe('«Форум приемных семей»');
  });
});
