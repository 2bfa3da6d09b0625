import { z } from 'zod';
// zod's own messages in Russian, set once for both sides (every contract file imports this one).
import './messages';
import { forbiddenCharacter } from '@shared/documents/text';
import { pathProblem } from '@shared/paths';

/** Shared input shapes with Russian messages, reused by every register's contract. */

/**
 * Typed text may not carry a character XML 1.0 forbids (a control character pasted from another
 * program, U+FFFE): every document is XML, and one such character would break it. The message
 * says where the character is, so the user can find an invisible one.
 */
function printable<T extends z.ZodType<string>>(schema: T, subject: string) {
  return schema.superRefine((value, ctx) => {
    const bad = forbiddenCharacter(value);
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `${subject} содержит недопустимый (невидимый) символ ${bad.code} на ${bad.position}-й позиции: удалите его`,
      });
    }
  });
}

export const id = z
  .number({ error: 'Не указан идентификатор записи' })
  .int('Неверный идентификатор записи')
  .positive('Неверный идентификатор записи');

export const requiredText = (what: string, max = 500) =>
  printable(
    z
      .string({ error: `Поле «${what}» должно быть текстом` })
      .trim()
      .min(1, `Заполните поле «${what}»`)
      .max(max, `Поле «${what}» длиннее ${max} символов`),
    `Поле «${what}»`,
  );

export const optionalText = (what: string, max = 2000) =>
  printable(
    z
      .string({ error: `Поле «${what}» должно быть текстом` })
      .trim()
      .max(max, `Поле «${what}» длиннее ${max} символов`),
    `Поле «${what}»`,
  ).default('');

/** Calendar date as ISO `YYYY-MM-DD`; the UI shows it as ДД.ММ.ГГГГ. */
export const isoDate = (what: string) =>
  z
    .string({ error: `Укажите дату в поле «${what}»` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Дата в поле «${what}» указана неверно`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `Такой даты не существует (поле «${what}»)`);

export const year = z
  .number({ error: 'Укажите год' })
  .int('Год должен быть целым числом')
  .min(2000, 'Год должен быть не раньше 2000')
  .max(2100, 'Год должен быть не позже 2100');

export const sortDir = z.enum(['asc', 'desc']).default('asc');

export const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const search = printable(z.string().trim().max(200, 'Строка поиска слишком длинная'), 'Строка поиска').default('');

export const empty = z.object({}).strict().default({});

// Zod-free, so a list's table can import it without the schemas (the first bundle stays small).
export { SEARCH_TOTAL_CAP, type Page } from './page';

/**
 * A path to a file or folder typed or chosen by the user: absolute, every name in it one
 * Windows accepts, short enough for Windows programs (shared/paths.ts, the one check of paths
 * from the user). Tagged, so the contract's fuzz knows to generate paths inside its sandbox.
 */
export const pathText = (what: string) =>
  z
    .string({ error: `Укажите ${what}` })
    .trim()
    .min(1, `Укажите ${what}`)
    .max(1000, `Путь (${what}) слишком длинный`)
    .superRefine((value, ctx) => {
      const problem = pathProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `Путь (${what}) не подходит: ${problem}` });
    })
    .meta({ kind: PATH_KIND });

/** The metadata tag of a path field (see `pathText`). */
export const PATH_KIND = 'path';
