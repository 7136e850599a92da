import type { Static, TSchema } from '@sinclair/typebox';
import type { ErrorDetail } from '../../lib/errors.js';

/** One canonical event: its name, JSON schema, a realistic sample, and checks a schema cannot say. */
export interface EventDefinition<S extends TSchema = TSchema> {
  type: string;
  description: string;
  schema: S;
  sample: Static<S>;
  /** Cross-field rules (e.g. "reason is required when status is failed"); fields are data-relative. */
  refine?: (data: Static<S>) => ErrorDetail[];
}

export function defineEvent<S extends TSchema>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}
