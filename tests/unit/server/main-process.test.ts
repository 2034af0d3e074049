import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import { tempDir } from './helpers/temp-snapshot.ts';

const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', PRICE_SOURCE: 'snapshot', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function listeningUrl(server: Running, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /^Kabuto listening on (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(server.stdout());
    if (match?.[1]) return match[1];
    if (server.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no listening line; stdout=${JSON.stringify(server.stdout())} stderr=${server.stderr()}`);
}

describe('the compiled server (dist/server/main.js, built from server/main.ts) as a real process', () => {
  it('listens on a free port (PORT=0), prints exactly one line with it, answers /api/health over HTTP, and exits 0 on SIGTERM', async () => {
    const cacheDir = await tempDir('cache');
    const leftover = '7011_2eT.json.999.0b0e3f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b.tmp';
    await writeFile(path.join(cacheDir, leftover), '{"format":"kabuto-pr');
    const server = startServer({ KABUTO_CACHE_DIR: cacheDir });
    const url = await listeningUrl(server);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', mode: 'snapshot', node: process.version });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const pricesResponse = await fetch(`${url}/api/prices?symbols=7011.T&from=2024-11-06&to=2024-11-06`);
    expect(((await pricesResponse.json()) as { series: { bars: { close: number }[] }[] }).series[0]?.bars[0]?.close).toBe(2263);
    // Snapshot mode does not touch the cache folder, not even to tidy it.
    expect(await readdir(cacheDir)).toEqual([leftover]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('computes a study on its compiled study worker (dist/server/study-worker.js)', async () => {
    const server = startServer({ KABUTO_CACHE_DIR: await tempDir('cache') });
    const url = await listeningUrl(server);
    const response = await fetch(`${url}/api/study.csv?events=us-election-2024&securities=7011.T,7013.T`);
    expect(response.status).toBe(200);
    const rows = (await response.text()).split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^event_id,security,benchmark,day_zero,date,relative_day,/);
    expect(rows.filter((row) => row.startsWith('us-election-2024,7013.T,'))).toHaveLength(16);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a wrong PRICE_SOURCE with a message and exit code 1', async () => {
    const server = startServer({ PRICE_SOURCE: 'yahoo' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('PRICE_SOURCE="yahoo" is not one of snapshot, live, auto.');
    expect(server.stdout()).toBe('');
  });

  it('refuses a PORT that is not a port', async () => {
    const server = startServer({ PORT: '80a' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('PORT="80a" must be a whole number from 0 to 65535.');
  });
});
