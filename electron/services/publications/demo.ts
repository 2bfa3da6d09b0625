import { asc, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { organizations } from '@db/schema';
import { listValueByText } from '@main/services/lists';
import { findPlan, listItems } from '@main/services/workPlan';
import { movementInput, publicationInput, type MovementInput } from '@shared/contract/publications';
import { recordMovement } from './movements';
import { createPublication } from './records';

/**
 * The demo's printed materials of 2017 (seed 003): the collection «Что написано пером...» (essays
 * of foster parents and articles of the support service's specialists) and the year's leaflets,
 * booklets and recommendations, «выпущено и распространено около 600 экземпляров» — 605 here.
 * Entered through the register's own services, as a user would; recipients are the demo's
 * organisations of the segment.
 */

type Move = Omit<MovementInput, 'publicationId'> & { to?: string };

interface DemoPublication {
  title: string;
  kind: string;
  authors?: string;
  topic: string;
  audience: string;
  minStock?: number;
  /** The 2017 plan item it realises, by the start of its title. */
  planItem?: string;
  moves: Move[];
}

const run = (date: string, quantity: number, printer = ''): Move => ({
  kind: 'receipt',
  date,
  quantity,
  printer,
  printedInHouse: printer === '',
});
const out = (date: string, quantity: number, to: string): Move => ({ kind: 'distribution', date, quantity, to });

const PUBLICATIONS: DemoPublication[] = [
  {
    title: 'Сборник «Что написано пером...»',
    kind: 'Сборник',
    authors: 'Приёмные родители сегмента №6, специалисты службы сопровождения замещающих семей',
    topic: 'Замещающие семьи',
    audience: 'Замещающие семьи, специалисты органов опеки',
    minStock: 10,
    planItem: 'Сборник «Что написано пером...»',
    moves: [
      run('2017-11-20', 100),
      out('2017-11-28', 30, 'Опека г. Уварово'),
      out('2017-12-05', 20, 'КДН и ЗП г. Уварово'),
      out('2017-12-14', 15, 'Администрация г. Уварово'),
    ],
  },
  {
    title: 'Памятка «Формы устройства детей, оставшихся без попечения родителей, в семью»',
    kind: 'Памятка',
    topic: 'Семейное устройство',
    audience: 'Население, кандидаты в замещающие родители',
    minStock: 30,
    moves: [
      run('2017-02-10', 200, 'Типография «Уваровская правда»'),
      out('2017-03-02', 60, 'Опека г. Уварово'),
      out('2017-05-18', 50, 'Администрация г. Уварово'),
      out('2017-09-12', 40, 'КДН и ЗП г. Уварово'),
      out('2017-11-28', 35, 'Опека г. Уварово'),
    ],
  },
  {
    title: 'Листовка «Телефон доверия для детей, подростков и их родителей»',
    kind: 'Листовка',
    topic: 'Профилактика жестокого обращения с детьми',
    audience: 'Дети, подростки, родители',
    minStock: 50,
    moves: [
      run('2017-03-01', 300),
      out('2017-03-15', 100, 'ПДН МО МВД России «Уваровский»'),
      out('2017-06-01', 80, 'Администрация г. Уварово'),
      out('2017-10-10', 60, 'КДН и ЗП г. Уварово'),
      { kind: 'writeOff', date: '2017-10-20', quantity: 10, reason: 'Испорчены при печати на принтере центра' },
    ],
  },
  {
    title: 'Буклет «Ребёнок с ОВЗ в семье: куда обратиться за помощью»',
    kind: 'Буклет',
    topic: 'Дети с ОВЗ',
    audience: 'Родители детей с ОВЗ',
    minStock: 20,
    moves: [
      run('2017-05-15', 150, 'Типография «Уваровская правда»'),
      out('2017-06-01', 50, 'Опека г. Уварово'),
      out('2017-09-20', 40, 'Администрация г. Уварово'),
      { kind: 'stocktake', date: '2017-12-27', quantity: 58, reason: 'Два экземпляра не найдены при пересчёте' },
    ],
  },
  {
    title: 'Методические рекомендации «Мастер-классы и тренинговые занятия для подростков и детей младшего школьного возраста»',
    kind: 'Методические рекомендации',
    authors: 'Педагоги-психологи центра «Доверие»',
    topic: 'Работа с подростками',
    audience: 'Педагоги, психологи',
    moves: [run('2017-10-02', 40), out('2017-11-28', 25, 'Опека г. Уварово')],
  },
];

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
  const items = findPlan(db, 2017) ? listItems(db, { year: 2017 }) : [];
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
    for (const { to, ...move } of p.moves) {
      recordMovement(db, movementInput.parse({ ...move, publicationId: created.id, organizationId: to ? orgId(to) : null }));
    }
  }
}
