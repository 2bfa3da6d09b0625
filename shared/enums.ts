/**
 * The domain's fixed lists and their Russian names, shared by the schema, the contract,
 * the screens and the documents.
 */

export const ORGANIZATION_TYPES = [
  'guardianship',
  'education',
  'juvenileCommission',
  'police',
  'socialProtection',
  'healthcare',
  'ngo',
  'business',
  'administration',
  'other',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  guardianship: 'Орган опеки и попечительства',
  education: 'Образовательная организация',
  juvenileCommission: 'КДН и ЗП',
  police: 'Полиция (ПДН)',
  socialProtection: 'Социальная защита',
  healthcare: 'Здравоохранение',
  ngo: 'НКО',
  business: 'Бизнес',
  administration: 'Администрация',
  other: 'Другое',
};

export const DIRECTIONS = ['organizational', 'educational', 'informational'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  organizational: 'Организационно-методическая деятельность',
  educational: 'Образовательная деятельность',
  informational: 'Информационно-аналитическая деятельность',
};

export const PLAN_STATUSES = ['planned', 'done', 'moved', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  planned: 'Запланировано',
  done: 'Выполнено',
  moved: 'Перенесено',
  cancelled: 'Отменено',
};

/** How precisely the term of a plan item is known: a day, a month, a quarter or the whole year. */
export const TERM_KINDS = ['date', 'month', 'quarter', 'year'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** Forms of work named in the seeds; the field accepts any other text too. */
export const PLAN_FORMS = [
  'Заседание',
  'Совещание',
  'Семинар',
  'Круглый стол',
  'Мастер-класс',
  'Конференция',
  'Тренинг',
  'Консультация',
  'Публикация',
  'Мониторинг',
  'Акция',
  'Форум',
] as const;
