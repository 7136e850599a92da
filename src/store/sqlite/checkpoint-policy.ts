/** When the checkpoint thread copies the WAL into the database file, and how hard it tries. */
export interface CheckpointPolicy {
  /** How often the WAL is looked at (a PASSIVE checkpoint when it has new frames). */
  intervalMs: number;
  /**
   * WAL frames past which a PASSIVE checkpoint is not enough: the writer starts the WAL over only
   * once every frame is copied, and under a steady stream of commits it appends new frames while
   * each PASSIVE copies, so the WAL only grows (a reader on an old snapshot does the same). A
   * RESTART then holds the writer off while it copies the few frames left, and the writer's next
   * commit starts the WAL over from its beginning, in place: the file keeps its size.
   */
  limitFrames: number;
  /**
   * How long a RESTART may wait for the writer and readers before it gives up until next time:
   * commits wait that long at most (a reader that began after the passive checkpoint). The
   * server's own reads last a few milliseconds; one that lasts longer (a backup, a long report)
   * is better retried at the next look than waited for with every commit held.
   */
  restartWaitMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
  intervalMs: 100,
  // Just under 64 MiB of 4 KiB pages (with their frame headers): the WAL file never passes the
  // size the writer trims it back to when it starts over (`journal_size_limit`, sqlite-store.ts),
  // so it is written over in place, never cut and grown again.
  limitFrames: 16_000,
  // 100 ms held commits that long whenever an outside reader began between the passive checkpoint
  // and the RESTART: p99 at 500 messages/s during large checkpoints 85 and 88 ms against 23 and
  // 39 ms with 20 (`node dist/bench/run.js --only sweep-disturb`, alternating, 2026-12-01).
  restartWaitMs: 20,
};

/** What `PRAGMA wal_checkpoint` reports: frames in the WAL and frames copied into the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Whether to RESTART after a PASSIVE checkpoint: the WAL is past its limit (see `limitFrames`) and
 * the passive one copied past every frame the WAL held at the previous look (`previousLog`), so no
 * reader holds an old snapshot. Copying exactly up to that look is not enough: a reader that began
 * then stops the copy there too (a RESTART after it held the writer off for `restartWaitMs`); with
 * commits going on, the next look sees the copy pass it. A RESTART waits for such a reader while holding the writer off:
 * a console read or an outside backup pinning the WAL would stall every commit until it let go.
 * Frames appended while the passive one copied hold nothing back; a pinned reader stops the copy
 * short of them.
 */
export function needsRestart(
  passive: CheckpointResult,
  previousLog: number,
  policy: CheckpointPolicy,
): boolean {
  return passive.log > policy.limitFrames && passive.checkpointed > previousLog;
}
