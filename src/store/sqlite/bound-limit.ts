/**
 * `LIMIT` from a bound parameter, written so SQLite does not plan with its value: a bare
 * `LIMIT @limit` makes the statement depend on the value bound (SQLite 3.47+), so each run
 * re-prepares it (~30 µs, more than the query itself on the claim path). `+ 0` keeps it an
 * expression the planner does not read.
 */
export const boundLimit = (param: string): string => `LIMIT ${param} + 0`;
