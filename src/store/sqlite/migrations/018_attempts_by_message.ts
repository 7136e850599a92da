/**
 * Attempts are found by message (`attempts_message`), also those of one delivery (issue 16): a
 * delivery belongs to one message, whose few attempts are read and filtered by delivery. The index
 * by delivery cost every recorded attempt one more b-tree write.
 */
export const sql = `
DROP INDEX attempts_delivery;
`;
