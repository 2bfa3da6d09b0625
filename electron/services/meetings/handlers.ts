import type { meetingsCalls } from '@shared/contract/meetings';
import type { Handlers } from '@main/api/dispatch';
import {
  addControlReview,
  addFromPlan,
  carryToNext,
  createAgendaItem,
  createAgendaItems,
  deleteAgendaItem,
  moveAgendaItem,
  updateAgendaItem,
} from './agenda';
import { listAssignments, openAssignmentsForMeeting, pendingAssignments, setAssignmentStatus } from './assignments';
import { getMeeting } from './detail';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './groups';
import {
  createMeeting,
  deleteMeeting,
  getAttendeeThreshold,
  holdMeeting,
  listMeetings,
  meetingPlanCandidates,
  nextNumber,
  reopenMeeting,
  setAttendance,
  setAttendeeThreshold,
  signMeeting,
  unlockMeeting,
  updateMeeting,
} from './meetings';
import { requireMeeting } from './shared';
import {
  agendaDocx,
  extractDocx,
  issueAssignmentList,
  issuedListDocx,
  meetingDocumentSpec,
  minutesDocx,
  registrationSheetDocx,
} from './documents';

export const meetingsHandlers: Handlers<typeof meetingsCalls> = {
  'workingGroups.list': ({ db }) => listGroups(db),
  'workingGroups.get': ({ db }, { id }) => getGroup(db, id),
  'workingGroups.create': ({ db }, input) => createGroup(db, input),
  'workingGroups.update': ({ db }, { id, data }) => updateGroup(db, id, data),
  'workingGroups.delete': ({ db }, { id }) => {
    deleteGroup(db, id);
    return null;
  },

  'meetings.list': ({ db }, input) => listMeetings(db, input),
  'meetings.get': ({ db }, { id }) => getMeeting(db, id),
  'meetings.create': ({ db }, input) => createMeeting(db, input),
  'meetings.update': ({ db }, { id, data }) => updateMeeting(db, id, data),
  'meetings.delete': ({ db }, { id }) => {
    deleteMeeting(db, id);
    return null;
  },
  'meetings.nextNumber': ({ db }, { groupId, year }) => nextNumber(db, groupId, year),
  'meetings.hold': ({ db }, { id }) => holdMeeting(db, id),
  'meetings.reopen': ({ db }, { id }) => reopenMeeting(db, id),
  'meetings.sign': ({ db }, { id }) => signMeeting(db, id),
  'meetings.unlock': ({ db }, { id, reason }) => unlockMeeting(db, id, reason),
  'meetings.setAttendance': ({ db }, input) => setAttendance(db, input),
  'meetings.planCandidates': ({ db }, { year }) => meetingPlanCandidates(db, year),
  'meetings.openAssignments': ({ db }, { id }) => openAssignmentsForMeeting(db, id, requireMeeting(db, id).dateStart),

  'agenda.create': ({ db }, { meetingId, data }) => createAgendaItem(db, meetingId, data),
  'agenda.createMany': ({ db }, { meetingId, titles }) => createAgendaItems(db, meetingId, titles),
  'agenda.update': ({ db }, { id, data }) => updateAgendaItem(db, id, data),
  'agenda.delete': ({ db }, { id }) => deleteAgendaItem(db, id),
  'agenda.move': ({ db }, { id, to }) => moveAgendaItem(db, id, to),
  'agenda.addFromPlan': ({ db }, { meetingId, planItemId }) => addFromPlan(db, meetingId, planItemId),
  'agenda.addControlReview': ({ db }, { meetingId }) => addControlReview(db, meetingId),
  'agenda.carryToNext': ({ db }, { id }) => carryToNext(db, id),

  'assignments.list': ({ db }, input) => listAssignments(db, input),
  'assignments.pending': ({ db }) => pendingAssignments(db),
  'assignments.setStatus': ({ db }, input) => setAssignmentStatus(db, input),

  'meetings.getSettings': ({ db }) => ({ attendeeThreshold: getAttendeeThreshold(db) }),
  'meetings.saveSettings': ({ db }, { attendeeThreshold }) => ({ attendeeThreshold: setAttendeeThreshold(db, attendeeThreshold) }),

  'meetings.documentView': ({ db }, input) => meetingDocumentSpec(db, input),
  'meetings.minutesDocx': ({ db }, { id, form }) => minutesDocx(db, id, form),
  'meetings.agendaDocx': ({ db }, { id }) => agendaDocx(db, id),
  'meetings.registrationSheetDocx': ({ db }, { id }) => registrationSheetDocx(db, id),
  'meetings.extractDocx': ({ db }, { itemId, organizationId }) => extractDocx(db, itemId, organizationId),
  'assignments.issueList': ({ db }, input) => issueAssignmentList(db, input),
  'assignments.issuedListDocx': ({ db }, { id }) => issuedListDocx(db, id),
};
