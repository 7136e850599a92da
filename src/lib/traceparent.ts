/**
 * W3C Trace Context `traceparent` headers (https://www.w3.org/TR/trace-context/):
 * `00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`. An invalid one is ignored, as the
 * recommendation says, never refused.
 */
export interface TraceParent {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

const HEADER = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

export function parseTraceparent(header: string | null | undefined): TraceParent | null {
  if (typeof header !== 'string' || header.length > 512) return null;
  const m = HEADER.exec(header.trim());
  if (!m) return null;
  const [, version, traceId, spanId, flags, rest] = m;
  // Version ff is invalid; version 00 has nothing after the flags; later versions may.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (/^0+$/.test(traceId!) || /^0+$/.test(spanId!)) return null;
  return { traceId: traceId!, spanId: spanId!, traceFlags: parseInt(flags!, 16) };
}

export function formatTraceparent(parent: TraceParent): string {
  const flags = (parent.traceFlags & 0xff).toString(16).padStart(2, '0');
  return `00-${parent.traceId}-${parent.spanId}-${flags}`;
}
