import type Database from 'better-sqlite3';
import { municipalityKeys, organizationKeys, personKeys, planItemKeys } from '@db/derived';
import { rebuildSearchIndex } from '@db/search';
import { storeTerm } from '@main/services/workPlan/terms';
import type { Term } from '@shared/contract/workPlan';
import { DIRECTIONS, ORGANIZATION_TYPES, PLAN_FORMS, PLAN_STATUSES, type OrganizationType } from '@shared/enums';
import { genderFromPatronymic } from '@shared/russian';

/**
 * The reference scale of one center over ten years, made from a seed so every run measures
 * the same data: about 2,000 plan items, 20,000 people, 3,000 organisations.
 */
export const REFERENCE_SCALE = {
  municipalities: 40,
  organizations: 3000,
  people: 20000,
  firstYear: 2016,
  years: 10,
  itemsPerYear: 200,
};

/**
 * The reference scale times `factor` (`npm run bench -- --scale 0.1` for a tenth, `--scale 2` for
 * twice): every count scaled, at least one of each; the years stay, so the plans keep their span.
 */
export function scaledReference(factor: number): typeof REFERENCE_SCALE {
  const n = (x: number) => Math.max(1, Math.round(x * factor));
  return {
    ...REFERENCE_SCALE,
    municipalities: n(REFERENCE_SCALE.municipalities),
    organizations: n(REFERENCE_SCALE.organizations),
    // The center's staff are the first 169 people (see below): never fewer.
    people: Math.max(170, n(REFERENCE_SCALE.people)),
    itemsPerYear: n(REFERENCE_SCALE.itemsPerYear),
  };
}

/** mulberry32: a tiny seeded PRNG, so the data is the same on every machine and run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Сидоров',
  'Матвеев',
  'Титов',
  'Марков',
  'Миронов',
  'Крылов',
  'Куликов',
  'Карпов',
  'Власов',
  'Мельников',
  'Денисов',
  'Ёлкин',
  'Гаврилов',
  'Тихонов',
  'Казаков',
  'Афанасьев',
  'Данилов',
  'Савельев',
  'Тимофеев',
  'Фомин',
  'Чернов',
];
const MALE = [
  'Александр',
  'Алексей',
  'Андрей',
  'Артём',
  'Владимир',
  'Дмитрий',
  'Евгений',
  'Иван',
  'Игорь',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Пётр',
  'Сергей',
  'Юрий',
];
const FEMALE = [
  'Анна',
  'Алёна',
  'Валентина',
  'Галина',
  'Дарья',
  'Екатерина',
  'Елена',
  'Ирина',
  'Людмила',
  'Марина',
  'Мария',
  'Наталья',
  'Ольга',
  'Светлана',
  'Татьяна',
  'Юлия',
];
const FATHERS = [
  'Александров',
  'Алексеев',
  'Андреев',
  'Викторов',
  'Владимиров',
  'Геннадьев',
  'Дмитриев',
  'Иванов',
  'Михайлов',
  'Николаев',
  'Петров',
  'Сергеев',
  'Фёдоров',
  'Юрьев',
];
const POSITIONS = [
  'специалист органа опеки',
  'главный специалист',
  'педагог-психолог',
  'социальный педагог',
  'заместитель директора по воспитательной работе',
  'директор',
  'инспектор ПДН',
  'ответственный секретарь КДН и ЗП',
  'методист',
  'воспитатель',
  'классный руководитель',
  'юрисконсульт',
  'врач-педиатр',
  'специалист по социальной работе',
  'заведующий отделением',
  'начальник отдела',
];
const PLACE_ROOTS = [
  'Кировск',
  'Октябрьск',
  'Советск',
  'Ленинск',
  'Заречн',
  'Приозёрн',
  'Берёзовск',
  'Лесн',
  'Северн',
  'Южн',
  'Речн',
  'Сосновск',
  'Озёрск',
  'Полевск',
];

function municipalityName(i: number): string {
  const root = PLACE_ROOTS[i % PLACE_ROOTS.length]!;
  const round = Math.floor(i / PLACE_ROOTS.length);
  if (round === 0) return `${root}ий муниципальный район`;
  if (round === 1) return `Городской округ «${root}ий»`;
  return `${root}ое сельское поселение № ${round - 1}`;
}

const district = (municipality: string) =>
  municipality.replace(/ий муниципальный район$/, 'ого района').replace(/^Городской округ «(.*)ий»$/, 'городского округа $1ий');

function organizationName(type: OrganizationType, n: number, municipality: string): { fullName: string; shortName: string } {
  const where = district(municipality);
  switch (type) {
    case 'guardianship':
      return { fullName: `Отдел опеки и попечительства администрации ${where}`, shortName: `ООиП ${n}` };
    case 'education':
      return {
        fullName: `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}» ${where}`,
        shortName: `МБОУ СОШ № ${n}`,
      };
    case 'juvenileCommission':
      return { fullName: `Комиссия по делам несовершеннолетних и защите их прав ${where}`, shortName: `КДН и ЗП ${n}` };
    case 'police':
      return {
        fullName: `Отдел по делам несовершеннолетних ОМВД России по ${where.replace(/ого района$/, 'ому району')}`,
        shortName: `ПДН ${n}`,
      };
    case 'socialProtection':
      return { fullName: `Центр социальной помощи семье и детям № ${n}`, shortName: `ЦСПСиД № ${n}` };
    case 'healthcare':
      return { fullName: `Детская городская поликлиника № ${n}`, shortName: `ДГП № ${n}` };
    case 'ngo':
      return { fullName: `Автономная некоммерческая организация «Семья ${n}»`, shortName: `АНО «Семья ${n}»` };
    case 'business':
      return { fullName: `Общество с ограниченной ответственностью «Партнёр ${n}»`, shortName: `ООО «Партнёр ${n}»` };
    case 'administration':
      return { fullName: `Администрация ${where}`, shortName: '' };
    case 'resourceCenter':
      return { fullName: `Ресурсный центр № ${n}`, shortName: `РЦ № ${n}` };
    case 'other':
      return { fullName: `Библиотека семейного чтения № ${n}`, shortName: '' };
  }
}

/** The types drawn for generated organisations: the center itself is made once, as the profile's. */
const DRAWN_TYPES = ORGANIZATION_TYPES.filter((t) => t !== 'resourceCenter');

const TOPICS = [
  'профилактика социального сиротства',
  'семейное устройство детей-сирот',
  'сопровождение замещающих семей',
  'подготовка кандидатов в приёмные родители',
  'профилактика жестокого обращения с детьми',
  'восстановление кровной семьи',
  'постинтернатное сопровождение выпускников',
  'работа с подростками группы риска',
  'медиация в спорах о детях',
  'ранняя помощь семьям с детьми',
  'психологическое здоровье детей',
  'профилактика отказов от детей',
];
const AUDIENCES = [
  'специалисты органов опеки',
  'замещающие родители',
  'педагоги-психологи',
  'социальные педагоги',
  'кандидаты в замещающие родители',
  'специалисты КДН и ЗП',
];

export interface GeneratedCounts {
  municipalities: number;
  organizations: number;
  people: number;
  plans: number;
  planItems: number;
  responsibles: number;
  partners: number;
}

/** The keys exactly as the registry services store them: the same functions (db/derived.ts). */
export { organizationKeys, personKeys } from '@db/derived';

/** Fills an empty, migrated database; one transaction of prepared statements. */
/**
 * A bulk load without the search index's triggers, then the index built once from the rows (the
 * function the data step and `rebuildDerived` use): each insert indexing itself took three
 * minutes at 10×. The triggers are put back exactly as the migration made them.
 */
export function withoutSearchTriggers<T>(sqlite: Database.Database, load: () => T): T {
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\'")
    .all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  try {
    return load();
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
    rebuildSearchIndex(sqlite);
  }
}

export function generateReferenceData(sqlite: Database.Database, seed = 20170912, scale = REFERENCE_SCALE): GeneratedCounts {
  return withoutSearchTriggers(sqlite, () => generateRows(sqlite, seed, scale));
}

function generateRows(sqlite: Database.Database, seed: number, scale: typeof REFERENCE_SCALE): GeneratedCounts {
  const rnd = new Random(seed);
  const insertMunicipality = sqlite.prepare('INSERT INTO municipalities (name, sort_key, in_segment) VALUES (?, ?, ?)');
  // The forms of the plan are the list's first values, as a new database has them.
  const formIds = new Map(
    (sqlite.prepare("SELECT value, id FROM list_values WHERE list = 'planForms'").all() as { value: string; id: number }[]).map((r) => [
      r.value,
      r.id,
    ]),
  );
  const insertOrganization = sqlite.prepare(
    'INSERT INTO organizations (full_name, short_name, type, municipality_id, address, phone, email, search_text, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPerson = sqlite.prepare(
    'INSERT INTO people (last_name, first_name, middle_name, position, organization_id, phone, email, pd_consent, pd_consent_date, gender, search_text, sort_key, position_sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPlan = sqlite.prepare('INSERT INTO work_plans (year, approved_on) VALUES (?, ?)');
  const insertItem = sqlite.prepare(
    `INSERT INTO plan_items (plan_id, direction, position, title, form_id, term_kind, term_value, term_start, term_end, target_audience, status, result_note, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertResponsible = sqlite.prepare('INSERT OR IGNORE INTO plan_item_responsibles (plan_item_id, person_id) VALUES (?, ?)');
  const insertPartner = sqlite.prepare('INSERT OR IGNORE INTO plan_item_partners (plan_item_id, organization_id) VALUES (?, ?)');
  const counts: GeneratedCounts = { municipalities: 0, organizations: 0, people: 0, plans: 0, planItems: 0, responsibles: 0, partners: 0 };

  sqlite.transaction(() => {
    const municipalityNames: string[] = [];
    for (let i = 0; i < scale.municipalities; i++) {
      const name = municipalityName(i);
      insertMunicipality.run(name, municipalityKeys({ name }).sortKey, i < 12 ? 1 : 0);
      municipalityNames.push(name);
    }
    counts.municipalities = municipalityNames.length;

    const perType = new Map<OrganizationType, number>();
    for (let i = 0; i < scale.organizations; i++) {
      const type = i < 40 ? 'guardianship' : rnd.pick(DRAWN_TYPES);
      const n = (perType.get(type) ?? 0) + 1;
      perType.set(type, n);
      const municipalityIndex = rnd.chance(0.95) ? rnd.int(0, scale.municipalities - 1) : null;
      const names = organizationName(
        type,
        n,
        municipalityIndex === null ? 'Кировский муниципальный район' : municipalityNames[municipalityIndex]!,
      );
      const keys = organizationKeys(names);
      insertOrganization.run(
        names.fullName,
        names.shortName,
        type,
        municipalityIndex === null ? null : municipalityIndex + 1,
        `ул. ${rnd.pick(['Ленина', 'Мира', 'Советская', 'Школьная', 'Садовая'])}, д. ${rnd.int(1, 120)}`,
        `+7 (8${rnd.int(10, 99)}) ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}`,
        rnd.chance(0.7) ? `org${i + 1}@example.ru` : '',
        keys.searchText,
        keys.sortKey,
      );
    }
    // The center itself, after the drawn ones so their ids stay those of earlier runs; the profile
    // points to it. A database that has a profile keeps it (and its center): the tests add
    // generated data to the demo's.
    counts.organizations = scale.organizations;
    if (sqlite.prepare('SELECT 1 FROM center_profile WHERE id = 1').get() === undefined) {
      const center = { fullName: 'Ресурсный центр по вопросам опеки и попечительства «Берёзка»', shortName: 'РЦ «Берёзка»' };
      const centerKeys = organizationKeys(center);
      const centerId = insertOrganization.run(
        center.fullName,
        center.shortName,
        'resourceCenter',
        null,
        'г. Кировск, ул. Ленина, д. 1',
        '',
        '',
        centerKeys.searchText,
        centerKeys.sortKey,
      ).lastInsertRowid;
      sqlite
        .prepare('INSERT INTO center_profile (id, organization_id, director_name, segment) VALUES (1, ?, ?, ?)')
        .run(centerId, 'Соколова Ирина Викторовна', 'Северный сегмент');
      counts.organizations++;
    }

    for (let i = 0; i < scale.people; i++) {
      const female = rnd.chance(0.8);
      const surname = rnd.pick(SURNAMES);
      const person = {
        lastName: female ? `${surname}а` : surname,
        firstName: rnd.pick(female ? FEMALE : MALE),
        middleName: rnd.chance(0.97) ? `${rnd.pick(FATHERS)}${female ? 'на' : 'ич'}` : '',
        position: rnd.pick(POSITIONS),
        email: rnd.chance(0.5) ? `person${i + 1}@example.ru` : '',
      };
      const consent = rnd.chance(0.6);
      const keys = personKeys(person);
      insertPerson.run(
        person.lastName,
        person.firstName,
        person.middleName,
        person.position,
        rnd.chance(0.9) ? rnd.int(1, scale.organizations) : null,
        rnd.chance(0.8) ? `+7 9${rnd.int(10, 99)} ${rnd.int(100, 999)}-${rnd.int(10, 99)}-${rnd.int(10, 99)}` : '',
        person.email,
        consent ? 1 : 0,
        consent
          ? `${scale.firstYear + rnd.int(0, scale.years - 1)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`
          : null,
        genderFromPatronymic(person.middleName),
        keys.searchText,
        keys.sortKey,
        keys.positionSortKey,
      );
    }
    counts.people = scale.people;

    // Methodologists of the center: the responsibles of plan items come from a small staff.
    const staff = Array.from({ length: 25 }, (_, i) => 1 + i * 7);
    for (let y = 0; y < scale.years; y++) {
      const year = scale.firstYear + y;
      const planId = Number(insertPlan.run(year, `${year - 1}-12-${String(rnd.int(20, 28))}`).lastInsertRowid);
      counts.plans++;
      const past = year < scale.firstYear + scale.years - 1;
      const positions = new Map<string, number>();
      for (let k = 0; k < scale.itemsPerYear; k++) {
        const direction = rnd.pick(DIRECTIONS);
        const position = (positions.get(direction) ?? 0) + 1;
        positions.set(direction, position);
        const form = rnd.pick(PLAN_FORMS);
        const termChoice = rnd.int(0, 9);
        const term: Term =
          termChoice < 4
            ? { kind: 'date', date: `${year}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}` }
            : termChoice < 7
              ? { kind: 'month', month: rnd.int(1, 12) }
              : termChoice < 9
                ? { kind: 'quarter', quarter: rnd.int(1, 4) }
                : { kind: 'year' };
        const status = past ? rnd.pick(['done', 'done', 'done', 'done', 'moved', 'cancelled'] as const) : rnd.pick(PLAN_STATUSES);
        const item = {
          title: `${form}: ${rnd.pick(TOPICS)}`,
          form,
          targetAudience: rnd.pick(AUDIENCES),
          resultNote: status === 'done' ? `Проведено, участников: ${rnd.int(8, 120)}` : '',
        };
        const stored = storeTerm(term, year);
        const itemId = Number(
          insertItem.run(
            planId,
            direction,
            position,
            item.title,
            formIds.get(item.form)!,
            stored.termKind,
            stored.termValue,
            stored.termStart,
            stored.termEnd,
            item.targetAudience,
            status,
            item.resultNote,
            planItemKeys(item).searchText,
          ).lastInsertRowid,
        );
        counts.planItems++;
        for (let r = rnd.int(1, 3); r > 0; r--) counts.responsibles += insertResponsible.run(itemId, rnd.pick(staff)).changes;
        for (let p = rnd.int(0, 2); p > 0; p--) counts.partners += insertPartner.run(itemId, rnd.int(1, scale.organizations)).changes;
      }
    }
    sqlite.prepare("INSERT INTO app_settings (key, value) VALUES ('initializedAs', '\"empty\"') ON CONFLICT(key) DO NOTHING").run();
  })();
  // No ANALYZE: the app never runs it, so the planner must do well without statistics.
  return counts;
}
