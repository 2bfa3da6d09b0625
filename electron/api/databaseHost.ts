import type { OpenedDatabase, OpenOptions } from '@db/open';
import type { CallContext } from './dispatch';

/**
 * How the running application opens its database, so a restore can close it, replace the
 * file and open it again on the same context (the dispatcher keeps the context object; every
 * call reads `ctx.db` afresh). `createApp` attaches it; a context without one (a test building
 * its own) gets Node's defaults.
 */
export interface DatabaseHost {
  openOptions: Omit<OpenOptions, 'file'>;
  /** Opens the database file again and points the context at it. */
  reopen(): OpenedDatabase;
}

const hosts = new WeakMap<CallContext, DatabaseHost>();

export function attachDatabaseHost(ctx: CallContext, host: DatabaseHost): void {
  hosts.set(ctx, host);
}

export function databaseHost(ctx: CallContext): DatabaseHost | undefined {
  return hosts.get(ctx);
}
