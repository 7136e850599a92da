/**
 * The share of a drain's deliveries that is its warm-up: the rate is timed over the rest, as the
 * raw ceiling times its requests only after an untimed warm-up. Whichever system drains starts in
 * a fresh process (its JIT, its connections, its caches cold); in the quick plan's 3-second drain
 * that start-up was a third of Hookline's time, and a ratio to the warm ceiling measured it more
 * than the drain. The rate from the first delivery is kept beside it (`fromFirstPerSecond`).
 */
export const DRAIN_WARMUP_SHARE = 0.25;

/** Deliveries that make up the warm-up of a drain of `deliveries`. */
export function drainWarmup(deliveries: number): number {
  return Math.floor(deliveries * DRAIN_WARMUP_SHARE);
}

/** The rate after the warm-up: the deliveries left once it ended, over the time they took. */
export function steadyRate(
  deliveries: number,
  warmup: number,
  warmEndedAt: number,
  endedAt: number,
): number {
  return (deliveries - warmup) / ((endedAt - warmEndedAt) / 1000);
}
