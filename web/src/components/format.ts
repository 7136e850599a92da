/** A 0–1 rate as a percentage with one decimal, or a dash when there is none. */
export const percent = (rate: number | null | undefined): string =>
  rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/** Milliseconds in the unit a person reads best (250 ms, 1.5 s, 3 min, 2 h). */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 6000) / 10} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}
