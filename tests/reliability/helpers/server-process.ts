/**
 * The price server as a real child process (the compiled entry, or a TypeScript test entry through
 * tsx), on a free port of 127.0.0.1: its URL from the one stdout line, its log, its resident
 * memory, and a clean stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The production entry point as production runs it, compiled (vitest's global setup builds it). */
export const MAIN_ENTRY = 'dist/server/main.js';
/** The same start-up routine with Yahoo's fetch pointed at a fake Yahoo (FAKE_YAHOO_ORIGIN), compiled as well. */
export const FAKE_YAHOO_ENTRY = 'dist/test-server/server-with-fake-yahoo.js';
const STARTUP_TIMEOUT_MS = 30_000;

/** A running server child process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything written to stderr so far (the server's log). */
  log: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
  stop: () => Promise<void>;
}

/**
 * Starts `entry` with `env` added to this process's environment (PORT=0, HOST=127.0.0.1 forced);
 * `nodeArgs` go before it (e.g. --expose-gc). TypeScript, as the entry or a preload in `nodeArgs`,
 * runs through tsx.
 * @throws Error with the server's stderr when it exits or stays silent before listening.
 * @example const server = await startServerProcess(MAIN_ENTRY, { PRICE_SOURCE: 'snapshot' })
 */
export async function startServerProcess(entry: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  const typeScript = [entry, ...nodeArgs].some((argument) => argument.endsWith('.ts'));
  const child = spawn(process.execPath, [...(typeScript ? ['--import', 'tsx'] : []), ...nodeArgs, entry], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await listeningUrl(child, () => stderr);
  return { url, child, log: () => stderr, exited, stop: () => stopChild(child, exited) };
}

function listeningUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the server ${why}; stderr: ${stderr()}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Kabuto listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(`exited with status ${code} before listening`));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
  child.kill('SIGTERM');
  await exited;
  clearTimeout(force);
}

/**
 * Resident set size of a process in bytes, from /proc/<pid>/status (Linux).
 * @throws Error when the process is gone or /proc is not there.
 * @example await residentBytes(server.child.pid!)
 */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS line in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** Linux reports process times in /proc in USER_HZ ticks, 100 a second on every architecture it runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat (Linux).
 * @throws Error when the process is gone or /proc is not there.
 * @example await cpuSeconds(server.child.pid!)
 */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [user, system] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isFinite(user) || !Number.isFinite(system)) throw new Error(`cannot read the CPU times in /proc/${pid}/stat`);
  return (user + system) / TICKS_PER_SECOND;
}
