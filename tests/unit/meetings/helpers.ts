import dayjs from 'dayjs';
import mammoth from 'mammoth';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '@main/api/app';
import { createDispatcher } from '@main/api/dispatch';
import { handlers } from '@main/api/handlers';
import { contract, type CallInput, type CallName, type CallOutput } from '@shared/contract';
import type { CallError } from '@shared/contract/define';
import { freshDb } from '@tests/unit/registry/helpers';
import { hashTables } from '@tests/unit/foundation/tables';

/**
 * A fresh database behind the real dispatcher: inputs pass the contract's zod schemas (with
 * their defaults and Russian messages) exactly as they do from the UI.
 */
export function freshApi() {
  const t = freshDb();
  const dispatch = createDispatcher(
    contract,
    handlers as never,
    { db: t.db, env: { version: 'test', dataDir: t.dir, dbFile: t.file } },
    (m, e) => {
      if (process.env.MTG_LOG) console.error(m, e);
    },
  );
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error });
    return result.value as CallOutput<K>;
  }
  /** The refusal of a call that must fail. */
  async function refusal<K extends CallName>(name: K, input: CallInput<K>): Promise<CallError> {
    const result = await dispatch(name, input);
    if (result.ok) throw new Error(`${name} was expected to fail`);
    return result.error;
  }
  return { ...t, call, refusal };
}

export type Api = ReturnType<typeof freshApi>;
/** What the helpers below need: freshApi or appApi. */
export type Caller = Pick<Api, 'call' | 'refusal'>;

/** The whole application on a fresh data folder, through createApp().dispatch: the path the window's calls take. */
export function appApi() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-app-'));
  const app = createApp({ dataDir: dir });
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const result = await app.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error });
    return result.value as CallOutput<K>;
  }
  async function refusal<K extends CallName>(name: K, input: CallInput<K>): Promise<CallError> {
    const result = await app.dispatch(name, input);
    if (result.ok) throw new Error(`${name} was expected to fail`);
    return result.error;
  }
  /** A refusal that leaves every table as it was: the error, for its message and fields. */
  async function refusedUnchanged<K extends CallName>(name: K, input: CallInput<K>): Promise<CallError> {
    const before = hashTables(app.sqlite);
    const error = await refusal(name, input);
    if (JSON.stringify(hashTables(app.sqlite)) !== JSON.stringify(before)) throw new Error(`${name} was refused but changed tables`);
    return error;
  }
  return {
    app,
    call,
    refusal,
    refusedUnchanged,
    /** A row or rows read straight from the file, to look at what a call wrote. */
    one: <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).get(...params) as T,
    all: <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).all(...params) as T[],
    cleanup: () => {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A form of work's id by its text, through the lists' calls (added to the list when missing). */
export async function planFormId(api: Pick<Api, 'call'>, value: string): Promise<number> {
  const { values } = await api.call('lists.get', { list: 'planForms' });
  return values.find((v) => v.value === value)?.id ?? (await api.call('lists.create', { list: 'planForms', value })).id;
}

/** A generated Word file's text, as a reader of the document sees it (no-break spaces read as spaces). */
export const textOf = async (file: { base64: string }) =>
  (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value.replace(/\u00A0/g, ' ');

export const daysFromToday = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD');

export async function person(
  api: Caller,
  lastName: string,
  firstName: string,
  middleName: string,
  extra: { position?: string; organizationId?: number | null } = {},
) {
  return (await api.call('people.create', { lastName, firstName, middleName, ...extra })).id;
}

export async function organization(api: Caller, fullName: string, shortName = '') {
  return (await api.call('organizations.create', { fullName, shortName, type: 'guardianship' })).id;
}

/** The segment's working group with a chair, a secretary and two more members. */
export async function segmentGroup(api: Caller) {
  await api.call('center.saveProfile', {
    fullName: 'Тамбовское областное государственное бюджетное учреждение «Центр по оказанию психолого-педагогических услуг «Доверие»',
    shortName: 'ТОГБУ «Центр «Доверие»',
  });
  const org = await organization(api, 'Отдел опеки и попечительства администрации г. Уварово', 'Отдел опеки г. Уварово');
  const chair = await person(api, 'Дорожкина', 'Ирина', 'Васильевна', { position: 'заместитель главы администрации', organizationId: org });
  const secretary = await person(api, 'Попова', 'Людмила', 'Александровна', { position: 'социальный педагог', organizationId: org });
  const member1 = await person(api, 'Ёлкина', 'Анна', 'Петровна', { position: 'специалист', organizationId: org });
  const member2 = await person(api, 'Иванов', 'Пётр', 'Сергеевич', { position: 'инспектор ПДН' });
  const group = await api.call('workingGroups.create', {
    name: 'Межрайонная рабочая группа сегмента №6',
    nameGenitive: 'межрайонной рабочей группы сегмента №6',
    chairId: chair,
    secretaryId: secretary,
    memberIds: [member1, member2],
  });
  return { group, org, chair, secretary, member1, member2 };
}

/**
 * Holds and signs a meeting as the secretary does: someone present, «Провести», «Подписать».
 * Decisions bind (and reach the assignments register) only from signed minutes.
 */
export async function signMeeting(api: Api, meetingId: number, presentIds: number[]) {
  const m = await api.call('meetings.get', { id: meetingId });
  if (!m.attendees.some((a) => a.present)) {
    await api.call('meetings.setAttendance', {
      meetingId,
      attendees: presentIds.map((personId) => ({ personId, present: true })),
      guestIds: [],
    });
  }
  if (m.status === 'draft') await api.call('meetings.hold', { id: meetingId });
  return api.call('meetings.sign', { id: meetingId });
}
