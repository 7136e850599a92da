import type { BinRequestJson } from '../../inspector/request-json.js';
import type { ForwardResult } from './forward.js';

const two = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS of an ISO time, in the terminal's time zone. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** One line per forwarded request: time, method, event type, target status (or error), latency. */
export function requestLine(captured: BinRequestJson, result: ForwardResult): string {
  const outcome = result.status !== null ? String(result.status) : `failed: ${result.error}`;
  const notes = captured.bodyTruncated
    ? `  (body truncated at ${Buffer.byteLength(captured.body, captured.bodyEncoding === 'base64' ? 'base64' : 'utf8')} of ${captured.bodySize} bytes)`
    : '';
  return `${clockTime(captured.receivedAt)}  ${captured.method.padEnd(7)} ${(captured.eventType ?? '-').padEnd(26)} -> ${outcome}  ${result.durationMs} ms${notes}`;
}
