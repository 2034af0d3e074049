import type { PriceSeries, PricesResponse } from '../src/domain/price-api.ts';

type Bytes = Buffer<ArrayBuffer>;

const seriesBytes = new WeakMap<PriceSeries, Bytes>();
const COMMA = Buffer.from(',');

interface KeptBody {
  series: readonly PriceSeries[];
  /** The JSON of the answer's warnings and failures. */
  tail: string;
  body: Bytes;
}

/** Whole bodies of recent answers, most recently used last; bounded by their total size. */
const keptBodies = new Map<string, KeptBody>();
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
let keptBytes = 0;

/**
 * The UTF-8 bytes of `JSON.stringify(response)`, byte for byte (for a response whose keys are in
 * the wire order, as PriceService builds it). The price service hands out the very same series
 * objects for repeated requests, so the bytes are reused: each series is serialised once, and
 * the whole body of an answer made of the same series objects, warnings and failures is kept (up to
 * 64 MiB in all). Serialising, encoding and copying a year of bars costs far more than
 * answering the request. The bytes returned are shared with later answers: never modify them.
 * @example Buffer.from(pricesResponseBody(response)).toString() === JSON.stringify(response) // true
 */
export function pricesResponseBody(response: PricesResponse): Bytes {
  const key = `${response.mode}|${response.from}|${response.to}|${response.series.map((series) => series.symbol).join(',')}`;
  const tail = `"warnings":${JSON.stringify(response.warnings)},"failures":${JSON.stringify(response.failures)}`;
  const kept = keptBodies.get(key);
  if (kept && kept.tail === tail && sameObjects(kept.series, response.series)) {
    keptBodies.delete(key);
    keptBodies.set(key, kept);
    return kept.body;
  }
  const body = serialise(response, tail);
  keep(key, { series: response.series, tail, body });
  return body;
}

function serialise(response: PricesResponse, tail: string): Bytes {
  const field = (value: unknown) => JSON.stringify(value);
  const parts = [Buffer.from(`{"mode":${field(response.mode)},"from":${field(response.from)},"to":${field(response.to)},"series":[`)];
  response.series.forEach((series, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(bytesOf(series));
  });
  parts.push(Buffer.from(`],${tail}}`));
  return Buffer.concat(parts);
}

function bytesOf(series: PriceSeries): Bytes {
  let bytes = seriesBytes.get(series);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(series));
    seriesBytes.set(series, bytes);
  }
  return bytes;
}

function sameObjects(kept: readonly PriceSeries[], given: readonly PriceSeries[]): boolean {
  return kept.length === given.length && kept.every((series, index) => series === given[index]);
}

function keep(key: string, entry: KeptBody): void {
  const previous = keptBodies.get(key);
  if (previous) keptBytes -= previous.body.byteLength;
  keptBodies.delete(key);
  keptBodies.set(key, entry);
  keptBytes += entry.body.byteLength;
  for (const [oldestKey, oldest] of keptBodies) {
    if (keptBytes <= MAX_KEPT_BYTES) break;
    keptBodies.delete(oldestKey);
    keptBytes -= oldest.body.byteLength;
  }
}
