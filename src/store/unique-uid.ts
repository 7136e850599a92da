import { HooklineError } from '../lib/errors.js';

/**
 * A uid another app (or another endpoint of the same app) already holds. The unique index decides,
 * so two concurrent creates with one uid cannot both succeed, on any node.
 */
function isUidViolation(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE')
    return typeof e.message === 'string' && /\.uid\b/.test(e.message);
  return e?.code === '23505' && (e.constraint === 'apps_uid' || e.constraint === 'endpoints_uid');
}

/** Runs a write of a record with this uid; a uid taken by another record is a 409 `uid_taken`. */
export async function withUniqueUid<T>(
  kind: 'app' | 'endpoint',
  uid: string | null,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (uid === null || !isUidViolation(error)) throw error;
    throw new HooklineError('uid_taken', `another ${kind} already has the uid ${uid}`, [
      { field: 'uid', message: `already taken by another ${kind}` },
    ]);
  }
}
