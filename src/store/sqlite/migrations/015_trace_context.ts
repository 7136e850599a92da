/**
 * Traces (issue 15): the W3C `traceparent` a message's deliveries continue, and whether an
 * endpoint's requests carry it.
 */
export const sql = `
ALTER TABLE messages ADD COLUMN trace_context TEXT;
ALTER TABLE endpoints ADD COLUMN propagate_trace_context INTEGER NOT NULL DEFAULT 1;
`;
