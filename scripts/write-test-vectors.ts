import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEST_VECTORS_FILE, testVectorsText } from './test-vectors.js';

/** `npm run test-vectors`: rewrites docs/test-vectors.json. */
writeFileSync(TEST_VECTORS_FILE, testVectorsText());
console.log(`wrote ${fileURLToPath(TEST_VECTORS_FILE)}`);
