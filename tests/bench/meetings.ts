import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp, type App } from '@main/api/app';
import { agendaItemKeys, decisionKeys, workingGroupKeys } from '@db/derived';
import { generateReferenceData, Random } from './generate';
import { callTimer, type BenchRow } from './timing';

export type { BenchRow } from './timing';

/**
 * The meetings register at the reference scale, for `npm run bench`: 400 meetings (4 groups
 * × 10 years × 10 a year), 3,200 agenda items, 6,000 decisions (half of them assignments),
 * and the calls a secretary makes, timed through the real dispatcher. The bench owner calls
 * `seedMeetings` after the registry is generated and `benchMeetings` to get the rows; run
 * alone (`npx tsx tests/bench/meetings.ts`) it prints them.
 */

export const MEETINGS_SCALE = { groups: 4, years: 10, firstYear: 2016, perYear: 10, items: 3200, decisions: 6000 };

/** The meetings' share of the reference scale times `factor` (see scaledReference): fewer groups, the same years and rhythm. */
export function scaledMeetings(factor: number): typeof MEETINGS_SCALE {
  const groups = Math.max(1, Math.round(MEETINGS_SCALE.groups * factor));
  const meetings = groups * MEETINGS_SCALE.years * MEETINGS_SCALE.perYear;
  // The first six meetings have 13 and 7 items (the minutes timing needs the 13-item one); the rest share what is left.
  const items = Math.max(48 + (meetings - 6), Math.round(MEETINGS_SCALE.items * factor));
  return { ...MEETINGS_SCALE, groups, items, decisions: Math.round((items * 15) / 8) };
}

/** The minutes of a 13-item meeting must build within this (issue 3). */
export const MINUTES_TARGET_MS = 500;
export const LIST_TARGET_MS = 100;

export interface MeetingsSeed {
  meetings: number;
  items: number;
  decisions: number;
  assignments: number;
  /** The meeting with 13 agenda items, for the minutes timing. */
  thirteenItemMeetingId: number;
  organizationId: number;
  groupId: number;
}

const TOPICS = [
  'Об итогах работы сегмента за полугодие',
  'О заключении договоров о сотрудничестве с представителями бизнес-сообщества',
  'Об итогах работы специалистов органов опеки и попечительства',
  'О наполнении сборника «Что написано пером...»',
  'О ходе реализации плана работы рабочей группы',
  'Об организации работы семейных клубов «Ответственный родитель»',
  'О реализации программы «Защитим детей от насилия!»',
  'Об информационном сопровождении мероприятий по профилактике социального сиротства',
  'Об анализе работы ресурсного центра за год',
  'Об организации работы НКО на базе центра',
];
const DECISIONS = [
  'Информацию принять к сведению',
  'Продолжить межведомственное взаимодействие по профилактике семейного неблагополучия',
  'Подготовить материалы для сборника',
  'Провести мониторинг деятельности кураторов',
  'Обеспечить участие специалистов в семинаре',
  'Разместить информацию на сайтах учреждений',
];

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Signs the seeded meetings of the past years through `meetings.sign`, the call that freezes the
 * minutes (their copy is a frozen document: a signed meeting without one is refused, never
 * printed from today's data). Everything else is raw SQL in seedMeetings.
 */
export async function signSeeded(app: Pick<App, 'dispatch' | 'sqlite'>, scale = MEETINGS_SCALE): Promise<number> {
  const lastYear = scale.firstYear + scale.years - 1;
  const ids = app.sqlite
    .prepare("SELECT id FROM meetings WHERE status = 'held' AND year >= ? AND year < ? ORDER BY id")
    .pluck()
    .all(scale.firstYear, lastYear) as number[];
  for (const id of ids) {
    const signed = await app.dispatch('meetings.sign', { id });
    if (!signed.ok) throw new Error(`meetings.sign ${id}: ${signed.error.message}`);
  }
  return ids.length;
}

/** Fills the meetings tables with raw SQL in one transaction; needs people and organisations already there. */
export function seedMeetings(sqlite: Database.Database, seed = 20170912, scale = MEETINGS_SCALE): MeetingsSeed {
  const rnd = new Random(seed);
  const personIds = (sqlite.prepare('SELECT id FROM people ORDER BY id LIMIT 2000').all() as { id: number }[]).map((r) => r.id);
  const orgIds = (sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 300').all() as { id: number }[]).map((r) => r.id);
  if (personIds.length < 20 || orgIds.length < 5) throw new Error('seedMeetings needs the registry generated first');

  const insertGroup = sqlite.prepare(
    'INSERT INTO working_groups (name, name_genitive, chair_id, secretary_id, sort_key) VALUES (?, ?, ?, ?, ?)',
  );
  const insertMember = sqlite.prepare('INSERT OR IGNORE INTO working_group_members (group_id, person_id) VALUES (?, ?)');
  const insertMeeting = sqlite.prepare(
    `INSERT INTO meetings (group_id, kind, year, number, date_start, time, town, address, chair_id, secretary_id, status, signed_at)
     VALUES (?, 'session', ?, ?, ?, '10:00', ?, '', ?, ?, ?, ?)`,
  );
  const insertAttendee = sqlite.prepare(
    'INSERT OR IGNORE INTO meeting_attendees (meeting_id, person_id, present, absence_reason, late) VALUES (?, ?, ?, ?, 0)',
  );
  const insertItem = sqlite.prepare(
    'INSERT INTO agenda_items (meeting_id, position, title, search_text, planned_minutes, heard_text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertSpeaker = sqlite.prepare("INSERT INTO agenda_speakers (agenda_item_id, position, person_id, name) VALUES (?, 1, ?, '')");
  const insertDecision = sqlite.prepare('INSERT INTO decisions (agenda_item_id, position, text, search_text) VALUES (?, ?, ?, ?)');
  const insertAssignment = sqlite.prepare(
    'INSERT INTO assignments (decision_id, due_date, permanent, status, completion_note, completed_on) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertAssignmentOrg = sqlite.prepare(
    'INSERT OR IGNORE INTO assignment_organizations (assignment_id, organization_id) VALUES (?, ?)',
  );
  const insertAssignmentPerson = sqlite.prepare('INSERT OR IGNORE INTO assignment_people (assignment_id, person_id) VALUES (?, ?)');
  // «Реализует»: each meeting realises a plan item of its year as a whole and another through its first question.
  const linkPlanItem = (kind: 'meeting' | 'agendaItem') =>
    sqlite.prepare(
      `INSERT OR IGNORE INTO plan_item_links (plan_item_id, kind, ${kind === 'meeting' ? 'meeting_id' : 'agenda_item_id'})
       SELECT i.id, '${kind}', ? FROM plan_items i JOIN work_plans w ON w.id = i.plan_id WHERE w.year = ? ORDER BY i.id LIMIT 1 OFFSET ?`,
    );
  const linkMeeting = linkPlanItem('meeting');
  const linkAgendaItem = linkPlanItem('agendaItem');

  const result: MeetingsSeed = {
    meetings: 0,
    items: 0,
    decisions: 0,
    assignments: 0,
    thirteenItemMeetingId: 0,
    organizationId: orgIds[0]!,
    groupId: 0,
  };
  sqlite.transaction(() => {
    const groups: { id: number; members: number[] }[] = [];
    for (let g = 0; g < scale.groups; g++) {
      const members = Array.from({ length: 15 }, () => rnd.pick(personIds));
      const name = `Межрайонная рабочая группа сегмента №${g + 1}`;
      const id = Number(
        insertGroup.run(name, `межрайонной рабочей группы сегмента №${g + 1}`, members[0], members[1], workingGroupKeys({ name }).sortKey)
          .lastInsertRowid,
      );
      for (const p of members) insertMember.run(id, p);
      groups.push({ id, members: [...new Set(members)] });
    }
    result.groupId = groups[0]!.id;
    const totalMeetings = scale.groups * scale.years * scale.perYear;
    // Item counts sum to scale.items: the first meeting has 13, five others 7, the rest 8.
    const itemCount = (i: number) => (i === 0 ? 13 : i <= 5 ? 7 : Math.round((scale.items - 13 - 35) / (totalMeetings - 6)));
    let itemIndex = 0;
    let meetingIndex = 0;
    for (const group of groups) {
      for (let y = 0; y < scale.years; y++) {
        const year = scale.firstYear + y;
        for (let n = 1; n <= scale.perYear; n++) {
          const date = iso(year, n + 1, rnd.int(1, 28));
          const signed = year < scale.firstYear + scale.years - 1;
          const meetingId = Number(
            insertMeeting.run(
              group.id,
              year,
              n,
              date,
              'г. Уварово',
              group.members[0],
              group.members[1],
              // Held now, signed below through the call that freezes the minutes (signSeeded).
              signed ? 'held' : 'draft',
              null,
            ).lastInsertRowid,
          );
          if (meetingIndex === 0) result.thirteenItemMeetingId = meetingId;
          linkMeeting.run(meetingId, year, (meetingIndex * 7) % 150);
          group.members.slice(0, 12).forEach((p, i) => insertAttendee.run(meetingId, p, i < 10 ? 1 : 0, i < 10 ? '' : 'отпуск'));
          const items = itemCount(meetingIndex);
          for (let position = 1; position <= items; position++) {
            const title = `${rnd.pick(TOPICS)} (${position})`;
            const itemId = Number(
              insertItem.run(
                meetingId,
                position,
                title,
                agendaItemKeys({ title }).searchText,
                15,
                'Доложено о выполненной работе и планах на следующий период.',
              ).lastInsertRowid,
            );
            insertSpeaker.run(itemId, rnd.pick(group.members));
            if (position === 1) linkAgendaItem.run(itemId, year, (meetingIndex * 11) % 150);
            // 1 decision on every eighth item, 2 on the rest: 6,000 over 3,200 items.
            const decisions = itemIndex % 8 === 0 ? 1 : 2;
            for (let d = 1; d <= decisions; d++) {
              const text = rnd.pick(DECISIONS);
              const decisionId = Number(insertDecision.run(itemId, d, text, decisionKeys({ text }).searchText).lastInsertRowid);
              result.decisions++;
              if (d === 2) {
                const permanent = rnd.chance(0.1);
                const due = permanent ? null : iso(year, Math.min(12, n + 3), 28);
                const done = signed && rnd.chance(0.8);
                const assignmentId = Number(
                  insertAssignment.run(
                    decisionId,
                    due,
                    permanent ? 1 : 0,
                    done ? 'done' : 'inProgress',
                    done ? 'Исполнено' : '',
                    done ? (due ?? date) : null,
                  ).lastInsertRowid,
                );
                insertAssignmentOrg.run(assignmentId, rnd.chance(0.2) ? result.organizationId : rnd.pick(orgIds));
                if (rnd.chance(0.5)) insertAssignmentPerson.run(assignmentId, rnd.pick(group.members));
                result.assignments++;
              }
            }
            itemIndex++;
          }
          meetingIndex++;
        }
      }
    }
    result.meetings = meetingIndex;
    result.items = itemIndex;
  })();
  return result;
}

/** Times the secretary's calls through the dispatcher: lists, the meeting card and the minutes DOCX. */
export async function benchMeetings(app: Pick<App, 'dispatch'>, seeded: MeetingsSeed, runs = 20): Promise<BenchRow[]> {
  const time = callTimer(app, runs);
  return [
    await time('meetings.list (all, first page)', 'meetings.list', {}, LIST_TARGET_MS),
    await time('meetings.list (group + year)', 'meetings.list', { groupId: seeded.groupId, year: 2020 }, LIST_TARGET_MS),
    await time('meetings.list (topic search)', 'meetings.list', { search: 'сборник' }, LIST_TARGET_MS),
    await time('workingGroups.list', 'workingGroups.list', {}, LIST_TARGET_MS),
    await time('assignments.list (open)', 'assignments.list', { state: 'open' }, LIST_TARGET_MS),
    await time('assignments.list (overdue)', 'assignments.list', { state: 'overdue' }, LIST_TARGET_MS),
    await time('assignments.list (organisation)', 'assignments.list', { organizationId: seeded.organizationId }, LIST_TARGET_MS),
    await time('assignments.list (text search)', 'assignments.list', { search: 'мониторинг' }, LIST_TARGET_MS),
    await time('meetings.get (13 items)', 'meetings.get', { id: seeded.thirteenItemMeetingId }, LIST_TARGET_MS),
    await time('meetings.openAssignments', 'meetings.openAssignments', { id: seeded.thirteenItemMeetingId }, LIST_TARGET_MS),
    await time('minutes DOCX (13 items)', 'meetings.minutesDocx', { id: seeded.thirteenItemMeetingId, form: 'full' }, MINUTES_TARGET_MS),
  ];
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-meetings-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite);
    const seeded = seedMeetings(app.sqlite);
    await signSeeded(app);
    console.log(
      `meetings ${seeded.meetings}, agenda items ${seeded.items}, decisions ${seeded.decisions}, assignments ${seeded.assignments}`,
    );
    const rows = await benchMeetings(app, seeded);
    for (const r of rows)
      console.log(
        `${r.medianMs <= r.targetMs ? 'ok  ' : 'SLOW'} ${r.name.padEnd(36)} ${String(r.medianMs).padStart(8)} ms (target ${r.targetMs} ms)`,
      );
    if (rows.some((r) => r.medianMs > r.targetMs)) process.exitCode = 1;
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
