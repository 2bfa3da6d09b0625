import { appTablePolicies } from './schema/app';
import { eventsTablePolicies } from './schema/events';
import { certificatesTablePolicies } from './schema/certificates';
import { exchangeTablePolicies } from './schema/exchange';
import { fileReferences, filesTablePolicies } from './schema/files';
import { indicatorsTablePolicies } from './schema/indicators';
import { importsTablePolicies } from './schema/imports';
import { listsTablePolicies } from './schema/lists';
import { meetingsTablePolicies } from './schema/meetings';
import { publicationsTablePolicies } from './schema/publications';
import { planItemLinkTablePolicies } from './schema/planItemLinks';
import { registryTablePolicies } from './schema/registry';
import { reportsTablePolicies } from './schema/reports';
import { newsTablePolicies } from './schema/news';
import type { TablePolicies, TablePolicy } from './schema/tablePolicy';
import { undoTablePolicies } from './schema/undo';
import { workPlanTablePolicies } from './schema/workPlan';

/**
 * Every table's policy for the rebuild (db/rebuild.ts), as each register declared it beside its
 * tables. The rebuild itself is driven by the schema the migrations make; this only says what a
 * table's rows do in the package and on restore, and how the preview names it.
 */
export type { TablePolicies, TablePolicy } from './schema/tablePolicy';

/** The source's alias in the copy's SQL: a `where` reaching another table names it `src.<table>`. */
export const SOURCE = 'src';

const sq = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A stored file goes in the package only when a row that goes there names it. */
function storedFilesInPackage(): TablePolicy {
  const named = fileReferences.filter((r) => r.inPackage).map((r) => `SELECT ${sq(r.column)} FROM ${SOURCE}.${sq(r.table)}`);
  return { ...filesTablePolicies.stored_files!, package: { where: named.length ? `hash IN (${named.join(' UNION ')})` : '0' } };
}

export const TABLE_POLICIES: TablePolicies = {
  ...appTablePolicies,
  ...registryTablePolicies,
  ...listsTablePolicies,
  ...workPlanTablePolicies,
  ...planItemLinkTablePolicies,
  ...meetingsTablePolicies,
  ...eventsTablePolicies,
  ...certificatesTablePolicies,
  ...publicationsTablePolicies,
  ...exchangeTablePolicies,
  ...undoTablePolicies,
  ...filesTablePolicies,
  ...indicatorsTablePolicies,
  ...importsTablePolicies,
  ...reportsTablePolicies,
  ...newsTablePolicies,
  stored_files: storedFilesInPackage(),
};

/** A table the migrations make that no register declared: treated as the center's own (never in the package). */
export const policyOf = (table: string): TablePolicy => TABLE_POLICIES[table] ?? { package: 'none' };
