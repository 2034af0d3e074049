/**
 * The build's freshness check (server/build/freshness.mjs) on files in a temporary folder, with
 * modification times set explicitly (never waited for).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStamp, staleness, writeStamp } from '../../../server/build/freshness.mjs';

const LONG_AGO = new Date('2024-01-02T03:04:05Z');
const LATER = new Date('2024-06-01T00:00:00Z');
const STAMP = 'dist/app.build.json';
const SETTINGS = { bundleBudget: null };

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kabuto-freshness-'));
  for (const [file, text] of [['src/main.ts', 'main'], ['src/lib/util.ts', 'util'], ['package-lock.json', '{}'], ['dist/app/index.html', '<html>']] as const) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  for (const entry of ['src/main.ts', 'src/lib/util.ts', 'package-lock.json', 'src/lib', 'src']) utimesSync(path.join(root, entry), LONG_AGO, LONG_AGO);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function stamp(startedAtMs = Date.now()): void {
  writeStamp(root, STAMP, { settings: SETTINGS, inputs: ['src/main.ts', 'src/lib/util.ts', 'package-lock.json'], outputs: ['dist/app/index.html'], startedAtMs });
}

describe('staleness', () => {
  it('is null right after a build, and says why once something changed', () => {
    expect(staleness(root, STAMP, SETTINGS)).toBe('not built yet');
    stamp();
    expect(staleness(root, STAMP, SETTINGS)).toBeNull();
    expect(staleness(root, STAMP, { bundleBudget: 'warn' })).toBe('its settings changed');
  });

  it('sees an edit, even one that keeps the size, and a deleted input', () => {
    stamp();
    writeFileSync(path.join(root, 'src/main.ts'), 'MAIN');
    utimesSync(path.join(root, 'src/main.ts'), LONG_AGO, LONG_AGO);
    expect(staleness(root, STAMP, SETTINGS)).toBeNull(); // same size and time: the check is stat-only, as documented
    utimesSync(path.join(root, 'src/main.ts'), LATER, LATER);
    expect(staleness(root, STAMP, SETTINGS)).toBe('src/main.ts changed');
    stamp();
    rmSync(path.join(root, 'src/lib/util.ts'));
    expect(staleness(root, STAMP, SETTINGS)).toBe('src/lib/util.ts is gone');
  });

  it('sees a file added next to an input (a new module a glob would pick up), but not one added at the project root', () => {
    stamp();
    writeFileSync(path.join(root, 'build.log'), 'noise');
    expect(staleness(root, STAMP, SETTINGS)).toBeNull();
    writeFileSync(path.join(root, 'src/lib/new.ts'), 'new');
    expect(staleness(root, STAMP, SETTINGS)).toBe('files were added to or removed from src/lib/');
  });

  it('sees a missing output', () => {
    stamp();
    rmSync(path.join(root, 'dist/app/index.html'));
    expect(staleness(root, STAMP, SETTINGS)).toBe('dist/app/index.html is missing');
  });

  it('does not trust an input modified after the build started: it may have changed after the build read it', () => {
    const startedAtMs = Date.now();
    const duringBuild = new Date(startedAtMs + 1_000);
    utimesSync(path.join(root, 'src/lib/util.ts'), duringBuild, duringBuild);
    stamp(startedAtMs);
    expect(staleness(root, STAMP, SETTINGS)).toBe('src/lib/util.ts changed');
  });

  it('forgets a build whose stamp was removed (a rebuild that failed half-way is never taken as fresh)', () => {
    stamp();
    removeStamp(root, STAMP);
    expect(staleness(root, STAMP, SETTINGS)).toBe('not built yet');
  });
});
