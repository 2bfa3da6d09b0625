import type { AppDb } from '@db/open';
import { organizations, people } from '@db/schema';
import { saveProfile } from '@main/services/registry';
import { createPlan } from '@main/services/workPlan/plans';
import { createItem } from '@main/services/workPlan/items';
import type { PlanItemData } from '@shared/contract/workPlan';
import { organizationKeys, personKeys } from '@db/derived';
import { listValueByText } from '@main/services/lists';

export { freshDb } from '@tests/unit/registry/helpers';

export function addPerson(db: AppDb, lastName: string, firstName: string, middleName = ''): number {
  return db
    .insert(people)
    .values({ lastName, firstName, middleName, ...personKeys({ lastName, firstName, middleName, position: '', email: '' }) })
    .returning()
    .get().id;
}

export function addOrganization(db: AppDb, fullName: string, shortName = ''): number {
  return db
    .insert(organizations)
    .values({ fullName, shortName, type: 'education', ...organizationKeys({ fullName, shortName }) })
    .returning()
    .get().id;
}

export function setProfile(db: AppDb, profile: { shortName: string; directorName: string; directorPosition?: string }): void {
  saveProfile(db, {
    organizationId: null,
    fullName: `Полное наименование ${profile.shortName}`,
    address: '',
    segment: '',
    directorPosition: 'Директор',
    ...profile,
  });
}

/** The id of a form of work by its text (a value of the list «Формы работы», added when missing). */
export const planFormId = (db: AppDb, form: string) => listValueByText(db, 'planForms', form);

/** An item with sensible defaults; tests override what they look at (`form` by its text). */
export function addItem(db: AppDb, year: number, { form = 'Семинар', ...data }: Partial<PlanItemData> & { title: string; form?: string }) {
  return createItem(db, {
    year,
    direction: 'organizational',
    formId: planFormId(db, form),
    term: { kind: 'year' },
    responsibleIds: [],
    partnerIds: [],
    targetAudience: '',
    status: 'planned',
    resultNote: '',
    recurring: false,
    ...data,
  });
}

export { createPlan };
