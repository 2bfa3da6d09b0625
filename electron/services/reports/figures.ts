import type { LiveFigure } from '@shared/narrative';
import type { ReportFigureRow } from '@shared/contract/reports';
import { countedVerb, countInUnit, countOf, countWithVerb, formatNumber, type NounForms } from '@shared/russian';
import type { ReportData } from './assemble';

const MEETINGS: NounForms = ['заседание', 'заседания', 'заседаний'];
const QUESTIONS: NounForms = ['вопрос', 'вопроса', 'вопросов'];
const ITEMS: NounForms = ['пункт', 'пункта', 'пунктов'];
const EVENTS: NounForms = ['мероприятие', 'мероприятия', 'мероприятий'];
const PEOPLE: NounForms = ['человек', 'человека', 'человек'];
const COPIES: NounForms = ['экземпляр', 'экземпляра', 'экземпляров'];
const TITLES: NounForms = ['издание', 'издания', 'изданий'];
const ASSIGNMENTS: NounForms = ['поручение', 'поручения', 'поручений'];
const NEWS: NounForms = ['новость', 'новости', 'новостей'];

/** The report's own figures, by the label a paragraph names them with (`{{Заседания}}`). */
export const FIGURE = {
  meetings: 'Заседания',
  questions: 'Вопросы заседаний',
  planPercent: 'Выполнение плана',
  planDone: 'Пункты плана выполнены',
  planTotal: 'Пункты плана',
  attended: 'Мероприятия с участием специалистов',
  own: 'Мероприятия центра',
  trained: 'Прошли обучение',
  issuedCopies: 'Выпущено экземпляров',
  issuedTitles: 'Выпущено изданий',
  distributed: 'Распространено экземпляров',
  news: 'Новости на сайте',
  given: 'Поручения даны',
  done: 'Поручения выполнены',
  overdue: 'Поручения просрочены',
} as const;

const fig = (key: string, value: number, text: string): LiveFigure => ({ key, value, text });

/**
 * Every figure a paragraph may name, written the way a sentence needs it — the count with the
 * noun that agrees («3 заседания», «1 случай»), a verb where the sentence ends with one («21
 * человек прошёл обучение») — and every monitoring indicator of the period by its name.
 */
export function liveFigures(data: ReportData): Map<string, LiveFigure> {
  const list: LiveFigure[] = [];
  const meetings = data.meetings.length;
  const questions = data.meetings.reduce((t, m) => t + m.topics.length, 0);
  list.push(fig(FIGURE.meetings, meetings, countOf(meetings, MEETINGS)), fig(FIGURE.questions, questions, countOf(questions, QUESTIONS)));
  if (data.plan) {
    const { total } = data.plan;
    list.push(
      fig(FIGURE.planPercent, total.donePercent, `${formatNumber(total.donePercent)}\u00A0%`),
      fig(FIGURE.planDone, total.done, countOf(total.done, ITEMS)),
      fig(FIGURE.planTotal, total.total, formatNumber(total.total)),
    );
  }
  const attended = data.events.filter((e) => !e.own).length;
  const own = data.events.length - attended;
  list.push(
    fig(FIGURE.attended, attended, countOf(attended, EVENTS)),
    fig(FIGURE.own, own, countOf(own, EVENTS)),
    fig(FIGURE.trained, data.trained, `${countWithVerb(data.trained, PEOPLE, ['прошёл', 'прошли'])} обучение`),
  );
  const copies = data.issued.reduce((t, p) => t + p.copies, 0);
  list.push(
    fig(FIGURE.issuedCopies, copies, countOf(copies, COPIES)),
    fig(FIGURE.issuedTitles, data.issued.length, countOf(data.issued.length, TITLES)),
    fig(FIGURE.distributed, data.distributed, countOf(data.distributed, COPIES)),
    // «опубликована 1 новость», «опубликовано 3 новости»: the verb before its count.
    fig(
      FIGURE.news,
      data.newsPublished,
      `${countedVerb(data.newsPublished, ['опубликована', 'опубликовано'])} ${countOf(data.newsPublished, NEWS)}`,
    ),
  );
  if (data.assignments) {
    const a = data.assignments;
    list.push(
      fig(FIGURE.given, a.given, countOf(a.given, ASSIGNMENTS)),
      fig(FIGURE.done, a.done, countOf(a.done, ASSIGNMENTS)),
      fig(FIGURE.overdue, a.overdue, countOf(a.overdue, ASSIGNMENTS)),
    );
  }
  const figures = new Map(list.map((f) => [f.key, f]));
  // An indicator named like one of the report's own figures is reached by the report's figure.
  for (const r of data.indicators) {
    if (r.value !== null && !figures.has(r.indicator.name))
      figures.set(r.indicator.name, fig(r.indicator.name, r.value, countInUnit(r.value, r.indicator.unit)));
  }
  return figures;
}

const SEGMENT = 'по сегменту в целом';

/**
 * The report's figures as one table for the regional coordinator: a row per figure and place,
 * numbers as numbers, frozen with the approved copy so the table is what was signed.
 */
export function figureRows(data: ReportData): ReportFigureRow[] {
  const rows: ReportFigureRow[] = [];
  const add = (section: string, figure: string, value: number | null, unit: string, place = SEGMENT) =>
    rows.push({ section, figure, place, value, unit });
  add('Заседания', 'Проведено заседаний', data.meetings.length, 'заседаний');
  add(
    'Заседания',
    'Рассмотрено вопросов',
    data.meetings.reduce((t, m) => t + m.topics.length, 0),
    'вопросов',
  );
  if (data.plan) {
    for (const r of data.plan.rows) add('План работы', `${r.label}: выполнено пунктов из ${r.total}`, r.done, 'пунктов');
    add('План работы', 'Выполнение плана', data.plan.total.donePercent, '%');
  }
  add('Мероприятия', 'Мероприятия с участием специалистов', data.events.filter((e) => !e.own).length, 'мероприятий');
  add('Мероприятия', 'Мероприятия, проведённые центром', data.events.filter((e) => e.own).length, 'мероприятий');
  add('Мероприятия', 'Специалисты прошли обучение', data.trained, 'человек');
  for (const p of data.issued) add('Печатная продукция', `Выпущено: ${p.title}`, p.copies, 'экз.');
  add('Печатная продукция', 'Распространено экземпляров', data.distributed, 'экз.');
  add('Информационная деятельность', 'Опубликовано новостей на сайте', data.newsPublished, 'новостей');
  if (data.assignments) {
    add('Поручения', 'Дано поручений', data.assignments.given, 'поручений');
    add('Поручения', 'Выполнено поручений', data.assignments.done, 'поручений');
    add('Поручения', 'Просрочено поручений', data.assignments.overdue, 'поручений');
  }
  for (const r of data.indicators) {
    if (r.value === null && !r.places) continue;
    add('Мониторинг', r.indicator.name, r.value, r.indicator.unit);
    for (const p of r.places ?? []) add('Мониторинг', r.indicator.name, p.value, r.indicator.unit, p.name);
  }
  return rows;
}
