import { asc, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { events, organizations } from '@db/schema';
import { listValueByText } from '@main/services/lists';
import { findPlan, listItems } from '@main/services/workPlan';
import { movementInput, publicationInput, type EnteredMovementKind } from '@shared/contract/publications';
import { recordMovement } from './movements';
import { createPublication } from './records';
import { writeOffActInput } from '@shared/contract/writeOffActs';
import { centerStaff, createAct } from './writeOffActs';

/**
 * The demo's printed materials of 2017 (seed 003): the collection «Что написано пером...» (essays
 * of foster parents and articles of the support service's specialists) and the year's leaflets,
 * booklets and recommendations, «выпущено и распространено около 600 экземпляров» — 605 here.
 * Entered through the register's own services, as a user would; recipients are the demo's
 * organisations of the segment.
 */

interface DemoPublication {
  /** How the movements below name it. */
  key: string;
  title: string;
  kind: string;
  authors?: string;
  topic: string;
  audience: string;
  minStock?: number;
  /** The 2017 plan item it realises, by the start of its title. */
  planItem?: string;
}

const PUBLICATIONS: DemoPublication[] = [
  {
    key: 'сборник',
    title: 'Сборник «Что написано пером...»',
    kind: 'Сборник',
    authors: 'Приёмные родители сегмента №6, специалисты службы сопровождения замещающих семей',
    topic: 'Замещающие семьи',
    audience: 'Замещающие семьи, специалисты органов опеки',
    minStock: 10,
    planItem: 'Сборник «Что написано пером...»',
  },
  {
    key: 'памятка',
    title: 'Памятка «Формы устройства детей, оставшихся без попечения родителей, в семью»',
    kind: 'Памятка',
    topic: 'Семейное устройство',
    audience: 'Население, кандидаты в замещающие родители',
    minStock: 30,
  },
  {
    key: 'листовка',
    title: 'Листовка «Телефон доверия для детей, подростков и их родителей»',
    kind: 'Листовка',
    topic: 'Профилактика жестокого обращения с детьми',
    audience: 'Дети, подростки, родители',
    minStock: 50,
  },
  {
    key: 'буклет',
    title: 'Буклет «Ребёнок с ОВЗ в семье: куда обратиться за помощью»',
    kind: 'Буклет',
    topic: 'Дети с ОВЗ',
    audience: 'Родители детей с ОВЗ',
    minStock: 20,
  },
  {
    key: 'рекомендации',
    title: 'Методические рекомендации «Мастер-классы и тренинговые занятия для подростков и детей младшего школьного возраста»',
    kind: 'Методические рекомендации',
    authors: 'Педагоги-психологи центра «Доверие»',
    topic: 'Работа с подростками',
    audience: 'Педагоги, психологи',
  },
];

/** The seminar of 28.11.2017 the center's staff attended (events demo), where they handed out the new collection. */
const SEMINAR = 'Семинар «Организация эффективной работы служб по устройству детей в семью»';

/**
 * The ledger of 2017, one movement a row: publication, kind, date, copies, and the detail of the
 * kind — a print run's printer ('' printed in the center), a distribution's recipient (an
 * organisation's short name, or «мероприятие:» and an event's title), a write-off's or a
 * stocktake's reason.
 */
const MOVES: [key: string, kind: EnteredMovementKind, date: string, copies: number, detail: string][] = [
  ['сборник', 'receipt', '2017-11-20', 100, ''],
  ['сборник', 'distribution', '2017-11-28', 30, `мероприятие:${SEMINAR}`],
  ['сборник', 'distribution', '2017-12-05', 20, 'КДН и ЗП г. Уварово'],
  ['сборник', 'distribution', '2017-12-14', 15, 'Администрация г. Уварово'],
  ['памятка', 'receipt', '2017-02-10', 200, 'Типография «Уваровская правда»'],
  ['памятка', 'distribution', '2017-03-02', 60, 'Опека г. Уварово'],
  ['памятка', 'distribution', '2017-05-18', 50, 'Администрация г. Уварово'],
  ['памятка', 'distribution', '2017-09-12', 40, 'КДН и ЗП г. Уварово'],
  ['памятка', 'distribution', '2017-11-28', 35, 'Опека г. Уварово'],
  ['листовка', 'receipt', '2017-03-01', 300, ''],
  ['листовка', 'distribution', '2017-03-15', 100, 'ПДН МО МВД России «Уваровский»'],
  ['листовка', 'distribution', '2017-06-01', 80, 'Администрация г. Уварово'],
  ['листовка', 'distribution', '2017-10-10', 60, 'КДН и ЗП г. Уварово'],
  ['листовка', 'writeOff', '2017-10-20', 10, 'Испорчены при печати на принтере центра'],
  ['буклет', 'receipt', '2017-05-15', 150, 'Типография «Уваровская правда»'],
  ['буклет', 'distribution', '2017-06-01', 50, 'Опека г. Уварово'],
  ['буклет', 'distribution', '2017-09-20', 40, 'Администрация г. Уварово'],
  ['буклет', 'stocktake', '2017-12-27', 58, 'Два экземпляра не найдены при пересчёте'],
  ['рекомендации', 'receipt', '2017-10-02', 40, ''],
  ['рекомендации', 'distribution', '2017-11-28', 25, 'Опека г. Уварово'],
];

const AT_EVENT = 'мероприятие:';

export function seedDemoPublications(db: AppDb): void {
  const orgId = (shortName: string) => {
    const row = db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.shortName, shortName))
      .orderBy(asc(organizations.id))
      .get();
    if (!row) throw new Error(`Demo data refers to an unknown organisation: ${shortName}`);
    return row.id;
  };
  const eventId = (title: string) => {
    const row = db.select({ id: events.id }).from(events).where(eq(events.title, title)).get();
    if (!row) throw new Error(`Demo data refers to an unknown event: ${title}`);
    return row.id;
  };
  const items = findPlan(db, 2017) ? listItems(db, { year: 2017 }) : [];
  const ids = new Map<string, number>();
  for (const p of PUBLICATIONS) {
    const planItemId = p.planItem ? (items.find((i) => i.title.startsWith(p.planItem!))?.id ?? null) : null;
    const created = createPublication(
      db,
      publicationInput.parse({
        title: p.title,
        kindId: listValueByText(db, 'publicationKinds', p.kind),
        authors: p.authors ?? '',
        year: 2017,
        topic: p.topic,
        targetAudience: p.audience,
        minStock: p.minStock ?? 0,
        planItemId,
      }),
    );
    ids.set(p.key, created.id);
  }
  for (const [key, kind, date, quantity, detail] of MOVES) {
    const to =
      kind !== 'distribution'
        ? {}
        : detail.startsWith(AT_EVENT)
          ? { eventId: eventId(detail.slice(AT_EVENT.length)) }
          : { organizationId: orgId(detail) };
    const what =
      kind === 'receipt' ? { printer: detail, printedInHouse: detail === '' } : kind === 'distribution' ? {} : { reason: detail };
    recordMovement(db, movementInput.parse({ publicationId: ids.get(key)!, kind, date, quantity, ...to, ...what }));
  }
  seedDemoWriteOffAct(db, ids.get('рекомендации')!);
}

/**
 * A draft act of write-off at the end of 2017 (issue 22): two copies of the recommendations
 * spoiled by water, waiting for the director's signature. A draft moves nothing, so the demo's
 * figures stay those of the annual report (seed 003).
 */
function seedDemoWriteOffAct(db: AppDb, publicationId: number): void {
  const [chair, ...members] = centerStaff(db);
  if (!chair || members.length < 2) return;
  createAct(
    db,
    writeOffActInput.parse({
      actDate: '2017-12-28',
      reason: 'Экземпляры испорчены: залиты водой при протечке кровли в методическом кабинете',
      chairId: chair.id,
      memberIds: members.slice(0, 2).map((m) => m.id),
      lines: [{ publicationId, quantity: 2 }],
    }),
  );
}
