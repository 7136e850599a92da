import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_TYPE_TARGETS, apiTypes, openApiDocument } from './api-types.js';

/** `npm run api-types`: regenerates every target's types from the server's routes. */
const types = await apiTypes(await openApiDocument());
for (const target of API_TYPE_TARGETS) {
  writeFileSync(target.file, types);
  console.log(`wrote ${fileURLToPath(target.file)} (${target.name})`);
}
