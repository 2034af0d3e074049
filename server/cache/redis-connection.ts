import { Redis, ReplyError } from 'ioredis';
import { redactedUrl } from './redis-url.ts';

/** Keys of the shared state start with this, so one Redis can serve other applications too. */
export const DEFAULT_REDIS_PREFIX = 'kabuto:';
/** How long connecting may take, at start and on each reconnection. */
export const REDIS_CONNECT_TIMEOUT_MS = 2_000;
/** How long one command may take before Redis counts as unresponsive. */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/** How often an unresponsive Redis (connected, but not answering) is asked whether it answers again. */
const PROBE_INTERVAL_MS = 2_000;
/** Longest pause between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export interface RedisConnectionOptions {
  /** redis://[user:password@]host[:port][/db] or rediss:// for TLS. */
  url: string;
  log: (line: string) => void;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
}

type State = 'starting' | 'up' | 'down';

/**
 * One client (ioredis) for everything this instance shares through Redis, and the answer to "may
 * Redis be used right now?". No call waits for Redis longer than the command timeout: commands
 * are never queued while the connection is down (they fail at once), connecting has its own
 * timeout, and a Redis that is connected but stops answering is marked down at the first command
 * that times out, then probed in the background. The client reconnects by itself after a loss.
 * Each change of state is one log line; the password of the URL never appears in the log.
 * @example const redis = new RedisConnection({ url: 'redis://127.0.0.1:6379', log: console.error }); await redis.start()
 */
export class RedisConnection {
  readonly client: Redis;
  /** The URL as logged: without its password. */
  readonly where: string;
  private state: State = 'starting';
  private probe: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly refusals = new Set<string>();

  constructor(private readonly options: RedisConnectionOptions) {
    this.where = redactedUrl(options.url);
    this.client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? REDIS_CONNECT_TIMEOUT_MS,
      commandTimeout: options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), MAX_RECONNECT_DELAY_MS),
      connectionName: 'kabuto',
    });
    this.client.on('ready', () => this.markUp());
    // Every failed reconnection emits 'error' again; only the first of a row changes the state, and so logs.
    this.client.on('error', (error: Error) => this.markDown(error.message));
    this.client.on('close', () => this.markDown('the connection closed'));
  }

  /**
   * Connects, waiting at most the connect timeout. Never rejects: a Redis that cannot be reached
   * is logged, and the client keeps trying in the background while the instance works alone.
   */
  async start(): Promise<void> {
    const timeoutMs = (this.options.connectTimeoutMs ?? REDIS_CONNECT_TIMEOUT_MS) + 500;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    const connected = this.client.connect().catch((error: unknown) => this.markDown(describe(error)));
    await Promise.race([connected, timedOut]);
    clearTimeout(timer);
    if (this.state === 'starting') this.markDown(`no answer within ${timeoutMs} ms`);
  }

  /** True while Redis answers; false before the first connection, after a loss and while it hangs. */
  isUp(): boolean {
    return this.state === 'up' && this.client.status === 'ready';
  }

  /**
   * Called with the error of a command: a refusal by Redis itself (a reply error, e.g. out of
   * memory) is logged, once per message and connection, and changes nothing; anything else (a timeout, a lost connection) marks
   * Redis down until it answers again.
   */
  reportFailure(what: string, error: unknown): void {
    if (error instanceof ReplyError) {
      // Each distinct refusal once per connection (e.g. OOM while Redis stays full), not once per request.
      const message = describe(error);
      if (!this.refusals.has(message)) this.options.log(`redis: ${this.where} refused ${what} (${message}); this instance used its own cache or memory instead`);
      this.refusals.add(message);
      return;
    }
    this.markDown(`${what}: ${describe(error)}`);
    if (this.client.status === 'ready') this.probeUntilAnswered();
  }

  /** Disconnects for good (at shutdown). */
  close(): void {
    this.closed = true;
    clearInterval(this.probe);
    this.client.disconnect();
  }

  private markUp(): void {
    if (this.state === 'up' || this.closed) return;
    const before = this.state;
    this.state = 'up';
    this.refusals.clear();
    clearInterval(this.probe);
    this.probe = undefined;
    const again = before === 'down' ? ' again' : '';
    this.options.log(`redis: ${this.where} answers${again}; the price cache, Yahoo's back-off and fetch locks are shared with the other instances`);
  }

  private markDown(reason: string): void {
    if (this.state === 'down' || this.closed) return;
    const before = this.state;
    this.state = 'down';
    const what = before === 'starting' ? 'cannot reach' : 'lost';
    this.options.log(`redis: ${what} ${this.where} (${reason}); this instance uses its own cache and memory until Redis answers`);
  }

  private probeUntilAnswered(): void {
    if (this.probe) return;
    this.probe = setInterval(() => {
      if (this.client.status !== 'ready') return;
      this.client.ping().then(
        () => this.markUp(),
        () => undefined,
      );
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
