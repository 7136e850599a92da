import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Clock } from '../lib/clock.js';
import { DAY } from '../lib/durations.js';
import type { PurgeCursor, PurgeProgress, PurgeRequest, Store } from '../store/store.js';

/**
 * Retention: deletes settled messages (with their deliveries, attempts, idempotency keys and
 * webhook_id mappings) and the rollups and recover runs older than the retention, and may drop
 * payloads earlier. It works in small steps, each one short transaction, with a pause between
 * them, so the delivery engine's writes never wait long behind it.
 */

export interface RetentionOptions {
  /** Days messages are kept once settled; 0 keeps everything. */
  retentionDays: number;
  /** Days payloads are kept; null (or not shorter than `retentionDays`) = as long as the message. */
  payloadRetentionDays: number | null;
  /** Messages looked at per step. */
  stepSize?: number;
  /** Pause between steps, ms (0: yield to other work only). */
  pauseMs?: number;
  /** Time between background passes, ms. */
  intervalMs?: number;
}

export const RETENTION_DEFAULTS = { stepSize: 200, pauseMs: 20, intervalMs: 5 * 60_000 };
/** The most messages a step looks at (a manual purge may ask for smaller steps). */
export const MAX_STEP_SIZE = RETENTION_DEFAULTS.stepSize;
/**
 * Each pause lasts at least this many times the step before it: however slow the machine, the
 * purge holds the database's writer at most a quarter of the time.
 */
const PAUSE_PER_STEP_TIME = 3;
/** Free pages given back per step (SQLite, incremental auto-vacuum): 4 MB of 4 KB pages. */
const PAGES_PER_STEP = 1024;

export interface PurgeTotals {
  messages: number;
  deliveries: number;
  attempts: number;
  payloadsDropped: number;
  /** Rollups, recover and replay runs, simulator test attempts. */
  history: number;
  pagesReclaimed: number;
}

export const noTotals = (): PurgeTotals => ({
  messages: 0,
  deliveries: 0,
  attempts: 0,
  payloadsDropped: 0,
  history: 0,
  pagesReclaimed: 0,
});

/** What one bounded run of steps did, and where the next run continues (null: finished). */
export interface PurgeRun {
  totals: PurgeTotals;
  next: PurgeCursor | null;
}

export class Retention {
  private readonly stepSize: number;
  private readonly pauseMs: number;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PurgeTotals> | null = null;
  private stopped = false;
  /** How long the last step took (ms), for the pause after it. */
  private lastStepMs = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: RetentionOptions,
  ) {
    this.stepSize = options.stepSize ?? RETENTION_DEFAULTS.stepSize;
    this.pauseMs = options.pauseMs ?? RETENTION_DEFAULTS.pauseMs;
    this.intervalMs = options.intervalMs ?? RETENTION_DEFAULTS.intervalMs;
  }

  /** Whether anything is ever deleted or dropped. */
  get enabled(): boolean {
    return this.options.retentionDays > 0 || this.payloadCutoffDays() !== null;
  }

  /** Runs a pass now and then every interval, in the background. */
  start(): void {
    if (!this.enabled) return;
    this.stopped = false;
    const tick = () => {
      this.timer = null;
      void this.runPass()
        .catch((error) => this.logger.error({ err: error }, 'retention pass failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  /** Stops the schedule; a pass under way ends after its current step. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One whole pass as of the clock's now; concurrent calls share the pass under way. */
  runPass(): Promise<PurgeTotals> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<PurgeTotals> {
    const now = this.clock.now();
    const totals = noTotals();
    const payloadDays = this.payloadCutoffDays();
    if (payloadDays !== null) {
      let after: PurgeCursor | null = null;
      do {
        const step: PurgeProgress = await this.timed(() =>
          this.store.dropPayloads(this.request(now - payloadDays * DAY, after, now)),
        );
        totals.payloadsDropped += step.messages;
        after = step.next;
      } while (after !== null && (await this.pause()));
    }
    if (this.options.retentionDays > 0) {
      const before = now - this.options.retentionDays * DAY;
      let after: PurgeCursor | null = null;
      do {
        const run = await this.purgeSteps(before, after, now, this.stepSize);
        add(totals, run.totals);
        after = run.next;
      } while (after !== null && (await this.pause()));
      await this.finish(before, totals);
    }
    if (totals.messages + totals.payloadsDropped + totals.history > 0)
      this.logger.info({ retention: totals }, 'retention pass done');
    return totals;
  }

  /**
   * The message purge from `after`, looking at up to `limit` messages in steps of at most
   * `stepSize` (a manual purge calls this once per request; the API hands the cursor back for the
   * next).
   */
  async purgeSteps(
    before: number,
    after: PurgeCursor | null,
    now: number,
    limit: number,
    stepSize = this.stepSize,
  ): Promise<PurgeRun> {
    const totals = noTotals();
    let next = after;
    for (let left = limit; left > 0;) {
      const size = Math.min(left, stepSize);
      const step = await this.timed(() =>
        this.store.purgeMessages({ before, after: next, now, limit: size }),
      );
      totals.messages += step.messages;
      totals.deliveries += step.deliveries;
      totals.attempts += step.attempts;
      next = step.next;
      left -= size;
      if (next === null || this.stopped) break;
      if (left > 0) await this.pause();
    }
    return { totals, next };
  }

  /** After the messages: older rollups and runs, then free pages given back (SQLite). */
  async finish(before: number, totals: PurgeTotals): Promise<void> {
    for (;;) {
      const deleted = await this.timed(() => this.store.purgeHistory(before, this.stepSize));
      totals.history += deleted;
      if (deleted === 0 || !(await this.pause())) break;
    }
    for (;;) {
      const pages = await this.timed(() => this.store.reclaimSpace(PAGES_PER_STEP));
      totals.pagesReclaimed += pages;
      if (pages === 0 || !(await this.pause())) break;
    }
  }

  private request(before: number, after: PurgeCursor | null, now: number): PurgeRequest {
    return { before, after, limit: this.stepSize, now };
  }

  private payloadCutoffDays(): number | null {
    const { payloadRetentionDays: days, retentionDays } = this.options;
    if (days === null) return null;
    return retentionDays === 0 || days < retentionDays ? days : null;
  }

  private async timed<T>(step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step();
    } finally {
      this.lastStepMs = performance.now() - started;
    }
  }

  /** Lets other work run between steps, longer after a slow step; false once stopped. */
  private async pause(): Promise<boolean> {
    const ms = Math.max(this.pauseMs, this.lastStepMs * PAUSE_PER_STEP_TIME);
    await new Promise((resolve) =>
      this.pauseMs > 0 ? setTimeout(resolve, ms) : setImmediate(resolve),
    );
    return !this.stopped;
  }
}

function add(into: PurgeTotals, from: PurgeTotals): void {
  for (const key of Object.keys(into) as Array<keyof PurgeTotals>) into[key] += from[key];
}
