import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot, writeSnapshot } from '../../../server/scripts/snapshot-builder.ts';
import { SnapshotBuildError } from '../../../server/scripts/raw-price-file.ts';
import { repoRoot, sharedDataDir, snapshotDir } from './snapshot-files.ts';

const run = promisify(execFile);
let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kabuto-snapshot-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * Every file of `dir` as latin1 text: one character per byte, so equal texts are equal bytes, and
 * vitest compares them at once (it compares Buffers element by element: 7 s for the 2.4 MB snapshot).
 */
async function readDirectory(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'latin1')] as const)));
}

/** A private copy of the inputs the builder reads, to alter without touching /work/shared. */
async function copyOfSharedData(name: string): Promise<string> {
  const dir = join(workDir, name);
  await cp(resolve(sharedDataDir, 'raw'), join(dir, 'raw'), { recursive: true });
  await cp(resolve(sharedDataDir, 'PROVENANCE.md'), join(dir, 'PROVENANCE.md'));
  await cp(resolve(sharedDataDir, 'global'), join(dir, 'global'), { recursive: true });
  return dir;
}

describe('npm run data:snapshot', () => {
  it('rebuilds the committed data/snapshot byte for byte (CLI, into a temporary folder)', async () => {
    const outDir = join(workDir, 'cli-out');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/scripts/build-snapshot.ts', sharedDataDir, '--out', outDir], {
      cwd: repoRoot,
      env: { ...process.env, SNAPSHOT_BUILT_AT: '' },
    });
    expect(stdout).toMatch(/^data:snapshot: wrote 32 series \(31863 rows\)/);
    expect(await readDirectory(outDir)).toEqual(await readDirectory(snapshotDir));
  });

  it('builds identical bytes twice in a row, and builtAt follows the newest input, not the clock', async () => {
    const first = await buildSnapshot({ sharedDataDir });
    const second = await buildSnapshot({ sharedDataDir });
    expect(second.files).toEqual(first.files);
    expect(first.manifest.builtAt).toBe('2026-08-21T00:00:00Z');
    expect(first.manifest.builtAtNote).toContain('guydekowski/market-lab');
  });

  it('stamps a given builtAt and changes nothing else', async () => {
    const plain = await buildSnapshot({ sharedDataDir });
    const stamped = await buildSnapshot({ sharedDataDir, builtAt: '2026-11-28T09:00:00Z' });
    expect(stamped.manifest.builtAt).toBe('2026-11-28T09:00:00Z');
    expect({ ...stamped.manifest, builtAt: '', builtAtNote: '' }).toEqual({ ...plain.manifest, builtAt: '', builtAtNote: '' });
    for (const [name, content] of plain.files) if (name !== 'manifest.json') expect(stamped.files.get(name)).toBe(content);
  });

  it('rejects a builtAt that is not an ISO timestamp', async () => {
    await expect(buildSnapshot({ sharedDataDir, builtAt: 'yesterday' })).rejects.toThrow(/not an ISO timestamp/);
  });

  it('refuses to build when a raw file differs from the one PROVENANCE.md lists', async () => {
    const dir = await copyOfSharedData('tampered');
    const file = join(dir, 'raw/keroppa88+chart0/7011.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('2024-11-06,2090,2274.5,2043.5,2263,', '2024-11-06,2090,2274.5,2043.5,2264,'));
    const attempt = buildSnapshot({ sharedDataDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(SnapshotBuildError);
    await expect(attempt).rejects.toThrow(/raw\/keroppa88\+chart0\/7011\.csv has git blob [0-9a-f]{40}, but PROVENANCE\.md lists 142b93af.*refusing to build/);
  });

  it('refuses to build when PROVENANCE.md no longer lists an input, or an input is missing', async () => {
    const dir = await copyOfSharedData('undocumented');
    const provenance = await readFile(join(dir, 'PROVENANCE.md'), 'utf8');
    await writeFile(join(dir, 'PROVENANCE.md'), provenance.replaceAll('27a2b3f6', '--------'));
    await expect(buildSnapshot({ sharedDataDir: dir })).rejects.toThrow(/PROVENANCE\.md does not list the blob prefix 27a2b3f6 of raw\/yamaccu\+marketdata\/nikkei225\.csv/);
    await writeFile(join(dir, 'PROVENANCE.md'), provenance);
    await rm(join(dir, 'raw/Negin228+Stockhome/GD.csv'));
    await expect(buildSnapshot({ sharedDataDir: dir })).rejects.toThrow(/cannot read raw\/Negin228\+Stockhome\/GD\.csv/);
  });

  it('refuses to build when a global raw file differs from global/PROVENANCE.md, or manifest.tsv no longer lists it', async () => {
    const dir = await copyOfSharedData('global-tampered');
    const file = join(dir, 'global/raw/vincent-adam-frm+corrcheck-data/prices/BA.L.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('2024-11-06,1342.599365234375', '2024-11-06,1342.6'));
    await expect(buildSnapshot({ sharedDataDir: dir })).rejects.toThrow(
      /global\/raw\/vincent-adam-frm\+corrcheck-data\/prices\/BA\.L\.csv has git blob [0-9a-f]{40}, but global\/PROVENANCE\.md lists 7547e644….*refusing to build/,
    );
    await writeFile(file, text);
    const copyList = join(dir, 'global/manifest.tsv');
    const listed = await readFile(copyList, 'utf8');
    await writeFile(copyList, listed.split('\n').filter((line) => !line.includes('data/RHM.csv')).join('\n'));
    await expect(buildSnapshot({ sharedDataDir: dir })).rejects.toThrow(/global\/manifest\.tsv does not list data\/RHM\.csv of kissm1985\/Finance-automation/);
  });

  it('writes over an older build and removes CSV files that are no longer part of it', async () => {
    const outDir = join(workDir, 'rewrite');
    await writeSnapshot(new Map([['OLD.csv', 'x\n'], ['manifest.json', '{}\n']]), outDir);
    await writeFile(join(outDir, 'notes.txt'), 'kept');
    const built = await buildSnapshot({ sharedDataDir });
    await writeSnapshot(built.files, outDir);
    const names = (await readdir(outDir)).sort();
    expect(names).toEqual([...built.files.keys(), 'notes.txt'].sort());
  });
});
