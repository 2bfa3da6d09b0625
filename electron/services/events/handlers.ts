import type { eventsCalls } from '@shared/contract/events';
import type { Handlers } from '@main/api/dispatch';
import { attendanceXlsx, personHistoryDocx, personHistorySpec, registrationDocx, registrationSpec } from './documents';
import { getEvent } from './detail';
import { copyEvent, createEvent, deleteEvent, eventPlanCandidates, listEvents, setEventStatus, updateEvent } from './events';
import { addParticipants, addWalkIn, markByNumbers, removeParticipant, setMarks, updateParticipant } from './participants';
import { setCounts, setPopulationTotals } from './population';
import { createSession, deleteSession, updateSession } from './sessions';
import { eventStatistics, personHistory } from './statistics';

export const eventsHandlers: Handlers<typeof eventsCalls> = {
  'events.list': ({ db }, input) => listEvents(db, input),
  'events.get': ({ db }, { id }) => getEvent(db, id),
  'events.planCandidates': ({ db }, { year }) => eventPlanCandidates(db, year),
  'events.create': ({ db }, input) => createEvent(db, input),
  'events.update': ({ db }, { id, data }) => updateEvent(db, id, data),
  'events.setStatus': ({ db }, { id, status }) => setEventStatus(db, id, status),
  'events.copy': ({ db }, input) => copyEvent(db, input),
  'events.delete': ({ db }, { id }) => {
    deleteEvent(db, id);
    return null;
  },

  'sessions.create': ({ db }, { eventId, data }) => createSession(db, eventId, data),
  'sessions.update': ({ db }, { id, data }) => updateSession(db, id, data),
  'sessions.delete': ({ db }, { id }) => deleteSession(db, id),

  'participants.add': ({ db }, input) => addParticipants(db, input),
  'participants.addWalkIn': ({ db }, input) => addWalkIn(db, input),
  'participants.update': ({ db }, input) => updateParticipant(db, input),
  'participants.remove': ({ db }, { id }) => removeParticipant(db, id),
  'marks.set': ({ db }, input) => setMarks(db, input),
  'marks.byNumbers': ({ db }, input) => markByNumbers(db, input),
  'counts.set': ({ db }, input) => setCounts(db, input),
  'events.setPopulationTotals': ({ db }, input) => setPopulationTotals(db, input),

  'events.statistics': ({ db }, period) => eventStatistics(db, period),
  'events.personHistory': ({ db }, { personId }) => personHistory(db, personId),

  'events.documentView': ({ db }, input) => registrationSpec(db, input),
  'events.registrationDocx': ({ db }, input) => registrationDocx(db, input),
  'events.attendanceXlsx': ({ db }, { id }) => attendanceXlsx(db, id),
  'events.personHistoryView': ({ db }, { personId }) => personHistorySpec(db, personId),
  'events.personHistoryDocx': ({ db }, { personId }) => personHistoryDocx(db, personId),
};
