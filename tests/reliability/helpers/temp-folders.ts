/** Temporary folders of the reliability tests, removed after each test file, and listings of them. */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Vitest evaluates this module once per test file, so the hook below cleans up after each file.
const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

/**
 * A fresh empty folder under the OS temp dir, removed after the test file.
 * @example const root = await tempRoot('faults')
 */
export async function tempRoot(prefix: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), `kabuto-reliability-${prefix}-`));
  created.push(directory);
  return directory;
}

/**
 * Every file and folder under `directory`, as sorted paths relative to it (folders end in /).
 * @example await listTree(root) // ['cache/', 'static/', 'static/index.html']
 */
export async function listTree(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)) + (entry.isDirectory() ? '/' : ''))
    .sort();
}

/**
 * MADE-UP TEST DATA: a minimal "built app" (index.html and one asset), enough for the server to
 * serve static files without a real build.
 */
export async function madeUpStaticApp(directory: string): Promise<string> {
  await mkdir(path.join(directory, 'assets'), { recursive: true });
  await writeFile(path.join(directory, 'index.html'), '<!doctype html><title>Kabuto reliability test page</title><script type="module" src="/assets/app-0a1b2c.js"></script>');
  await writeFile(path.join(directory, 'assets', 'app-0a1b2c.js'), 'document.title = "made-up bundle";');
  return directory;
}
