/**
 * A worker module for the WorkerPool tests, speaking the pool's protocol (answerJobs): each job
 * sleeps or keeps the CPU busy for `ms`, or fails, or ends the worker, as it asks.
 */
import { threadId } from 'node:worker_threads';
import { answerJobs } from '../../../../server/study/worker-protocol.ts';

export interface TestJob {
  ms: number;
  busy?: boolean;
  fail?: boolean;
  exit?: boolean;
}

export interface TestJobDone {
  threadId: number;
  startMs: number;
  endMs: number;
}

answerJobs(async (job: TestJob): Promise<TestJobDone> => {
  if (job.exit) process.exit(3);
  if (job.fail) throw new Error('the test job failed as asked');
  const startMs = Date.now();
  if (job.busy) while (Date.now() - startMs < job.ms);
  else await new Promise((resolve) => setTimeout(resolve, job.ms));
  return { threadId, startMs, endMs: Date.now() };
});
