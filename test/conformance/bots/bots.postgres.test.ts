import { describePostgres } from '../../helpers/postgres.js';
import { postgresHarness } from '../postgres-harness.js';
import { describeBotStoreConformance } from './bot-suite.js';

describePostgres('PostgreSQL bots', () => {
  describeBotStoreConformance('postgres', postgresHarness('bots'));
});
