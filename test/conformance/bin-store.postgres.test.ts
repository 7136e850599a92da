import { describePostgres } from '../helpers/postgres.js';
import { describeBinStoreConformance } from './bin-store.js';
import { postgresHarness } from './postgres-harness.js';

describePostgres('PostgreSQL bins', () => {
  describeBinStoreConformance('postgres', postgresHarness('bins'));
});
