/** Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html). */

/** One event; `data` must be a single line (JSON.stringify output is). */
export function sseEvent(event: string, data: string, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`;
}

/** A comment line: keeps proxies from closing an idle stream. */
export const sseComment = (text: string): string => `: ${text}\n\n`;

/** Tells EventSource clients how long to wait before reconnecting. */
export const sseRetry = (ms: number): string => `retry: ${ms}\n\n`;
