import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { recordDeletion } from '@db/journal';
import { agendaItems, assignments, decisions, meetings, workingGroupCaseFiles, workingGroupMembers, workingGroups } from '@db/schema';
import { conflict, notFound } from '@main/api/errors';
import type { GroupInput, PersonRef, WorkingGroup } from '@shared/contract/meetings';
import { sortedByKey } from '@shared/russian';
import { workingGroupKeys } from '@db/derived';
import { signedMinutes } from './assignments';
import { loadPeople, nowStamp, requirePeople } from './shared';

type GroupRecord = typeof workingGroups.$inferSelect;

function toViews(db: AppDb, groups: GroupRecord[]): WorkingGroup[] {
  if (groups.length === 0) return [];
  const groupIds = groups.map((g) => g.id);
  const members = db.select().from(workingGroupMembers).where(inArray(workingGroupMembers.groupId, groupIds)).all();
  const meetingCounts = new Map(
    db
      .select({ groupId: meetings.groupId, n: count() })
      .from(meetings)
      .where(inArray(meetings.groupId, groupIds))
      .groupBy(meetings.groupId)
      .all()
      .map((r) => [r.groupId, r.n]),
  );
  const openCounts = new Map(
    db
      .select({ groupId: meetings.groupId, n: count() })
      .from(assignments)
      .innerJoin(decisions, eq(decisions.id, assignments.decisionId))
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(inArray(meetings.groupId, groupIds), eq(assignments.status, 'inProgress'), signedMinutes))
      .groupBy(meetings.groupId)
      .all()
      .map((r) => [r.groupId, r.n]),
  );
  const caseFiles = db
    .select()
    .from(workingGroupCaseFiles)
    .where(inArray(workingGroupCaseFiles.groupId, groupIds))
    .orderBy(workingGroupCaseFiles.year)
    .all();
  const refs = loadPeople(db, [...members.map((m) => m.personId), ...groups.flatMap((g) => [g.chairId, g.deputyChairId, g.secretaryId])]);
  const ref = (pid: number | null): PersonRef | null => (pid === null ? null : (refs.get(pid) ?? null));
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    nameGenitive: g.nameGenitive,
    chair: ref(g.chairId),
    deputyChair: ref(g.deputyChairId),
    secretary: ref(g.secretaryId),
    members: sortedByKey(
      members
        .filter((m) => m.groupId === g.id)
        .map((m) => refs.get(m.personId))
        .filter((p): p is PersonRef => p !== undefined),
      (p) => p.fullName,
    ),
    quorum: g.quorum,
    caseFiles: caseFiles.filter((f) => f.groupId === g.id).map((f) => ({ year: f.year, index: f.caseIndex })),
    meetingCount: meetingCounts.get(g.id) ?? 0,
    openAssignmentCount: openCounts.get(g.id) ?? 0,
  }));
}

export function listGroups(db: AppDb): WorkingGroup[] {
  return toViews(db, db.select().from(workingGroups).orderBy(workingGroups.sortKey).all());
}

export function getGroup(db: AppDb, id: number): WorkingGroup {
  const row = db.select().from(workingGroups).where(eq(workingGroups.id, id)).get();
  if (!row) throw notFound('Рабочая группа');
  return toViews(db, [row])[0]!;
}

function save(db: AppDb, id: number | null, input: GroupInput): WorkingGroup {
  return inTransaction(db, () => {
    requirePeople(db, [input.chairId], 'chairId');
    requirePeople(db, [input.deputyChairId], 'deputyChairId');
    requirePeople(db, [input.secretaryId], 'secretaryId');
    requirePeople(db, input.memberIds, 'memberIds');
    const { sortKey } = workingGroupKeys(input);
    const clash = db
      .select({ id: workingGroups.id })
      .from(workingGroups)
      .where(and(eq(workingGroups.sortKey, sortKey), id === null ? undefined : ne(workingGroups.id, id)))
      .get();
    if (clash) throw conflict(`Рабочая группа «${input.name}» уже есть`, { name: 'Группа с таким названием уже есть' });
    const values = {
      name: input.name,
      nameGenitive: input.nameGenitive,
      chairId: input.chairId,
      deputyChairId: input.deputyChairId,
      secretaryId: input.secretaryId,
      quorum: input.quorum,
      sortKey,
    };
    let groupId: number;
    if (id === null) {
      groupId = db.insert(workingGroups).values(values).returning({ id: workingGroups.id }).get().id;
    } else {
      getGroup(db, id);
      db.update(workingGroups)
        .set({ ...values, updatedAt: nowStamp })
        .where(eq(workingGroups.id, id))
        .run();
      groupId = id;
      db.delete(workingGroupMembers).where(eq(workingGroupMembers.groupId, id)).run();
    }
    // The chair and the secretary are members too, even if the form did not list them.
    const memberIds = new Set([
      ...input.memberIds,
      ...[input.chairId, input.deputyChairId, input.secretaryId].filter((p): p is number => p !== null),
    ]);
    db.delete(workingGroupCaseFiles).where(eq(workingGroupCaseFiles.groupId, groupId)).run();
    if (input.caseFiles.length > 0) {
      db.insert(workingGroupCaseFiles)
        .values(input.caseFiles.map((f) => ({ groupId, year: f.year, caseIndex: f.index })))
        .run();
    }
    if (memberIds.size > 0) {
      db.insert(workingGroupMembers)
        .values([...memberIds].map((personId) => ({ groupId, personId })))
        .run();
    }
    return getGroup(db, groupId);
  });
}

export const createGroup = (db: AppDb, input: GroupInput) => save(db, null, input);
export const updateGroup = (db: AppDb, id: number, input: GroupInput) => save(db, id, input);

export function deleteGroup(db: AppDb, id: number): void {
  inTransaction(db, () => {
    const group = getGroup(db, id);
    if (group.meetingCount > 0) {
      throw conflict(
        `Нельзя удалить рабочую группу «${group.name}»: у неё есть заседания (${group.meetingCount}). Протоколы хранятся вместе с группой.`,
      );
    }
    recordDeletion(db, { table: workingGroups, key: { id }, label: `Удалена рабочая группа «${group.name}»` });
    db.delete(workingGroups).where(eq(workingGroups.id, id)).run();
  });
}

/** Used by numbering and lists: the group must exist. */
export function requireGroup(db: AppDb, id: number): GroupRecord {
  const row = db.select().from(workingGroups).where(eq(workingGroups.id, id)).get();
  if (!row) throw conflict('Рабочая группа не найдена: возможно, её удалили.', { groupId: 'Выберите рабочую группу' });
  return row;
}

/** The case file the group's minutes of the year are filed in, if the номенклатура names one. */
export function caseFileIndex(db: AppDb, groupId: number, year: number): string | null {
  return (
    db
      .select({ index: workingGroupCaseFiles.caseIndex })
      .from(workingGroupCaseFiles)
      .where(and(eq(workingGroupCaseFiles.groupId, groupId), eq(workingGroupCaseFiles.year, year)))
      .get()?.index ?? null
  );
}
