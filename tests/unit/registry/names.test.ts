import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizations, people } from '@db/schema';
import { organizationNameSql, personFullNameSql } from '@main/services/registry';
import { createOrganization, createPerson } from '@main/services/registry';
import { updatePerson } from '@main/services/registry/people';
import { personInput } from '@shared/contract/registry';
import { organizationDisplayName, personFullName } from '@shared/russian';
import { freshDb } from './helpers';

/** The display names are written once in TypeScript and once in SQL; both say the same for every row. */

let ctx: ReturnType<typeof freshDb>;
beforeEach(() => (ctx = freshDb()));
afterEach(() => ctx.cleanup());

describe('display names and their SQL twins', () => {
  it('name organisations the same way in code and in a query', () => {
    for (const [fullName, shortName] of [
      ['Управление социальной защиты населения', 'УСЗН'],
      ['Администрация Мучкапского района', ''],
      ['Муниципальное бюджетное общеобразовательное учреждение «СОШ №1»', 'МБОУ «СОШ №1»'],
    ] as const) {
      createOrganization(ctx.db, { fullName, shortName, type: 'other', municipalityId: null, address: '', phone: '', email: '' });
    }
    const rows = ctx.db
      .select({ fullName: organizations.fullName, shortName: organizations.shortName, sql: organizationNameSql })
      .from(organizations)
      .all();
    expect(rows.map((r) => r.sql)).toEqual(rows.map((r) => organizationDisplayName(r)));
    expect(rows.map((r) => r.sql)).toEqual(['УСЗН', 'Администрация Мучкапского района', 'МБОУ «СОШ №1»']);
  });

  it('name people the same way in code and in a query, with or without a patronymic', () => {
    for (const [lastName, firstName, middleName] of [
      ['Семёнова', 'Ольга', 'Ивановна'],
      ['Ким', 'Ли', ''],
      ['Алиев', 'Рустам', 'Гасан оглы'],
    ] as const) {
      createPerson(ctx.db, personInput.parse({ lastName, firstName, middleName }));
    }
    const rows = ctx.db
      .select({ lastName: people.lastName, firstName: people.firstName, middleName: people.middleName, sql: personFullNameSql })
      .from(people)
      .all();
    expect(rows.map((r) => r.sql)).toEqual(rows.map((r) => personFullName(r)));
    expect(rows.map((r) => r.sql)).toEqual(['Семёнова Ольга Ивановна', 'Ким Ли', 'Алиев Рустам Гасан оглы']);
  });

  it('stores the gender a patronymic states, and none when it does not', () => {
    const olga = createPerson(ctx.db, personInput.parse({ lastName: 'Семёнова', firstName: 'Ольга', middleName: 'Ивановна' }));
    const sasha = createPerson(ctx.db, personInput.parse({ lastName: 'Белых', firstName: 'Саша' }));
    const chosen = createPerson(ctx.db, personInput.parse({ lastName: 'Белых', firstName: 'Саша', gender: 'female' }));
    const gender = (id: number) => ctx.db.select({ g: people.gender }).from(people).where(eq(people.id, id)).get()?.g;
    expect([gender(olga.id), gender(sasha.id), gender(chosen.id)]).toEqual(['female', null, 'female']);
    expect(sasha.gender).toBeNull();
    // A caller that does not say it (an import, a script) does not erase a gender chosen before.
    expect(updatePerson(ctx.db, chosen.id, personInput.parse({ lastName: 'Белых', firstName: 'Александра' })).gender).toBe('female');
  });
});
