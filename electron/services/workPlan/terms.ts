import type { Term } from '@shared/contract/workPlan';
import type { TermKind } from '@shared/enums';
import { formatDate, MONTHS_NOMINATIVE, QUARTERS_ROMAN } from '@shared/russian';

/** A term as stored: its kind, the value as given, and the first and last day it covers. */
export interface StoredTerm {
  termKind: TermKind;
  termValue: string;
  termStart: string;
  termEnd: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthSpan(year: number, first: number, last: number): [string, string] {
  return [`${year}-${pad(first)}-01`, `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`];
}

/** First and last day of a quarter (1–4) of a year. */
export function quarterSpan(year: number, quarter: number): [string, string] {
  return monthSpan(year, quarter * 3 - 2, quarter * 3);
}

/**
 * Derives the stored columns of a term within the plan's year. The span lets one SQL
 * comparison answer "does this item fall into the III quarter" for every kind of term.
 */
export function storeTerm(term: Term, year: number): StoredTerm {
  switch (term.kind) {
    case 'date':
      return { termKind: 'date', termValue: term.date, termStart: term.date, termEnd: term.date };
    case 'month': {
      const [termStart, termEnd] = monthSpan(year, term.month, term.month);
      return { termKind: 'month', termValue: String(term.month), termStart, termEnd };
    }
    case 'quarter': {
      const [termStart, termEnd] = quarterSpan(year, term.quarter);
      return { termKind: 'quarter', termValue: String(term.quarter), termStart, termEnd };
    }
    case 'year':
      return { termKind: 'year', termValue: '', termStart: `${year}-01-01`, termEnd: `${year}-12-31` };
  }
}

/** The term back from its stored kind and value. */
export function readTerm(kind: TermKind, value: string): Term {
  switch (kind) {
    case 'date':
      return { kind, date: value };
    case 'month':
      return { kind, month: Number(value) };
    case 'quarter':
      return { kind, quarter: Number(value) };
    case 'year':
      return { kind };
  }
}

/** «12.09.2017», «сентябрь», «III квартал», «в течение года»: how the printed plan names the term. */
export function formatTerm(term: Term): string {
  switch (term.kind) {
    case 'date':
      return formatDate(term.date);
    case 'month':
      return MONTHS_NOMINATIVE[term.month - 1] ?? '';
    case 'quarter':
      return `${QUARTERS_ROMAN[term.quarter - 1] ?? ''} квартал`;
    case 'year':
      return 'в течение года';
  }
}

/** The same term one year later; 29 February becomes 28 February. */
export function shiftTermToNextYear(term: Term): Term {
  if (term.kind !== 'date') return term;
  const [y, m, d] = term.date.split('-').map(Number) as [number, number, number];
  const day = Math.min(d, lastDayOfMonth(y + 1, m));
  return { kind: 'date', date: `${y + 1}-${pad(m)}-${pad(day)}` };
}

/** Russian message when a date term is outside the plan's year, or null when it fits. */
export function termYearError(term: Term, year: number): string | null {
  if (term.kind === 'date' && !term.date.startsWith(`${year}-`)) {
    return `Дата ${formatDate(term.date)} не входит в ${year} год, на который составлен план`;
  }
  return null;
}
