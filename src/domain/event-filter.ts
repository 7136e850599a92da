/**
 * Event-type filters: null or ["*"] = everything; "message.*" = every type under "message.";
 * anything else is an exact name.
 */
export type EventMatcher = (eventType: string) => boolean;

const PATTERN = /^(\*|[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*(\.\*)?)$/;

export function isValidFilterPattern(pattern: string): boolean {
  return pattern.length <= 256 && PATTERN.test(pattern);
}

export function compileFilter(patterns: string[] | null): EventMatcher {
  if (patterns === null || patterns.includes('*')) return () => true;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of patterns) {
    if (p.endsWith('.*')) prefixes.push(p.slice(0, -1));
    else exact.add(p);
  }
  return (type) => exact.has(type) || prefixes.some((prefix) => type.startsWith(prefix));
}

/**
 * One event-type pattern as a range a list query can use: every type, one exact type, or the
 * types starting with `prefix.` (from `prefix.` up to, not including, `prefix/`: '/' follows '.').
 */
export type EventTypeRange =
  { kind: 'all' } | { kind: 'exact'; type: string } | { kind: 'prefix'; from: string; to: string };

export function eventTypeRange(pattern: string): EventTypeRange {
  if (pattern === '*') return { kind: 'all' };
  if (!pattern.endsWith('.*')) return { kind: 'exact', type: pattern };
  const prefix = pattern.slice(0, -1);
  return { kind: 'prefix', from: prefix, to: `${prefix.slice(0, -1)}/` };
}

const EVENT_TYPE = /^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/;

export function isValidEventType(type: string): boolean {
  return type.length <= 256 && EVENT_TYPE.test(type);
}
