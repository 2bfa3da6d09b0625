import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApi, type Api } from '@tests/unit/meetings/helpers';
import { draftNews } from '@main/services/news/draft';
import type { NewsSource, NewsView } from '@shared/contract/news';
import type { MunicipalityType } from '@shared/russian';
import type { OrganizationType } from '@shared/enums';

/**
 * The first text of a news item against the center's own news (seeds 000 and 002): the data of
 * each seed entered through the calls the window makes, the draft written out by hand here from
 * the seed's sentences — never built with the rules under test.
 */

let api: Api;
beforeEach(() => {
  api = freshApi();
});
afterEach(() => api.cleanup());

async function municipality(type: MunicipalityType, properName: string) {
  return (await api.call('municipalities.create', { type, properName })).id;
}

async function organization(fullName: string, type: OrganizationType, municipalityId: number | null, shortName = '') {
  return (await api.call('organizations.create', { fullName, shortName, type, municipalityId })).id;
}

async function person(
  lastName: string,
  firstName: string,
  middleName: string,
  position: string,
  organizationId: number | null,
  gender?: 'male' | 'female',
) {
  return (await api.call('people.create', { lastName, firstName, middleName, position, organizationId, ...(gender ? { gender } : {}) })).id;
}

async function listValue(list: 'eventTypes' | 'eventProgrammes', value: string) {
  const { values } = await api.call('lists.get', { list });
  return values.find((v) => v.value === value)?.id ?? (await api.call('lists.create', { list, value })).id;
}

/** The paragraphs as they read (every field written as its fact), by key. */
const read = (view: NewsView | null) => Object.fromEntries(view!.paragraphs.map((p) => [p.key, p.pieces.map((x) => x.text).join('')]));

describe('a news item drafted from a meeting (seed 000)', () => {
  it('reads as the seed: the day and town, the group, the participants by kind and municipality, the speakers and decisions', async () => {
    const morshansk = await municipality('city', 'Моршанск');
    const morshanskiy = await municipality('district', 'Моршанский');
    const sosnovskiy = await municipality('district', 'Сосновский');
    const pichaevskiy = await municipality('district', 'Пичаевский');
    const administration = await organization('Администрация города Моршанска', 'administration', morshansk);
    const shelter = await organization(
      'Тамбовское областное государственное бюджетное учреждение «Центр психолого-медико-социального сопровождения «Приют надежды»',
      'resourceCenter',
      morshansk,
      'ТОГБУ «Центр психолого-медико-социального сопровождения «Приют надежды»',
    );
    const guardianship = await organization('Отдел опеки и попечительства администрации Моршанского района', 'guardianship', morshanskiy);
    const school = await organization('МБОУ «Сосновская СОШ №1»', 'education', sosnovskiy);
    const commission = await organization('КДН и ЗП Пичаевского района', 'juvenileCommission', pichaevskiy);
    const chair = await person('Дорожкина', 'Ирина', 'Васильевна', 'Заместитель главы администрации города Моршанска', administration);
    const popova = await person('Попова', 'Людмила', 'Александровна', 'Социальный педагог', shelter);
    const others = [
      await person('Ёлкина', 'Анна', 'Петровна', 'Главный специалист', guardianship),
      await person('Иванов', 'Пётр', 'Сергеевич', 'Заместитель директора', school),
      await person('Сидорова', 'Мария', 'Ивановна', 'Ответственный секретарь', commission),
    ];
    const group = await api.call('workingGroups.create', {
      name: 'Межрайонная рабочая группа сегмента 7 социального кластера «Региональная инновационная система защиты детства Тамбовской области»',
      nameGenitive:
        'межрайонной рабочей группы сегмента 7 социального кластера «Региональная инновационная система защиты детства Тамбовской области»',
      chairId: chair,
      secretaryId: popova,
      memberIds: others,
    });
    const meeting = await api.call('meetings.create', {
      groupId: group.id,
      kind: 'session',
      number: 2,
      dateStart: '2019-01-24',
      town: 'Моршанск',
      chairId: chair,
    });
    await api.call('agenda.create', {
      meetingId: meeting.id,
      data: {
        title: 'Об итогах работы за 2018 год',
        speakers: [{ personId: chair }, { personId: popova }],
        decisions: [
          { text: 'Информацию об итогах работы ресурсного центра за 2018 год принять к сведению.' },
          {
            text: 'Продолжить организованное взаимодействие между учреждениями системы профилактики социального сиротства, в частности с учреждениями образования.',
          },
        ],
      },
    });
    await api.call('agenda.create', {
      meetingId: meeting.id,
      data: {
        title: 'О плане работы ресурсного центра на 2019 год',
        decisions: [{ text: 'Утвердить план работы ресурсного центра на 2019 год' }],
      },
    });
    await api.call('meetings.setAttendance', {
      meetingId: meeting.id,
      attendees: [chair, popova, ...others].map((personId) => ({ personId, present: true })),
      guestIds: [],
    });
    expect((await api.refusal('news.draft', { kind: 'meeting', recordId: meeting.id })).message).toBe(
      'Новость готовится по проведённому заседанию: сначала отметьте заседание проведённым.',
    );
    await api.call('meetings.hold', { id: meeting.id });
    await api.call('news.draft', { kind: 'meeting', recordId: meeting.id });
    const view = await api.call('news.get', { kind: 'meeting', recordId: meeting.id });
    expect(read(view)).toEqual({
      headline:
        'Заседание межрайонной рабочей группы сегмента 7 социального кластера «Региональная инновационная система защиты детства Тамбовской области»',
      opening:
        '24 января 2019 года в городе Моршанске состоялось очередное заседание межрайонной рабочей группы сегмента 7 социального кластера «Региональная инновационная система защиты детства Тамбовской области».',
      participants:
        'В работе заседания приняли участие 5 специалистов – представители органа опеки и попечительства, образовательной организации, КДН и ЗП, администрации и ресурсного центра города Моршанска, Моршанского, Пичаевского и Сосновского районов. ' +
        'Председательствовала заместитель главы администрации города Моршанска И.В. Дорожкина.',
      [view!.paragraphs[3]!.key]:
        'По первому вопросу повестки «Об итогах работы за 2018 год» выступили заместитель главы администрации города Моршанска И.В. Дорожкина и социальный педагог ТОГБУ «Центр психолого-медико-социального сопровождения «Приют надежды» Л.А. Попова. ' +
        'По итогам обсуждения решено: информацию об итогах работы ресурсного центра за 2018 год принять к сведению; продолжить организованное взаимодействие между учреждениями системы профилактики социального сиротства, в частности с учреждениями образования.',
      [view!.paragraphs[4]!.key]:
        'Также рассмотрен вопрос «О плане работы ресурсного центра на 2019 год». По итогам обсуждения решено: утвердить план работы ресурсного центра на 2019 год.',
    });
    expect(view!.paragraphs.map((p) => p.place)).toEqual(['Заголовок', 'Начало', 'Участники', 'Вопрос 1', 'Вопрос 2']);
    // Counted, never listed: the three members who only attended are not named.
    expect(view!.plain).not.toMatch(/Ёлкин|Иванов|Сидоров/);
    expect(view!.changed).toBe(0);
  });
});

describe('a news item drafted from an event (seed 002)', () => {
  it('reads as the seed: «на базе» the venue, the organiser, the participants, the topic and the speakers', async () => {
    const tikhvin = await municipality('district', 'Тихвинский');
    const leningrad = await municipality('region', 'Ленинградская');
    const novgorod = await municipality('region', 'Новгородская');
    const committee = await organization('Комитет по социальной защите населения Ленинградской области', 'socialProtection', leningrad);
    const tikhvinCommittee = await organization(
      'Комитет социальной защиты населения администрации Тихвинского района',
      'socialProtection',
      tikhvin,
    );
    const svetlyachok = await organization(
      'Муниципальное учреждение «Социально-реабилитационный Центр для несовершеннолетних «Светлячок»',
      'socialProtection',
      tikhvin,
      'МУ «Социально-реабилитационный Центр для несовершеннолетних «Светлячок»',
    );
    const novgorodCenter = await organization(
      'Областное автономное учреждение социального обслуживания «Комплексный центр социального обслуживания населения Великого Новгорода и Новгородского района»',
      'socialProtection',
      novgorod,
      'ОАУСО «Комплексный центр социального обслуживания населения Великого Новгорода и Новгородского района»',
    );
    const school = await organization('МОУ «Тихвинская СОШ №1»', 'education', tikhvin);
    const speakers = [
      await person(
        'Кондренко',
        'Анна',
        'Николаевна',
        'Главный специалист отдела проблем семьи, женщин и детей комитета по социальной защите населения Ленинградской области',
        committee,
      ),
      await person(
        'Большакова',
        'Ольга',
        'Николаевна',
        'Председатель комитета социальной защиты населения администрации Тихвинского района',
        tikhvinCommittee,
      ),
      await person('Косенкова', 'Татьяна', 'Александровна', 'Директор', svetlyachok),
      await person('Дмитриева', 'Людмила', 'Анатольевна', 'Директор', novgorodCenter),
    ];
    const listeners = [
      await person('Петрова', 'Елена', 'Сергеевна', 'Социальный педагог', school),
      await person('Орлов', 'Игорь', 'Павлович', 'Специалист по социальной работе', svetlyachok),
    ];
    const noShow = await person('Смирнова', 'Ольга', 'Викторовна', 'Психолог', school);
    const event = await api.call('events.create', {
      typeId: await listValue('eventTypes', 'Круглый стол'),
      centerRole: 'participant',
      title: 'Организация социального сопровождения в Ленинградской области',
      level: 'interregional',
      venue: 'МУ «Социально-реабилитационный Центр для несовершеннолетних «Светлячок»',
      municipalityId: tikhvin,
      organizerName: 'комитет по социальной защите населения Ленинградской области',
      firstDay: '2017-07-21',
      lastDay: '2017-07-21',
    });
    const card = await api.call('events.get', { id: event.id });
    await api.call('sessions.update', {
      id: card.sessions[0]!.id,
      data: { day: '2017-07-21', topic: 'Опыт социального сопровождения семей с детьми в Ленинградской и Новгородской областях' },
    });
    await api.call('participants.add', { eventId: event.id, personIds: speakers, role: 'speaker' });
    await api.call('participants.add', { eventId: event.id, personIds: [...listeners, noShow] });
    const withPeople = await api.call('events.get', { id: event.id });
    for (const p of withPeople.participants)
      await api.call('participants.update', { id: p.id, role: p.role, status: p.personId === noShow ? 'noShow' : 'attended' });
    await api.call('events.setStatus', { id: event.id, status: 'held' });
    await api.call('news.draft', { kind: 'event', recordId: event.id });
    const view = await api.call('news.get', { kind: 'event', recordId: event.id });
    expect(read(view)).toEqual({
      headline: 'Круглый стол «Организация социального сопровождения в Ленинградской области»',
      opening:
        '21 июля 2017 года на базе МУ «Социально-реабилитационный Центр для несовершеннолетних «Светлячок» состоялся круглый стол «Организация социального сопровождения в Ленинградской области». ' +
        'Организатор – комитет по социальной защите населения Ленинградской области.',
      participants:
        'В работе круглого стола приняли участие 6 специалистов – представители образовательной организации и органов и учреждений социальной защиты населения Тихвинского района, Ленинградской и Новгородской областей.',
      [view!.paragraphs[3]!.key]:
        'Участники обсудили тему «Опыт социального сопровождения семей с детьми в Ленинградской и Новгородской областях».',
      speakers:
        'С докладами выступили главный специалист отдела проблем семьи, женщин и детей комитета по социальной защите населения Ленинградской области А.Н. Кондренко, ' +
        'председатель комитета социальной защиты населения администрации Тихвинского района О.Н. Большакова, ' +
        'директор МУ «Социально-реабилитационный Центр для несовершеннолетних «Светлячок» Т.А. Косенкова и ' +
        'директор ОАУСО «Комплексный центр социального обслуживания населения Великого Новгорода и Новгородского района» Л.А. Дмитриева.',
    });
  });
});

describe('names and places the seeds do not have', () => {
  it('writes a муниципальный округ, a городской округ and a name without a patronymic', async () => {
    const sosnovsky = await municipality('municipalOkrug', 'Сосновский');
    const uvarovo = await municipality('urbanOkrug', 'Уварово');
    const center = await organization(
      'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
      'resourceCenter',
      uvarovo,
      'ТОГБУ «Центр «Доверие»',
    );
    const opeka = await organization(
      'Отдел опеки и попечительства администрации Сосновского муниципального округа',
      'guardianship',
      sosnovsky,
    );
    const opekaUvarovo = await organization('Отдел опеки и попечительства администрации города Уварово', 'guardianship', uvarovo);
    const kovshira = await person(
      'Ковшира',
      'Ирина',
      '',
      'Первый заместитель министра образования и науки Мурманской области',
      null,
      'female',
    );
    const host = await person('Семёнов', 'Олег', 'Игоревич', 'Методист', center);
    const listeners = [
      await person('Рябова', 'Нина', 'Олеговна', 'Специалист', opeka),
      await person('Ким', 'Саша', '', 'Специалист', opekaUvarovo, 'male'),
    ];
    const event = await api.call('events.create', {
      typeId: await listValue('eventTypes', 'Семинар'),
      centerRole: 'organizer',
      title: 'Профилактика жестокого обращения с детьми',
      level: 'municipal',
      venue: 'актовый зал администрации, ул. Советская, 1',
      municipalityId: sosnovsky,
      programmeId: await listValue('eventProgrammes', 'Инновационный проект «Шаги навстречу»'),
      firstDay: '2024-03-12',
      lastDay: '2024-03-13',
    });
    const card = await api.call('events.get', { id: event.id });
    const topics = ['Признаки жестокого обращения', 'Межведомственное взаимодействие при выявлении'];
    for (const [i, s] of card.sessions.entries()) await api.call('sessions.update', { id: s.id, data: { day: s.day, topic: topics[i]! } });
    await api.call('participants.add', { eventId: event.id, personIds: [kovshira], role: 'speaker' });
    await api.call('participants.add', { eventId: event.id, personIds: [host], role: 'organizer' });
    await api.call('participants.add', { eventId: event.id, personIds: listeners });
    for (const p of (await api.call('events.get', { id: event.id })).participants)
      await api.call('participants.update', { id: p.id, role: p.role, status: 'attended' });
    await api.call('events.setStatus', { id: event.id, status: 'held' });
    await api.call('news.draft', { kind: 'event', recordId: event.id });
    const view = await api.call('news.get', { kind: 'event', recordId: event.id });
    const keys = view!.paragraphs.map((p) => p.key);
    expect(read(view)).toEqual({
      headline: 'Семинар «Профилактика жестокого обращения с детьми»',
      opening:
        '12–13 марта 2024 года в Сосновском муниципальном округе состоялся семинар «Профилактика жестокого обращения с детьми». Место проведения – актовый зал администрации, ул. Советская, 1.',
      participants:
        'В работе семинара приняли участие 4 специалиста – представители органов опеки и попечительства и ресурсного центра городского округа – город Уварово и Сосновского муниципального округа. ' +
        'Мероприятие провёл методист ТОГБУ «Центр «Доверие» О.И. Семёнов.',
      [keys[3]!]: '12 марта 2024 года участники обсудили тему «Признаки жестокого обращения».',
      [keys[4]!]: '13 марта 2024 года участники обсудили тему «Межведомственное взаимодействие при выявлении».',
      speakers: 'С докладами выступила первый заместитель министра образования и науки Мурманской области Ирина Ковшира.',
      programme: 'Мероприятие проведено в рамках инновационного проекта «Шаги навстречу».',
    });
  });
});

/** A source of a held seminar with `n` participants from one guardianship body of a district. */
function seminar(n: number): NewsSource {
  return {
    kind: 'event',
    recordId: 1,
    held: true,
    firstDay: '2018-03-20',
    lastDay: '2018-03-20',
    typeLabel: 'Семинар',
    title: 'Вопросы опеки',
    regular: false,
    remote: false,
    venue: '',
    municipality: null,
    organizer: null,
    chair: null,
    hosts: [],
    participantCount: n,
    population: false,
    organizations: [
      {
        id: 1,
        type: 'guardianship',
        municipality: {
          id: 1,
          type: 'district',
          properName: 'Уваровский',
          sortKey: 'уваровскии',
          forms: {
            genitive: 'Уваровского',
            dative: 'Уваровскому',
            accusative: 'Уваровский',
            instrumental: 'Уваровским',
            prepositional: 'Уваровском',
          },
        },
      },
    ],
    parts: [],
    speakers: [],
    programme: null,
    planItem: null,
  };
}

describe('the participants counted', () => {
  it.each([
    [1, 'В работе семинара принял участие 1 специалист – представитель органа опеки и попечительства Уваровского района.'],
    [2, 'В работе семинара приняли участие 2 специалиста – представители органа опеки и попечительства Уваровского района.'],
    [5, 'В работе семинара приняли участие 5 специалистов – представители органа опеки и попечительства Уваровского района.'],
    [21, 'В работе семинара принял участие 21 специалист – представители органа опеки и попечительства Уваровского района.'],
    [22, 'В работе семинара приняли участие 22 специалиста – представители органа опеки и попечительства Уваровского района.'],
    [25, 'В работе семинара приняли участие 25 специалистов – представители органа опеки и попечительства Уваровского района.'],
  ])('%i', (n, sentence) => {
    const draft = draftNews(seminar(n));
    const text = draft.paragraphs
      .find((p) => p.key === 'participants')!
      .text.replace(/\{\{([^}]+)\}\}/g, (_, k: string) => draft.facts.get(k)!.text);
    expect(text).toBe(sentence);
  });

  it('drops the sentence of a fact the record does not hold: nobody came, no organisation known', () => {
    const draft = draftNews({ ...seminar(0), organizations: [] });
    expect(draft.paragraphs.map((p) => p.key)).toEqual(['headline', 'opening']);
    expect(draft.paragraphs.find((p) => p.key === 'opening')!.text).toBe('{{Дата}} {{Что состоялось}}.');
  });
});

describe('a title that begins with the kind of the event', () => {
  const read = (draft: ReturnType<typeof draftNews>, key: string) =>
    draft.paragraphs.find((p) => p.key === key)!.text.replace(/\{\{([^}]+)\}\}/g, (_, k: string) => draft.facts.get(k)!.text);

  it('names it once: «Семинар для специалистов …» is the headline, and «состоялся семинар для специалистов …»', () => {
    const draft = draftNews({ ...seminar(5), title: 'Семинар для специалистов органов опеки «Семья и дети»' });
    expect(read(draft, 'headline')).toBe('Семинар для специалистов органов опеки «Семья и дети»');
    expect(read(draft, 'opening')).toBe('20 марта 2018 года состоялся семинар для специалистов органов опеки «Семья и дети».');
  });

  it('keeps the kind and the quotes for a title that only looks alike («Семинарская сессия»)', () => {
    const draft = draftNews({ ...seminar(5), title: 'Семинарская сессия' });
    expect(read(draft, 'headline')).toBe('Семинар «Семинарская сессия»');
    expect(read(draft, 'opening')).toBe('20 марта 2018 года состоялся семинар «Семинарская сессия».');
  });
});
