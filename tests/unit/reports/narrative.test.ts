import { describe, expect, it } from 'vitest';
import {
  CHANGED_FACTS,
  CHANGED_NUMBERS,
  changedFigures,
  changedMarks,
  fieldKeys,
  narrativeText,
  readNarrative,
  remember,
  type LiveFigure,
} from '@shared/narrative';
import { countInUnit, countOf, countWithVerb, formatNumber } from '@shared/russian';

/**
 * The rule of Russian grammar written out here on its own (not the product's Intl.PluralRules):
 * 1, 21, 101 but not 11 → the first form; 2–4, 22–24 but not 12–14 → the second; else the third.
 */
function expectedForm(n: number): 0 | 1 | 2 {
  const [d10, d100] = [n % 10, n % 100];
  if (d10 === 1 && d100 !== 11) return 0;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 1;
  return 2;
}

const CASES = ['случай', 'случая', 'случаев'] as const;

describe('counts that agree, 0–1000, fractions and verbs', () => {
  it('writes every number from 0 to 1000 with the noun form the grammar gives', () => {
    for (let n = 0; n <= 1000; n++) {
      const written = n >= 1000 ? '1\u00A0000' : String(n);
      expect(countOf(n, CASES), String(n)).toBe(`${written} ${CASES[expectedForm(n)]}`);
    }
    expect(countOf(1, CASES)).toBe('1 случай');
    expect(countOf(2, CASES)).toBe('2 случая');
    expect(countOf(5, CASES)).toBe('5 случаев');
    expect(countOf(3, ['заседание', 'заседания', 'заседаний'])).toBe('3 заседания');
    expect(countOf(8, ['семинар', 'семинара', 'семинаров'])).toBe('8 семинаров');
  });

  it('takes the genitive singular after a fraction, and groups thousands with a no-break space', () => {
    expect(countOf(1.5, CASES)).toBe('1,5 случая');
    expect(countOf(0.5, CASES)).toBe('0,5 случая');
    expect(countOf(21.5, CASES)).toBe('21,5 случая');
    expect(formatNumber(1234)).toBe('1\u00A0234');
    expect(countInUnit(1234, 'посещений')).toBe('1\u00A0234 посещения');
  });

  it('agrees the verb with the number: singular after 1, 21, 101 (not 11), plural otherwise', () => {
    const people = ['человек', 'человека', 'человек'] as const;
    for (let n = 0; n <= 1000; n++) {
      const singular = n % 10 === 1 && n % 100 !== 11;
      expect(countWithVerb(n, people, ['прошёл', 'прошли']), String(n)).toMatch(singular ? / прошёл$/ : / прошли$/);
    }
    expect(countWithVerb(21, people, ['прошёл', 'прошли'])).toBe('21 человек прошёл');
    expect(countWithVerb(28, people, ['прошёл', 'прошли'])).toBe('28 человек прошли');
    expect(countWithVerb(34, people, ['обратился', 'обратились'])).toBe('34 человека обратились');
  });

  it('knows the forms of the catalogue’s units, and writes an unknown unit as it is stated', () => {
    expect(countInUnit(1, 'детей')).toBe('1 ребёнок');
    expect(countInUnit(51, 'детей')).toBe('51 ребёнок');
    expect(countInUnit(83, 'детей')).toBe('83 ребёнка');
    expect(countInUnit(39, 'семей')).toBe('39 семей');
    expect(countInUnit(1, 'экз.')).toBe('1 экземпляр');
    expect(countInUnit(3, 'ед.')).toBe('3 ед.');
  });
});

describe('narrative with live figures', () => {
  const figures = (opened: number) =>
    new Map<string, LiveFigure>([
      ['Случаи открыты', { key: 'Случаи открыты', value: opened, text: countOf(opened, CASES) }],
      ['Заседания', { key: 'Заседания', value: 3, text: '3 заседания' }],
    ]);
  const text = 'Открыто {{Случаи открыты}}; {{ Случаи открыты |открыт/открыты}} по сигналам. Проведено {{Заседания}}.';

  it('remembers the value of every field when saved, and reads them as they are now', () => {
    const saved = remember(text, figures(26));
    if (!('narrative' in saved)) throw new Error('refused');
    expect(saved.narrative.seen).toEqual({ 'Случаи открыты': 26, Заседания: 3 });
    expect(fieldKeys(text)).toEqual(['Случаи открыты', 'Заседания']);
    const now = readNarrative(saved.narrative, figures(26));
    expect(narrativeText(now)).toBe('Открыто 26 случаев; 26 случаев открыты по сигналам. Проведено 3 заседания.');
    expect(changedFigures(now)).toEqual([]);

    const later = readNarrative(saved.narrative, figures(21));
    expect(narrativeText(later)).toBe('Открыто 21 случай; 21 случай открыт по сигналам. Проведено 3 заседания.');
    expect(changedFigures(later).map((p) => [p.key, p.seen, p.value])).toEqual([
      ['Случаи открыты', 26, 21],
      ['Случаи открыты', 26, 21],
    ]);
  });

  it('refuses a field that names no figure, and keeps one it cannot read as typed', () => {
    expect(remember('Открыто {{Случаи откыты}}.', figures(1))).toEqual({ unknown: ['Случаи откыты'] });
    const pieces = readNarrative({ text: 'Было {{Удалённый показатель}}.', seen: {} }, figures(1));
    expect(narrativeText(pieces)).toBe('Было {{Удалённый показатель}}.');
  });
});

describe('the count of changed figures above the text', () => {
  it('agrees with 1, 2, 5, 21, 22 and 25 for facts and for numbers', () => {
    const facts = [1, 2, 5, 21, 22, 25].map((n) => changedMarks(n, CHANGED_FACTS));
    expect(facts).toEqual([
      'отмечен 1 факт, изменившийся',
      'отмечено 2 факта, изменившихся',
      'отмечено 5 фактов, изменившихся',
      'отмечен 21 факт, изменившийся',
      'отмечено 22 факта, изменившихся',
      'отмечено 25 фактов, изменившихся',
    ]);
    const numbers = [1, 2, 5, 21, 22, 25].map((n) => changedMarks(n, CHANGED_NUMBERS));
    expect(numbers).toEqual([
      'отмечено 1 число, изменившееся',
      'отмечено 2 числа, изменившихся',
      'отмечено 5 чисел, изменившихся',
      'отмечено 21 число, изменившееся',
      'отмечено 22 числа, изменившихся',
      'отмечено 25 чисел, изменившихся',
    ]);
  });
});
