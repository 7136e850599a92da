/** Canonical events carry RFC 3339 times; platforms want epoch milliseconds or seconds. */
export function epochMs(iso: string): number {
  return Date.parse(iso);
}

export function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
