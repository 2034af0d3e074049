/**
 * `npm run data:refresh [OUT_DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD]`
 *
 * Fetches the snapshot's series live through yahoo-finance2 `chart()` (interval 1d, dates in each
 * exchange's own time zone — the server's Yahoo source does the conversion) and writes them in
 * the snapshot's format to OUT_DIR (default data/snapshot-live/, never data/snapshot itself, so a
 * refresh cannot silently replace the audited offline copy). Without internet it prints one line
 * and exits with status 1.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YahooPriceSource } from '../sources/yahoo-source.ts';
import { fetchLiveSnapshot } from './live-snapshot.ts';
import { parseScriptArgs } from './script-args.ts';
import { writeSnapshot } from './snapshot-builder.ts';
import { SNAPSHOT_FROM, SNAPSHOT_TO } from './snapshot-inputs.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

async function main(): Promise<void> {
  const args = parseScriptArgs(process.argv.slice(2), ['from', 'to']);
  const outDir = resolve(args.positional[0] ?? resolve(repoRoot, 'data/snapshot-live'));
  const from = args.options.get('from') ?? SNAPSHOT_FROM;
  const to = args.options.get('to') ?? SNAPSHOT_TO;
  for (const date of [from, to]) {
    if (!ISO_DATE.test(date)) throw new Error(`"${date}" is not a YYYY-MM-DD date`);
  }
  if (from > to) throw new Error(`--from ${from} comes after --to ${to}`);
  const now = () => new Date();
  const live = await fetchLiveSnapshot({ source: new YahooPriceSource({ now }), from, to, now });
  for (const failure of live.failures) console.error(`data:refresh: ${failure.symbol} skipped: ${failure.message}`);
  if (live.manifest.series.length === 0) throw new Error(`no series could be fetched; nothing was written to ${outDir}`);
  await writeSnapshot(live.files, outDir);
  const where = relative(process.cwd(), outDir) || '.';
  console.log(`data:refresh: wrote ${live.manifest.series.length} series to ${where}, fetched ${live.manifest.builtAt}`);
  if (live.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`data:refresh: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
