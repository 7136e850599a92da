import type { Migration } from '../../migration.js';
import { sql as core } from './001_core.js';
import { sql as bots } from './002_bots.js';
import { sql as bins } from './003_bins.js';
import { sql as platformFidelity } from './004_platform_fidelity.js';
import { sql as secretsAtRest } from './005_secrets_at_rest.js';
import { sql as idempotencyDigest } from './006_idempotency_digest.js';
import { sql as endpointStats } from './007_endpoint_stats.js';
import { sql as disablingAndHeld } from './008_disabling_and_held.js';
import { sql as retentionAndReplay } from './009_retention_and_replay.js';
import { sql as consoleTables } from './010_console.js';
import { sql as orderingAndFilters } from './011_ordering_and_filters.js';
import { sql as retentionIndexes } from './012_retention_indexes.js';
import { sql as traceContext } from './013_trace_context.js';
import { sql as operationalOutbox } from './014_operational_outbox.js';
import { sql as resultDeltas } from './015_result_deltas.js';

export type { Migration } from '../../migration.js';

/** PostgreSQL migrations, applied in order; append new ones, never edit an applied one. */
export const migrations: Migration[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'bots', sql: bots },
  { version: 3, name: 'bins', sql: bins },
  { version: 4, name: 'platform_fidelity', sql: platformFidelity },
  { version: 5, name: 'secrets_at_rest', sql: secretsAtRest },
  { version: 6, name: 'idempotency_digest', sql: idempotencyDigest },
  { version: 7, name: 'endpoint_stats', sql: endpointStats },
  { version: 8, name: 'disabling_and_held', sql: disablingAndHeld },
  { version: 9, name: 'retention_and_replay', sql: retentionAndReplay },
  { version: 10, name: 'console', sql: consoleTables },
  { version: 11, name: 'ordering_and_filters', sql: orderingAndFilters },
  { version: 12, name: 'retention_indexes', sql: retentionIndexes },
  { version: 13, name: 'trace_context', sql: traceContext },
  { version: 14, name: 'operational_outbox', sql: operationalOutbox },
  { version: 15, name: 'result_deltas', sql: resultDeltas },
];
