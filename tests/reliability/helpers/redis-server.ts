/**
 * Debian's redis-server as a child process for one test file: on a free port of 127.0.0.1, in a
 * temporary folder, with nothing saved to disk (`--save '' --appendonly no`). It can be stopped
 * and started again on the same port, and paused (SIGSTOP) to play a Redis that hangs. `.ci/run`
 * installs the package; nothing else starts a Redis for the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll } from 'vitest';
import { tempRoot } from './temp-folders.ts';

const REDIS_SERVER = 'redis-server';
const READY_TIMEOUT_MS = 15_000;
const READY_LINE = /Ready to accept connections/;

/** A running (or stopped) redis-server. */
export interface RedisServer {
  port: number;
  url: string;
  /** Stops the server (SIGTERM; SIGKILL after 5 s). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** SIGSTOP: the port stays open, nothing answers. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
}

const running = new Set<ChildProcess>();
afterAll(async () => {
  await Promise.all([...running].map((child) => stopChild(child)));
});

/**
 * Starts redis-server on `port`, or on a free port when absent.
 * @throws Error with redis-server's output when it does not become ready.
 * @example const redis = await startRedisServer(); // redis.url === 'redis://127.0.0.1:<port>'
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const directory = await tempRoot('redis');
  const chosen = port ?? (await freePort());
  let child = await launch(chosen, directory);
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    stop: () => stopChild(child),
    restart: async () => {
      await stopChild(child);
      child = await launch(chosen, directory);
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}

/**
 * A port of 127.0.0.1 that was free a moment ago (the system's choice for port 0).
 * @example const port = await freePort()
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number, directory: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory, '--daemonize', 'no', '--loglevel', 'notice'];
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  let settled = false;
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`redis-server on port ${port} ${why}; its output: ${output}`));
    };
    const timer = setTimeout(() => fail(`was not ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    // Read to the end, so that a full pipe never blocks the server; only the start is kept.
    const read = (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString();
      if (!settled && READY_LINE.test(output)) {
        settled = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', (error) => fail(`could not start (${error.message}); is Debian's redis-server installed?`));
    child.once('exit', (code) => fail(`exited with status ${code}`));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGCONT');
  const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(force);
}
