import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '@main/api/app';

/** The registry's calls through the same dispatcher the UI uses: validation before any write. */
let dir: string;
let app: App;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rc-registry-app-'));
  app = createApp({ dataDir: dir });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => (app.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('registry calls through the dispatcher', () => {
  it('refuses a malformed organisation with Russian messages per field and writes nothing', async () => {
    const result = await app.dispatch('organizations.create', { fullName: '   ', type: 'school', email: 'не почта', phone: 'звонить' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation');
    expect(result.error.fields).toMatchObject({
      fullName: 'Заполните поле «Полное наименование»',
      type: 'Выберите тип организации',
      email: 'Адрес электронной почты указан неверно',
    });
    expect(result.error.fields?.phone).toMatch(/^Телефон может содержать только цифры/);
    expect(count('organizations')).toBe(0);
  });

  it('refuses a person without a surname or with a bad e-mail or consent without a date', async () => {
    const noSurname = await app.dispatch('people.create', { lastName: '', firstName: 'Ольга', email: 'olga@' });
    expect(noSurname).toMatchObject({
      ok: false,
      error: { fields: { lastName: 'Заполните поле «Фамилия»', email: 'Адрес электронной почты указан неверно' } },
    });
    const noDate = await app.dispatch('people.create', { lastName: 'Семёнова', firstName: 'Ольга', pdConsent: true });
    expect(noDate).toMatchObject({ ok: false, error: { message: 'Укажите дату согласия на обработку персональных данных' } });
    const badDate = await app.dispatch('people.create', {
      lastName: 'Семёнова',
      firstName: 'Ольга',
      pdConsent: true,
      pdConsentDate: '2018-02-30',
    });
    expect(badDate).toMatchObject({ ok: false, error: { fields: { pdConsentDate: 'Такой даты не существует (поле «Дата согласия»)' } } });
    expect(count('people')).toBe(0);
  });

  it('refuses a reference to a missing organisation with a field message', async () => {
    const result = await app.dispatch('people.update', { id: 5, data: { lastName: 'Иванов', firstName: 'Иван' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const missingOrg = await app.dispatch('people.create', { lastName: 'Иванов', firstName: 'Иван', organizationId: 9 });
    expect(missingOrg).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { organizationId: expect.stringContaining('не найдена') } },
    });
    expect(count('people')).toBe(0);
  });

  it('creates, finds and deletes through the calls', async () => {
    const created = await app.dispatch('organizations.create', { fullName: 'Отдел опеки и попечительства', type: 'guardianship' });
    expect(created.ok).toBe(true);
    const found = await app.dispatch('organizations.list', { search: 'ОПЁКИ' });
    expect(found).toMatchObject({ ok: true, value: { total: 1, rows: [{ fullName: 'Отдел опеки и попечительства', peopleCount: 0 }] } });
    const id = (created as { value: { id: number } }).value.id;
    const deleted = await app.dispatch('organizations.delete', { id });
    // The answer names what changed, for the UI's refresh, and the undo journal entry.
    expect(deleted).toMatchObject({ ok: true, value: null, changed: ['organizations', 'undo'] });
    expect(deleted).toMatchObject({ undo: { label: 'Удалена организация «Отдел опеки и попечительства»' } });
    expect(count('organizations')).toBe(0);
  });
});

describe('too long contacts', () => {
  it.each([
    [
      'people.create',
      { lastName: 'Иванова', firstName: 'Мария', email: `${'a'.repeat(200)}@mail.ru` },
      'email',
      'Адрес электронной почты длиннее 200 символов',
    ],
    ['people.create', { lastName: 'Иванова', firstName: 'Мария', phone: '1'.repeat(101) }, 'phone', 'Телефон длиннее 100 символов'],
    [
      'organizations.create',
      { fullName: 'Школа', type: 'education', email: `${'a'.repeat(200)}@mail.ru` },
      'email',
      'Адрес электронной почты длиннее 200 символов',
    ],
    ['organizations.create', { fullName: 'Школа', type: 'education', phone: '1'.repeat(101) }, 'phone', 'Телефон длиннее 100 символов'],
  ] as const)('%s refuses a too long %s with a Russian message and writes nothing', async (call, input, field, message) => {
    const result = await app.dispatch(call, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { [field]: message } } });
    expect(count('people') + count('organizations')).toBe(0);
  });
});

describe('consent date', () => {
  it('refuses a consent dated in the future (a mistyped year), keeping today and past dates', async () => {
    const future = await app.dispatch('people.create', {
      lastName: 'Иванова',
      firstName: 'Мария',
      pdConsent: true,
      pdConsentDate: '2999-01-01',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { pdConsentDate: 'Дата согласия не может быть позже сегодняшнего дня' } },
    });
    expect(count('people')).toBe(0);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(
      await app.dispatch('people.create', { lastName: 'Иванова', firstName: 'Мария', pdConsent: true, pdConsentDate: iso }),
    ).toMatchObject({ ok: true });
    expect(
      await app.dispatch('people.create', { lastName: 'Петрова', firstName: 'Анна', pdConsent: true, pdConsentDate: '2017-09-01' }),
    ).toMatchObject({ ok: true });
  });
});
