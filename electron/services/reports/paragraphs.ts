import { field, type LiveFigure } from '@shared/narrative';
import { QUARTERS_ROMAN } from '@shared/russian';
import type { ReportData } from './assemble';
import { FIGURE } from './figures';

/**
 * The report's editable paragraphs, in reading order, each before the section it introduces.
 * `first` is its text when the report is created: the seed's sentences with the figures as fields,
 * each sentence only where its figures exist, so a new report reads right before anyone edits it.
 */
export interface ParagraphDef {
  key: string;
  /** Where it stands, as the editor names it. */
  place: string;
  first: (data: ReportData, figures: ReadonlyMap<string, LiveFigure>) => string;
}

const f = field;

/** The sentences whose every field is a figure of the period, joined. */
function sentences(figures: ReadonlyMap<string, LiveFigure>, ...candidates: [string[], string][]): string {
  return candidates
    .filter(([keys]) => keys.every((k) => figures.has(k)))
    .map(([, text]) => text)
    .join(' ');
}

const inPeriod = ({ year, quarter }: ReportData) =>
  quarter === null ? `в ${year} году` : `в ${QUARTERS_ROMAN[quarter - 1]} квартале ${year} года`;

export const PARAGRAPHS: readonly ParagraphDef[] = [
  {
    key: 'intro',
    place: 'Вступление',
    first: (d) => `В рамках работы рабочей группы ${inPeriod(d)} проведена следующая работа:`,
  },
  {
    key: 'meetings',
    place: 'Перед темами заседаний',
    first: (d) =>
      d.meetings.length === 0
        ? 'Заседания рабочей группы в отчётном периоде не проводились.'
        : // «на котором» after one meeting: the count as the report is created (a later change is marked for rereading).
          `– проведено ${f(FIGURE.meetings)} ${d.groupGenitive ?? 'рабочей группы'}, на ${d.meetings.length === 1 ? 'котором' : 'которых'} были рассмотрены следующие темы:`,
  },
  {
    key: 'plan',
    place: 'Перед выполнением плана',
    first: (d) =>
      d.plan
        ? `План работы на ${d.year} год выполнен на ${f(FIGURE.planPercent)}: выполнено ${f(FIGURE.planDone)} из ${f(FIGURE.planTotal)}.`
        : '',
  },
  {
    key: 'monitoring',
    place: 'Перед показателями мониторинга',
    first: (d, figures) =>
      [
        'Ежеквартально проводится мониторинг деятельности кураторов по предупреждению семейного неблагополучия и социального сиротства на территории сегмента.',
        sentences(
          figures,
          [
            ['Замещающие семьи всего'],
            `Замещающих семей (вместе с усыновлёнными) на конец отчётного периода по всему сегменту: ${f('Замещающие семьи всего')}.`,
          ],
          [
            ['Созданы замещающие семьи'],
            `${d.quarter === null ? `В течение ${d.year} года` : 'За отчётный период'} создано замещающих семей: ${f('Созданы замещающие семьи')}.`,
          ],
          [
            ['Обратились по вопросу приёма ребёнка в семью', 'Прошли обучение из обратившихся'],
            `За отчётный период ${f('Обратились по вопросу приёма ребёнка в семью|обратился/обратились')} в службы сопровождения замещающих семей с вопросом о возможности стать приёмным родителем, из них ${f('Прошли обучение из обратившихся|прошёл/прошли')} обучение.`,
          ],
          [
            ['Семьи на сопровождении', 'Дети в семьях на сопровождении'],
            `За отчётный период специалисты служб по профилактике семейного неблагополучия и социального сиротства (кураторы случаев) сопровождали ${f('Семьи на сопровождении')}, находящихся в трудной жизненной ситуации, в них ${f('Дети в семьях на сопровождении')}.`,
          ],
          [
            ['Случаи открыты', 'Дети в открытых случаях'],
            `${d.quarter === null ? `За ${d.year} год` : 'За отчётный период'} было открыто ${f('Случаи открыты')}, в них ${f('Дети в открытых случаях')}.`,
          ],
          [
            ['Случаи закрыты', 'Дети в закрытых случаях'],
            `За отчётный период закрыто ${f('Случаи закрыты')} (в них ${f('Дети в закрытых случаях')}).`,
          ],
          [
            ['Случаи на сопровождении на конец периода', 'Дети в случаях на сопровождении'],
            `На сопровождении у кураторов на конец отчётного периода ${f('Случаи на сопровождении на конец периода')}, в них ${f('Дети в случаях на сопровождении')}.`,
          ],
          [
            ['Консультации родителей', 'Посещения на дому'],
            `Кураторами проведено ${f('Консультации родителей')} с родителями и ${f('Посещения на дому')} на дому.`,
          ],
        ),
      ]
        .filter(Boolean)
        .join(' '),
  },
  {
    key: 'events',
    place: 'Перед мероприятиями',
    first: (d) =>
      d.events.some((e) => !e.own)
        ? `Участие в работе совещаний, семинаров, конференций областных учреждений, профилирующихся на работу в сфере охраны прав детства (${f(FIGURE.attended)}):`
        : '',
  },
  {
    key: 'training',
    place: 'Перед мероприятиями центра',
    first: (d) =>
      d.events.some((e) => e.own) ? `Центром проведено ${f(FIGURE.own)}; по итогам мероприятий центра ${f(FIGURE.trained)}:` : '',
  },
  {
    key: 'publications',
    place: 'Перед печатной продукцией',
    first: (d) =>
      [
        // The informational work: the news items the center published on the website (issue 24).
        d.newsPublished > 0 && `На сайте ${f(FIGURE.news)} о заседаниях и мероприятиях.`,
        `${d.quarter === null ? `За ${d.year} год` : 'За отчётный период'} было выпущено ${f(FIGURE.issuedCopies)} и распространено ${f(FIGURE.distributed)} печатной продукции по предоставляемым профилактическим услугам${d.issued.length > 0 ? ':' : '.'}`,
      ]
        .filter(Boolean)
        .join(' '),
  },
  {
    key: 'assignments',
    place: 'О поручениях',
    first: (d) =>
      d.assignments && d.assignments.given > 0
        ? `По решениям подписанных протоколов заседаний дано ${f(FIGURE.given)}, выполнено ${f(FIGURE.done)}, просрочено ${f(FIGURE.overdue)}.`
        : '',
  },
  { key: 'closing', place: 'Заключение', first: () => '' },
];

export const paragraphDef = (key: string) => PARAGRAPHS.find((p) => p.key === key);
