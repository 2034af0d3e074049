/**
 * What the server remembers about Yahoo between requests: per symbol, the failure that made it stop
 * asking and until when; and for Yahoo as a whole, the pause a 429 asked for. Kept behind this
 * interface so instances sharing a store (Redis) also share what one of them learnt.
 */

/** Why and until when a key is not asked upstream. Plain data, so any store can hold it. */
export interface UpstreamBlock {
  /** Epoch ms before which the key is not asked. */
  untilMs: number;
  /** The code of the error that caused the block (e.g. UPSTREAM_TIMEOUT). */
  code: string;
  /** That error's message, given again to the requests the block turns away. */
  message: string;
  /** Failures in a row, for the growing back-off. */
  failures: number;
}

/** The key of the block that concerns every symbol (Yahoo's 429). */
export const WHOLE_UPSTREAM = '*';

export interface UpstreamState {
  /** The block of `key` (a symbol, or WHOLE_UPSTREAM), expired or not, until it is forgotten. */
  get(key: string): Promise<UpstreamBlock | undefined>;
  /** Records `block` for `key`, to be forgotten at `forgetAtMs` (epoch ms). */
  set(key: string, block: UpstreamBlock, forgetAtMs: number): Promise<void>;
  /** Forgets the block of `key`; resolves true when there was one. */
  clear(key: string): Promise<boolean>;
}

/**
 * The state of one process, in a Map. Forgotten blocks are dropped when read, and the map is swept
 * when it grows, so distinct failing symbols cannot fill memory.
 * @example const state = new MemoryUpstreamState(() => Date.now())
 */
export class MemoryUpstreamState implements UpstreamState {
  private readonly blocks = new Map<string, { block: UpstreamBlock; forgetAtMs: number }>();
  private sweepAt = SWEEP_SIZE;

  constructor(private readonly nowMs: () => number) {}

  async get(key: string): Promise<UpstreamBlock | undefined> {
    const kept = this.blocks.get(key);
    if (!kept) return undefined;
    if (kept.forgetAtMs <= this.nowMs()) {
      this.blocks.delete(key);
      return undefined;
    }
    return kept.block;
  }

  async set(key: string, block: UpstreamBlock, forgetAtMs: number): Promise<void> {
    this.blocks.set(key, { block, forgetAtMs });
    if (this.blocks.size >= this.sweepAt) this.sweep();
  }

  async clear(key: string): Promise<boolean> {
    return this.blocks.delete(key);
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const [key, kept] of this.blocks) if (kept.forgetAtMs <= now) this.blocks.delete(key);
    this.sweepAt = Math.max(SWEEP_SIZE, this.blocks.size * 2);
  }
}

const SWEEP_SIZE = 1_000;
