import { InvalidArgumentError, Option } from 'commander';

/** Argument parsers that say what was expected; commander prefixes the option's name. */
export function integer(min: number, max: number) {
  return (raw: string): number => {
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    return Number(raw);
  };
}

export function positiveNumber(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new InvalidArgumentError('expected a number above 0');
  return value;
}

/** A JSON object given inline, e.g. a payload filter; the server checks what is inside. */
export function jsonObject(raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new InvalidArgumentError('expected a JSON object, e.g. \'{"status":"failed"}\'');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidArgumentError('expected a JSON object, e.g. \'{"status":"failed"}\'');
  return value as Record<string, unknown>;
}

/** An ISO 8601 time, or a duration back from now: 30m, 2h, 7d. */
export function time(raw: string): string {
  const ago = /^(\d+)([smhd])$/.exec(raw);
  if (ago) {
    const unit = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3 }[ago[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(Date.now() - Number(ago[1]) * unit).toISOString();
  }
  if (Number.isNaN(Date.parse(raw)))
    throw new InvalidArgumentError(
      'expected an ISO 8601 time or a duration back from now (30m, 2h, 7d)',
    );
  return new Date(raw).toISOString();
}

/** An option whose value must be one of `values`; commander's error lists them. */
export function choiceOption(flags: string, description: string, values: readonly string[]) {
  return new Option(flags, description).choices(values);
}

export function page() {
  return {
    limit: new Option('--limit <n>', 'how many per page (1-250)').argParser(integer(1, 250)),
    cursor: new Option('--cursor <cursor>', 'the page after this cursor (printed under a table)'),
  };
}
