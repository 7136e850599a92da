import type { RecoverRequest } from './store.js';

/**
 * A recover or replay request remembered in `requeue_runs` (both stores): what the same request
 * asked again continues from (recover) or answers (replay: `cursor` is the delivery it created).
 */
export interface RequeueRun {
  /** The window's end, fixed when the run started (an open window ends then). */
  until: number;
  /** The last delivery id handled. */
  cursor: number;
  requeued: number;
  done: boolean;
}

/** What makes two recover requests the same: endpoint, window (as asked) and states. */
export function recoverKey(endpointId: string, request: RecoverRequest): string {
  const states = [...new Set(request.states)].sort().join(',');
  return `recover:${endpointId}:${states}:${request.since}:${request.until ?? 'open'}`;
}

export function replayKey(messageId: string, endpointId: string): string {
  return `replay:${messageId}:${endpointId}`;
}
