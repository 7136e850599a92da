import { sqliteHarness } from '../sqlite-harness.js';
import { describeBotStoreConformance } from './bot-suite.js';

describeBotStoreConformance('sqlite', sqliteHarness('bots'));
