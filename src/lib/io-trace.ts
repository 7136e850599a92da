import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
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
  /** Records an event that began at `start` and lasted `ms` (reported after it ended). */
  event(kind: string, start: number, ms: number, extra?: Record<string, unknown>): void;
}

export const traceNow = (): number => performance.timeOrigin + performance.now();

const FLUSH_MS = 500;
/** Event-loop stalls shorter than this are not recorded. */
const LAG_MS = 4;
/** Garbage-collection pauses shorter than this are not recorded (a young-generation one is ~1 ms). */
const GC_PAUSE_MS = 1;

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
      trace.event(kind, start, traceNow() - start, extra);
    },
    event(kind, start, ms, extra) {
      lines.push(
        JSON.stringify({
          t: +start.toFixed(2),
          ms: +ms.toFixed(2),
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
  traceGarbageCollection(trace);
  return trace;
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental-marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks',
};

/** This thread's garbage-collection pauses past GC_PAUSE_MS, so a lag can be told from a GC pause. */
function traceGarbageCollection(trace: IoTrace): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<
      PerformanceEntry & { detail?: { kind?: number } }
    >)
      if (entry.duration > GC_PAUSE_MS)
        trace.event('gc', performance.timeOrigin + entry.startTime, entry.duration, {
          gc: GC_KINDS[entry.detail?.kind ?? -1] ?? 'other',
        });
  }).observe({ entryTypes: ['gc'] });
}
