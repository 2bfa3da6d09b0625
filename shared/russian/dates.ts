import dayjs from 'dayjs';
import 'dayjs/locale/ru';

/**
 * Dates as the user's own calendar has them. Two kinds of value are stored:
 * - calendar dates (`2017-09-12`): a meeting's day, a due date, a consent's date. They are
 *   nobody's instant and are shown as they are;
 * - timestamps of when something happened (`2017-09-12T22:30:00.000Z`, SQLite's
 *   strftime('%Y-%m-%dT%H:%M:%fZ')): UTC. Shown as a date they become the day on the clock of
 *   the PC showing them — a signing at 08:30 in Vladivostok is on the 13th there, though it is
 *   still the 12th in UTC.
 * «Today» is the local calendar day, computed here and nowhere else (lint keeps dayjs to this file).
 */
dayjs.locale('ru');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Today as `YYYY-MM-DD` on the computer's own clock. */
export const todayLocal = (now: Date = new Date()): string => dayjs(now).format('YYYY-MM-DD');

/** The current calendar year on the computer's own clock. */
export const currentYear = (now: Date = new Date()): number => dayjs(now).year();

/** The local calendar day of a stored UTC timestamp, as `YYYY-MM-DD`; '' for an absent or broken one. */
export function localDateOf(stamp: string | null | undefined): string {
  if (!stamp) return '';
  const d = dayjs(stamp);
  return d.isValid() ? d.format('YYYY-MM-DD') : '';
}

/** Whether `iso` is a real calendar date written as `YYYY-MM-DD` (no 31 April). */
export function isIsoDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date `2017-09-12` → `12.09.2017`; '' for an absent or broken date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso || !isIsoDate(iso)) return '';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** A stored timestamp as the local date, ДД.ММ.ГГГГ. */
export const formatStampDate = (stamp: string | null | undefined): string => formatDate(localDateOf(stamp));

/** A stored timestamp as the local date and time, ДД.ММ.ГГГГ ЧЧ:ММ. */
export function formatStampDateTime(stamp: string | null | undefined): string {
  if (!stamp) return '';
  const d = dayjs(stamp);
  return d.isValid() ? d.format('DD.MM.YYYY HH:mm') : '';
}

/** A stored timestamp as the local time, ЧЧ:ММ. */
export function formatStampTime(stamp: string | null | undefined): string {
  if (!stamp) return '';
  const d = dayjs(stamp);
  return d.isValid() ? d.format('HH:mm') : '';
}

/** The Monday (`YYYY-MM-DD`, local) of the week a moment falls in: a Russian calendar's week. */
export const localWeekStart = (moment: Date): string =>
  dayjs(moment)
    .subtract((dayjs(moment).day() + 6) % 7, 'day')
    .format('YYYY-MM-DD');

/** A local moment as `YYYYMMDD-HHmmss`, for file names a person sorts by time. */
export const fileStamp = (moment: Date): string => dayjs(moment).format('YYYYMMDD-HHmmss');

export const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

/** «20 марта»: the month after a day number. */
export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

export const QUARTERS_ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** `2017-03-20` → «20 марта 2017 года», as the text of a document names a day; '' for a broken date. */
export function formatDateLong(iso: string | null | undefined): string {
  if (!iso || !isIsoDate(iso)) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} года`;
}

/**
 * `2017-01-16` → «16 января 2017 г.»: the word-and-number form of a document's date requisite
 * (ГОСТ Р 7.0.97-2016, 5.10: day without a leading zero, the month in words, «г.»); '' for a broken date.
 */
export function formatDateWords(iso: string | null | undefined): string {
  if (!iso || !isIsoDate(iso)) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} г.`;
}

/** `2017-01-16` → «16» января 2017 г., as the «УТВЕРЖДАЮ» block dates an approval. */
export function formatDateQuoted(iso: string | null | undefined): string {
  if (!iso || !isIsoDate(iso)) return '';
  const [y, m, d] = iso.split('-');
  return `«${d}» ${MONTHS_GENITIVE[Number(m) - 1]} ${y} г.`;
}

/**
 * A date as a person types it: «12.09.2017», «1.9.2017», «12.09.17», «12092017», with dots, slashes,
 * commas, dashes or spaces between the parts. Two-digit years are this century's.
 */
const TYPED_DATE = /^\s*(\d{1,2})[.,/\- ](\d{1,2})[.,/\- ](\d{4}|\d{2})\s*$/;
const TYPED_DIGITS = /^\s*(\d{2})(\d{2})(\d{4}|\d{2})\s*$/;

/** What a typed date is: nothing, a real day, a day the calendar does not have (31.02.2021), or not a date at all. */
export type TypedDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string; text: string }
  | { kind: 'impossible'; iso: string; text: string }
  | { kind: 'malformed'; text: string };

/** Reads a date typed by hand; `text` is it written as ДД.ММ.ГГГГ. */
export function readTypedDate(typed: string): TypedDate {
  if (typed.trim() === '') return { kind: 'empty' };
  const m = TYPED_DATE.exec(typed) ?? TYPED_DIGITS.exec(typed);
  if (!m) return { kind: 'malformed', text: typed };
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  const month = pad(Number(m[2]));
  const day = pad(Number(m[1]));
  const iso = `${year}-${month}-${day}`;
  const text = `${day}.${month}.${year}`;
  return isIsoDate(iso) ? { kind: 'date', iso, text } : { kind: 'impossible', iso, text };
}

/**
 * A typed date as a call's input: null when empty, `YYYY-MM-DD` when it has the shape of a date —
 * also for a day that does not exist, so the contract's own check says «Такой даты не существует» —
 * and the text itself otherwise, which the contract refuses as written wrongly.
 */
export function typedDateInput(typed: string): string | null {
  const date = readTypedDate(typed);
  if (date.kind === 'empty') return null;
  return date.kind === 'malformed' ? date.text.trim() : date.iso;
}

/** ДД.ММ.ГГГГ typed by hand (one-digit day and month allowed) → `YYYY-MM-DD`, or null. */
export function parseRuDate(text: string): string | null {
  const date = readTypedDate(text);
  return date.kind === 'date' ? date.iso : null;
}

/**
 * The days of an event in a sentence: «16 октября 2018 года», «16–18 октября 2018 года»,
 * «30 сентября – 2 октября 2018 года», «28 декабря 2018 года – 2 января 2019 года».
 */
export function formatDateRangeLong(from: string, to: string): string {
  if (!isIsoDate(from) || !isIsoDate(to)) return '';
  if (from === to) return formatDateLong(from);
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  if (y1 !== y2) return `${formatDateLong(from)} – ${formatDateLong(to)}`;
  if (m1 !== m2) return `${d1} ${MONTHS_GENITIVE[m1 - 1]} – ${d2} ${MONTHS_GENITIVE[m2 - 1]} ${y2} года`;
  return `${d1}–${d2} ${MONTHS_GENITIVE[m2 - 1]} ${y2} года`;
}

const WRITTEN_DATE = /^\s*(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s*(?:г\.?|года?))?\s*$/i;

/**
 * A date as a list written by hand states it: «12 марта 2024 г.», «1 сентября 2017 года», «12 март
 * 2024» — the day, the month's name (genitive or nominative, any case), the year.
 */
export function readWrittenDate(text: string): TypedDate {
  const m = WRITTEN_DATE.exec(text);
  if (!m) return readTypedDate(text);
  const word = m[2]!.toLowerCase().replace(/ё/g, 'е');
  const index = MONTHS_GENITIVE.findIndex((g, i) => g === word || MONTHS_NOMINATIVE[i]!.toLowerCase() === word);
  if (index < 0) return { kind: 'malformed', text };
  const iso = `${m[3]}-${pad(index + 1)}-${pad(Number(m[1]))}`;
  const written = `${pad(Number(m[1]))}.${pad(index + 1)}.${m[3]}`;
  return isIsoDate(iso) ? { kind: 'date', iso, text: written } : { kind: 'impossible', iso, text: written };
}
