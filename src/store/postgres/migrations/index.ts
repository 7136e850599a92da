import { sql as core } from './001_core.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** PostgreSQL migrations, applied in order; append new ones, never edit an applied one. */
export const migrations: Migration[] = [{ version: 1, name: 'core', sql: core }];
