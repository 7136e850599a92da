/** When the checkpoint thread copies the WAL into the database file, and how hard it tries. */
export interface CheckpointPolicy {
  /** How often the WAL is looked at (a PASSIVE checkpoint when it has new frames). */
  intervalMs: number;
  /**
   * WAL frames past which a PASSIVE checkpoint is not enough (a reader kept it from finishing):
   * a TRUNCATE then waits for the readers, holding writers off meanwhile, and empties the file.
   */
  limitFrames: number;
  /** How long a TRUNCATE may wait for the writer and readers before it gives up until next time. */
  truncateWaitMs: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = {
  intervalMs: 100,
  // 64 MiB of 4 KiB pages: far past what a passive checkpoint every 100 ms leaves under load.
  limitFrames: 16_384,
  truncateWaitMs: 1_000,
};

/** What `PRAGMA wal_checkpoint` reports: frames in the WAL and frames copied into the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Whether a PASSIVE checkpoint left the WAL past its limit: the writer starts the WAL over only
 * once every frame is copied and no reader still uses it, and a reader kept that from happening.
 */
export function needsTruncate(passive: CheckpointResult, policy: CheckpointPolicy): boolean {
  return passive.log > policy.limitFrames;
}
