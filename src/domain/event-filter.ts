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

const EVENT_TYPE = /^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/;

export function isValidEventType(type: string): boolean {
  return type.length <= 256 && EVENT_TYPE.test(type);
}
