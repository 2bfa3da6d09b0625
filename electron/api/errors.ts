import type { CallError } from '@shared/contract/define';

/**
 * A refusal the user must understand: services throw it with a Russian message, the
 * dispatcher turns it into the error envelope. Anything else thrown is a bug.
 */
export class DomainError extends Error {
  constructor(
    readonly code: CallError['code'],
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} не найдена или уже удалена`);
export const conflict = (message: string, fields?: Record<string, string>) => new DomainError('conflict', message, fields);
export const invalid = (message: string, fields?: Record<string, string>) => new DomainError('validation', message, fields);
