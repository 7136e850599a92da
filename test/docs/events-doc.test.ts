import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { canonicalEvents } from '../../src/domain/events/catalog.js';
import { OPERATIONAL_EVENTS } from '../../src/domain/operational-event-schemas.js';

/** The messaging catalog, then Hookline's own operational events. */
const documented = () => [...canonicalEvents(), ...OPERATIONAL_EVENTS];

/**
 * docs/events.md carries every catalog event's JSON schema and sample, generated from the code.
 * UPDATE_EVENT_DOCS=1 rewrites the blocks between the markers; otherwise they must match.
 */
const DOC = new URL('../../docs/events.md', import.meta.url);

function generatedBlock(type: string): string {
  const event = documented().find((e) => e.type === type);
  if (!event) throw new Error(type);
  return [
    `<!-- generated:${type} -->`,
    '<details><summary>JSON schema</summary>',
    '',
    '```json',
    JSON.stringify(event.schema, null, 2),
    '```',
    '',
    '</details>',
    '',
    'Sample:',
    '',
    '```json',
    stringify(event.sample, undefined, 2) as string,
    '```',
    `<!-- /generated:${type} -->`,
  ].join('\n');
}

describe('docs/events.md', () => {
  it('shows the schema and sample of every catalog event, as the code defines them', () => {
    let text = readFileSync(DOC, 'utf8');
    for (const event of documented()) {
      const pattern = new RegExp(`<!-- generated:${event.type.replaceAll('.', '\\.')} -->[\\s\\S]*?<!-- /generated:${event.type.replaceAll('.', '\\.')} -->`);
      if (process.env.UPDATE_EVENT_DOCS === '1') text = text.replace(pattern, () => generatedBlock(event.type));
      expect(text.match(pattern)?.[0], event.type).toBe(generatedBlock(event.type));
    }
    if (process.env.UPDATE_EVENT_DOCS === '1') writeFileSync(DOC, text);
  });
});
