import { describe, expect, it } from 'vitest';
import { copiesInWords, numberInWords } from '@shared/russian';

/** Quantities in an act of write-off are written in figures and in words, agreeing with «экземпляр» (masculine). */
describe('copies in words', () => {
  it.each([
    [1, 'один экземпляр'],
    [2, 'два экземпляра'],
    [5, 'пять экземпляров'],
    [21, 'двадцать один экземпляр'],
    [1251, 'одна тысяча двести пятьдесят один экземпляр'],
    [12, 'двенадцать экземпляров'],
    [2_000_004, 'два миллиона четыре экземпляра'],
  ])('%i → %s', (n, words) => {
    expect(copiesInWords(n)).toBe(words);
  });

  it('agrees with the gender it is asked for, and refuses what is not a count', () => {
    expect(numberInWords(2, 'feminine')).toBe('две');
    expect(numberInWords(1, 'neuter')).toBe('одно');
    expect(() => numberInWords(1.5, 'masculine')).toThrow();
    expect(() => numberInWords(-1, 'masculine')).toThrow();
  });
});
