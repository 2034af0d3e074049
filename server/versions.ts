import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module holding package.json (server/ when
 * run from the sources, dist/server/ or dist/cli/ when compiled into one file there).
 */
export const PROJECT_ROOT = folderWithPackageJson(path.dirname(fileURLToPath(import.meta.url)));

export interface Versions {
  app: string;
  node: string;
  yahooFinance2: string;
}

/**
 * Versions reported by GET /api/health: the app's (package.json), Node's, and the installed
 * yahoo-finance2's (read from its package.json, which its exports map does not expose to import).
 * @example readVersions().yahooFinance2 // '3.15.4'
 */
export function readVersions(): Versions {
  return {
    app: versionIn(path.join(PROJECT_ROOT, 'package.json')),
    node: process.version,
    yahooFinance2: yahooFinance2Version(),
  };
}

function yahooFinance2Version(): string {
  const entry = createRequire(import.meta.url).resolve('yahoo-finance2');
  let directory = path.dirname(entry);
  while (path.basename(directory) !== 'yahoo-finance2' && directory !== path.dirname(directory)) directory = path.dirname(directory);
  return versionIn(path.join(directory, 'package.json'));
}

function folderWithPackageJson(start: string): string {
  let directory = start;
  while (!existsSync(path.join(directory, 'package.json')) && directory !== path.dirname(directory)) directory = path.dirname(directory);
  return directory;
}

function versionIn(packageJsonPath: string): string {
  try {
    const parsed = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
