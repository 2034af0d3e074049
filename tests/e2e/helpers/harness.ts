/**
 * End-to-end harness: the REAL server as production runs it (node dist/server/main.js, offline
 * snapshot, a free port) serving the built app from dist/app/, and headless Chromium driven by
 * playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'tests/artifacts');
const STARTUP_TIMEOUT_MS = 30_000;
const SERVER_ENTRY = path.join(PROJECT_ROOT, 'dist/server/main.js');

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the server as a child process and resolves with the URL from its one stdout line.
 * @throws Error saying to run `npm run build` when the app or the server is not built.
 */
export async function startServer(): Promise<RunningServer> {
  // KABUTO_STATIC_DIR (passed on to the server) lets parallel work test its own build folder.
  const staticDir = path.resolve(PROJECT_ROOT, process.env.KABUTO_STATIC_DIR ?? 'dist/app');
  for (const built of [path.join(staticDir, 'index.html'), SERVER_ENTRY]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests (vitest's global setup does this).`);
  }
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'kabuto-e2e-cache-'));
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PRICE_SOURCE: 'snapshot', KABUTO_CACHE_DIR: cacheDir, KABUTO_STATIC_DIR: staticDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    stop: async () => {
      await stopChild(child);
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/**
 * The URL of a starting server, from its `Kabuto listening on <url>` line.
 * @throws Error with its stderr when it exits first or stays silent for 30 s.
 */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the server did not start within ${STARTUP_TIMEOUT_MS} ms; stderr: ${stderr}`));
    }, STARTUP_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Kabuto listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with status ${code} before listening; stderr: ${stderr}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

/** A page with a 1440×1000 viewport (or the one given) whose console errors and page errors are collected. */
export async function newPage(browser: Browser, viewport = { width: 1440, height: 1000 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { page, errors };
}

/** Saves a screenshot under tests/artifacts/ (git-ignored). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage });
}
