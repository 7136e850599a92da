import { appendFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

/**
 * A debugging timeline of what each thread spent time on (commits, WAL syncs, checkpoints, event-loop
 * stalls), written as JSON lines to the file named by HOOKLINE_IO_TRACE, so slow messages can be
 * lined up with what ran at that moment. Off (null) unless that variable is set; times are epoch
 * milliseconds (the bench's clock), each line `{ t, ms, thread, kind, ...extra }`.
 */
export interface IoTrace {
  /** Records an event that began at `start` (from `traceNow()`) and ends now. */
  span(kind: string, start: number, extra?: Record<string, unknown>): void;
}

export const traceNow = (): number => performance.timeOrigin + performance.now();

const FLUSH_MS = 500;
/** Event-loop stalls shorter than this are not recorded. */
const LAG_MS = 4;

/** One per thread, with its event-loop sampler; named by `nameIoTraceThread`, else main or worker. */
let threadTrace: IoTrace | null | undefined;
let threadName = isMainThread ? 'main' : 'worker';

export function ioTrace(): IoTrace | null {
  threadTrace ??= startTrace();
  return threadTrace;
}

/** Names this thread's lines (a worker's entry module calls it: store, delivery, checkpoint). */
export function nameIoTraceThread(name: string): void {
  threadName = name;
  ioTrace();
}

function startTrace(): IoTrace | null {
  const file = process.env.HOOKLINE_IO_TRACE;
  if (!file) return null;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    appendFileSync(file, lines.join(''));
    lines = [];
  };
  const trace: IoTrace = {
    span(kind, start, extra) {
      const end = traceNow();
      lines.push(
        JSON.stringify({
          t: +start.toFixed(2),
          ms: +(end - start).toFixed(2),
          thread: `${threadName}#${threadId}`,
          kind,
          ...extra,
        }) + '\n',
      );
    },
  };
  setInterval(flush, FLUSH_MS).unref();
  process.on('exit', flush);
  // A timer that should fire every 2 ms: its lateness is the time the thread was busy or stalled.
  let expected = traceNow() + 2;
  setInterval(() => {
    const now = traceNow();
    if (now - expected > LAG_MS) trace.span('lag', expected);
    expected = now + 2;
  }, 2).unref();
  return trace;
}
