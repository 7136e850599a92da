/** Called when a listener throws: the error and the event's name. */
export type ListenerErrorHandler = (error: unknown, eventName: string) => void;

type Listeners<M> = { [K in keyof M]?: ReadonlyArray<(event: M[K]) => void> };

/**
 * A synchronous emitter typed by an event map (`{ name: payload }`), for several listeners.
 *
 * Unlike node:events, a listener that throws is handed to `onListenerError` and the other listeners
 * still run: emitters sit on hot paths whose bookkeeping must not be cut short by a subscriber's
 * bug. Listener lists are replaced, never mutated, so a listener may unsubscribe while an event is
 * being emitted and emitting allocates nothing. `listening(name)` lets the emitting side skip
 * building a payload that nobody would receive.
 */
export class TypedEmitter<M extends object> {
  private readonly listeners: Listeners<M> = {};

  constructor(private readonly onListenerError: ListenerErrorHandler) {}

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof M>(name: K, listener: (event: M[K]) => void): () => void {
    this.listeners[name] = [...(this.listeners[name] ?? []), listener];
    return () => this.off(name, listener);
  }

  off<K extends keyof M>(name: K, listener: (event: M[K]) => void): void {
    const current = this.listeners[name];
    const index = current ? current.indexOf(listener) : -1;
    if (!current || index < 0) return;
    this.listeners[name] = current.length === 1 ? undefined : current.filter((_, i) => i !== index);
  }

  /** Whether anyone listens to `name`: check it before building a payload. */
  listening(name: keyof M): boolean {
    return this.listeners[name] !== undefined;
  }

  emit<K extends keyof M>(name: K, event: M[K]): void {
    const current = this.listeners[name];
    if (current === undefined) return;
    for (const listener of current) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, String(name));
      }
    }
  }
}
