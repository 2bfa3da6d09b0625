import type { AppDb } from '../../../db/open';

export function seedDemo(_db: AppDb): void {}
