import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { organizations, people } from '@db/schema';
import { organizationDisplayName } from '@shared/russian';
import { agendaItemInput, attendanceInput, groupInput, meetingInput, type AgendaItemView } from '@shared/contract/meetings';
import { addFromPlan, createAgendaItem, updateAgendaItem } from './agenda';
import { setAssignmentStatus } from './assignments';
import { createGroup } from './groups';
import { createMeeting, holdMeeting, meetingPlanCandidates, setAttendance, signMeeting } from './meetings';

/**
 * The secretary's register of the demo: the segment's working group and its three meetings
 * of 2017 with the thirteen topics the working group's report for 2017 lists (seed 003).
 * The figures in the reports are the report's own; the speeches, the decisions and their
 * execution are invented so that every state of the register can be seen: signed minutes
 * and held ones, assignments done, withdrawn, permanent and overdue. Everything goes through
 * the register's own services, so numbering, search columns and status rules hold as if a
 * secretary had typed it in. People and organisations are looked up by name in the demo
 * registry filled just before (`seedDemo`).
 */

interface DemoAssignment {
  organizations: string[];
  people?: string[];
  /** ISO date, or «постоянно». */
  due: string | 'permanent';
  outcome?: { status: 'done' | 'withdrawn'; on: string; note: string };
}

interface DemoDecision {
  text: string;
  assignment?: DemoAssignment;
}

interface DemoItem {
  title: string;
  /** A fragment of the matching work-plan item's title in the meeting's month; absent when the topic is not in the plan as done. */
  plan?: string;
  speaker: string;
  minutes: number;
  heard: string;
  discussion?: [speaker: string, text: string][];
  decisions: DemoDecision[];
}

interface DemoMeeting {
  date: string;
  address: string;
  absent: [person: string, reason: string];
  guests: string[];
  sign: boolean;
  items: DemoItem[];
}

const CENTER = 'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»';
const ADMINISTRATIONS = [
  'Администрация г. Уварово',
  'Администрация Уваровского района',
  'Администрация Ржаксинского района',
  'Администрация Инжавинского района',
  'Администрация Мучкапского района',
];
const GUARDIANSHIP = [
  'Опека г. Уварово',
  'Отдел опеки и попечительства администрации Уваровского района',
  'Сектор опеки и попечительства отдела образования администрации Ржаксинского района',
  'Отдел опеки и попечительства администрации Инжавинского района',
  'Отдел опеки и попечительства администрации Мучкапского района',
];
const ADMINISTRATION_HALL = 'администрация г. Уварово, зал заседаний';

const GROUP = {
  name: 'Межрайонная рабочая группа сегмента №6 социального кластера «Региональная инновационная система защиты детства Тамбовской области»',
  nameGenitive:
    'межрайонной рабочей группы сегмента №6 социального кластера «Региональная инновационная система защиты детства Тамбовской области»',
  chair: 'Орлова Ирина',
  secretary: 'Семёнова Ольга',
  members: [
    'Гоберкорн А.',
    'Фёдорова Елена',
    'Громова Марина',
    'Соколов Алексей',
    'Зайцева Вера',
    'Тихонова Галина',
    'Павлова Оксана',
    'Макаров Игорь',
    'Романова Татьяна',
    'Гусева Лариса',
  ],
};

const noted = (what: string): DemoDecision => ({ text: `Информацию ${what} принять к сведению` });

const MEETINGS: DemoMeeting[] = [
  {
    date: '2017-03-16',
    address: ADMINISTRATION_HALL,
    absent: ['Гусева Лариса', 'отпуск'],
    guests: ['Лебедева Татьяна', 'Воронин Сергей'],
    sign: true,
    items: [
      {
        title:
          'Об итогах работы сегмента №6 социального кластера «Региональная инновационная система защиты детства Тамбовской области» за 2014–2016 годы',
        plan: 'за 2014–2016 годы',
        speaker: 'Гоберкорн А.',
        minutes: 20,
        heard:
          'За 2014–2016 годы в сегменте №6 выстроена система межведомственного взаимодействия по профилактике семейного неблагополучия и социального сиротства: в г. Уварово и районах сегмента работают кураторы «случаев» и службы сопровождения замещающих семей. Число открытых «случаев» росло: 2014 год – 28, 2015 год – 43, 2016 год – 54, прежде всего за счёт более раннего выявления семей, находящихся в трудной жизненной ситуации. Основные причины открытия «случаев» – злоупотребление родителями алкоголем, нежелание работать и обеспечивать детей самым необходимым, пренебрежение нуждами детей',
        discussion: [
          [
            'Громова Марина',
            'отметила, что основными источниками сигналов о семейном неблагополучии остаются органы правопорядка, учреждения образования и здравоохранения, и предложила шире привлекать к раннему выявлению советы помощи семье и детям',
          ],
        ],
        decisions: [
          noted('об итогах работы сегмента №6 за 2014–2016 годы'),
          {
            text: 'Кураторам «случаев» продолжить работу во взаимодействии с классными руководителями, воспитателями детских садов, педиатрами и врачом психиатром-наркологом',
          },
        ],
      },
      {
        title: 'О заключении договоров о сотрудничестве с представителями бизнес-сообщества',
        plan: 'бизнес-сообщества',
        speaker: 'Орлова Ирина',
        minutes: 10,
        heard:
          'Представители бизнес-сообщества готовы участвовать в поддержке семей с детьми, находящихся в трудной жизненной ситуации, и замещающих семей. Чтобы такая помощь была постоянной, предложено заключать договоры о сотрудничестве между ресурсным центром, администрациями и предприятиями, индивидуальными предпринимателями',
        discussion: [
          [
            'Воронин Сергей',
            'сообщил о готовности ООО «Уваровский хлебокомбинат» оказывать адресную помощь продуктами питания семьям, находящимся на сопровождении',
          ],
        ],
        decisions: [
          noted('о заключении договоров о сотрудничестве'),
          {
            text: 'Подготовить проект типового договора о сотрудничестве с представителями бизнес-сообщества и направить его в администрации муниципальных образований сегмента №6',
            assignment: {
              organizations: [CENTER],
              due: '2017-04-14',
              outcome: {
                status: 'done',
                on: '2017-04-11',
                note: 'Проект типового договора направлен в администрацию г. Уварово и администрации районов сегмента',
              },
            },
          },
        ],
      },
      {
        title:
          'Об итогах работы специалистов органов опеки и попечительства за 2016 год и о взаимодействии с ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
        plan: 'органов опеки и попечительства за 2016 год',
        speaker: 'Фёдорова Елена',
        minutes: 15,
        heard:
          'Органы опеки и попечительства сегмента совместно с ресурсным центром ведут подготовку граждан, желающих принять в семью ребёнка, и направляют замещающие семьи в службу сопровождения замещающих семей ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие». Сведения о семьях, нуждающихся в сопровождении, поступают в центр нерегулярно',
        discussion: [
          ['Лебедева Татьяна', 'предложила установить единый срок передачи в службу сопровождения сведений о новых замещающих семьях'],
        ],
        decisions: [
          noted('об итогах работы органов опеки и попечительства за 2016 год'),
          {
            text: 'Ежеквартально, до 5 числа месяца, следующего за кварталом, направлять в ресурсный центр сведения о замещающих семьях, нуждающихся в сопровождении',
            assignment: { organizations: GUARDIANSHIP, due: 'permanent' },
          },
        ],
      },
      {
        title: 'О наполнении сборника «Что написано пером...»',
        plan: 'Что написано пером',
        speaker: 'Лебедева Татьяна',
        minutes: 10,
        heard:
          'Сборник «Что написано пером...» объединит очерки приёмных родителей о воспитании детей и статьи специалистов службы сопровождения замещающих семей; его задача – распространение положительного опыта приёмного родительства',
        decisions: [
          {
            text: 'Собрать очерки приёмных родителей и подготовить статьи специалистов службы сопровождения замещающих семей для сборника «Что написано пером...»',
            assignment: {
              organizations: [CENTER],
              people: ['Лебедева Татьяна'],
              due: '2017-10-31',
              outcome: { status: 'done', on: '2017-10-30', note: 'Материалы собраны, сборник подготовлен к выпуску' },
            },
          },
          { text: 'Органам опеки и попечительства сегмента №6 оказать содействие в привлечении приёмных родителей к подготовке очерков' },
        ],
      },
    ],
  },
  {
    date: '2017-09-14',
    address: 'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие», методический кабинет',
    absent: ['Соколов Алексей', 'служебная командировка'],
    guests: ['Журавлёв Дмитрий', 'Ковалёва Наталья', 'Белова Анна'],
    sign: true,
    items: [
      {
        title: 'О ходе реализации плана работы рабочей группы сегмента №6 социального кластера в 2017 году',
        plan: 'О ходе реализации плана',
        speaker: 'Семёнова Ольга',
        minutes: 10,
        heard:
          'Мероприятия плана на первое полугодие выполнены: проведено заседание рабочей группы, специалисты сегмента участвовали в межведомственном семинаре «Вопросы исполнения законов о профилактике безнадзорности, правонарушений, преступлений несовершеннолетних» (20 марта), семинаре «Организация подготовки лиц, желающих принять в свою семью ребенка» (28 марта), заседании областного Совета замещающих семей (18 мая), первом областном Съезде советов помощи семье и детям (30 мая), областном творческом конкурсе «Краски семейного счастья» (8 июня). Вопрос об организации работы НКО на базе ресурсного центра не рассмотрен: устав НКО на согласовании',
        decisions: [
          noted('о ходе реализации плана работы'),
          {
            text: 'Вопрос об организации работы НКО на базе ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие» рассмотреть на заседании рабочей группы в декабре 2017 года',
          },
        ],
      },
      {
        title:
          'Об итогах работы служб по профилактике семейного неблагополучия и социального сиротства сегмента №6 за первое полугодие 2017 года',
        plan: 'за первое полугодие 2017 года',
        speaker: 'Журавлёв Дмитрий',
        minutes: 15,
        heard:
          'Кураторы «случаев» координируют работу всех организаций, участвующих в профилактике семейного неблагополучия; налажено взаимодействие с классными руководителями, воспитателями детских садов, педиатрами и наркологом, который консультирует родителей и предлагает лечение от алкогольной зависимости. Причины открытия «случаев» остаются прежними. Советы помощи семье и детям пока почти не участвуют в выявлении семейного неблагополучия',
        discussion: [
          [
            'Зайцева Вера',
            'сообщила, что семьям, находящимся на сопровождении, специалисты центра социальной поддержки помогают оформить меры социальной поддержки',
          ],
        ],
        decisions: [
          noted('об итогах работы служб за первое полугодие 2017 года'),
          {
            text: 'Активизировать работу советов помощи семье и детям по раннему выявлению семейного неблагополучия',
            assignment: {
              organizations: ADMINISTRATIONS,
              due: '2017-12-01',
              outcome: {
                status: 'withdrawn',
                on: '2017-12-26',
                note: 'Работа советов помощи семье и детям включена в план работы на 2018 год',
              },
            },
          },
        ],
      },
      {
        title: 'О заключении договоров о сотрудничестве с представителями бизнес-сообщества по состоянию на сентябрь 2017 года',
        plan: 'бизнес-сообщества',
        speaker: 'Орлова Ирина',
        minutes: 10,
        heard:
          'По типовому договору, подготовленному ресурсным центром, заключены договоры о сотрудничестве с ООО «Уваровский хлебокомбинат» и ИП Кузнецовой Е.В.; к началу учебного года предприниматели оказали адресную помощь семьям, находящимся на сопровождении. В районах сегмента договоры пока не заключены',
        decisions: [
          noted('о заключении договоров о сотрудничестве'),
          {
            text: 'Администрациям районов сегмента №6 провести встречи с предпринимателями районов по вопросу заключения договоров о сотрудничестве',
          },
        ],
      },
      {
        title: 'Об организации работы семейных клубов «Ответственный родитель» в рамках сегмента №6',
        plan: 'Ответственный родитель',
        speaker: 'Ковалёва Наталья',
        minutes: 15,
        heard:
          'Семейный клуб «Ответственный родитель» – форма работы с родителями и замещающими семьями: тематические встречи, тренинги, консультации педагога-психолога. Предлагается открыть клубы на базе общеобразовательных организаций г. Уварово, а затем районов сегмента',
        discussion: [
          ['Белова Анна', 'сообщила о готовности МБОУ СОШ №1 г. Уварово предоставить помещение для занятий клуба'],
          ['Тихонова Галина', 'поддержала предложение и предложила проводить занятия в вечернее время, удобное для работающих родителей'],
        ],
        decisions: [
          { text: 'Одобрить организацию семейных клубов «Ответственный родитель» на базе общеобразовательных организаций сегмента №6' },
          {
            text: 'Открыть семейные клубы «Ответственный родитель» и провести первые занятия с участием педагога-психолога ресурсного центра',
            assignment: {
              organizations: ['МБОУ СОШ №1 г. Уварово', 'МБОУ СОШ №2 г. Уварово'],
              due: '2017-10-31',
              outcome: { status: 'done', on: '2017-10-26', note: 'Клубы открыты в обеих школах, проведены первые занятия для родителей' },
            },
          },
        ],
      },
      {
        title:
          'О реализации программы Тамбовской области «Защитим детей от насилия!» на 2015–2017 годы на территории г. Уварово и об итогах полугодия 2017 года',
        plan: 'Защитим детей от насилия',
        speaker: 'Громова Марина',
        minutes: 10,
        heard:
          'На территории г. Уварово в рамках программы проводятся межведомственные профилактические мероприятия, информационно-просветительская работа с родителями и подростками, консультации специалистов для детей, пострадавших от жестокого обращения, и их семей',
        decisions: [
          noted('о реализации программы за первое полугодие 2017 года'),
          {
            text: 'Подготовить итоговую информацию о реализации программы «Защитим детей от насилия!» на территории г. Уварово за 2015–2017 годы',
            assignment: {
              organizations: ['КДН и ЗП г. Уварово'],
              // Not reported yet: the register shows it overdue.
              due: '2018-01-31',
            },
          },
        ],
      },
    ],
  },
  {
    date: '2017-12-26',
    address: ADMINISTRATION_HALL,
    absent: ['Макаров Игорь', 'болезнь'],
    guests: ['Морозова Юлия', 'Кузнецова Елена'],
    // Held, minutes not signed yet: its documents are drafts, its decisions bind nobody yet.
    sign: false,
    items: [
      {
        // The plan moved this topic to 2018, so it is not linked: holding the meeting would mark that item done.
        title: 'Об организации работы НКО на базе ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
        speaker: 'Гоберкорн А.',
        minutes: 15,
        heard:
          'Некоммерческая организация на базе ресурсного центра позволит привлекать грантовые средства на профилактические услуги семьям и детям. Устав НКО подготовлен и находится на согласовании, регистрация планируется в I квартале 2018 года',
        discussion: [
          [
            'Морозова Юлия',
            'рассказала об опыте АНО «Центр поддержки семьи «Вместе» в конкурсах грантов и предложила помощь в подготовке документов для регистрации',
          ],
        ],
        decisions: [
          noted('об организации работы НКО'),
          {
            text: 'Завершить подготовку документов и зарегистрировать НКО на базе ресурсного центра',
            assignment: {
              organizations: [CENTER, 'АНО «Вместе»'],
              due: '2018-03-30',
            },
          },
        ],
      },
      {
        title: 'О заключении договоров о сотрудничестве с представителями бизнес-сообщества по состоянию на декабрь 2017 года',
        plan: 'бизнес-сообщества',
        speaker: 'Орлова Ирина',
        minutes: 10,
        heard:
          'В г. Уварово действуют договоры о сотрудничестве с ООО «Уваровский хлебокомбинат» и ИП Кузнецовой Е.В. В районах сегмента встречи с предпринимателями проведены, договоры пока не заключены',
        discussion: [
          [
            'Кузнецова Елена',
            'предложила провести встречу предпринимателей с руководителями служб сопровождения замещающих семей, чтобы помощь была адресной',
          ],
        ],
        decisions: [
          noted('о заключении договоров о сотрудничестве'),
          {
            text: 'Заключить договоры о сотрудничестве с предприятиями и индивидуальными предпринимателями районов',
            assignment: { organizations: ADMINISTRATIONS.slice(1), due: '2018-03-30' },
          },
        ],
      },
      {
        title:
          'Об информационном сопровождении мероприятий, направленных на профилактику социального сиротства и жестокого обращения с детьми, распространение информации о формах устройства детей в семью и примерах положительного приёмного родительства, в рамках работы сегмента №6',
        plan: 'Информационное сопровождение',
        speaker: 'Семёнова Ольга',
        minutes: 10,
        heard:
          'В течение года велась информационно-просветительская работа среди населения по профилактике социального сиротства и жестокого обращения с детьми, формам устройства детей в семью, работе с детьми с ОВЗ; выпущено и распространено около 600 экземпляров печатной продукции о профилактических услугах',
        decisions: [
          noted('об информационном сопровождении'),
          {
            text: 'Размещать на официальных сайтах материалы ресурсного центра о формах устройства детей в семью и примеры положительного приёмного родительства',
            assignment: { organizations: ADMINISTRATIONS, due: '2018-06-29' },
          },
        ],
      },
      {
        title:
          'Об анализе работы ресурсного центра по обмену знаниями, трансляции опыта оказания профилактических услуг семьям и детям за 2017 год',
        plan: 'Анализ работы ресурсного центра',
        speaker: 'Гоберкорн А.',
        minutes: 20,
        heard:
          'В сегменте №6 213 замещающих семей (вместе с усыновлёнными), за 2017 год создано 18 замещающих семей, проведено около 300 посещений замещающих семей, треть из них – экстренные; 34 человека обратились в службы сопровождения по вопросу о возможности стать приёмным родителем, 28 из них прошли обучение. Кураторы «случаев» сопровождали 39 семей, находящихся в трудной жизненной ситуации, в них 83 ребёнка; открыто 26 «случаев» (51 ребёнок), закрыто 19 «случаев» (35 детей), проведено более 300 консультаций с родителями и 677 посещений на дому. Вышел сборник «Что написано пером...», разработаны методические рекомендации: мастер-классы и тренинговые занятия для подростков и детей младшего школьного возраста',
        discussion: [
          [
            'Павлова Оксана',
            'отметила востребованность мастер-классов ресурсного центра у педагогов Уваровского района и предложила продолжить их в 2018 году',
          ],
        ],
        decisions: [
          { text: 'Работу ресурсного центра за 2017 год признать удовлетворительной' },
          {
            text: 'Подготовить отчёт о работе рабочей группы сегмента №6 за 2017 год',
            assignment: {
              organizations: [CENTER],
              people: ['Семёнова Ольга'],
              due: '2018-01-31',
            },
          },
        ],
      },
    ],
  },
];

/** A misspelt name above is a bug in this file, not a user's mistake. */
function lookup(ids: Map<string, number>, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`Demo meetings refer to an unknown record: ${name}`);
  return id;
}

/** The plan item a topic realises: the one in the meeting's month whose title has the fragment, if exactly one. */
function planItemFor(candidates: ReturnType<typeof meetingPlanCandidates>, date: string, fragment: string | undefined): number | null {
  if (fragment === undefined) return null;
  const found = candidates.filter((c) => !c.used && c.termStart.slice(0, 7) === date.slice(0, 7) && c.title.includes(fragment));
  return found.length === 1 ? found[0]!.id : null;
}

export function seedDemoMeetings(db: AppDb): void {
  inTransaction(db, () => {
    const personIds = new Map(
      db
        .select({ id: people.id, lastName: people.lastName, firstName: people.firstName })
        .from(people)
        .all()
        .map((p) => [`${p.lastName} ${p.firstName}`, p.id]),
    );
    const orgIds = new Map(
      db
        .select({ id: organizations.id, shortName: organizations.shortName, fullName: organizations.fullName })
        .from(organizations)
        .all()
        .map((o) => [organizationDisplayName(o), o.id]),
    );
    const person = (name: string) => lookup(personIds, name);
    const memberIds = [GROUP.chair, GROUP.secretary, ...GROUP.members].map(person);

    const group = createGroup(
      db,
      groupInput.parse({
        name: GROUP.name,
        nameGenitive: GROUP.nameGenitive,
        chairId: person(GROUP.chair),
        secretaryId: person(GROUP.secretary),
        memberIds,
        quorum: 'half',
        // The center's номенклатура дел: the group's minutes of a year are filed in one case.
        caseFiles: [
          { year: 2017, index: '01-07' },
          { year: 2018, index: '01-07' },
        ],
      }),
    );

    for (const m of MEETINGS) {
      const meeting = createMeeting(
        db,
        meetingInput.parse({
          groupId: group.id,
          kind: 'session',
          dateStart: m.date,
          time: '10:00',
          town: 'г. Уварово',
          address: m.address,
        }),
      );
      const absentId = person(m.absent[0]);
      setAttendance(
        db,
        attendanceInput.parse({
          meetingId: meeting.id,
          attendees: memberIds.map((personId) =>
            personId === absentId ? { personId, present: false, absenceReason: m.absent[1] } : { personId, present: true },
          ),
          guestIds: m.guests.map(person),
        }),
      );
      const voters = memberIds.length - 1;
      let items: AgendaItemView[] = [];
      for (const item of m.items) {
        const data = agendaItemInput.parse({
          title: item.title,
          plannedMinutes: item.minutes,
          speakers: [{ personId: person(item.speaker) }],
          heardText: item.heard,
          discussion: (item.discussion ?? []).map(([who, text]) => ({ personId: person(who), text })),
          decisions: item.decisions.map((d) => ({
            text: d.text,
            votesFor: voters,
            votesAgainst: 0,
            votesAbstained: 0,
            assignment: d.assignment
              ? {
                  organizationIds: d.assignment.organizations.map((o) => lookup(orgIds, o)),
                  personIds: (d.assignment.people ?? []).map(person),
                  dueDate: d.assignment.due === 'permanent' ? null : d.assignment.due,
                  permanent: d.assignment.due === 'permanent',
                }
              : null,
          })),
        });
        // A topic from the plan is added the way a secretary does it («из плана»), then worded and filled in.
        const planItemId = planItemFor(meetingPlanCandidates(db, 2017), m.date, item.plan);
        if (planItemId === null) {
          items = createAgendaItem(db, meeting.id, data).items;
        } else {
          const added = addFromPlan(db, meeting.id, planItemId).items.at(-1)!;
          items = updateAgendaItem(db, added.id, data).items;
        }
      }
      holdMeeting(db, meeting.id);
      if (m.sign) signMeeting(db, meeting.id);

      // Execution is marked after the meeting, as the control register is kept.
      m.items.forEach((item, i) =>
        item.decisions.forEach((d, j) => {
          const outcome = d.assignment?.outcome;
          const assignment = items[i]!.decisions[j]!.assignment;
          if (!outcome || !assignment) return;
          setAssignmentStatus(db, { id: assignment.id, status: outcome.status, completionNote: outcome.note, completedOn: outcome.on });
        }),
      );
    }
  });
}
