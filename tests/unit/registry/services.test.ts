import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planItemPartners, planItemResponsibles } from '@db/schema';
import type { AppDb } from '@db/open';
import { municipalityInput, organizationListInput, personInput, personListInput } from '@shared/contract/registry';
import { splitMunicipalityName } from '@shared/russian';
import { DomainError } from '@main/api/errors';
import { createMunicipality, deleteMunicipality, listMunicipalities, updateMunicipality } from '@main/services/registry/municipalities';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  organizationOptions,
  organizationOptionsByIds,
  updateOrganization,
} from '@main/services/registry/organizations';
import {
  createPerson,
  deletePerson,
  getPerson,
  listPeople,
  peopleOptions,
  peopleOptionsByIds,
  updatePerson,
} from '@main/services/registry/people';
import { getProfile, saveProfile } from '@main/services/registry/profile';
import { freshDb } from './helpers';
import { addItem, createPlan } from '@tests/unit/workPlan/helpers';

let ctx: ReturnType<typeof freshDb>;
let db: AppDb;
beforeEach(() => {
  ctx = freshDb();
  db = ctx.db;
});
afterEach(() => ctx.cleanup());

const org = (fullName: string, extra: Partial<Parameters<typeof createOrganization>[1]> = {}) =>
  createOrganization(db, { fullName, shortName: '', type: 'education', municipalityId: null, address: '', phone: '', email: '', ...extra });
const person = (lastName: string, firstName: string, extra: Partial<Parameters<typeof createPerson>[1]> = {}) =>
  createPerson(db, personInput.parse({ lastName, firstName, ...extra }));
/** A municipality typed whole, split into its parts as the form does; forms left to the rules. */
const mun = (name: string, inSegment: boolean) => municipalityInput.parse({ ...splitMunicipalityName(name), inSegment });
const orgList = (input: object = {}) => listOrganizations(db, organizationListInput.parse(input));
const peopleList = (input: object = {}) => listPeople(db, personListInput.parse(input));

/** The Russian message of a refused call. */
function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function addPlanItem(): number {
  createPlan(db, { year: 2018 });
  return addItem(db, 2018, {
    direction: 'educational',
    title: 'Семинар для специалистов органов опеки',
    term: { kind: 'quarter', quarter: 2 },
  }).id;
}

describe('center profile', () => {
  const profile = {
    organizationId: null,
    fullName: 'ТОГБУ «Центр «Доверие»',
    shortName: 'Центр «Доверие»',
    address: '',
    directorName: 'А.Я. Гоберкорн',
    directorPosition: '',
    segment: '',
  };

  it('has defaults before it is saved and keeps one row and one organisation after saving twice', () => {
    expect(getProfile(db)).toEqual({
      organizationId: null,
      fullName: '',
      shortName: '',
      directorName: '',
      directorPosition: 'Директор',
      address: '',
      segment: '',
    });
    saveProfile(db, profile);
    const saved = saveProfile(db, { ...profile, directorPosition: 'Директор', address: 'г. Уварово', segment: 'Сегмент №6' });
    expect(saved.address).toBe('г. Уварово');
    expect(getProfile(db).directorName).toBe('А.Я. Гоберкорн');
    expect(ctx.sqlite.prepare('SELECT count(*) AS n FROM center_profile').get()).toEqual({ n: 1 });
    expect(ctx.sqlite.prepare('SELECT id, full_name AS fullName, type, address FROM organizations').all()).toEqual([
      { id: saved.organizationId, fullName: 'ТОГБУ «Центр «Доверие»', type: 'resourceCenter', address: 'г. Уварово' },
    ]);
  });

  it("is an organisation of the registry: its staff work there, a rename in the registry is the profile's, and it cannot be deleted", () => {
    const saved = saveProfile(db, profile);
    const center = saved.organizationId!;
    const staff = createPerson(db, personInput.parse({ lastName: 'Семёнова', firstName: 'Ольга', organizationId: center }));
    expect(staff.organizationName).toBe('Центр «Доверие»');
    expect(listOrganizations(db, organizationListInput.parse({ type: 'resourceCenter' })).rows.map((o) => o.id)).toEqual([center]);

    updateOrganization(db, center, { ...getOrganization(db, center), fullName: 'ТОГБУ «Центр «Доверие» (новое)', type: 'resourceCenter' });
    expect(getProfile(db).fullName).toBe('ТОГБУ «Центр «Доверие» (новое)');
    expect(() => deleteOrganization(db, center)).toThrow(/это сам центр/);
  });

  it('takes an organisation already in the registry as the center, and makes it a resource center', () => {
    const existing = createOrganization(db, {
      fullName: 'Центр «Доверие», введённый раньше',
      shortName: '',
      type: 'other',
      municipalityId: null,
      address: 'г. Уварово',
      phone: '',
      email: '',
    });
    const saved = saveProfile(db, { ...profile, organizationId: existing.id });
    expect(saved.organizationId).toBe(existing.id);
    expect(getOrganization(db, existing.id)).toMatchObject({ fullName: profile.fullName, type: 'resourceCenter' });
    expect(ctx.sqlite.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: 1 });
  });
});

describe('search and order', () => {
  it('finds people regardless of case and ё/е, by any word order and by position or e-mail', () => {
    person('Семёнова', 'Ольга', { middleName: 'Петровна', position: 'Социальный педагог', email: 'semenova@school.ru' });
    person('Иванов', 'Пётр');
    const names = (search: string) => peopleList({ search }).rows.map((p) => p.lastName);
    expect(names('семенова')).toEqual(['Семёнова']);
    expect(names('СЕМЁНОВА')).toEqual(['Семёнова']);
    expect(names('ольга семенова')).toEqual(['Семёнова']);
    expect(names('социальный')).toEqual(['Семёнова']);
    expect(names('SEMENOVA@')).toEqual(['Семёнова']);
    expect(names('петр')).toEqual(['Иванов', 'Семёнова']); // Пётр and Петровна
    expect(names('петр иванов')).toEqual(['Иванов']);
    expect(names('100%')).toEqual([]);
    expect(peopleOptions(db, { search: 'семенова', limit: 10 })).toEqual([
      { id: expect.any(Number), label: 'Семёнова Ольга Петровна', description: 'Социальный педагог' },
    ]);
  });

  it('sorts in Russian alphabetical order with ё next to е and lower case with upper', () => {
    for (const last of ['Яковлева', 'ёлкина', 'Абрамов', 'Ежова', 'Елисеев', 'жуков', 'Ёжиков']) person(last, 'Анна');
    const asc = peopleList().rows.map((p) => p.lastName);
    expect(asc).toEqual(['Абрамов', 'Ёжиков', 'Ежова', 'Елисеев', 'ёлкина', 'жуков', 'Яковлева']);
    expect(peopleList({ dir: 'desc' }).rows.map((p) => p.lastName)).toEqual([...asc].reverse());
  });

  it('filters organisations by type and municipality, sorts by municipality and pages with a total', () => {
    const uvarovo = createMunicipality(db, mun('г. Уварово', true));
    const inzhavino = createMunicipality(db, mun('Инжавинский район', true));
    org('МБОУ СОШ №1 г. Уварово', { municipalityId: uvarovo.id });
    org('Отдел опеки и попечительства администрации Инжавинского района', { type: 'guardianship', municipalityId: inzhavino.id });
    org('АНО «Семья»', { type: 'ngo' });
    for (let i = 1; i <= 12; i++) org(`Школа ${i}`, { municipalityId: uvarovo.id });

    expect(orgList({ type: 'guardianship' }).rows.map((o) => o.municipalityName)).toEqual(['Инжавинский район']);
    const inUvarovo = orgList({ municipalityId: uvarovo.id, limit: 5, offset: 10 });
    expect(inUvarovo.total).toBe(13);
    // Numbers by value: МБОУ СОШ №1, Школа 1, Школа 2 … Школа 12.
    expect(inUvarovo.rows.map((o) => o.fullName)).toEqual(['Школа 10', 'Школа 11', 'Школа 12']);
    // Alphabetical by name of the municipality, organisations without one at the end.
    const byMunicipality = orgList({ sort: 'municipality', limit: 500 }).rows;
    expect(byMunicipality[0]!.municipalityName).toBe('город Уварово');
    expect(byMunicipality.at(-2)!.municipalityName).toBe('Инжавинский район');
    expect(byMunicipality.at(-1)!.fullName).toBe('АНО «Семья»');
    expect(orgList({ search: 'ОПЕКИ' }).total).toBe(1);
    // By the Russian names of the types: НКО, Образовательная организация, Орган опеки.
    const byType = orgList({ sort: 'type', limit: 500 }).rows.map((o) => o.type);
    expect([...new Set(byType)]).toEqual(['ngo', 'education', 'guardianship']);
    expect([...new Set(orgList({ sort: 'type', dir: 'desc', limit: 500 }).rows.map((o) => o.type))]).toEqual([
      'guardianship',
      'education',
      'ngo',
    ]);
  });

  it('filters people by organisation, organisation type and municipality and sorts by organisation', () => {
    const m = createMunicipality(db, mun('Ржаксинский район', true));
    const school = org('Ржаксинская СОШ', { municipalityId: m.id });
    const kdn = org('КДН и ЗП Ржаксинского района', { type: 'juvenileCommission', municipalityId: m.id });
    const police = org('ОМВД России по Ржаксинскому району', { type: 'police' });
    person('Белова', 'Анна', { organizationId: school.id });
    person('Алексеев', 'Иван', { organizationId: kdn.id });
    person('Васин', 'Олег', { organizationId: police.id });
    person('Гусев', 'Павел');

    expect(peopleList({ organizationId: school.id }).rows.map((p) => p.lastName)).toEqual(['Белова']);
    expect(peopleList({ organizationType: 'police' }).rows.map((p) => p.organizationName)).toEqual(['ОМВД России по Ржаксинскому району']);
    expect(peopleList({ municipalityId: m.id }).total).toBe(2);
    expect(peopleList({ sort: 'organization' }).rows.map((p) => p.lastName)).toEqual(['Алексеев', 'Васин', 'Белова', 'Гусев']);
    expect(peopleList({ sort: 'organization', dir: 'desc' }).rows.map((p) => p.lastName)).toEqual(['Белова', 'Васин', 'Алексеев', 'Гусев']);
  });

  it('gives picker labels for ids in Russian order and skips unknown ids', () => {
    const a = org('Управление социальной защиты', { shortName: 'УСЗН', type: 'socialProtection' });
    const b = org('Администрация Мучкапского района', { type: 'administration' });
    expect(organizationOptionsByIds(db, [a.id, b.id, 999]).map((o) => o.label)).toEqual(['Администрация Мучкапского района', 'УСЗН']);
    expect(organizationOptions(db, { search: 'усзн', limit: 5 })).toEqual([
      { id: a.id, label: 'УСЗН', description: 'Управление социальной защиты' },
    ]);
    const p = person('Петрова', 'Мария', { organizationId: a.id, position: 'Специалист' });
    expect(peopleOptionsByIds(db, [p.id])).toEqual([{ id: p.id, label: 'Петрова Мария', description: 'Специалист, УСЗН' }]);
  });
});

describe('changes and refusals', () => {
  it('refuses a duplicate municipality regardless of case and ё', () => {
    createMunicipality(db, mun('Мучкапский район', true));
    const error = refusal(() => createMunicipality(db, mun('мучкапский  район', true)));
    expect(error.message).toBe('Муниципальное образование «мучкапский район» уже есть в списке');
    expect(error.fields).toHaveProperty('properName');
    const other = createMunicipality(db, mun('Уваровский район', true));
    expect(() => updateMunicipality(db, other.id, mun('МУЧКАПСКИЙ РАЙОН', false))).toThrow('уже есть в списке');
    expect(listMunicipalities(db).map((m) => m.name)).toEqual(['Мучкапский район', 'Уваровский район']);
  });

  it('refuses references to a missing organisation or municipality', () => {
    expect(refusal(() => org('Школа', { municipalityId: 42 })).fields).toHaveProperty('municipalityId');
    expect(refusal(() => person('Иванов', 'Иван', { organizationId: 42 })).message).toContain('организация не найдена');
    expect(orgList().total).toBe(0);
    expect(peopleList().total).toBe(0);
  });

  it('keeps the search keys up to date on update and drops a consent date with the consent', () => {
    const p = person('Сидорова', 'Алёна', { pdConsent: true, pdConsentDate: '2018-03-15' });
    expect(getPerson(db, p.id).pdConsentDate).toBe('2018-03-15');
    updatePerson(db, p.id, personInput.parse({ lastName: 'Котова', firstName: 'Алёна', pdConsent: false, pdConsentDate: '2018-03-15' }));
    expect(peopleList({ search: 'сидорова' }).total).toBe(0);
    expect(peopleList({ search: 'котова алена' }).rows[0]).toMatchObject({ pdConsent: false, pdConsentDate: null });
    const o = org('Школа');
    updateOrganization(db, o.id, {
      fullName: 'Гимназия',
      shortName: 'Гимн.',
      type: 'education',
      municipalityId: null,
      address: '',
      phone: '',
      email: '',
    });
    expect(orgList({ search: 'гимн' }).rows.map((r) => r.shortName)).toEqual(['Гимн.']);
  });

  it('refuses to delete an organisation with people or in plan items, and a municipality with organisations', () => {
    const m = createMunicipality(db, mun('г. Уварово', true));
    const school = org('МБОУ «Уваровская СОШ №2»', { shortName: 'СОШ №2', municipalityId: m.id });
    for (const last of ['Агеева', 'Бойко', 'Волков']) person(last, 'Анна', { organizationId: school.id });
    expect(refusal(() => deleteOrganization(db, school.id)).message).toBe(
      'Нельзя удалить организацию «СОШ №2»: запись используется в 3 карточках специалистов (место работы). Сначала замените её там другой организацией или уберите.',
    );
    expect(refusal(() => deleteMunicipality(db, m.id)).message).toContain('к нему относится 1 организация');

    const partner = org('АНО «Доверие»', { type: 'ngo' });
    const item = addPlanItem();
    db.insert(planItemPartners).values({ planItemId: item, organizationId: partner.id }).run();
    expect(refusal(() => deleteOrganization(db, partner.id)).message).toContain('используется в 1 мероприятии плана работы (партнёр)');
    expect(orgList().total).toBe(2);

    const free = org('Пустая организация');
    deleteOrganization(db, free.id);
    expect(orgList({ search: 'пустая' }).total).toBe(0);
  });

  it('refuses to delete a person responsible for a plan item', () => {
    const p = person('Семёнова', 'Ольга');
    const item = addPlanItem();
    db.insert(planItemResponsibles).values({ planItemId: item, personId: p.id }).run();
    const error = refusal(() => deletePerson(db, p.id));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('используется в 1 мероприятии плана работы (ответственный)');
    expect(peopleList().total).toBe(1);
  });

  it('turns a foreign-key refusal from a table it does not know into a Russian conflict', () => {
    // Stands for a later register (meetings, events) that references people and organisations.
    ctx.sqlite.exec(
      'CREATE TABLE later_register (person_id INTEGER REFERENCES people(id), organization_id INTEGER REFERENCES organizations(id))',
    );
    const o = org('Школа');
    const p = person('Иванова', 'Мария');
    ctx.sqlite.prepare('INSERT INTO later_register VALUES (?, ?)').run(p.id, o.id);
    const personError = refusal(() => deletePerson(db, p.id));
    expect(personError.code).toBe('conflict');
    expect(personError.message).toContain('Нельзя удалить специалиста «Иванова Мария»: на него ссылаются другие записи');
    expect(refusal(() => deleteOrganization(db, o.id)).message).toContain('на неё ссылаются другие записи');
    expect(peopleList().total).toBe(1);
    expect(orgList().total).toBe(1);
  });

  it('reports a missing record as not found', () => {
    expect(refusal(() => deletePerson(db, 77)).code).toBe('not_found');
    expect(refusal(() => deleteMunicipality(db, 77)).code).toBe('not_found');
  });
});
