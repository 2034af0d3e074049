/**
 * Child-process entry for the reliability tests: the server's own start-up routine (runServer,
 * exactly as server/main.ts calls it) with Yahoo's fetch pointed at a fake Yahoo on loopback.
 * The tests run it compiled as the server is (dist/test-server/, built by vitest's global setup),
 * with its own compiled study worker.
 * FAKE_YAHOO_ORIGIN (http://127.0.0.1:<port>) is read here, in the test tree, never by production
 * code. Any URL that is not a Yahoo chart host is refused, so a request the server should never
 * make shows up as a failure instead of leaving the machine.
 * Usage: FAKE_YAHOO_ORIGIN=http://127.0.0.1:1234 PRICE_SOURCE=live node --import tsx tests/reliability/helpers/server-with-fake-yahoo.ts
 */
import { runServer } from '../../../server/run-server.ts';
import type { FetchLike } from '../../../server/sources/price-source.ts';
import { compiledStudyWorker } from '../../../server/study/study-worker-location.ts';

const YAHOO_HOSTS = new Set(['query1.finance.yahoo.com', 'query2.finance.yahoo.com']);
const origin = process.env.FAKE_YAHOO_ORIGIN ?? '';
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(origin)) {
  console.error(`FAKE_YAHOO_ORIGIN must be http://127.0.0.1:<port>, not ${JSON.stringify(origin)}`);
  process.exit(1);
}

const toFakeYahoo: FetchLike = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.protocol !== 'https:' || !YAHOO_HOSTS.has(url.hostname)) {
    return Promise.reject(new Error(`the test fetch refuses ${url.href}: not a Yahoo Finance URL`));
  }
  return fetch(`${origin}${url.pathname}${url.search}`, init);
};

await runServer(process.env, { now: () => new Date(), yahooFetch: toFakeYahoo, studyWorker: compiledStudyWorker(import.meta.url) });
