import { encodeTime } from 'ulid';

/**
 * The smallest id of `prefix` made at `at` or later: ids are `<prefix>_<ULID>` and a ULID starts
 * with its time, so `id < idsBefore(...)` selects the ids made before `at` through the primary key.
 */
export const idsBefore = (prefix: string, at: number): string =>
  `${prefix}_${encodeTime(Math.max(0, at), 10)}`;
