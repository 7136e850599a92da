/**
 * One due index instead of two (issue 16): the first-attempt lane and the index of everything due
 * held the same entries twice for a new delivery, and each accepted, claimed and finished delivery
 * wrote both. The lane (a first attempt or not) now leads the key of the one index: each lane is
 * read in due order by itself, and the oldest due of both is the merge of the two (due-selection.ts).
 */
export const sql = `
DROP INDEX deliveries_due_first;
DROP INDEX deliveries_due;
CREATE INDEX deliveries_due ON deliveries((attempts > 0), next_attempt_at)
  WHERE state = 'pending' AND next_attempt_at IS NOT NULL;
`;
