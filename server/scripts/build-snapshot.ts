/**
 * `npm run data:snapshot [SHARED_DATA_DIR] [--out DIR] [--built-at ISO]`
 *
 * Rebuilds data/snapshot/ from its inputs: data/sources/ (byte-for-byte copies of the files of
 * ../shared/data it reads, committed so a clone can rebuild and check the snapshot), or the folder
 * given as argument or env SHARED_DATA_DIR (e.g. the original ../shared/data). builtAt comes from
 * --built-at or env SNAPSHOT_BUILT_AT, else from the commit date of the newest upstream input, so two runs write identical bytes.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScriptArgs } from './script-args.ts';
import { buildSnapshot, writeSnapshot } from './snapshot-builder.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const args = parseScriptArgs(process.argv.slice(2), ['out', 'built-at']);
  const sharedDataDir = resolve(args.positional[0] ?? process.env.SHARED_DATA_DIR ?? resolve(repoRoot, 'data/sources'));
  const outDir = resolve(args.options.get('out') ?? resolve(repoRoot, 'data/snapshot'));
  const builtAt = args.options.get('built-at') ?? process.env.SNAPSHOT_BUILT_AT;
  const snapshot = await buildSnapshot({ sharedDataDir, ...(builtAt ? { builtAt } : {}) });
  await writeSnapshot(snapshot.files, outDir);
  const rows = snapshot.manifest.series.reduce((sum, series) => sum + series.rows, 0);
  console.log(`data:snapshot: wrote ${snapshot.manifest.series.length} series (${rows} rows) to ${relative(process.cwd(), outDir) || '.'}, builtAt ${snapshot.manifest.builtAt}`);
}

main().catch((error: unknown) => {
  console.error(`data:snapshot: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
