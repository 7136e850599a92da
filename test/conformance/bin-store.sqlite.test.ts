import { describeBinStoreConformance } from './bin-store.js';
import { sqliteHarness } from './sqlite-harness.js';

describeBinStoreConformance('sqlite', sqliteHarness('bins'));
