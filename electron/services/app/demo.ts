import type { AppDb } from '@db/open';
import { personInput } from '@shared/contract/registry';
import type { OrganizationType } from '@shared/enums';
import { prefillForms, splitMunicipalityName } from '@shared/russian';
import { createMunicipality, createOrganization, createPerson, saveProfile } from '@main/services/registry';
import { seedDemoWorkPlan } from '@main/services/workPlan';
import { seedDemoMeetings } from '@main/services/meetings';
import { seedDemoEvents } from '@main/services/events';
import { seedDemoIndicators } from '@main/services/indicators';
import { seedDemoPublications } from '@main/services/publications';
import { seedDemoCertificates } from '@main/services/certificates';
import { seedDemoReports } from '@main/services/reports';
import { seedDemoNews } from '@main/services/news';

/**
 * The demo database a newcomer opens on first run. The center, its director, the segment
 * and its municipalities are the facts of the working group's report for 2017 (seed 003);
 * the other organisations are the kinds of bodies the report names (опека, КДН и ЗП,
 * schools, police, health care, NGOs, business partners) with plausible names for those
 * places, and the people are invented. It runs inside `app.initialize`'s transaction.
 */

const CENTER = 'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»';
const REGION = 'Тамбовская область';

/** As typed; the parts and their forms are what the rules prefill, correct for these names and so confirmed. */
const MUNICIPALITIES: [name: string, inSegment: boolean][] = [
  ['г. Уварово', true],
  ['Уваровский район', true],
  ['Ржаксинский район', true],
  ['Инжавинский район', true],
  ['Мучкапский район', true],
  [REGION, false],
];

interface DemoOrganization {
  fullName: string;
  shortName?: string;
  type: OrganizationType;
  municipality: string;
}

// The first organisation of each type is the one the demo plan names as a partner, so each
// type starts with a body of the city where the center works.
const ORGANIZATIONS: DemoOrganization[] = [
  {
    fullName: 'Администрация города Уварово Тамбовской области',
    shortName: 'Администрация г. Уварово',
    type: 'administration',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Отдел опеки и попечительства администрации города Уварово',
    shortName: 'Опека г. Уварово',
    type: 'guardianship',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Комиссия по делам несовершеннолетних и защите их прав администрации города Уварово',
    shortName: 'КДН и ЗП г. Уварово',
    type: 'juvenileCommission',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Межмуниципальный отдел МВД России «Уваровский», подразделение по делам несовершеннолетних',
    shortName: 'ПДН МО МВД России «Уваровский»',
    type: 'police',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Тамбовское областное государственное бюджетное учреждение здравоохранения «Уваровская центральная районная больница»',
    shortName: 'ТОГБУЗ «Уваровская ЦРБ»',
    type: 'healthcare',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №1» г. Уварово',
    shortName: 'МБОУ СОШ №1 г. Уварово',
    type: 'education',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №2» г. Уварово',
    shortName: 'МБОУ СОШ №2 г. Уварово',
    type: 'education',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Тамбовское областное государственное казённое учреждение «Центр социальной поддержки граждан», филиал по г. Уварово',
    shortName: 'ЦСПГ, филиал по г. Уварово',
    type: 'socialProtection',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Автономная некоммерческая организация «Центр поддержки семьи «Вместе»',
    shortName: 'АНО «Вместе»',
    type: 'ngo',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Общество с ограниченной ответственностью «Уваровский хлебокомбинат»',
    shortName: 'ООО «Уваровский хлебокомбинат»',
    type: 'business',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Индивидуальный предприниматель Кузнецова Елена Викторовна',
    shortName: 'ИП Кузнецова Е.В.',
    type: 'business',
    municipality: 'г. Уварово',
  },
  {
    fullName: `Тамбовское областное государственное бюджетное учреждение «Центр по оказанию психолого-педагогических услуг «Доверие»`,
    shortName: CENTER,
    type: 'resourceCenter',
    municipality: 'г. Уварово',
  },
  {
    fullName: 'Администрация Уваровского района Тамбовской области',
    shortName: 'Администрация Уваровского района',
    type: 'administration',
    municipality: 'Уваровский район',
  },
  { fullName: 'Отдел опеки и попечительства администрации Уваровского района', type: 'guardianship', municipality: 'Уваровский район' },
  {
    fullName: 'Комиссия по делам несовершеннолетних и защите их прав администрации Уваровского района',
    shortName: 'КДН и ЗП Уваровского района',
    type: 'juvenileCommission',
    municipality: 'Уваровский район',
  },
  {
    fullName: 'Администрация Ржаксинского района Тамбовской области',
    shortName: 'Администрация Ржаксинского района',
    type: 'administration',
    municipality: 'Ржаксинский район',
  },
  {
    fullName: 'Сектор опеки и попечительства отдела образования администрации Ржаксинского района',
    type: 'guardianship',
    municipality: 'Ржаксинский район',
  },
  {
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Ржаксинская средняя общеобразовательная школа №1»',
    shortName: 'МБОУ «Ржаксинская СОШ №1»',
    type: 'education',
    municipality: 'Ржаксинский район',
  },
  {
    fullName: 'Тамбовское областное государственное бюджетное учреждение здравоохранения «Ржаксинская центральная районная больница»',
    shortName: 'ТОГБУЗ «Ржаксинская ЦРБ»',
    type: 'healthcare',
    municipality: 'Ржаксинский район',
  },
  {
    fullName: 'Администрация Инжавинского района Тамбовской области',
    shortName: 'Администрация Инжавинского района',
    type: 'administration',
    municipality: 'Инжавинский район',
  },
  { fullName: 'Отдел опеки и попечительства администрации Инжавинского района', type: 'guardianship', municipality: 'Инжавинский район' },
  {
    fullName: 'Отделение МВД России по Инжавинскому району',
    shortName: 'ОМВД России по Инжавинскому району',
    type: 'police',
    municipality: 'Инжавинский район',
  },
  {
    fullName: 'Администрация Мучкапского района Тамбовской области',
    shortName: 'Администрация Мучкапского района',
    type: 'administration',
    municipality: 'Мучкапский район',
  },
  { fullName: 'Отдел опеки и попечительства администрации Мучкапского района', type: 'guardianship', municipality: 'Мучкапский район' },
  { fullName: 'Управление образования и науки Тамбовской области', type: 'administration', municipality: REGION },
  { fullName: 'Управление социальной защиты и семейной политики Тамбовской области', type: 'socialProtection', municipality: REGION },
];

interface DemoPerson {
  name: [last: string, first: string, middle: string];
  position: string;
  organization: string;
  /** Date of the written consent to personal-data processing, when it was collected. */
  consent?: string;
}

// The center's own staff come first: the demo plan takes the first people as the responsible ones.
const PEOPLE: DemoPerson[] = [
  // Only the director's initials are known from the report, so the record keeps them as initials.
  { name: ['Гоберкорн', 'А.', 'Я.'], position: 'Директор', organization: CENTER, consent: '2017-01-10' },
  { name: ['Семёнова', 'Ольга', 'Петровна'], position: 'Методист', organization: CENTER, consent: '2017-01-10' },
  { name: ['Ковалёва', 'Наталья', 'Сергеевна'], position: 'Педагог-психолог', organization: CENTER, consent: '2017-01-12' },
  {
    name: ['Журавлёв', 'Дмитрий', 'Андреевич'],
    position: 'Социальный педагог, куратор случаев',
    organization: CENTER,
    consent: '2017-01-12',
  },
  {
    name: ['Лебедева', 'Татьяна', 'Николаевна'],
    position: 'Специалист службы сопровождения замещающих семей',
    organization: CENTER,
    consent: '2017-02-01',
  },
  {
    name: ['Орлова', 'Ирина', 'Владимировна'],
    position: 'Заместитель главы администрации, председатель рабочей группы сегмента №6',
    organization: 'Администрация г. Уварово',
    consent: '2017-02-14',
  },
  { name: ['Фёдорова', 'Елена', 'Александровна'], position: 'Начальник отдела', organization: 'Опека г. Уварово', consent: '2017-02-14' },
  { name: ['Никитина', 'Светлана', 'Ивановна'], position: 'Главный специалист', organization: 'Опека г. Уварово' },
  {
    name: ['Громова', 'Марина', 'Викторовна'],
    position: 'Ответственный секретарь комиссии',
    organization: 'КДН и ЗП г. Уварово',
    consent: '2017-03-01',
  },
  { name: ['Соколов', 'Алексей', 'Михайлович'], position: 'Инспектор ПДН', organization: 'ПДН МО МВД России «Уваровский»' },
  { name: ['Яковлева', 'Людмила', 'Геннадьевна'], position: 'Врач-педиатр', organization: 'ТОГБУЗ «Уваровская ЦРБ»' },
  { name: ['Ершов', 'Павел', 'Олегович'], position: 'Врач психиатр-нарколог', organization: 'ТОГБУЗ «Уваровская ЦРБ»' },
  { name: ['Белова', 'Анна', 'Юрьевна'], position: 'Социальный педагог', organization: 'МБОУ СОШ №1 г. Уварово', consent: '2017-09-05' },
  {
    name: ['Тихонова', 'Галина', 'Петровна'],
    position: 'Заместитель директора по воспитательной работе',
    organization: 'МБОУ СОШ №2 г. Уварово',
  },
  {
    name: ['Зайцева', 'Вера', 'Анатольевна'],
    position: 'Заведующая отделением',
    organization: 'ЦСПГ, филиал по г. Уварово',
    consent: '2017-04-20',
  },
  { name: ['Морозова', 'Юлия', 'Сергеевна'], position: 'Председатель', organization: 'АНО «Вместе»' },
  { name: ['Кузнецова', 'Елена', 'Викторовна'], position: 'Индивидуальный предприниматель', organization: 'ИП Кузнецова Е.В.' },
  { name: ['Воронин', 'Сергей', 'Николаевич'], position: 'Генеральный директор', organization: 'ООО «Уваровский хлебокомбинат»' },
  {
    name: ['Павлова', 'Оксана', 'Владимировна'],
    position: 'Заместитель главы администрации района',
    organization: 'Администрация Уваровского района',
  },
  {
    name: ['Степанова', 'Мария', 'Ивановна'],
    position: 'Ведущий специалист',
    organization: 'Отдел опеки и попечительства администрации Уваровского района',
    consent: '2017-05-15',
  },
  { name: ['Ёлкина', 'Надежда', 'Васильевна'], position: 'Ответственный секретарь комиссии', organization: 'КДН и ЗП Уваровского района' },
  {
    name: ['Макаров', 'Игорь', 'Валентинович'],
    position: 'Заместитель главы администрации района',
    organization: 'Администрация Ржаксинского района',
  },
  {
    name: ['Пономарёва', 'Людмила', 'Алексеевна'],
    position: 'Главный специалист',
    organization: 'Сектор опеки и попечительства отдела образования администрации Ржаксинского района',
    consent: '2017-05-15',
  },
  { name: ['Киселёва', 'Ольга', 'Николаевна'], position: 'Педагог-психолог', organization: 'МБОУ «Ржаксинская СОШ №1»' },
  { name: ['Андреева', 'Раиса', 'Фёдоровна'], position: 'Заведующая педиатрическим отделением', organization: 'ТОГБУЗ «Ржаксинская ЦРБ»' },
  {
    name: ['Романова', 'Татьяна', 'Викторовна'],
    position: 'Заместитель главы администрации района',
    organization: 'Администрация Инжавинского района',
  },
  {
    name: ['Васильева', 'Екатерина', 'Игоревна'],
    position: 'Ведущий специалист',
    organization: 'Отдел опеки и попечительства администрации Инжавинского района',
    consent: '2017-06-02',
  },
  { name: ['Дмитриев', 'Роман', 'Сергеевич'], position: 'Инспектор ПДН', organization: 'ОМВД России по Инжавинскому району' },
  {
    name: ['Гусева', 'Лариса', 'Михайловна'],
    position: 'Заместитель главы администрации района',
    organization: 'Администрация Мучкапского района',
  },
  {
    name: ['Щербакова', 'Анна', 'Петровна'],
    position: 'Главный специалист',
    organization: 'Отдел опеки и попечительства администрации Мучкапского района',
    consent: '2017-06-02',
  },
  {
    name: ['Алексеева', 'Ирина', 'Борисовна'],
    position: 'Консультант отдела охраны прав детства',
    organization: 'Управление образования и науки Тамбовской области',
  },
];

export function seedDemo(db: AppDb): void {
  const municipalityIds = new Map<string, number>();
  for (const [name, inSegment] of MUNICIPALITIES) {
    const parts = splitMunicipalityName(name);
    const { forms } = prefillForms(parts.type, parts.properName);
    municipalityIds.set(name, createMunicipality(db, { ...parts, forms, inSegment }).id);
  }

  const organizationIds = new Map<string, number>();
  for (const o of ORGANIZATIONS) {
    const created = createOrganization(db, {
      fullName: o.fullName,
      shortName: o.shortName ?? '',
      type: o.type,
      municipalityId: demoLookup(municipalityIds, o.municipality),
      address: '',
      phone: '',
      email: '',
    });
    organizationIds.set(o.shortName ?? o.fullName, created.id);
  }
  // The center is an organisation of the registry like the others: the profile points to it.
  saveProfile(db, {
    organizationId: demoLookup(organizationIds, CENTER),
    fullName: 'Тамбовское областное государственное бюджетное учреждение «Центр по оказанию психолого-педагогических услуг «Доверие»',
    shortName: CENTER,
    address: 'Тамбовская область, г. Уварово',
    directorName: 'А.Я. Гоберкорн',
    directorPosition: 'Директор',
    segment: 'Сегмент №6 социального кластера «Региональная инновационная система защиты детства Тамбовской области»',
  });

  for (const p of PEOPLE) {
    const [lastName, firstName, middleName] = p.name;
    createPerson(
      db,
      personInput.parse({
        lastName,
        firstName,
        middleName,
        position: p.position,
        organizationId: demoLookup(organizationIds, p.organization),
        pdConsent: p.consent !== undefined,
        pdConsentDate: p.consent ?? null,
      }),
    );
  }

  seedDemoWorkPlan(db);
  seedDemoMeetings(db);
  seedDemoEvents(db);
  seedDemoCertificates(db);
  seedDemoIndicators(db);
  seedDemoPublications(db);
  seedDemoNews(db);
  // Last: the report reads every register above.
  seedDemoReports(db);
}

/** A misspelt name in the tables above is a bug in this file, not a user's mistake. */
function demoLookup(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`Demo data refers to an unknown record: ${name}`);
  return id;
}
