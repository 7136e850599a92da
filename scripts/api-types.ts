import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { pino } from 'pino';
import { loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/create-app.js';

/**
 * The one generator of TypeScript types from the server's OpenAPI document, for every consumer
 * of the API in this repository. `npm run api-types` rewrites each target; a test fails when a
 * committed target and the live document disagree. Add a target here instead of a second script.
 */
export const API_TYPE_TARGETS: Array<{ name: string; file: URL }> = [
  { name: 'hookline/client', file: new URL('../src/client/api-types.ts', import.meta.url) },
];

/**
 * The server's OpenAPI document, as `/openapi.json` serves it: the whole server is built in
 * process (embedded SQLite in a temporary folder, no dispatcher, not listening).
 */
export async function openApiDocument(): Promise<OpenAPI3> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookline-openapi-'));
  const config = loadConfig(
    {},
    { dataDir, role: 'api', adminToken: 'openapi-generation-token-0000000000' },
  );
  const app = await createApp({ config, logger: pino({ level: 'silent' }) });
  try {
    await app.server.ready();
    return app.server.swagger() as OpenAPI3;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run api-types\` (scripts/api-types.ts).
 * Do not edit: \`npm test\` fails when this file and the live document disagree.
 */

`;

/** The TypeScript types (openapi-typescript) of an OpenAPI document, or of the live one. */
export async function apiTypes(document?: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document ?? (await openApiDocument()), { alphabetize: true });
  return HEADER + astToString(ast);
}
