/**
 * Lookups by key asked in the same turn of the event loop share one query (`fetch` with all their
 * keys), as concurrent requests authenticating at once do: one round trip and one statement
 * instead of one each. Each lookup still reads the database: nothing is kept between batches.
 */
export class ReadBatch<K, V> {
  private waiting = new Map<
    K,
    Array<{ resolve: (v: V | null) => void; reject: (e: unknown) => void }>
  >();
  private scheduled = false;

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxKeys = 500,
  ) {}

  get(key: K): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(key);
      if (list) list.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = [...this.waiting];
    this.waiting = new Map();
    for (let i = 0; i < all.length; i += this.maxKeys)
      void this.read(all.slice(i, i + this.maxKeys));
  }

  private async read(
    part: Array<[K, Array<{ resolve: (v: V | null) => void; reject: (e: unknown) => void }>]>,
  ): Promise<void> {
    try {
      const found = await this.fetch(part.map(([key]) => key));
      for (const [key, list] of part) for (const w of list) w.resolve(found.get(key) ?? null);
    } catch (error) {
      for (const [, list] of part) for (const w of list) w.reject(error);
    }
  }
}
