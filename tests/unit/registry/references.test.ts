import { getTableName } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REGISTRY_REFERENCES } from '@db/references';
import { DISTINCT_PAIR_TABLES } from '@db/schema';
import { appApi, organization, person, planFormId, segmentGroup } from '@tests/unit/meetings/helpers';

/**
 * The registry's delete guard walks what each register declares about its references to people
 * and organisations (db/references.ts) instead of counting the work plan's tables itself, so a
 * refusal names every record in the way, counted as the user knows them.
 */

let api: ReturnType<typeof appApi>;
beforeEach(() => (api = appApi()));
afterEach(() => api.cleanup());

describe('refusing to delete someone in use', () => {
  it('names the meetings, groups, plan items and assignments, each record once', async () => {
    const s = await segmentGroup(api);
    const school = await organization(api, 'Муниципальное бюджетное общеобразовательное учреждение «СОШ №2»', 'СОШ №2');
    await api.call('workPlan.create', { year: 2017 });
    await api.call('workPlan.createItem', {
      year: 2017,
      direction: 'organizational',
      title: 'Семинар',
      formId: await planFormId(api, 'Семинар'),
      term: { kind: 'year' },
      responsibleIds: [s.member2],
      partnerIds: [school],
    });
    for (const date of ['2017-09-12', '2017-10-10']) {
      const m = await api.call('meetings.create', { groupId: s.group.id, kind: 'session', dateStart: date });
      await api.call('meetings.setAttendance', {
        meetingId: m.id,
        attendees: [s.member1, s.member2].map((personId) => ({ personId, present: true })),
        guestIds: [],
      });
      await api.call('agenda.create', {
        meetingId: m.id,
        data: {
          title: 'О работе школ',
          speakers: [{ personId: s.member2 }],
          decisions: [
            { text: 'Провести собрания', assignment: { organizationIds: [school], personIds: [s.member2], dueDate: '2017-12-01' } },
          ],
        },
      });
    }
    expect((await api.refusal('people.delete', { id: s.member2 })).message).toBe(
      'Нельзя удалить специалиста «Иванов Пётр Сергеевич»: запись используется в 1 мероприятии плана работы (ответственный), в 1 рабочей группе (член группы), в 2 заседаниях (участник, докладчик) и в 2 поручениях (ответственный). Сначала замените его там другим специалистом или уберите.',
    );
    expect((await api.refusal('organizations.delete', { id: school })).message).toBe(
      'Нельзя удалить организацию «СОШ №2»: запись используется в 1 мероприятии плана работы (партнёр) и в 2 поручениях (ответственная организация). Сначала замените её там другой организацией или уберите.',
    );
    const free = await person(api, 'Свободная', 'Анна', 'Ивановна');
    await api.call('people.delete', { id: free });
  });
});

describe('the declarations', () => {
  it('cover every column of the schema that points at a person or an organisation', async () => {
    const sqlite = api.app.sqlite;
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    )
      .map((t) => t.name)
      // A pair declared distinct is about its two records, not a use of them: dropped with either, never re-pointed.
      .filter((t) => !(DISTINCT_PAIR_TABLES as readonly string[]).includes(t));
    const pointing = tables.flatMap((table) =>
      (sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string }[])
        .filter((fk) => fk.table === 'people' || fk.table === 'organizations')
        .map((fk) => `${table}.${fk.from} → ${fk.table}`),
    );
    const declared = REGISTRY_REFERENCES.map(
      (r) => `${getTableName(r.column.table)}.${r.column.name} → ${r.target === 'person' ? 'people' : 'organizations'}`,
    );
    expect([...declared].sort()).toEqual([...pointing].sort());
  });
});
