import type { AppDb } from '@db/open';
import { listValueByText } from '@main/services/lists';
import { recordMovement } from '@main/services/publications/movements';
import { createPublication } from '@main/services/publications/records';
import { movementInput, publicationInput, type MovementInput, type PublicationInput } from '@shared/contract/publications';
import { DomainError } from '@main/api/errors';

export { freshDb } from '@tests/unit/registry/helpers';
export { addOrganization, addPerson } from '@tests/unit/workPlan/helpers';

/** «Today» of the tests: every movement below is in the past of it. */
export const TODAY = '2020-01-15';

export function addPublication(db: AppDb, data: Partial<PublicationInput> & { title?: string; kind?: string } = {}) {
  const { kind = 'Листовка', ...rest } = data;
  return createPublication(
    db,
    publicationInput.parse({
      title: 'Листовка «Телефон доверия»',
      year: 2019,
      kindId: listValueByText(db, 'publicationKinds', kind),
      ...rest,
    }),
  ).id;
}

/** Records a movement as the contract would accept it; `to` an organisation id for a distribution. */
export function move(db: AppDb, publicationId: number, m: Omit<MovementInput, 'publicationId'> & { to?: number }) {
  const { to, ...rest } = m;
  return recordMovement(db, movementInput.parse({ publicationId, ...rest, organizationId: to ?? null }), TODAY);
}

export const receive = (db: AppDb, id: number, date: string, quantity: number) =>
  move(db, id, { kind: 'receipt', date, quantity, printedInHouse: true });
export const handOut = (db: AppDb, id: number, date: string, quantity: number, to: number) =>
  move(db, id, { kind: 'distribution', date, quantity, to });
export const count = (db: AppDb, id: number, date: string, quantity: number) => move(db, id, { kind: 'stocktake', date, quantity });

/** The refusal's message of a call that must be refused. */
export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}
