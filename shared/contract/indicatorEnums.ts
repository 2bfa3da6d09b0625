/**
 * The monitoring indicators' fixed lists and the catalogue's first values (seed 003, the annual
 * report of segment №6), kept apart from the contract so the schema and the data steps do not pull
 * in zod.
 */

/**
 * How an indicator adds up over a year:
 * - `sum`: the quarters add up (consultations, home visits, cases opened);
 * - `end`: the value at the end of the period (families on support at the end of the year is
 *   the IV quarter's figure, not the sum of four);
 * - `computed`: never typed, counted from another register for any period (specialists trained,
 *   from the events register). The indicator names its source (`indicator_definitions.source`),
 *   one of the sources the registers contribute (electron/services/indicators/sources.ts).
 */
export const YEARLY_RULES = ['sum', 'end', 'computed'] as const;
export type YearlyRule = (typeof YEARLY_RULES)[number];

export const YEARLY_RULE_LABELS: Record<YearlyRule, string> = {
  sum: 'Сумма за кварталы',
  end: 'На конец периода',
  computed: 'Вычисляется из реестра',
};

/**
 * The indicators a contradiction check needs to recognise, whatever the center renames them to:
 * cases closed in a period cannot exceed those opened in it plus those carried over (on support at
 * the end of the period before).
 */
export const INDICATOR_ROLES = ['casesOpened', 'casesClosed', 'casesOnSupport'] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

export const QUARTER_LABELS = ['I квартал', 'II квартал', 'III квартал', 'IV квартал'] as const;

export interface IndicatorDefault {
  name: string;
  unit: string;
  group: string;
  rule: YearlyRule;
  role?: IndicatorRole;
  /** The indicator this one is never below (children in the cases ≥ the cases). */
  atLeast?: string;
  /** For a `computed` one: the key of its source (electron/services/indicators/sources.ts). */
  source?: string;
}

const CASES = 'Случаи (кураторы случаев)';
const FAMILIES = 'Семьи в трудной жизненной ситуации';
const WORK = 'Консультации и посещения';
const FOSTER = 'Замещающие семьи';
const SIGNALS = 'Сигналы по источникам';
const TRAINING = 'Обучение специалистов';
const PRINTED = 'Печатная продукция';

/** The computed indicator a database gains with 0017: it came after the seed's figures. */
export const TRAINED_DEFAULT: IndicatorDefault = {
  name: 'Специалисты прошли обучение',
  unit: 'человек',
  group: TRAINING,
  rule: 'computed',
  source: 'events.trained',
};

/** Seed 003's «распространено … экземпляров печатной продукции», from the publications ledger (added with 0017 too). */
export const DISTRIBUTED_DEFAULT: IndicatorDefault = {
  name: 'Распространено экземпляров печатной продукции',
  unit: 'экз.',
  group: PRINTED,
  rule: 'computed',
  source: 'publications.distributed',
};

/** The figures seed 003 reports, in its order: the catalogue a new database starts with. */
export const INDICATOR_DEFAULTS: readonly IndicatorDefault[] = [
  { name: 'Случаи открыты', unit: 'случаев', group: CASES, rule: 'sum', role: 'casesOpened' },
  { name: 'Дети в открытых случаях', unit: 'детей', group: CASES, rule: 'sum', atLeast: 'Случаи открыты' },
  { name: 'Случаи закрыты', unit: 'случаев', group: CASES, rule: 'sum', role: 'casesClosed' },
  { name: 'Дети в закрытых случаях', unit: 'детей', group: CASES, rule: 'sum', atLeast: 'Случаи закрыты' },
  { name: 'Случаи на сопровождении на конец периода', unit: 'случаев', group: CASES, rule: 'end', role: 'casesOnSupport' },
  {
    name: 'Дети в случаях на сопровождении',
    unit: 'детей',
    group: CASES,
    rule: 'end',
    atLeast: 'Случаи на сопровождении на конец периода',
  },
  { name: 'Семьи на сопровождении', unit: 'семей', group: FAMILIES, rule: 'end' },
  { name: 'Дети в семьях на сопровождении', unit: 'детей', group: FAMILIES, rule: 'end', atLeast: 'Семьи на сопровождении' },
  { name: 'Консультации родителей', unit: 'консультаций', group: WORK, rule: 'sum' },
  { name: 'Посещения на дому', unit: 'посещений', group: WORK, rule: 'sum' },
  { name: 'Замещающие семьи всего', unit: 'семей', group: FOSTER, rule: 'end' },
  { name: 'Созданы замещающие семьи', unit: 'семей', group: FOSTER, rule: 'sum' },
  { name: 'Посещения замещающих семей', unit: 'посещений', group: FOSTER, rule: 'sum' },
  { name: 'В том числе экстренные посещения замещающих семей', unit: 'посещений', group: FOSTER, rule: 'sum' },
  { name: 'Обратились по вопросу приёма ребёнка в семью', unit: 'человек', group: FOSTER, rule: 'sum' },
  { name: 'Прошли обучение из обратившихся', unit: 'человек', group: FOSTER, rule: 'sum' },
  { name: 'Сигналы от правоохранительных органов', unit: 'сигналов', group: SIGNALS, rule: 'sum' },
  { name: 'Сигналы от учреждений образования', unit: 'сигналов', group: SIGNALS, rule: 'sum' },
  { name: 'Сигналы от учреждений здравоохранения', unit: 'сигналов', group: SIGNALS, rule: 'sum' },
  { name: 'Сигналы от советов помощи семье и детям', unit: 'сигналов', group: SIGNALS, rule: 'sum' },
  TRAINED_DEFAULT,
  DISTRIBUTED_DEFAULT,
];
