import { canonicalEvent, canonicalEventTypes, validateEvent } from '../../domain/events/index.js';
import { badRequest } from '../../lib/errors.js';
import { stringifyJson } from '../../lib/json.js';
import { mergePatch } from './merge-patch.js';

/**
 * The catalog's realistic sample of a canonical event with the caller's overrides merged in (JSON
 * Merge Patch), checked against the event's schema: the payload the simulator sends, as JSON text.
 */
export function samplePayload(eventType: string, overrides: unknown): string {
  const definition = canonicalEvent(eventType);
  if (!definition) {
    throw badRequest(`eventType: unknown event type "${eventType}"`, [
      {
        field: 'eventType',
        message: `unknown event type; one of ${canonicalEventTypes().join(', ')}`,
      },
    ]);
  }
  if (
    overrides !== undefined &&
    (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides))
  ) {
    throw badRequest('overrides: must be a JSON object', [
      { field: 'overrides', message: 'must be a JSON object' },
    ]);
  }
  const data =
    overrides === undefined ? definition.sample : mergePatch(definition.sample, overrides);
  const problems = validateEvent(eventType, data, 'overrides');
  if (problems.length > 0) {
    throw badRequest(
      `${problems[0].field}: ${problems[0].message} (the sample with your overrides is not a valid ${eventType})`,
      problems,
    );
  }
  return stringifyJson(data);
}
