import type { Migration } from '../../migration.js';
import { sql as core } from './001_core.js';
import { sql as bots } from './002_bots.js';
import { sql as bins } from './003_bins.js';
import { sql as endpointDue } from './004_endpoint_due.js';
import { sql as stateFreeIndexes } from './005_state_free_indexes.js';
import { sql as platformFidelity } from './006_platform_fidelity.js';
import { sql as secretsAtRest } from './007_secrets_at_rest.js';
import { sql as idempotencyDigest } from './008_idempotency_digest.js';
import { sql as endpointStats } from './009_endpoint_stats.js';
import { sql as disablingAndHeld } from './010_disabling_and_held.js';
import { sql as retentionAndReplay } from './011_retention_and_replay.js';
import { sql as consoleTables } from './012_console.js';
import { sql as orderingAndFilters } from './013_ordering_and_filters.js';
import { sql as retentionIndexes } from './014_retention_indexes.js';
import { sql as traceContext } from './015_trace_context.js';
import { sql as operationalOutbox } from './016_operational_outbox.js';
import { sql as dueLanes } from './017_due_lanes.js';
import { sql as attemptsByMessage } from './018_attempts_by_message.js';
import { sql as messagesByPayload } from './019_messages_by_payload.js';

export type { Migration } from '../../migration.js';

/** Applied in order; append new ones, never edit an applied one. */
export const migrations: Migration[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'bots', sql: bots },
  { version: 3, name: 'bins', sql: bins },
  { version: 4, name: 'endpoint_due', sql: endpointDue },
  { version: 5, name: 'state_free_indexes', sql: stateFreeIndexes },
  { version: 6, name: 'platform_fidelity', sql: platformFidelity },
  { version: 7, name: 'secrets_at_rest', sql: secretsAtRest },
  { version: 8, name: 'idempotency_digest', sql: idempotencyDigest },
  { version: 9, name: 'endpoint_stats', sql: endpointStats },
  { version: 10, name: 'disabling_and_held', sql: disablingAndHeld },
  { version: 11, name: 'retention_and_replay', sql: retentionAndReplay },
  { version: 12, name: 'console', sql: consoleTables },
  { version: 13, name: 'ordering_and_filters', sql: orderingAndFilters },
  { version: 14, name: 'retention_indexes', sql: retentionIndexes },
  { version: 15, name: 'trace_context', sql: traceContext },
  { version: 16, name: 'operational_outbox', sql: operationalOutbox },
  { version: 17, name: 'due_lanes', sql: dueLanes },
  { version: 18, name: 'attempts_by_message', sql: attemptsByMessage },
  { version: 19, name: 'messages_by_payload', sql: messagesByPayload },
];
