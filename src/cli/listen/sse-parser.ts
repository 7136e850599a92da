/** One Server-Sent Event. */
export interface SseMessage {
  event: string;
  data: string;
  /** The event's id field, when it had one. */
  id: string | null;
}

/**
 * Incremental parser for text/event-stream (the WHATWG rules that matter here): lines end with LF,
 * CRLF or CR; `:` starts a comment; a blank line dispatches; data lines are joined with LF.
 */
export class SseParser {
  private buffer = '';
  private afterCR = false;
  private event = '';
  private data: string[] = [];
  private id: string | null = null;
  /** The last id seen on any event: what to send as Last-Event-ID when reconnecting. */
  lastEventId: string | null = null;
  /** The server's `retry:` advice in ms, if it gave one. */
  retryMs: number | null = null;

  push(chunk: string): SseMessage[] {
    // A CR that ended the last chunk may have been the first half of a CRLF.
    if (this.afterCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.afterCR = false;
    this.buffer += chunk;
    const out: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i === this.buffer.length - 1) this.afterCR = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
      const message = this.line(line);
      if (message) out.push(message);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  private line(line: string): SseMessage | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return null;
  }

  private dispatch(): SseMessage | null {
    const id = this.id;
    if (id !== null) this.lastEventId = id;
    const hasData = this.data.length > 0;
    const message = { event: this.event || 'message', data: this.data.join('\n'), id };
    this.event = '';
    this.data = [];
    this.id = null;
    return hasData ? message : null;
  }
}
