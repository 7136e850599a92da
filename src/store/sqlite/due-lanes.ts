/**
 * The due index (deliveries_due, migration 017) leads with the lane, `(attempts > 0)`: a query
 * over all due deliveries names both lanes so that it seeks the index instead of scanning it.
 */
export const BOTH_LANES = '(attempts > 0) IN (0, 1)';

/** The earliest due time of all, from the first entry of each lane. */
export const EARLIEST_DUE = `SELECT min(due) AS due FROM (
  SELECT min(next_attempt_at) AS due FROM deliveries
    WHERE state = 'pending' AND next_attempt_at IS NOT NULL AND (attempts > 0) = 0
  UNION ALL
  SELECT min(next_attempt_at) FROM deliveries
    WHERE state = 'pending' AND next_attempt_at IS NOT NULL AND (attempts > 0) = 1)`;
