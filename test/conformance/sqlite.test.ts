import { sqliteHarness } from './sqlite-harness.js';
import { describeStoreConformance } from './suite.js';

describeStoreConformance('sqlite', sqliteHarness('conformance'));
