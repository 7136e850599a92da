import { describePostgres } from '../helpers/postgres.js';
import { postgresHarness } from './postgres-harness.js';
import { describeStoreConformance } from './suite.js';

describePostgres('PostgreSQL store', () => {
  describeStoreConformance('postgres', postgresHarness('conformance'));
});
