/**
 * Runs the command-line tool in this process (runCli, the function its entry point hands
 * process.argv to; compiled-cli.test.ts runs the built file itself as a child process), and
 * locates the synthetic reference fixture (copied under tests/fixtures by the engine owner, else
 * read from the shared, read-only originals in /work/shared/fixtures/event-study-synthetic).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { runCli } from '../../../server/cli/run-cli';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

const fixtureDirectories = [
  `${repositoryRoot}tests/fixtures/event-study-synthetic/`,
  '/work/shared/fixtures/event-study-synthetic/',
];

/** Path of a file of the synthetic fixture (SYNTHETIC returns: for testing the maths only). */
export function fixturePath(name: string): string {
  const found = fixtureDirectories.map((directory) => `${directory}${name}`).find((path) => existsSync(path));
  if (found === undefined) throw new Error(`fixture ${name} not found in ${fixtureDirectories.join(' or ')}`);
  return found;
}

/** A fixture CSV as records of strings (the files hold 17 significant digits; Number() is exact). */
export function readFixtureCsv(name: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(fixturePath(name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The tool on `args` as `npm run --silent study -- <args>` runs it, from the repository root. */
export async function runStudyCli(args: readonly string[]): Promise<CliRun> {
  const outcome = await runCli(args);
  return { status: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
}

/**
 * Relative agreement to 1e-9: |actual − expected| <= 1e-9·|expected| (plus 1e-300 so an exact 0
 * compares). Stricter than 1e-9·max(1, |expected|), which would let variances of order 1e-4 drift
 * by 1e-5 of their value.
 */
export function expectClose(actual: unknown, expected: number, label: string): void {
  expect(typeof actual, label).toBe('number');
  const tolerance = 1e-9 * Math.abs(expected) + 1e-300;
  expect(Math.abs((actual as number) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
