import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_TYPE_TARGETS, apiTypes, openApiDocument } from '../../scripts/api-types.js';

/**
 * The committed API types are those of the live OpenAPI document: a route or schema change
 * without `npm run api-types` fails here, so hookline/client (and every other target) cannot drift.
 */
describe('generated API types', () => {
  it.each(API_TYPE_TARGETS)('$name matches the live /openapi.json', async (target) => {
    const fresh = await apiTypes(await openApiDocument());
    const committed = readFileSync(target.file, 'utf8');
    expect(
      committed === fresh,
      `${fileURLToPath(target.file)} is stale: run npm run api-types`,
    ).toBe(true);
  });
});
