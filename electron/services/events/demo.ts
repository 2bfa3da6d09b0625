import { and, asc, eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { municipalities, people } from '@db/schema';
import { eventCreateInput, type EventDetail } from '@shared/contract/events';
import { personInput } from '@shared/contract/registry';
import { getProfile } from '@main/services/registry';
import { listValueByText } from '@main/services/lists';
import { listItems } from '@main/services/workPlan';
import { getEvent } from './detail';
import { createEvent, setEventStatus } from './events';
import { addParticipants, addWalkIn, setMarks } from './participants';
import { updateSession } from './sessions';

/**
 * The methodologist's register of the demo: the eight external events of 2017 the working group's
 * report lists with their dates (seed 003), attended by the center's staff, and two seminars the
 * center held in 2018 with participants from the demo registry. The first two events of 2017 realise
 * the plan items of those titles; the eighth does not — its item was cancelled by hand («специалисты
 * участвовали в областном семинаре 28.11.2017») and a link would show it done. No events for the
 * population: invented figures would reach the annual report. Everything goes through the services.
 */

interface External {
  title: string;
  type: string;
  day: string;
  /** A fragment of the 2017 plan item's title it realises. */
  plan?: string;
}

const EXTERNAL_2017: External[] = [
  {
    title:
      'Межведомственный семинар «Вопросы исполнения законов о профилактике безнадзорности, правонарушений, преступлений несовершеннолетних»',
    type: 'Семинар',
    day: '2017-03-20',
    plan: 'Вопросы исполнения законов о профилактике',
  },
  {
    title: 'Семинар «Организация подготовки лиц, желающих принять в свою семью ребенка»',
    type: 'Семинар',
    day: '2017-03-28',
    plan: 'Организация подготовки лиц',
  },
  { title: 'Заседание областного Совета замещающих семей', type: 'Заседание', day: '2017-05-18' },
  {
    title: 'Первый областной Съезд советов помощи семье и детям «Защита семьи и ребенка – наше общее дело»',
    type: 'Съезд',
    day: '2017-05-30',
  },
  { title: 'Областной творческий конкурс «Краски семейного счастья»', type: 'Конкурс', day: '2017-06-08' },
  { title: 'Форум приемных семей Тамбовской области', type: 'Форум', day: '2017-10-16' },
  { title: 'Правовая акция «Имеем право»', type: 'Акция', day: '2017-10-16' },
  { title: 'Семинар «Организация эффективной работы служб по устройству детей в семью»', type: 'Семинар', day: '2017-11-28' },
];

/** Where the center holds its seminars (the municipality is a field of its own). */
const VENUE = 'актовый зал центра «Доверие»';

const SEMINAR_TOPICS = [
  'Нормативные основы межведомственного взаимодействия при выявлении семейного неблагополучия',
  'Признаки неблагополучия семьи: что видит школа, поликлиника, участковый',
  'Практикум: межведомственный план работы с семьёй',
];

function planItemId(db: AppDb, year: number, fragment: string): number {
  const item = listItems(db, { year }).find((i) => i.title.includes(fragment));
  if (!item) throw new Error(`Demo events refer to an unknown plan item: ${fragment}`);
  return item.id;
}

function create(db: AppDb, input: Record<string, unknown>): EventDetail {
  return createEvent(db, eventCreateInput.parse(input));
}

export function seedDemoEvents(db: AppDb): void {
  // The demo registry names them «г. Уварово» and «Тамбовская область» (app/demo.ts): found by type and proper name.
  const municipality = (type: 'region' | 'city', properName: string) =>
    db
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(and(eq(municipalities.type, type), eq(municipalities.properName, properName)))
      .get()?.id ?? null;
  const region = municipality('region', 'Тамбовская');
  const uvarovo = municipality('city', 'Уварово');
  const center = getProfile(db);
  const centerId = center.organizationId;
  const everyone = db.select({ id: people.id, organizationId: people.organizationId }).from(people).orderBy(asc(people.id)).all();
  const staff = everyone.filter((p) => p.organizationId === centerId).map((p) => p.id);
  const others = everyone.filter((p) => p.organizationId !== centerId).map((p) => p.id);

  EXTERNAL_2017.forEach((e, i) => {
    const event = create(db, {
      typeId: listValueByText(db, 'eventTypes', e.type),
      centerRole: 'participant',
      title: e.title,
      level: 'regional',
      municipalityId: region,
      firstDay: e.day,
      lastDay: e.day,
      planItemId: e.plan ? planItemId(db, 2017, e.plan) : null,
    });
    // Two or three of the staff went; one session, so their presence is its mark.
    const went = staff.slice(1 + (i % 3), 1 + (i % 3) + 2 + (i % 2));
    addParticipants(db, { eventId: event.id, personIds: went, role: 'participant' });
    const detail = setEventStatus(db, event.id, 'held');
    setMarks(db, {
      sessionId: detail.sessions[0]!.id,
      marks: detail.participants.map((p) => ({ participantId: p.id, mark: 'present' as const })),
    });
  });

  // The center's own three-day seminar for the prevention system's specialists.
  const seminar = create(db, {
    typeId: listValueByText(db, 'eventTypes', 'Семинар'),
    centerRole: 'organizer',
    title: 'Семинар для специалистов органов системы профилактики «Межведомственное взаимодействие при выявлении семейного неблагополучия»',
    level: 'municipal',
    municipalityId: uvarovo,
    venue: VENUE,
    organizerId: centerId,
    completionRule: 'share',
    completionPercent: 60,
    hours: 18,
    programmeId: listValueByText(db, 'eventProgrammes', 'Инновационный проект «Шаги навстречу»'),
    firstDay: '2018-10-16',
    lastDay: '2018-10-18',
    timeStart: '10:00',
    timeEnd: '15:00',
    planItemId: planItemId(db, 2018, 'Межведомственное взаимодействие при выявлении'),
  });
  seminar.sessions.forEach((s, i) => void updateSession(db, s.id, { ...s, topic: SEMINAR_TOPICS[i] ?? '', required: false }));
  addParticipants(db, { eventId: seminar.id, personIds: staff.slice(1, 2), role: 'organizer' });
  addParticipants(db, { eventId: seminar.id, personIds: staff.slice(2, 3), role: 'speaker' });
  addParticipants(db, { eventId: seminar.id, personIds: others.slice(0, 16), role: 'participant' });
  const firstDay = seminar.sessions[0]!.id;
  let detail = addWalkIn(db, {
    eventId: seminar.id,
    person: personInput.parse({
      lastName: 'Макарова',
      firstName: 'Юлия',
      middleName: 'Сергеевна',
      position: 'Социальный педагог',
      // She works beside the first participant of the list.
      organizationId: everyone.find((p) => p.id === others[0])?.organizationId ?? null,
    }),
    role: 'participant',
    presentAt: firstDay,
  });
  const listed = detail.participants.filter((p) => p.role === 'participant' && p.source !== 'walkIn');
  // Most came all three days; two missed one (complete at 60 %), two came only on the first, one never came.
  detail.sessions.forEach((s, day) => {
    const marks = listed.map((p, i) => {
      const present = i === listed.length - 1 ? false : i >= listed.length - 3 ? day === 0 : i < 2 ? day !== 1 : true;
      return { participantId: p.id, mark: present ? ('present' as const) : i < 2 ? ('excused' as const) : ('absent' as const) };
    });
    const hosts = detail.participants
      .filter((p) => p.role !== 'participant')
      .map((p) => ({ participantId: p.id, mark: 'present' as const }));
    detail = setMarks(db, { sessionId: s.id, marks: [...marks, ...hosts] });
  });
  setEventStatus(db, seminar.id, 'held');

  const masterClass = create(db, {
    typeId: listValueByText(db, 'eventTypes', 'Мастер-класс'),
    centerRole: 'organizer',
    title: 'Мастер-класс для педагогов «Тренинговые занятия с подростками группы риска»',
    level: 'municipal',
    municipalityId: uvarovo,
    venue: VENUE,
    organizerId: centerId,
    firstDay: '2018-04-17',
    lastDay: '2018-04-17',
    timeStart: '14:00',
    timeEnd: '16:00',
    planItemId: planItemId(db, 2018, 'Тренинговые занятия с подростками'),
  });
  addParticipants(db, { eventId: masterClass.id, personIds: staff.slice(2, 3), role: 'speaker' });
  addParticipants(db, { eventId: masterClass.id, personIds: others.slice(6, 16), role: 'participant' });
  const mc = getEvent(db, masterClass.id);
  setMarks(db, { sessionId: mc.sessions[0]!.id, marks: mc.participants.map((p) => ({ participantId: p.id, mark: 'present' as const })) });
  setEventStatus(db, masterClass.id, 'held');
}
