import type { Db } from './pool.js';

/** The LISTEN/NOTIFY channel dispatchers wait on. */
export const WAKE_CHANNEL = 'hookline_wake';

/** Tells every listening dispatcher that work became due; delivered when the transaction commits. */
const NOTIFY_WAKE = `SELECT pg_notify('${WAKE_CHANNEL}', '')`;

export async function notifyWake(db: Db): Promise<void> {
  await db.query({ name: 'hl_notify_wake', text: NOTIFY_WAKE });
}
