/**
 * GET /api/study.csv, /api/study-portfolio.csv and /api/study-manifest.json in-process on the REAL
 * offline snapshot: the files, their headers, byte-identity with the command-line tool given the
 * same adjusted closes, and every error through the app's error mapping.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { runCli } from '../../../server/cli/run-cli.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { EventsUnavailableError, StudyNotComputableError } from '../../../server/study-errors.ts';
import { createStudyService } from '../../../server/study-service.ts';
import { computeStudyJob } from '../../../server/study/study-job.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import { snapshotBars } from '../app/helpers/snapshot-api.ts';
import { tempDir } from './helpers/temp-snapshot.ts';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const SNAPSHOT = new SnapshotSource(path.join(PROJECT_ROOT, 'data/snapshot'));
const APP_VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** The page's price range for the catalogue of data/events.json (src/application/price-range.ts). */
const RANGE = { from: '2021-09-01', to: '2025-02-28' };
const NON_DEFAULT =
  'events=us-election-2024&securities=7011.T,7013.T&benchmarks=XNYS:%5EGSPC,XTKS:TOPIX&model=mean-adjusted&returns-kind=log' +
  '&estimation=-120:-21&gap=-20:-11&window=-10:20&car-windows=0:0,-10:20,3:5&min-estimation=30&overlap=separate&contamination=keep';

let workDir: string;

beforeAll(async () => {
  workDir = await tempDir('study-cli');
});

function app() {
  return createApp({ mode: 'snapshot', sources: { snapshot: SNAPSHOT }, runStudyJob: computeStudyJob, now: () => NOW });
}

async function get(url: string): Promise<{ response: Response; text: string }> {
  const response = await app().request(url);
  return { response, text: await response.text() };
}

async function errorOf(url: string): Promise<{ status: number; code: string; message: string }> {
  const { response, text } = await get(url);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

/**
 * The snapshot's adjusted closes of 7011.T and 7013.T on TOPIX's trading days of the page's range,
 * as a --prices file: the same numbers the server reads, on the same calendar (empty = missing).
 */
async function pricesFile(): Promise<string> {
  const inRange = (symbol: string) => snapshotBars(symbol).filter((bar) => bar.date >= RANGE.from && bar.date <= RANGE.to);
  const closes = (symbol: string) => new Map(inRange(symbol).map((bar) => [bar.date, bar.adjClose]));
  const [mhi, ihi] = [closes('7011.T'), closes('7013.T')];
  const rows = inRange('TOPIX').map((bar) => [bar.date, mhi.get(bar.date) ?? '', ihi.get(bar.date) ?? '', bar.adjClose ?? '']);
  const file = path.join(workDir, 'prices.csv');
  await writeFile(file, Papa.unparse([['date', '7011.T', '7013.T', 'TOPIX'], ...rows]));
  return file;
}

/** The columns after the engine's: where the prices came from, then the trading volume. */
const SOURCE_AND_VOLUME = ',price_source,benchmark_price_source,volume,log_volume,abnormal_log_volume,abnormal_log_volume_t,abnormal_log_volume_p_value,cumulative_abnormal_log_volume,cumulative_abnormal_log_volume_t,median_volume,day_zero_volume_multiple,abnormal_log_volume_reason';

/**
 * The server's per-security CSV with its price-source cells and volume cells as the command-line
 * tool writes them from a --prices file: `file` for both sources (its prices are the user's file),
 * and no volume (the file carries none). Every row of the server's must have said snapshot for both
 * and carried 7011.T's and 7013.T's volumes.
 */
function snapshotSourcesAsFile(csv: string): string {
  const [header = '', ...rows] = csv.split('\r\n');
  expect(header.endsWith(SOURCE_AND_VOLUME)).toBe(true);
  const data = rows.filter((row) => row !== '');
  expect(data.length).toBeGreaterThan(0);
  return [
    header,
    ...rows.map((row) => {
      if (row === '') return row;
      const match = /^([^,]*),([^,]*),(.*),snapshot,snapshot,(\d+),[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\d+(\.\d+)?,[^,]*,$/.exec(row);
      expect(match, row).not.toBeNull();
      return `${match?.[1]},${match?.[2]},${match?.[3]},file,file,,,,,,,,,,${match?.[2]}: its prices carry no volume.`;
    }),
  ].join('\r\n');
}

async function cli(args: readonly string[]): Promise<string> {
  const outcome = await runCli(args);
  expect(outcome.stderr).toBe('');
  expect(outcome.exitCode).toBe(0);
  return outcome.stdout;
}

describe('GET /api/study.csv', () => {
  it('answers the default case as a UTF-8 CSV attachment named after the event', async () => {
    const { response, text } = await get('/api/study.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kabuto-us-election-2024-[0-9a-f]{8}-securities\.csv"$/);
    // Snapshot prices: revalidated by a strong ETag rather than never stored.
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(32);
    expect(rows.find((row) => row.security === '7013.T' && row.relative_day === '0')?.date).toBe('2024-11-06');
    // Each row names where its prices came from.
    expect(new Set(rows.map((row) => `${row.price_source} ${row.benchmark_price_source}`))).toEqual(new Set(['snapshot snapshot']));
  });

  it('is byte-identical to the command-line tool given the same closes, for the default and a non-default study', async () => {
    const file = await pricesFile();
    const base = ['--prices', file, '--market', 'TOPIX', '--securities', '7011.T,7013.T', '--event', 'us-election-2024'];
    expect(snapshotSourcesAsFile((await get('/api/study.csv')).text)).toBe(await cli([...base, '--format', 'csv']));
    expect((await get('/api/study-portfolio.csv')).text).toBe(await cli([...base, '--format', 'portfolio-csv']));
    const options = ['--model', 'mean-adjusted', '--returns-kind', 'log', '--estimation', '-120:-21', '--gap', '-20:-11', '--window', '-10:20', '--car-windows', '0:0,-10:20,3:5'];
    expect(snapshotSourcesAsFile((await get(`/api/study.csv?${NON_DEFAULT}`)).text)).toBe(await cli([...base, ...options, '--format', 'csv']));
    expect((await get(`/api/study-portfolio.csv?${NON_DEFAULT}`)).text).toBe(await cli([...base, ...options, '--format', 'portfolio-csv']));
  });

  it('reads the page URL as it stands: view parameters change nothing, and parameter order does not matter', async () => {
    const plain = (await get('/api/study.csv')).text;
    expect((await get('/api/study.csv?test=kpT&focus=us-election-2024&excerpt=intro-call&model=market')).text).toBe(plain);
  });
});

describe('GET /api/study-portfolio.csv and /api/study-manifest.json', () => {
  it('answer the portfolio CSV and the manifest, dated by the server clock and naming the app version', async () => {
    const portfolio = await get('/api/study-portfolio.csv');
    expect(portfolio.response.headers.get('content-disposition')).toMatch(/^attachment; filename="kabuto-us-election-2024-[0-9a-f]{8}-portfolio\.csv"$/);
    expect(portfolio.text.split('\r\n')[0]).toMatch(/^event_id,row_type,relative_day,date,from,to,n,aar,caar,/);
    const manifest = await get(`/api/study-manifest.json?${NON_DEFAULT}`);
    expect(manifest.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(manifest.response.headers.get('content-disposition')).toMatch(/^attachment; filename="kabuto-us-election-2024-[0-9a-f]{8}-manifest\.json"$/);
    const body = JSON.parse(manifest.text) as { generatedAt: string; appVersion: string; reproduce: { query: string }; study: { model: string; gap: unknown } };
    expect(body.generatedAt).toBe(NOW.toISOString());
    expect(body.appVersion).toBe(APP_VERSION);
    expect(body.reproduce.query).toBe(NON_DEFAULT);
    expect(body.study).toMatchObject({ model: 'mean-adjusted', gap: { from: -20, to: -11 } });
  });

  it('carries a hostile custom event title as JSON text and keeps it out of the CSV (made-up event)', async () => {
    const custom = `custom=custom-1~2024-12-27~~Asia/Tokyo~${encodeURIComponent("=cmd|' /C calc'!A0")}`;
    const query = `events=us-election-2024,custom-1&${custom}`;
    const manifest = JSON.parse((await get(`/api/study-manifest.json?${query}`)).text) as { events: { id: string; title: string }[] };
    expect(manifest.events.map((event) => event.title)).toEqual(['US presidential election: Donald Trump wins', "=cmd|' /C calc'!A0"]);
    const csv = await get(`/api/study.csv?${query}`);
    expect(csv.response.headers.get('content-disposition')).toMatch(/^attachment; filename="kabuto-us-election-2024_custom-1-[0-9a-f]{8}-securities\.csv"$/);
    expect(csv.text).not.toContain('cmd');
  });
});

describe('a symbol without prices drops out of the study alone', () => {
  it('computes the others, lists it in the manifest, and keeps the files of the study without it', async () => {
    const withFake = await get('/api/study.csv?securities=7011.T,7013.T,FAKE.T');
    const without = await get('/api/study.csv?securities=7011.T,7013.T');
    expect(withFake.response.status).toBe(200);
    const symbols = (text: string) => [...new Set((Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data).map((row) => row.security))];
    expect(symbols(withFake.text)).toEqual(['7011.T', '7013.T']);
    expect(withFake.text).toBe(without.text);
    const manifest = JSON.parse((await get('/api/study-manifest.json?securities=7011.T,7013.T,FAKE.T')).text) as {
      failures: { symbol: string; code: string; message: string }[];
      prices: { failures: { symbol: string; code: string }[] };
      securities: { symbol: string }[];
    };
    expect(manifest.securities.map((security) => security.symbol)).toEqual(['7011.T', '7013.T']);
    expect(manifest.failures).toEqual([{ eventId: 'us-election-2024', symbol: 'FAKE.T', code: 'UNKNOWN_SYMBOL', message: expect.stringMatching(/^FAKE\.T is not in the offline snapshot/) }]);
    expect(manifest.prices.failures).toEqual([{ symbol: 'FAKE.T', code: 'UNKNOWN_SYMBOL', message: expect.stringMatching(/^FAKE\.T is not in the offline snapshot/) }]);
  });
});

describe('errors of the study routes', () => {
  it('answers 400 INVALID_QUERY naming each parameter the page would not accept', async () => {
    expect(await errorOf('/api/study.csv?model=probit&window=abc')).toEqual({
      status: 400,
      code: 'INVALID_QUERY',
      message: 'The study query cannot be used: model: "probit" is not a model; use market, market-adjusted or mean-adjusted. window: "abc" is not a window: write two whole trading-day offsets separated by a colon, e.g. -250:-11.',
    });
    expect(await errorOf('/api/study-manifest.json?utm_source=x')).toMatchObject({ status: 400, code: 'INVALID_QUERY', message: expect.stringContaining('"utm_source": This is not a setting of the study.') });
    expect(await errorOf(`/api/study.csv?securities=${encodeURIComponent("=cmd|' /C calc'!A0")}`)).toMatchObject({ status: 400, message: expect.stringContaining('is not a Yahoo symbol') });
  });

  it('answers 422 naming a symbol the price source does not know when it is the only security', async () => {
    const alone = await errorOf('/api/study.csv?securities=ZZZZ.T');
    expect(alone).toMatchObject({ status: 422, code: 'STUDY_NOT_COMPUTABLE' });
    expect(alone.message).toMatch(/^No security of the study could be computed: ZZZZ\.T is not in the offline snapshot/);
  });

  it('answers 422 STUDY_NOT_COMPUTABLE when no study comes out, saying why', async () => {
    expect(await errorOf('/api/study.csv?securities=')).toEqual({ status: 422, code: 'STUDY_NOT_COMPUTABLE', message: 'The query puts no security in the study; name some, e.g. securities=7011.T,7013.T.' });
    expect(await errorOf('/api/study-portfolio.csv?events=')).toMatchObject({ status: 422, code: 'STUDY_NOT_COMPUTABLE' });
    const tooLong = await errorOf('/api/study.csv?events=ldp-leadership-2024&estimation=-900:-11');
    expect(tooLong).toMatchObject({ status: 422, code: 'STUDY_NOT_COMPUTABLE' });
    expect(tooLong.message).toMatch(/^No security of the study could be computed: 7011\.T: the estimation window -900:-11 starts 900 trading days before day 0 \(2024-09-30\).* 7013\.T: /);
  });

  it('answers 422 for a query with factors: their file lives in the browser that uploaded it', async () => {
    const query = 'factors=SMB,HML&factor-file=0123456789abcdef~ff3%20daily.csv';
    for (const route of ['study.csv', 'study-portfolio.csv', 'study-manifest.json']) {
      expect(await errorOf(`/api/${route}?${query}`)).toEqual({
        status: 422,
        code: 'STUDY_NOT_COMPUTABLE',
        message:
          'This study uses the factors SMB and HML of the factor file ff3 daily.csv (SHA-256 0123456789abcdef…), which lives only in the browser that uploaded it; the server cannot compute it. Download the files from the page, or run the command-line tool with the file.',
      });
    }
    // Factors without their file are a bad parameter, as on the page.
    expect(await errorOf('/api/study.csv?factors=SMB')).toMatchObject({ status: 400, code: 'INVALID_QUERY' });
  });

  it('computes with the minimum estimation days of the query and records it, refusing one below the model\'s floor', async () => {
    const manifest = JSON.parse((await get('/api/study-manifest.json?estimation=-30:-11&min-estimation=20')).text) as { study: { minimumEstimationDays: number; estimationWindow: unknown } };
    expect(manifest.study).toMatchObject({ minimumEstimationDays: 20, estimationWindow: { from: -30, to: -11 } });
    const refused = await errorOf('/api/study.csv?min-estimation=2');
    expect(refused).toMatchObject({ status: 400, code: 'INVALID_QUERY' });
    expect(refused.message).toContain('min-estimation: The minimum of estimation days must be at least 3 for the market model: below that its residual variance s² has no degree of freedom left (asked for 2).');
  });

  it('answers 405 for another method', async () => {
    const response = await app().request('/api/study.csv', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('createStudyService', () => {
  const prices = () => Promise.reject(new Error('not reached'));

  it('throws StudyNotComputableError before asking for prices when the query has nothing to study', async () => {
    const study = createStudyService({ prices, now: () => NOW, appVersion: 'test', runJob: computeStudyJob });
    await expect(study('events=')).rejects.toBeInstanceOf(StudyNotComputableError);
  });

  it('reports a broken events file as EventsUnavailableError, and reads it again once fixed', async () => {
    const eventsFile = path.join(workDir, 'events.json');
    await writeFile(eventsFile, '{"events": [{"id": "x"}]}');
    const study = createStudyService({ prices, now: () => NOW, appVersion: 'test', runJob: computeStudyJob, eventsFile });
    await expect(study('')).rejects.toThrow(EventsUnavailableError);
    await expect(study('')).rejects.toThrow(/events\.0\.title/);
    await writeFile(eventsFile, readFileSync(path.join(PROJECT_ROOT, 'data/events.json'), 'utf8'));
    await expect(study('securities=')).rejects.toBeInstanceOf(StudyNotComputableError);
  });
});
