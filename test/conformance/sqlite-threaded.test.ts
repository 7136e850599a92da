import { sqliteHarness } from './sqlite-harness.js';
import { describeStoreConformance } from './suite.js';

// The server runs the SQLite store on a worker thread (ThreadedSqliteStore): the same contract holds.
describeStoreConformance(
  'sqlite (store thread)',
  sqliteHarness('conformance-threaded', { threaded: true }),
);
