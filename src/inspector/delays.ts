/** Waits that can all be cut short at once (a bin's response delay when the server shuts down). */
export class Delays {
  private readonly pending = new Set<() => void>();

  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending.add(done);
    });
  }

  /** Ends every wait now. */
  cancelAll(): void {
    for (const done of [...this.pending]) done();
  }
}
