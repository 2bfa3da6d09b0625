import { z } from 'zod';

/**
 * zod's messages in Russian to the end. The contract's own messages («Укажите год») take
 * precedence; this covers what a schema does not word itself — mostly input no form sends (a
 * hand-made request, a bug): zod's Russian locale still says «ожидалось object, получено
 * null», so types, origins and keys are put into words here, and the locale answers the rest.
 * Set once, in the module every contract file imports, so the main process and the renderer
 * (the forms validate with the same schemas) word a refusal alike.
 */

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  bigint: 'целое число',
  boolean: 'да или нет',
  object: 'набор полей',
  array: 'список',
  tuple: 'список',
  record: 'набор полей',
  map: 'набор полей',
  set: 'список',
  date: 'дата',
  null: 'пустое значение (null)',
  undefined: 'ничего',
  nan: 'не число (NaN)',
  symbol: 'символ',
  function: 'функция',
  file: 'файл',
  literal: 'значение',
  enum: 'значение из списка',
  never: 'ничего',
};

/** What the input was, in words: «получено число», «получен список». */
function received(input: unknown): string {
  if (input === undefined) return 'ничего не передано';
  if (input === null) return 'передано пустое значение (null)';
  if (Array.isArray(input)) return 'передан список';
  if (typeof input === 'number') return Number.isNaN(input) ? 'передано не число (NaN)' : 'передано число';
  if (typeof input === 'string') return 'передан текст';
  if (typeof input === 'boolean') return 'передано «да или нет»';
  if (typeof input === 'object') return 'передан набор полей';
  return 'передано значение другого типа';
}

/** After «не больше» / «не меньше» the noun is genitive: «1 символа», «2 символов», «21 символа». */
const ORIGIN_UNITS: Record<string, [string, string]> = {
  string: ['символа', 'символов'],
  array: ['элемента', 'элементов'],
  set: ['элемента', 'элементов'],
  file: ['байта', 'байт'],
};

function units(n: number, [one, many]: [string, string]): string {
  return Math.abs(n) % 10 === 1 && Math.abs(n) % 100 !== 11 ? one : many;
}

const quoted = (keys: readonly PropertyKey[]) =>
  keys
    .slice(0, 5)
    .map((k) => `«${String(k).slice(0, 40)}»`)
    .join(', ') + (keys.length > 5 ? ` и ещё ${keys.length - 5}` : '');

const where = (path: readonly PropertyKey[] | undefined) =>
  path && path.length > 0 ? ` (поле «${path.map((p) => String(p).slice(0, 40)).join('.')}»)` : '';

type Issue = z.core.$ZodRawIssue;

/** The Russian message of an issue its schema gave no message for. */
export function russianMessage(issue: Issue): string {
  const at = where(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[String(issue.expected)] ?? 'значение другого типа';
      return `Неверные данные${at}: ожидалось: ${expected}, ${received(issue.input)}`;
    }
    case 'invalid_value':
      return `Неверное значение${at}: допустимо ${issue.values.length === 1 ? 'только одно значение' : 'одно из значений списка'}`;
    case 'too_big': {
      const unit = ORIGIN_UNITS[String(issue.origin)];
      const max = Number(issue.maximum);
      return unit
        ? `Слишком много${at}: не больше ${max} ${units(max, unit)}`
        : `Слишком большое значение${at}: не больше ${String(issue.maximum)}`;
    }
    case 'too_small': {
      const unit = ORIGIN_UNITS[String(issue.origin)];
      const min = Number(issue.minimum);
      return unit
        ? `Слишком мало${at}: не меньше ${min} ${units(min, unit)}`
        : `Слишком маленькое значение${at}: не меньше ${String(issue.minimum)}`;
    }
    case 'invalid_format':
      return `Значение${at} записано в неверном формате`;
    case 'not_multiple_of':
      return `Неверное число${at}: должно делиться на ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Лишн${issue.keys.length > 1 ? 'ие поля' : 'ее поле'}${at}: ${quoted(issue.keys)}`;
    case 'invalid_key':
      return `Неверное имя поля${at}`;
    case 'invalid_union':
      return `Неверные данные${at}: значение не подходит ни под один из допустимых видов`;
    case 'invalid_element':
      return `Неверный элемент${at}`;
    default:
      return `Неверные данные${at}`;
  }
}

z.config({ localeError: (issue) => russianMessage(issue as Issue) });
