/**
 * A least-recently-used map bounded by the bytes of its values rather than their count, for things
 * whose sizes differ by orders of magnitude (a 2 kB manifest and a 7 MB CSV). A value larger than
 * the whole budget is not kept at all.
 * @example const lru = new ByteLru<Buffer>(64 * 1024 * 1024, (body) => body.byteLength)
 */
export class ByteLru<V> {
  /** Insertion order is recency order: the first key is the least recently used. */
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** Bytes held now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value of `key`, now the most recently used, or undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` as the most recently used and evicts the least recently used beyond the budget; returns the evicted keys. */
  set(key: string, value: V): string[] {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes) return [];
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    const evicted: string[] = [];
    for (const [oldestKey, oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.total -= oldest.bytes;
      evicted.push(oldestKey);
    }
    return evicted;
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.bytes;
    return true;
  }
}
