import ms from 'ms';

/**
 * A duration as an operator writes it: a number and a unit (`5d`, `36h`, `90m`, `45s`, `500ms`,
 * `2 days`), read by the `ms` package. A bare number is refused (seconds or milliseconds? say
 * which), and so is anything negative; undefined when it is not a duration.
 */
export function parseDurationText(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?\s*[a-z]+$/i.test(text)) return undefined;
  const value = ms(text as ms.StringValue);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
