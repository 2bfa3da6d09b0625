import { getTableName } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { putFile } from '@main/services/files';
import { createApp } from '@main/api/app';
import { REGISTRY_REFERENCES } from '@db/references';
import { organizationVerdict, personVerdict, type OrganizationFacts, type PersonFacts } from '@main/services/registry';
import { RECORD_TITLES } from '@main/api/handlers';
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import type { DuplicatePair } from '@shared/contract/duplicates';
import { nameMatchKey } from '@shared/russian';
import { recordsAfterUndo } from '@tests/unit/foundation/tables';
import { organization, person, planFormId, segmentGroup, signMeeting, type Api } from '@tests/unit/meetings/helpers';

/**
 * Duplicates (issue 18): the field rules on a table of name pairs, candidates over the registry,
 * and a merge with a conflict of every kind undone to the very rows before it — also after a
 * restart — with signed minutes left as they were signed.
 */

const facts = (name: string, extra: Partial<PersonFacts> = {}): PersonFacts => {
  const [lastName = '', firstName = '', middleName = ''] = name.split(' ');
  return { lastName, firstName, middleName, organizationId: null, organizationName: null, phone: '', email: '', ...extra };
};
const school = { organizationId: 7, organizationName: 'СОШ №2' };

describe('the name pairs', () => {
  const pairs: [string, PersonFacts, PersonFacts, 'likely' | 'possible' | null][] = [
    ['another patronymic: two people', facts('Кузнецова Анна Викторовна'), facts('Кузнецова Анна Владимировна'), null],
    ['no patronymic on one side', facts('Петров Алексей Сергеевич'), facts('Петров Алексей'), 'possible'],
    ['no patronymic, the same school', facts('Петров Алексей Сергеевич', school), facts('Петров Алексей', school), 'likely'],
    ['the same whole name', facts('Иванова Мария Петровна'), facts('Иванова Мария Петровна'), 'likely'],
    ['a Latin «a» inside the surname', facts('Ивaнова Мария Петровна'), facts('Иванова Мария Петровна'), 'likely'],
    ['ё and case', facts('ЁЛКИНА анна петровна'), facts('Елкина Анна Петровна'), 'likely'],
    ['initials that fit', facts('Попова Л. А.'), facts('Попова Людмила Александровна'), 'possible'],
    ['an initial that does not fit', facts('Попова Л. А.'), facts('Попова Мария Александровна'), null],
    ['another first name', facts('Смирнова Ольга Ивановна'), facts('Смирнова Ирина Ивановна'), null],
    ['«Ким Ли», no patronymic on either side', facts('Ким Ли'), facts('Ким Ли'), 'possible'],
    ['«Ким Ли» at one organisation', facts('Ким Ли', school), facts('Ким Ли', school), 'likely'],
    ['«Ким Ли» and «Ли Ким»: another person', facts('Ким Ли'), facts('Ли Ким'), null],
    [
      'a surname changed at marriage, the same organisation',
      facts('Иванова Анна Петровна', school),
      facts('Сидорова Анна Петровна', school),
      'possible',
    ],
    [
      'a surname changed, the same phone',
      facts('Иванова Анна Петровна', { phone: '8 (475) 123-45-67' }),
      facts('Сидорова Анна Петровна', { phone: '+7 475 1234567' }),
      'possible',
    ],
    ['another surname, nothing else in common', facts('Иванова Анна Петровна'), facts('Сидорова Анна Петровна'), null],
    [
      'namesakes at two organisations',
      facts('Иванова Мария Петровна', school),
      facts('Иванова Мария Петровна', { organizationId: 8, organizationName: 'СОШ №3' }),
      'possible',
    ],
  ];
  it.each(pairs)('%s', (_, a, b, level) => {
    expect(personVerdict(a, b)?.level ?? null).toBe(level);
    // The rule is symmetric.
    expect(personVerdict(b, a)?.level ?? null).toBe(level);
  });

  it('says per field what matched and what is unknown', () => {
    const v = personVerdict(facts('Петров Алексей Сергеевич', school), facts('Петров Алексей', school))!;
    expect(v.fields.map((f) => [f.label, f.verdict])).toEqual([
      ['Фамилия', 'same'],
      ['Имя', 'same'],
      ['Отчество', 'unknown'],
      ['Организация', 'same'],
      ['Телефон', 'unknown'],
      ['Электронная почта', 'unknown'],
    ]);
    expect(v.reason).toBe('фамилия совпадает, отчество не противоречит (не указано или только инициал); совпадает организация');
  });

  it('reads a Latin look-alike inside a Cyrillic word as the Cyrillic letter, and leaves Latin words alone', () => {
    expect(nameMatchKey('Ивaнова')).toBe(nameMatchKey('Иванова'));
    expect(nameMatchKey('MБOУ «COШ №1»')).toBe(nameMatchKey('МБОУ «СОШ №1»'));
    expect(nameMatchKey('Smith')).not.toBe(nameMatchKey('Ѕмитһ'));
    expect(nameMatchKey('IT-центр')).toBe(nameMatchKey('it центр'));
  });

  const org = (fullName: string, shortName: string, extra: Partial<OrganizationFacts> = {}): OrganizationFacts => ({
    fullName,
    shortName,
    municipalityId: 1,
    municipalityName: 'г. Уварово',
    type: 'education',
    typeLabel: 'образование',
    ...extra,
  });
  it.each([
    ['the same full name', org('МБОУ «СОШ №1»', ''), org('МБОУ "СОШ № 1"', ''), 'likely'],
    [
      'a short name for the full one',
      org('Муниципальное бюджетное общеобразовательное учреждение «СОШ №1»', 'СОШ №1'),
      org('СОШ №1', ''),
      'possible',
    ],
    [
      'one name in two towns',
      org('МБОУ «СОШ №1»', ''),
      org('МБОУ «СОШ №1»', '', { municipalityId: 2, municipalityName: 'Моршанский район' }),
      null,
    ],
    [
      'a town unknown on one side',
      org('МБОУ «СОШ №1»', ''),
      org('МБОУ «СОШ №1»', '', { municipalityId: null, municipalityName: null }),
      'likely',
    ],
    ['other names', org('МБОУ «СОШ №1»', ''), org('МБОУ «СОШ №2»', ''), null],
  ] as const)('organisations: %s', (_, a, b, level) => {
    expect(organizationVerdict(a, b)?.level ?? null).toBe(level);
  });
});

describe('the declarations a merge needs', () => {
  it('name every record kind of a reference under a unique key', () => {
    const kinds = new Set(REGISTRY_REFERENCES.filter((r) => r.uniqueWith?.length).map((r) => r.record.kind));
    expect([...kinds].filter((k) => !RECORD_TITLES[k])).toEqual([]);
    expect(REGISTRY_REFERENCES.filter((r) => r.uniqueWith?.length).map((r) => getTableName(r.column.table)).length).toBeGreaterThan(5);
  });
});

let dir: string;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rc-duplicates-'));
  app = createApp({ dataDir: dir });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { error: result.error });
  return result.value as CallOutput<K>;
}
async function refusal<K extends CallName>(name: K, input: CallInput<K>) {
  const result = await app.dispatch(name, input);
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error;
}
const api = { call, refusal } as unknown as Api;
const rows = <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).all(...params) as T[];
const count = (sql: string, ...params: unknown[]) =>
  app.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/**
 * The segment's group with «Иванов Пётр Сергеевич» (member2) and his duplicate «Иванов Пётр»
 * typed in again at a walk-in: both in one group, one plan item, one meeting (attendees and
 * guests), one assignment and one event, so every unique pair of the schema conflicts.
 */
async function scenario() {
  const s = await segmentGroup(api);
  const twin = await person(api, 'Иванов', 'Пётр', '', { position: 'инспектор' });
  const otherSchool = await organization(api, 'МБОУ «СОШ №2»', 'СОШ №2');
  const schoolTwin = await organization(api, 'МБОУ "СОШ № 2"');
  await call('workingGroups.update', {
    id: s.group.id,
    data: {
      name: s.group.name,
      nameGenitive: 'межрайонной рабочей группы сегмента №6',
      chairId: s.chair,
      secretaryId: s.secretary,
      memberIds: [s.member1, s.member2, twin],
    },
  });
  await call('workPlan.create', { year: 2017 });
  await call('workPlan.createItem', {
    year: 2017,
    direction: 'organizational',
    title: 'Семинар для инспекторов',
    formId: await planFormId(api, 'Семинар'),
    term: { kind: 'year' },
    responsibleIds: [s.member2, twin],
    partnerIds: [otherSchool, schoolTwin],
  });
  // A meeting signed before the merge: its minutes keep both names as signed.
  const signed = await call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-09-12' });
  await call('meetings.setAttendance', {
    meetingId: signed.id,
    attendees: [s.member1, s.member2, twin].map((personId) => ({ personId, present: true })),
    guestIds: [],
  });
  await call('agenda.create', {
    meetingId: signed.id,
    data: { title: 'О плане работы', speakers: [{ personId: twin }], decisions: [{ text: 'Принять к сведению' }] },
  });
  await signMeeting(api, signed.id, []);
  const open = await call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-10-10' });
  await call('meetings.setAttendance', {
    meetingId: open.id,
    attendees: [
      { personId: s.member1, present: true },
      { personId: s.member2, present: false },
      { personId: twin, present: true },
    ],
    guestIds: [],
  });
  const guests = await call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: '2017-11-14' });
  await call('meetings.setAttendance', {
    meetingId: guests.id,
    attendees: [{ personId: s.member1, present: true }],
    guestIds: [s.member2, twin],
  });
  await call('agenda.create', {
    meetingId: open.id,
    data: {
      title: 'О работе с семьями',
      speakers: [{ personId: twin }],
      decisions: [
        {
          text: 'Провести рейды',
          assignment: { organizationIds: [otherSchool, schoolTwin], personIds: [s.member2, twin], dueDate: '2017-12-01' },
        },
      ],
    },
  });
  const typeId = (
    app.sqlite.prepare(`SELECT id FROM list_values WHERE list = 'eventTypes' ORDER BY position LIMIT 1`).get() as { id: number }
  ).id;
  const event = await call('events.create', {
    typeId,
    centerRole: 'organizer',
    title: 'Семинар для инспекторов ПДН',
    level: 'municipal',
    firstDay: '2017-10-16',
    lastDay: '2017-10-16',
  });
  await call('participants.add', { eventId: event.id, personIds: [s.member2, twin] });
  const withPeople = await call('events.get', { id: event.id });
  await call('marks.set', {
    sessionId: withPeople.sessions[0]!.id,
    marks: withPeople.participants.map((p) => ({ participantId: p.id, mark: p.personId === twin ? 'present' : 'absent' })),
  });
  return { ...s, twin, otherSchool, schoolTwin, signed, open, guests, event };
}

describe('merging two people', () => {
  it('finds the pair, shows a conflict of every kind, re-points everything, and the undo brings back every row', async () => {
    const s = await scenario();
    const candidates = await call('registry.duplicateCandidates', { target: 'person', offset: 0, limit: 50 });
    const pair = candidates.rows.find((p) => [p.left.id, p.right.id].sort().join() === [s.member2, s.twin].sort().join());
    expect(pair).toMatchObject({ level: 'possible' });
    expect(pair!.fields.find((f) => f.field === 'middleName')).toMatchObject({ verdict: 'unknown' });

    const preview = await call('registry.mergePreview', { target: 'person', keepId: s.member2, mergeId: s.twin });
    expect(preview.conflicts.map((c) => c.record).sort()).toEqual(
      [
        'заседание №1 от 12.09.2017 (участник)',
        'заседание №2 от 10.10.2017 (участник)',
        'заседание №3 от 14.11.2017 (приглашённый)',
        'мероприятие «Семинар для инспекторов ПДН» (участник)',
        'мероприятие плана работы «Семинар для инспекторов» (ответственный)',
        'поручение «Провести рейды» (ответственный)',
        'рабочая группа «Межрайонная рабочая группа сегмента №6» (член группы)',
      ].sort(),
    );
    const eventConflict = preview.conflicts.find((c) => c.record.startsWith('мероприятие «'))!;
    expect(eventConflict.mergedRow).toContain('связанных с ней записей (отметок, строк): 1');

    // Unresolved conflicts are refused, and nothing changes.
    const before = recordsAfterUndo(app.sqlite);
    expect((await refusal('registry.mergePeople', { keepId: s.member2, mergeId: s.twin })).message).toMatch(
      /^Выберите, чья запись останется: /,
    );
    expect(recordsAfterUndo(app.sqlite)).toEqual(before);

    const snapshot = () => rows<{ s: string }>('SELECT signed_snapshot AS s FROM meetings WHERE id = ?', s.signed.id)[0]!.s;
    const signedBefore = snapshot();
    // The twin's rows stay at the open meeting (he was there) and the event (his mark); the kept person's elsewhere.
    const keepMerged = new Set([eventConflict.key, preview.conflicts.find((c) => c.record.startsWith('заседание №2'))!.key]);
    const merged = await call('registry.mergePeople', {
      keepId: s.member2,
      mergeId: s.twin,
      fromMerged: ['position'],
      resolutions: preview.conflicts.map((c) => ({ key: c.key, keep: keepMerged.has(c.key) ? 'merged' : 'kept' })),
    });
    expect(merged.label).toBe('Объединены записи о специалисте: «Иванов Пётр» → «Иванов Пётр Сергеевич»');
    expect(count('SELECT count(*) FROM people WHERE id = ?', s.twin)).toBe(0);
    expect(rows('SELECT position FROM people WHERE id = ?', s.member2)).toEqual([{ position: 'инспектор' }]);
    // Every reference follows: the open meeting keeps the twin's «present», the event his mark.
    expect(rows('SELECT present FROM meeting_attendees WHERE meeting_id = ? AND person_id = ?', s.open.id, s.member2)).toEqual([
      { present: 1 },
    ]);
    expect(
      rows(
        `SELECT m.mark FROM session_marks m JOIN event_participants p ON p.id = m.participant_id WHERE p.event_id = ? AND p.person_id = ?`,
        s.event.id,
        s.member2,
      ),
    ).toEqual([{ mark: 'present' }]);
    expect(count('SELECT count(*) FROM agenda_speakers WHERE person_id = ?', s.member2)).toBe(2);
    for (const ref of REGISTRY_REFERENCES.filter((r) => r.target === 'person')) {
      expect(count(`SELECT count(*) FROM "${getTableName(ref.column.table)}" WHERE "${ref.column.name}" = ?`, s.twin)).toBe(0);
    }
    // Signed minutes keep the text they were signed with.
    expect(snapshot()).toBe(signedBefore);
    expect(signedBefore).toContain('Иванов');

    // A later edit of something else does not stand in the way; the undo survives a restart.
    await call('people.update', {
      id: s.member1,
      data: { lastName: 'Ёлкина', firstName: 'Анна', middleName: 'Петровна', position: 'ведущий специалист', organizationId: s.org },
    });
    const afterEdit = recordsAfterUndo(app.sqlite);
    app.close();
    app = createApp({ dataDir: dir });
    const last = await call('undo.last', {});
    expect(last?.label).toBe(merged.label);
    await call('undo.apply', { id: last!.id });
    const restored = recordsAfterUndo(app.sqlite) as Record<string, string>;
    const expected = { ...(before as Record<string, string>), people: (afterEdit as Record<string, string>).people };
    // The edit made since stays; every other table is as before the merge.
    expect({ ...restored, people: expected.people }).toEqual(expected);
    expect(rows('SELECT position FROM people WHERE id = ?', s.member1)).toEqual([{ position: 'ведущий специалист' }]);
    expect(rows('SELECT position, last_name FROM people WHERE id IN (?, ?) ORDER BY id', s.member2, s.twin)).toEqual([
      { position: 'инспектор ПДН', last_name: 'Иванов' },
      { position: 'инспектор', last_name: 'Иванов' },
    ]);
  });

  it('refuses the undo when what the merged person pointed to is gone since', async () => {
    const school = await organization(api, 'Отдел образования', '');
    const kept = await person(api, 'Петров', 'Алексей', 'Сергеевич');
    const twin = await person(api, 'Петров', 'Алексей', '', { organizationId: school });
    const merged = await app.dispatch('registry.mergePeople', { keepId: kept, mergeId: twin });
    expect(merged.ok && merged.undo).toBeTruthy();
    expect(count('SELECT organization_id FROM people WHERE id = ?', kept)).toBeNull();
    await call('organizations.delete', { id: school });
    const undo = await refusal('undo.apply', { id: merged.ok ? merged.undo!.id : 0 });
    expect(undo.message).toBe(
      'Отменить нельзя: с тех пор удалена организация, к которой относилась запись («Удалена организация «Отдел образования»»). Сначала отмените то удаление.',
    );
  });
});

describe('the fields of a merge', () => {
  it('offers every field of the record from either side, and takes the chosen ones', async () => {
    const school = await organization(api, 'МБОУ «СОШ №2»', 'СОШ №2');
    const kept = await person(api, 'Белова', 'Анна', 'Юрьевна', { position: 'социальный педагог', organizationId: school });
    const twin = await person(api, 'Белова', 'Анна', '', { organizationId: school });
    await call('people.update', {
      id: twin,
      data: {
        lastName: 'Белова',
        firstName: 'Анна',
        organizationId: school,
        phone: '8 475 123-45-67',
        pdConsent: true,
        pdConsentDate: '2024-03-12',
      },
    });
    const preview = await call('registry.mergePreview', { target: 'person', keepId: kept, mergeId: twin });
    expect(preview.fields.map((f) => [f.label, f.kept, f.merged])).toEqual([
      ['Фамилия', 'Белова', 'Белова'],
      ['Имя', 'Анна', 'Анна'],
      ['Отчество', 'Юрьевна', ''],
      ['Должность', 'социальный педагог', ''],
      ['Организация', 'СОШ №2', 'СОШ №2'],
      ['Телефон', '', '8 475 123-45-67'],
      ['Электронная почта', '', ''],
      ['Согласие на обработку персональных данных', 'не дано', 'дано 12.03.2024'],
      ['Пол', 'женский', ''],
    ]);
    await call('registry.mergePeople', { keepId: kept, mergeId: twin, fromMerged: ['phone', 'pdConsent'] });
    expect(
      rows('SELECT middle_name AS m, position AS p, phone, pd_consent AS c, pd_consent_date AS d, gender FROM people WHERE id = ?', kept),
    ).toEqual([{ m: 'Юрьевна', p: 'социальный педагог', phone: '8 475 123-45-67', c: 1, d: '2024-03-12', gender: 'female' }]);

    const a = await organization(api, 'Отдел образования администрации Моршанского района', 'Отдел образования');
    const b = await organization(api, 'Отдел образования администрации Моршанского района', '');
    const orgPreview = await call('registry.mergePreview', { target: 'organization', keepId: a, mergeId: b });
    expect(orgPreview.fields.map((f) => f.label)).toEqual([
      'Полное наименование',
      'Краткое наименование',
      'Тип',
      'Муниципальное образование',
      'Адрес',
      'Телефон',
      'Электронная почта',
    ]);
  });
});

describe('merging two organisations', () => {
  it('re-points people, plan partners and assignments, resolving the pairs, and undoes it', async () => {
    const s = await scenario();
    const candidates = await call('registry.duplicateCandidates', { target: 'organization', offset: 0, limit: 50 });
    expect(candidates.rows.map((p) => [p.left.id, p.right.id])).toContainEqual([s.otherSchool, s.schoolTwin]);
    await call('people.update', { id: s.twin, data: { lastName: 'Иванов', firstName: 'Пётр', organizationId: s.schoolTwin } });
    const before = recordsAfterUndo(app.sqlite);
    const preview = await call('registry.mergePreview', { target: 'organization', keepId: s.otherSchool, mergeId: s.schoolTwin });
    expect(preview.conflicts.map((c) => c.record).sort()).toEqual([
      'мероприятие плана работы «Семинар для инспекторов» (партнёр)',
      'поручение «Провести рейды» (ответственная организация)',
    ]);
    await call('registry.mergeOrganizations', {
      keepId: s.otherSchool,
      mergeId: s.schoolTwin,
      resolutions: preview.conflicts.map((c) => ({ key: c.key, keep: 'merged' })),
    });
    expect(rows('SELECT organization_id AS o FROM people WHERE id = ?', s.twin)).toEqual([{ o: s.otherSchool }]);
    expect(count('SELECT count(*) FROM plan_item_partners WHERE organization_id = ?', s.otherSchool)).toBe(1);
    await call('undo.apply', { id: (await call('undo.last', {}))!.id });
    expect(recordsAfterUndo(app.sqlite)).toEqual(before);
  });
});

describe('an import preview', () => {
  it('says which new person may be someone the registry has, by the same rules', async () => {
    const school = await organization(api, 'МБОУ «СОШ №2»', 'СОШ №2');
    await person(api, 'Петров', 'Алексей', 'Сергеевич', { position: 'учитель', organizationId: school });
    await person(api, 'Кузнецова', 'Анна', 'Викторовна');
    const csv = 'ФИО;Организация\nПетров Алексей;СОШ №2\nКузнецова Анна Владимировна;\nИвaнова Мария Петровна;\n';
    const { hash } = await putFile(app.db, dir, Readable.from([Buffer.from(csv, 'utf-8')]), { originalName: 'список.csv' });
    const preview = await call('imports.preview', { fileHash: hash, target: 'people' });
    expect(preview.lines.map((l) => [l.outcome, l.text])).toEqual([
      [
        'new',
        'новый человек, СОШ №2; возможно, совпадает с Петров Алексей Сергеевич (учитель, СОШ №2) — фамилия совпадает, отчество не противоречит (не указано или только инициал); совпадает организация',
      ],
      // Another patronymic: another person, nothing suggested.
      ['new', 'новый человек'],
      ['new', 'новый человек'],
    ]);
  });
});

describe('«это разные люди»', () => {
  const pairIds = (p: { left: { id: number }; right: { id: number } }) => [p.left.id, p.right.id].sort((a, b) => a - b).join();
  const candidateIds = async (target: 'person' | 'organization') =>
    (await call('registry.duplicateCandidates', { target, offset: 0, limit: 500 })).rows.map(pairIds);

  it('keeps a declared pair out of the candidates in either order, undoes it, and revokes it from the list', async () => {
    const school = await organization(api, 'МБОУ «СОШ №2»', 'СОШ №2');
    const anna = await person(api, 'Кузнецова', 'Анна', 'Викторовна', { organizationId: school });
    const namesake = await person(api, 'Кузнецова', 'Анна', '', { organizationId: school });
    const ids = [anna, namesake].sort((a, b) => a - b).join();
    expect(await candidateIds('person')).toContain(ids);

    // Declared from the pair as shown (the later record first): stored once, lower id first.
    const declared = await app.dispatch('registry.declareDistinct', { target: 'person', leftId: namesake, rightId: anna });
    expect(declared.ok && declared.undo?.label).toBe('Отмечено «разные люди»: Кузнецова Анна Викторовна и Кузнецова Анна');
    expect(rows('SELECT low_id AS low, high_id AS high FROM distinct_people')).toEqual([{ low: anna, high: namesake }]);
    expect(await candidateIds('person')).not.toContain(ids);
    expect((await refusal('registry.declareDistinct', { target: 'person', leftId: anna, rightId: namesake })).message).toBe(
      '«Кузнецова Анна Викторовна» и «Кузнецова Анна» уже отмечены как разные люди.',
    );
    const listed = await call('registry.distinctPairs', { target: 'person', offset: 0, limit: 50 });
    expect(listed.rows.map((p) => [p.left.label, p.right.label])).toEqual([['Кузнецова Анна Викторовна', 'Кузнецова Анна']]);

    // Undone: the pair is a candidate again, and the table is as before.
    await call('undo.apply', { id: declared.ok ? declared.undo!.id : 0 });
    expect(count('SELECT count(*) FROM distinct_people')).toBe(0);
    expect(await candidateIds('person')).toContain(ids);

    // Declared again and revoked from the list: a candidate again; the revoke is undone in its turn.
    await call('registry.declareDistinct', { target: 'person', leftId: anna, rightId: namesake });
    const revoked = await app.dispatch('registry.revokeDistinct', { target: 'person', leftId: anna, rightId: namesake });
    expect(revoked.ok && revoked.undo?.label).toBe('Снята отметка «разные люди»: Кузнецова Анна Викторовна и Кузнецова Анна');
    expect(await candidateIds('person')).toContain(ids);
    await call('undo.apply', { id: revoked.ok ? revoked.undo!.id : 0 });
    expect(await candidateIds('person')).not.toContain(ids);
    expect(await candidateIds('person')).toEqual([]);
  });

  it('is dropped with a record merged away, and comes back with the undo of the merge', async () => {
    const kept = await person(api, 'Петров', 'Алексей', 'Сергеевич');
    const twin = await person(api, 'Петров', 'Алексей', '');
    const other = await person(api, 'Петров', 'Алексей', 'Иванович');
    await call('registry.declareDistinct', { target: 'person', leftId: twin, rightId: other });
    const before = recordsAfterUndo(app.sqlite);
    // The twin («no patronymic») was a candidate of both; «Иванович» is not one of «Сергеевич».
    expect(await candidateIds('person')).toEqual([[kept, twin].sort((a, b) => a - b).join()]);
    await call('registry.mergePeople', { keepId: kept, mergeId: twin });
    expect(count('SELECT count(*) FROM distinct_people')).toBe(0);
    await call('undo.apply', { id: (await call('undo.last', {}))!.id });
    expect(recordsAfterUndo(app.sqlite)).toEqual(before);
    expect(rows('SELECT low_id AS low, high_id AS high FROM distinct_people')).toEqual([{ low: twin, high: other }]);
  });

  it('works the same for organisations, and an import of a declared record names only the record itself', async () => {
    const school = await organization(api, 'МБОУ «СОШ №2»', 'СОШ №2');
    const schoolTwin = await organization(api, 'МБОУ "СОШ № 2"');
    expect(await candidateIds('organization')).toContain([school, schoolTwin].sort((a, b) => a - b).join());
    await call('registry.declareDistinct', { target: 'organization', leftId: school, rightId: schoolTwin });
    expect(await candidateIds('organization')).toEqual([]);
    expect((await refusal('registry.declareDistinct', { target: 'person', leftId: school, rightId: school })).message).toBe(
      'Запись не может отличаться сама от себя',
    );

    const kept = await person(api, 'Петров', 'Алексей', 'Сергеевич', { organizationId: school });
    const namesake = await person(api, 'Петров', 'Алексей', '', { organizationId: school });
    await call('registry.declareDistinct', { target: 'person', leftId: kept, rightId: namesake });
    const csv = 'ФИО;Организация\nПетров Алексей;СОШ №2\n';
    const { hash } = await putFile(app.db, dir, Readable.from([Buffer.from(csv, 'utf-8')]), { originalName: 'список.csv' });
    const preview = await call('imports.preview', { fileHash: hash, target: 'people' });
    expect(preview.lines.map((l) => [l.outcome, l.text])).toEqual([['match', 'совпадает с Петров Алексей, СОШ №2']]);
  });
});

describe('a commission conflict', () => {
  it('keeps the act’s chair whichever row stays, and the undo puts the commission back as it was', async () => {
    await call('app.initialize', { mode: 'demo' });
    const staff = await call('writeOffActs.staff', {});
    const center = rows<{ o: number }>('SELECT organization_id AS o FROM center_profile')[0]!.o;
    const [member, other] = [staff[0]!, staff[1]!];
    const names = rows<{ lastName: string; firstName: string }>(
      'SELECT last_name AS lastName, first_name AS firstName FROM people WHERE id = ?',
      member.id,
    )[0]!;
    // The member typed in again without the patronymic, and made the chair of a draft act.
    const twin = await person(api, names.lastName, names.firstName, '', { organizationId: center });
    const publication = rows<{ id: number }>("SELECT id FROM publications WHERE title LIKE 'Сборник%'")[0]!.id;
    const act = await call('writeOffActs.create', {
      actDate: '2018-06-01',
      reason: 'Повреждены при хранении',
      chairId: twin,
      memberIds: [other.id, member.id, staff[2]!.id],
      lines: [{ publicationId: publication, quantity: 1 }],
    });
    const commission = () =>
      rows<{ person: number; chair: number; position: number }>(
        'SELECT person_id AS person, chair, position FROM write_off_act_members WHERE act_id = ? ORDER BY position',
        act.id,
      );
    expect(commission()).toEqual([
      { person: twin, chair: 1, position: 1 },
      { person: other.id, chair: 0, position: 2 },
      { person: member.id, chair: 0, position: 3 },
      { person: staff[2]!.id, chair: 0, position: 4 },
    ]);
    const before = recordsAfterUndo(app.sqlite);

    const preview = await call('registry.mergePreview', { target: 'person', keepId: member.id, mergeId: twin });
    const seat = preview.conflicts.find((c) => c.record.startsWith('акт списания (черновик)'))!;
    expect(seat).toMatchObject({ mergedRow: 'председатель комиссии', keptRow: 'без особых отметок' });
    expect(seat.note).toMatch(/^Председатель комиссии останется председателем/);
    // She keeps the member's own row: it takes the chair and the chair's place; the list has no gap.
    await call('registry.mergePeople', {
      keepId: member.id,
      mergeId: twin,
      resolutions: preview.conflicts.map((c) => ({ key: c.key, keep: 'kept' })),
    });
    expect(commission()).toEqual([
      { person: member.id, chair: 1, position: 1 },
      { person: other.id, chair: 0, position: 2 },
      { person: staff[2]!.id, chair: 0, position: 3 },
    ]);
    expect((await call('writeOffActs.get', { id: act.id })).members.filter((m) => m.chair).map((m) => m.personId)).toEqual([member.id]);

    await call('undo.apply', { id: (await call('undo.last', {}))!.id });
    expect(recordsAfterUndo(app.sqlite)).toEqual(before);
    expect(commission()[0]).toEqual({ person: twin, chair: 1, position: 1 });
  });
});

describe('the candidates over a registry', () => {
  it('are exactly the pairs the rules accept among all pairs, likely first, none met twice', async () => {
    const schools = [await organization(api, 'МБОУ «СОШ №1»', 'СОШ №1'), await organization(api, 'МБОУ «СОШ №2»', 'СОШ №2')];
    const surnames = ['Иванова', 'Ивaнова', 'Петрова', 'Сидорова'];
    const firsts = ['Анна', 'А.', 'Алла', 'Мария', ''];
    const middles = ['Петровна', 'П.', '', 'Павловна'];
    // A deterministic spread of spellings, initials, missing parts, shared phones and schools.
    const made: { id: number; facts: PersonFacts }[] = [];
    for (let k = 0; k < 120; k++) {
      const facts: PersonFacts = {
        lastName: surnames[k % 4]!,
        firstName: firsts[(k * 7) % 5] || 'Анна',
        middleName: middles[Math.floor(k / 4) % 4]!,
        organizationId: k % 3 === 0 ? null : schools[k % 2]!,
        organizationName: null,
        phone: k % 5 === 0 ? '8 475 123-45-67' : '',
        email: k % 7 === 0 ? 'a@school.ru' : '',
      };
      const id = (
        await call('people.create', {
          lastName: facts.lastName,
          firstName: facts.firstName,
          middleName: facts.middleName,
          organizationId: facts.organizationId,
          phone: facts.phone,
          email: facts.email,
        })
      ).id;
      made.push({ id, facts });
    }
    const expected: string[] = [];
    for (let a = 0; a < made.length; a++)
      for (let b = a + 1; b < made.length; b++) {
        const v = personVerdict(made[a]!.facts, made[b]!.facts);
        if (v) expected.push(`${made[a]!.id}:${made[b]!.id}:${v.level}`);
      }
    const found: DuplicatePair[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call('registry.duplicateCandidates', { target: 'person', offset, limit: 500 });
      found.push(...page.rows);
      if (found.length >= page.total) break;
    }
    expect(found.map((p) => `${p.left.id}:${p.right.id}:${p.level}`).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(100);
    // Every rule is met: a changed surname, initials and missing parts, namesakes at two schools.
    for (const start of ['фамилия другая', 'фамилия совпадает, имя', 'фамилия, имя и отчество совпадают, но'])
      expect(found.some((p) => p.reason.startsWith(start))).toBe(true);
    const levels = found.map((p) => p.level);
    expect(levels.indexOf('possible')).toBeGreaterThan(levels.lastIndexOf('likely'));
  });
});
