/**
 * The messages between a WorkerPool (worker-pool.ts) and its workers, and the worker's side of
 * them. A worker module calls answerJobs once with its handler.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';

export interface JobMessage<In> {
  id: number;
  input: In;
}

export type AnswerMessage<Out> = { id: number; ok: true; output: Out } | { id: number; ok: false; message: string; stack?: string };

/**
 * Answers every job the pool posts with `handler`'s output, transferring the buffers `transferOf`
 * names instead of copying them; a thrown error is answered as a failed job, never an exit.
 * @throws Error when called outside a worker thread.
 * @example answerJobs(computeStudyJob, resultTransferList)
 */
export function answerJobs<In, Out>(handler: (input: In) => Out | Promise<Out>, transferOf: (output: Out) => ArrayBuffer[] = () => []): void {
  const port = parentPort;
  if (!port) throw new Error('answerJobs runs in a worker thread only.');
  port.on('message', async ({ id, input }: JobMessage<In>) => {
    let answer: AnswerMessage<Out>;
    let transfer: ArrayBuffer[] = [];
    try {
      const output = await handler(input);
      answer = { id, ok: true, output };
      transfer = transferOf(output);
    } catch (error) {
      answer = { id, ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    }
    port.postMessage(answer, transfer);
  });
}

/** Niceness of a worker thread: under CPU contention the event loop (niceness 0) gets about ten times its share. */
const WORKER_NICENESS = 10;

/**
 * Lowers the scheduling priority of the calling thread, so long jobs on a busy machine yield the CPU
 * to the event loop that answers every other request. Linux gives each thread its own nice value
 * (setpriority on a thread id); the id comes from /proc/thread-self. Elsewhere this does nothing.
 * @example lowerThisThreadPriority() // in a worker, before its first job
 */
export function lowerThisThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, WORKER_NICENESS);
  } catch {
    // Not Linux, or not allowed: the thread keeps the process's priority.
  }
}
