import { afterEach, beforeEach, expect, it } from 'vitest';
import { appHandlers } from '@main/services/app/handlers';
import { organizationListInput, personListInput } from '@shared/contract/registry';
import { listMunicipalities } from '@main/services/registry/municipalities';
import { listOrganizations } from '@main/services/registry/organizations';
import { listPeople } from '@main/services/registry/people';
import { getProfile } from '@main/services/registry/profile';
import { ORGANIZATION_TYPES } from '@shared/enums';
import { freshDb } from './helpers';

let ctx: ReturnType<typeof freshDb>;
beforeEach(() => (ctx = freshDb()));
afterEach(() => ctx.cleanup());

it('fills the registry with the center, its segment, organisations of every type and people', async () => {
  const env = { version: 'test', dataDir: ctx.dir, dbFile: ctx.file };
  const status = appHandlers['app.initialize']({ db: ctx.db, env }, { mode: 'demo' }, { changed: () => undefined });
  expect(status).toMatchObject({ firstRun: false, demo: true });

  const db = ctx.db;
  expect(getProfile(db)).toMatchObject({
    shortName: 'ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    directorName: 'А.Я. Гоберкорн',
    segment: expect.stringContaining('Сегмент №6'),
  });
  const municipalities = listMunicipalities(db);
  expect(municipalities.filter((m) => m.inSegment).map((m) => m.name)).toEqual([
    'город Уварово',
    'Инжавинский район',
    'Мучкапский район',
    'Ржаксинский район',
    'Уваровский район',
  ]);
  expect(municipalities.find((m) => !m.inSegment)?.name).toBe('Тамбовская область');
  // The demo's names fit the rules, so their forms come confirmed.
  expect(municipalities.every((m) => m.formsConfirmed)).toBe(true);
  expect(municipalities.find((m) => m.type === 'city')).toMatchObject({ properName: 'Уварово', forms: { genitive: 'Уварово' } });

  const organizations = listOrganizations(db, organizationListInput.parse({ limit: 500 }));
  expect(organizations.total).toBeGreaterThanOrEqual(15);
  const typesPresent = new Set(organizations.rows.map((o) => o.type));
  expect(ORGANIZATION_TYPES.filter((t) => t !== 'other' && !typesPresent.has(t))).toEqual([]);

  const people = listPeople(db, personListInput.parse({ limit: 500 }));
  expect(people.total).toBeGreaterThanOrEqual(25);
  expect(people.rows.every((p) => p.position !== '' && p.organizationName !== null)).toBe(true);
  expect(listPeople(db, personListInput.parse({ search: 'семенова' })).rows[0]).toMatchObject({
    lastName: 'Семёнова',
    position: 'Методист',
  });

  // The work plans of the demo come after the registry and refer to its people.
  expect(ctx.sqlite.prepare('SELECT year FROM work_plans ORDER BY year').all()).toEqual([{ year: 2017 }, { year: 2018 }]);
  const responsible = ctx.sqlite.prepare('SELECT count(DISTINCT person_id) AS n FROM plan_item_responsibles').get() as { n: number };
  expect(responsible.n).toBeGreaterThan(0);
});
