import { asc } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { organizations, people } from '@db/schema';
import type { PlanItemData, Term } from '@shared/contract/workPlan';
import type { Direction, OrganizationType, PlanStatus } from '@shared/enums';
import { listValueByText } from '@main/services/lists';
import { createItem } from './items';
import { createPlan, findPlan } from './plans';
import { setPlanApproval } from './approval';

/**
 * Demo plans for 2017 and 2018 drawn from the working group's report for 2017 (seed 003):
 * the topics of its three meetings, the seminars, the collection «Что написано пером...»,
 * the quarterly monitoring, the clubs «Ответственный родитель». 2017 is a finished year
 * (mostly done, a few moved or cancelled); 2018 is in progress.
 */

interface DemoItem {
  direction: Direction;
  title: string;
  form: string;
  term: Term;
  audience: string;
  status: PlanStatus;
  note?: string;
  /** Indexes into the demo's responsible people (whoever the registry holds). */
  people: number[];
  partners: OrganizationType[];
}

const month = (m: number): Term => ({ kind: 'month', month: m });
const quarter = (q: number): Term => ({ kind: 'quarter', quarter: q });
const date = (d: string): Term => ({ kind: 'date', date: d });
const wholeYear: Term = { kind: 'year' };

const GROUP = 'Члены рабочей группы сегмента №6';
const SPECIALISTS = 'Специалисты органов системы профилактики';
const DISCUSSED = 'Рассмотрено на заседании рабочей группы, решение принято';

const meeting = (
  title: string,
  term: Term,
  status: PlanStatus,
  note: string,
  partners: OrganizationType[] = ['administration'],
): DemoItem => ({
  direction: 'organizational',
  title,
  form: 'Заседание рабочей группы',
  term,
  audience: GROUP,
  status,
  note,
  people: [0, 1],
  partners,
});

const PLAN_2017: DemoItem[] = [
  meeting(
    'Итоги работы сегмента №6 социального кластера «Региональная инновационная система защиты детства Тамбовской области» за 2014–2016 годы',
    month(3),
    'done',
    DISCUSSED,
  ),
  meeting('Информация по заключению договоров о сотрудничестве с представителями бизнес-сообщества', month(3), 'done', DISCUSSED, [
    'business',
  ]),
  meeting(
    'Итоги работы специалистов органов опеки и попечительства за 2016 год. Взаимодействие с ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    month(3),
    'done',
    DISCUSSED,
    ['guardianship'],
  ),
  meeting('Наполнение сборника «Что написано пером...»', month(3), 'done', DISCUSSED),
  meeting('О ходе реализации плана работы рабочей группы сегмента №6 социального кластера в 2017 году', month(9), 'done', DISCUSSED),
  meeting(
    'Итоги работы служб по профилактике семейного неблагополучия и социального сиротства сегмента №6 за первое полугодие 2017 года',
    month(9),
    'done',
    DISCUSSED,
    ['socialProtection'],
  ),
  meeting(
    'Информация по заключению договоров о сотрудничестве с представителями бизнес-сообщества по состоянию на сентябрь 2017 года',
    month(9),
    'done',
    DISCUSSED,
    ['business'],
  ),
  meeting('Организация работы семейных клубов «Ответственный родитель» в рамках сегмента №6', month(9), 'done', DISCUSSED, ['education']),
  meeting(
    'Реализация программы Тамбовской области «Защитим детей от насилия!» на 2015–2017 годы на территории г. Уварово. Итоги полугодия 2017 года',
    month(9),
    'done',
    DISCUSSED,
    ['juvenileCommission'],
  ),
  meeting(
    'Об организации работы НКО на базе ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    month(9),
    'moved',
    'Перенесено на 2018 год: устав НКО на согласовании',
    ['ngo'],
  ),
  meeting(
    'Информация по заключению договоров о сотрудничестве с представителями бизнес-сообщества по состоянию на декабрь 2017 года',
    month(12),
    'done',
    DISCUSSED,
    ['business'],
  ),
  meeting(
    'Информационное сопровождение мероприятий, направленных на профилактику социального сиротства и жестокого обращения с детьми, в рамках работы сегмента №6',
    month(12),
    'done',
    DISCUSSED,
  ),
  meeting(
    'Анализ работы ресурсного центра по обмену знаниями, трансляции опыта оказания профилактических услуг семьям и детям за 2017 год',
    month(12),
    'done',
    DISCUSSED,
  ),
  {
    direction: 'educational',
    title:
      'Межведомственный семинар «Вопросы исполнения законов о профилактике безнадзорности, правонарушений, преступлений несовершеннолетних»',
    form: 'Семинар',
    term: date('2017-03-20'),
    audience: SPECIALISTS,
    status: 'done',
    note: 'Участвовали специалисты служб сопровождения',
    people: [1],
    partners: ['juvenileCommission', 'police'],
  },
  {
    direction: 'educational',
    title: 'Семинар «Организация подготовки лиц, желающих принять в свою семью ребенка»',
    form: 'Семинар',
    term: date('2017-03-28'),
    audience: 'Специалисты служб сопровождения замещающих семей',
    status: 'done',
    note: '28 человек из обратившихся прошли обучение',
    people: [2],
    partners: ['guardianship'],
  },
  {
    direction: 'educational',
    title: 'Работа семейных клубов «Ответственный родитель»',
    form: 'Клуб',
    term: wholeYear,
    audience: 'Родители, замещающие семьи',
    status: 'done',
    note: 'Клубы работают в г. Уварово и районах сегмента',
    people: [2, 3],
    partners: ['education'],
  },
  {
    direction: 'educational',
    title:
      'Разработка методических рекомендаций: мастер-классы и тренинговые занятия для подростков и для детей младшего школьного возраста',
    form: 'Методические рекомендации',
    term: quarter(4),
    audience: 'Педагоги-психологи, социальные педагоги',
    status: 'done',
    note: 'Рекомендации разработаны и переданы в образовательные организации',
    people: [3],
    partners: ['education'],
  },
  {
    direction: 'educational',
    title: 'Семинар «Организация эффективной работы служб по устройству детей в семью»',
    form: 'Семинар',
    term: date('2017-11-28'),
    audience: 'Специалисты органов опеки и попечительства',
    status: 'cancelled',
    note: 'Отменён: специалисты участвовали в областном семинаре 28.11.2017',
    people: [1],
    partners: ['guardianship'],
  },
  {
    direction: 'informational',
    title: 'Мониторинг деятельности кураторов по предупреждению семейного неблагополучия и социального сиротства на территории сегмента №6',
    form: 'Мониторинг',
    term: wholeYear,
    audience: 'Кураторы случаев',
    status: 'done',
    note: 'Проводится ежеквартально; закрыто 19 случаев',
    people: [0],
    partners: ['socialProtection'],
  },
  {
    direction: 'informational',
    title: 'Сборник «Что написано пером...»: очерки приёмных родителей и статьи специалистов службы сопровождения замещающих семей',
    form: 'Публикация',
    term: quarter(4),
    audience: 'Замещающие семьи, специалисты',
    status: 'done',
    note: 'Сборник выпущен',
    people: [2],
    partners: [],
  },
  {
    direction: 'informational',
    title:
      'Информационно-просветительская работа среди населения по профилактике социального сиротства и жестокого обращения с детьми, формам устройства детей в семью',
    form: 'Публикация',
    term: wholeYear,
    audience: 'Население сегмента №6',
    status: 'done',
    note: 'Выпущено и распространено около 600 экземпляров печатной продукции',
    people: [0, 3],
    partners: ['administration'],
  },
];

const PLAN_2018: DemoItem[] = [
  meeting('Итоги работы сегмента №6 социального кластера за 2017 год', month(2), 'done', DISCUSSED),
  meeting(
    'Об организации работы НКО на базе ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    quarter(1),
    'done',
    'НКО зарегистрирована, план работы одобрен',
    ['ngo'],
  ),
  meeting('Информация по заключению договоров о сотрудничестве с представителями бизнес-сообщества', month(6), 'done', DISCUSSED, [
    'business',
  ]),
  meeting(
    'Итоги работы служб по профилактике семейного неблагополучия и социального сиротства сегмента №6 за первое полугодие 2018 года',
    month(9),
    'planned',
    '',
  ),
  meeting(
    'Анализ работы ресурсного центра по обмену знаниями, трансляции опыта оказания профилактических услуг семьям и детям за 2018 год',
    month(12),
    'planned',
    '',
  ),
  {
    direction: 'organizational',
    title: 'Круглый стол с представителями бизнес-сообщества о поддержке замещающих семей',
    form: 'Круглый стол',
    term: month(5),
    audience: 'Представители бизнеса, специалисты органов опеки',
    status: 'moved',
    note: 'Перенесено на IV квартал по просьбе участников',
    people: [1],
    partners: ['business', 'guardianship'],
  },
  {
    direction: 'educational',
    title: 'Работа семейных клубов «Ответственный родитель»',
    form: 'Клуб',
    term: wholeYear,
    audience: 'Родители, замещающие семьи',
    status: 'planned',
    people: [2, 3],
    partners: ['education'],
  },
  {
    direction: 'educational',
    title: 'Мастер-класс для педагогов «Тренинговые занятия с подростками группы риска»',
    form: 'Мастер-класс',
    term: date('2018-04-17'),
    audience: 'Педагоги-психологи, социальные педагоги',
    status: 'done',
    note: 'Проведён, 24 участника',
    people: [3],
    partners: ['education'],
  },
  {
    direction: 'educational',
    title: 'Тренинг для кандидатов в замещающие родители',
    form: 'Тренинг',
    term: quarter(3),
    audience: 'Кандидаты в замещающие родители',
    status: 'planned',
    people: [2],
    partners: ['guardianship'],
  },
  {
    direction: 'educational',
    title: 'Семинар для специалистов органов системы профилактики «Межведомственное взаимодействие при выявлении семейного неблагополучия»',
    form: 'Семинар',
    term: month(10),
    audience: SPECIALISTS,
    status: 'planned',
    people: [1],
    partners: ['juvenileCommission', 'police'],
  },
  {
    direction: 'informational',
    title: 'Мониторинг деятельности кураторов по предупреждению семейного неблагополучия и социального сиротства на территории сегмента №6',
    form: 'Мониторинг',
    term: wholeYear,
    audience: 'Кураторы случаев',
    status: 'planned',
    people: [0],
    partners: ['socialProtection'],
  },
  {
    direction: 'informational',
    title:
      'Информационное сопровождение мероприятий по профилактике социального сиротства и жестокого обращения с детьми в СМИ и на сайтах организаций',
    form: 'Публикация',
    term: wholeYear,
    audience: 'Население сегмента №6',
    status: 'planned',
    people: [0, 3],
    partners: ['administration'],
  },
  {
    direction: 'informational',
    title: 'Памятка для родителей «Как защитить ребёнка от насилия»',
    form: 'Публикация',
    term: quarter(2),
    audience: 'Родители',
    status: 'cancelled',
    note: 'Отменено: областная памятка распространена через школы',
    people: [3],
    partners: [],
  },
  {
    direction: 'informational',
    title: 'Второй выпуск сборника «Что написано пером...»',
    form: 'Публикация',
    term: quarter(4),
    audience: 'Замещающие семьи, специалисты',
    status: 'planned',
    people: [2],
    partners: [],
  },
];

/** Fills 2017 and 2018 with the demo plans, linking whatever people and organisations the registry already holds. */
export function seedDemoWorkPlan(db: AppDb): void {
  inTransaction(db, () => {
    const personIds = db
      .select({ id: people.id })
      .from(people)
      .orderBy(asc(people.id))
      .limit(4)
      .all()
      .map((p) => p.id);
    const orgByType = new Map<OrganizationType, number>();
    for (const org of db
      .select({ id: organizations.id, type: organizations.type })
      .from(organizations)
      .orderBy(asc(organizations.id))
      .all()) {
      if (!orgByType.has(org.type)) orgByType.set(org.type, org.id);
    }
    const plans: [number, string, DemoItem[]][] = [
      [2017, '2017-01-16', PLAN_2017],
      [2018, '2018-01-15', PLAN_2018],
    ];
    for (const [year, approvedOn, items] of plans) {
      if (findPlan(db, year)) continue;
      createPlan(db, { year });
      for (const item of items) {
        const data: PlanItemData = {
          direction: item.direction,
          title: item.title,
          // The seeds name forms the first values of the list lack («Клуб»): they join the list.
          formId: listValueByText(db, 'planForms', item.form),
          term: item.term,
          responsibleIds: personIds.length ? [...new Set(item.people.map((i) => personIds[i % personIds.length]!))] : [],
          partnerIds: item.partners.flatMap((type) => (orgByType.has(type) ? [orgByType.get(type)!] : [])),
          targetAudience: item.audience,
          status: item.status,
          resultNote: item.note ?? '',
          recurring: false,
        };
        createItem(db, { year, ...data });
      }
      // Approved in January with all its items: the copy for approval is frozen then.
      setPlanApproval(db, { year, approvedOn });
    }
  });
}
