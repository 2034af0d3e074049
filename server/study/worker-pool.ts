import { Worker, type ResourceLimits } from 'node:worker_threads';
import { ClientGoneError, ServerBusyError } from '../errors.ts';
import type { AnswerMessage, JobMessage } from './worker-protocol.ts';

export interface WorkerPoolOptions {
  /** The worker module (it calls answerJobs), as study-worker-location.ts launches it. */
  entry: URL;
  /** Data the module reads at start (typescript-worker.mjs: which .ts module to import). */
  workerData?: unknown;
  /**
   * Node flags of each worker; none by default. A worker would otherwise inherit the process's own
   * (a test's `--import` of a .ts preload, say), which it may not be able to load.
   */
  execArgv?: string[];
  /** Workers at most, so jobs running at once. */
  size: number;
  /** Jobs waiting for a worker at most; beyond it `run` refuses with ServerBusyError. */
  queueLimit: number;
  resourceLimits?: ResourceLimits;
  /** A worker idle this long is stopped, giving its memory back (default 15 s). */
  idleMs?: number;
  /** Names the jobs in the busy message, e.g. "studies". */
  what: string;
  log?: (line: string) => void;
}

interface Job<In, Out> {
  id: number;
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
  startedMs?: number;
}

interface PoolWorker<In, Out> {
  worker: Worker;
  job: Job<In, Out> | undefined;
  /** The error the worker reported before it exited, if any. */
  failure: Error | undefined;
  /** Stops the worker once it has been idle for idleMs. */
  retire: NodeJS.Timeout | undefined;
}

/** The worker stopped while running a job (an uncaught fault, or more memory than its limit). */
export class WorkerStoppedError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerStoppedError';
  }
}

/** Until the first job has finished, the Retry-After estimate assumes this per job. */
const ASSUMED_JOB_MS = 1_000;
const MAX_RETRY_AFTER_SECONDS = 60;
/**
 * A heavy study leaves a worker's heap at a few hundred MB until the collector runs, and V8 keeps
 * the pages; a worker that has nothing to do for this long is stopped, so the memory goes back.
 */
const DEFAULT_IDLE_MS = 15_000;

/**
 * A fixed number of worker threads that run jobs off the event loop: at most `size` at once, up to
 * `queueLimit` more waiting, and a fast ServerBusyError (with a Retry-After estimate) beyond that.
 * A waiting job whose signal aborts leaves the queue at once; a running one finishes (its result
 * may still be kept by the caller). Workers start on demand and stay for the next job; an idle one
 * does not keep the process alive, and is stopped after `idleMs`. A worker that dies fails its job with WorkerStoppedError and is replaced on
 * the next job.
 * @example const pool = new WorkerPool<Job, Result>({ entry, size: 2, queueLimit: 8, what: 'studies' }); await pool.run(job, request.signal)
 */
export class WorkerPool<In, Out> {
  private readonly workers = new Set<PoolWorker<In, Out>>();
  private readonly idle: PoolWorker<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 1;
  private averageJobMs = ASSUMED_JOB_MS;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Jobs running and waiting, and workers idle, now. */
  get load(): { running: number; queued: number; idle: number } {
    return { running: this.workers.size - this.idle.length, queued: this.queue.length, idle: this.idle.length };
  }

  /**
   * Runs `input` on a worker.
   * @throws ServerBusyError when every worker is busy and the queue is full; ClientGoneError when
   *   `signal` aborts while the job waits; WorkerStoppedError when the worker dies; the worker's
   *   own error message when its handler throws.
   */
  run(input: In, signal?: AbortSignal): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed.'));
    if (signal?.aborted) return Promise.reject(new ClientGoneError());
    return new Promise<Out>((resolve, reject) => {
      const job: Job<In, Out> = { id: this.nextId++, input, resolve, reject };
      const worker = this.idle.pop() ?? (this.workers.size < this.options.size ? this.spawn() : undefined);
      if (worker) {
        this.start(worker, job);
        return;
      }
      if (this.queue.length >= this.options.queueLimit) {
        reject(new ServerBusyError(this.options.what, this.retryAfterSeconds()));
        return;
      }
      this.queue.push(job);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.queue.indexOf(job);
          if (index === -1) return;
          this.queue.splice(index, 1);
          reject(new ClientGoneError());
        },
        { once: true },
      );
    });
  }

  /** Stops every worker and fails the jobs still waiting. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The worker pool was closed.'));
    await Promise.all([...this.workers].map((pooled) => pooled.worker.terminate()));
  }

  private spawn(): PoolWorker<In, Out> {
    const worker = new Worker(this.options.entry, { workerData: this.options.workerData, execArgv: this.options.execArgv ?? [], resourceLimits: this.options.resourceLimits });
    worker.unref();
    const pooled: PoolWorker<In, Out> = { worker, job: undefined, failure: undefined, retire: undefined };
    this.workers.add(pooled);
    worker.on('message', (answer: AnswerMessage<Out>) => this.finish(pooled, answer));
    worker.on('error', (error) => (pooled.failure = error));
    worker.on('exit', (code) => this.lose(pooled, code));
    return pooled;
  }

  private start(pooled: PoolWorker<In, Out>, job: Job<In, Out>): void {
    pooled.job = job;
    clearTimeout(pooled.retire);
    // A worker with a job keeps the process alive until it answers; an idle one does not.
    pooled.worker.ref();
    job.startedMs = performance.now();
    const message: JobMessage<In> = { id: job.id, input: job.input };
    pooled.worker.postMessage(message);
  }

  private finish(pooled: PoolWorker<In, Out>, answer: AnswerMessage<Out>): void {
    const job = pooled.job;
    if (!job || job.id !== answer.id) return;
    pooled.job = undefined;
    if (job.startedMs !== undefined) this.averageJobMs = 0.8 * this.averageJobMs + 0.2 * (performance.now() - job.startedMs);
    if (answer.ok) job.resolve(answer.output);
    else job.reject(Object.assign(new Error(answer.message), { stack: answer.stack ?? answer.message }));
    const next = this.queue.shift();
    if (next) {
      this.start(pooled, next);
    } else {
      pooled.worker.unref();
      this.idle.push(pooled);
      pooled.retire = setTimeout(() => this.retire(pooled), this.options.idleMs ?? DEFAULT_IDLE_MS).unref();
    }
  }

  private retire(pooled: PoolWorker<In, Out>): void {
    if (pooled.job) return;
    this.forget(pooled);
    void pooled.worker.terminate();
  }

  private forget(pooled: PoolWorker<In, Out>): void {
    clearTimeout(pooled.retire);
    this.workers.delete(pooled);
    const idleIndex = this.idle.indexOf(pooled);
    if (idleIndex !== -1) this.idle.splice(idleIndex, 1);
  }

  private lose(pooled: PoolWorker<In, Out>, exitCode: number): void {
    // A retired worker was forgotten already; its exit is expected.
    if (!this.workers.has(pooled)) return;
    this.forget(pooled);
    if (this.closed) return;
    const failure = pooled.failure;
    const code = (failure as NodeJS.ErrnoException | undefined)?.code;
    this.options.log?.(`workers: a ${this.options.what} worker stopped (exit code ${exitCode}${failure ? `: ${failure.message}` : ''}); the next job starts another`);
    pooled.job?.reject(new WorkerStoppedError(code, failure?.message ?? `The worker exited with code ${exitCode}.`));
    pooled.job = undefined;
    // Jobs waiting for this worker get a new one.
    const next = this.queue.shift();
    if (next) this.start(this.spawn(), next);
  }

  private retryAfterSeconds(): number {
    const jobsAhead = this.load.running + this.queue.length;
    const seconds = Math.ceil((this.averageJobMs * jobsAhead) / this.options.size / 1000);
    return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds));
  }
}
