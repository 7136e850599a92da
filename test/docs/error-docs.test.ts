import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/lib/error-codes.js';
import { blockPattern, GENERATED_BLOCKS, markedBlock } from './error-tables.js';

/**
 * The error tables of docs/api.md, docs/bots.md and docs/viber-api.md are generated from the
 * catalogues (src/lib/error-codes.ts, src/api/viber/status.ts). UPDATE_ERROR_DOCS=1 (or
 * `npm run docs:generate`) rewrites the blocks between the markers; otherwise they must match.
 */
const docUrl = (doc: string) => new URL(`../../docs/${doc}`, import.meta.url);
const update = process.env.UPDATE_ERROR_DOCS === '1';

describe('error tables in the docs', () => {
  for (const doc of new Set(GENERATED_BLOCKS.map((b) => b.doc))) {
    it(`docs/${doc} shows the catalogue as the code defines it`, () => {
      let text = readFileSync(docUrl(doc), 'utf8');
      for (const block of GENERATED_BLOCKS.filter((b) => b.doc === doc)) {
        const expected = markedBlock(block.name, block.render());
        const pattern = blockPattern(block.name);
        if (update) text = text.replace(pattern, () => expected);
        expect(text.match(pattern)?.[0], `${doc}: ${block.name}`).toBe(expected);
      }
      if (update) writeFileSync(docUrl(doc), text);
    });
  }

  it('docs/api.md lists every code of the catalogue', () => {
    const text = readFileSync(docUrl('api.md'), 'utf8');
    for (const code of Object.keys(ERROR_CODES)) expect(text).toContain(`\`${code}\``);
  });
});
