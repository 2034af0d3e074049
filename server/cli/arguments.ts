/**
 * Command-line parsing for the study tool: text in, checked options out. Nothing here knows the
 * data; windows stay as written (offsets or dates) until the file's calendar resolves them.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ModelKind, ReturnKind } from '../../src/core/index';
import { ISO_DATE_PATTERN } from '../../src/domain/calendar';
import { usageError } from './cli-error';

/** A window as typed: each end a trading-day offset or a YYYY-MM-DD date. */
export interface RangeText {
  text: string;
  from: number | string;
  to: number | string;
}

export interface CliArguments {
  input: { kind: 'returns' | 'prices'; path: string };
  /** The benchmark column; with --events, the default of rows that name none (null: every row must). */
  market: string | null;
  securities: string[] | null;
  model: ModelKind;
  returnKind: ReturnKind;
  /**
   * Day 0's event: a date from --event-date, an event of data/events.json from --event, or a file of
   * per-security events from --events.
   */
  event: { kind: 'date'; date: string } | { kind: 'catalog'; id: string } | { kind: 'file'; path: string };
  estimation: RangeText | null;
  gap: RangeText | null;
  window: RangeText | null;
  carWindows: RangeText[] | null;
  /** --factors: a file of factor series added to the market model. */
  factors: string | null;
  /** --min-estimation-days as typed; checked against the model's floor once the factors are known. */
  minimumEstimationDays: string | null;
  /** --percent: the --returns file holds per cent (−5.21 for −5.21 %). */
  percent: boolean;
  format: (typeof FORMATS)[number];
  out: string | null;
}

/** The options of the tool, for node:util parseArgs: every one takes a value, except the flags. */
const OPTIONS = {
  returns: { type: 'string' },
  prices: { type: 'string' },
  market: { type: 'string' },
  securities: { type: 'string' },
  model: { type: 'string' },
  'returns-kind': { type: 'string' },
  'event-date': { type: 'string' },
  event: { type: 'string' },
  events: { type: 'string' },
  estimation: { type: 'string' },
  gap: { type: 'string' },
  window: { type: 'string' },
  'car-windows': { type: 'string' },
  factors: { type: 'string' },
  'min-estimation-days': { type: 'string' },
  percent: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type OptionName = Exclude<keyof typeof OPTIONS, 'help'>;

/** The options that take no value. */
const FLAGS: ReadonlySet<string> = new Set(['help', 'percent']);

const MODELS: readonly ModelKind[] = ['market', 'market-adjusted', 'mean-adjusted'];
const RETURN_KINDS: readonly ReturnKind[] = ['simple', 'log'];
const FORMATS = ['json', 'csv', 'portfolio-csv'] as const;
const OFFSET = /^[+-]?\d+$/;

/** True when the command line asks for help, whatever else it holds. */
export function wantsHelp(argv: readonly string[]): boolean {
  return tokensOf(argv).some((token) => token.kind === 'option' && token.name === 'help');
}

/**
 * Parses `--name value` and `--name=value` pairs with node:util parseArgs. Values may start with "-"
 * (`--window -5:5`).
 * @throws {CliError} exit code 2 for an unknown, repeated or incomplete option or a bad value.
 */
export function parseArguments(argv: readonly string[]): CliArguments {
  const values = collectValues(argv);
  const event = eventOf(values);
  const perSecurity = event.kind === 'file';
  const input = inputOf(values);
  const model = choice(values, 'model', MODELS, 'market');
  const ranges = {
    estimation: rangeOrNull(values, 'estimation', perSecurity),
    gap: rangeOrNull(values, 'gap', perSecurity),
    window: rangeOrNull(values, 'window', perSecurity),
    carWindows: listOf(values.get('car-windows'), '--car-windows')?.map((text) => parseRange(text, '--car-windows', perSecurity)) ?? null,
  };
  if (perSecurity && values.has('securities')) throw usageError('--events names the securities (its security column); drop --securities');
  const percent = values.has('percent');
  if (percent && input.kind === 'prices') throw usageError('--percent reads a --returns file as per cent; a --prices file has no such scale');
  const factors = values.get('factors') ?? null;
  if (factors !== null && model !== 'market') {
    throw usageError(`--factors adds regressors to the market model; --model ${model} takes none (use --model market)`);
  }
  return {
    input,
    market: perSecurity ? (values.get('market') ?? null) : required(values, 'market'),
    securities: listOf(values.get('securities'), '--securities'),
    model,
    returnKind: choice(values, 'returns-kind', RETURN_KINDS, 'simple'),
    event,
    ...ranges,
    factors,
    minimumEstimationDays: values.get('min-estimation-days') ?? null,
    percent,
    format: choice(values, 'format', FORMATS, 'json'),
    out: values.get('out') ?? null,
  };
}

// Not strict: parseArgs would take "--window -5:5" for a missing value and word its errors for
// programmers. The tokens it returns are checked here instead, in the tool's own messages.
function tokensOf(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true }).tokens;
}

function collectValues(argv: readonly string[]): Map<OptionName, string> {
  const values = new Map<OptionName, string>();
  for (const token of tokensOf(argv)) {
    if (token.kind === 'positional') throw usageError(`Unexpected argument "${token.value}"`);
    if (token.kind === 'option-terminator') throw usageError('Unexpected argument "--"');
    if (!token.rawName.startsWith('--')) throw usageError(`Unexpected argument "${token.rawName}"`);
    if (!isOptionName(token.name)) throw usageError(`Unknown option --${token.name}`);
    if (values.has(token.name)) throw usageError(`--${token.name} is given twice`);
    if (FLAGS.has(token.name)) {
      if (token.value !== undefined) throw usageError(`--${token.name} takes no value`);
      values.set(token.name, '');
      continue;
    }
    if (token.value === undefined || token.value === '') throw usageError(`--${token.name} needs a value`);
    values.set(token.name, token.value);
  }
  return values;
}

function isOptionName(name: string): name is OptionName {
  return name !== 'help' && Object.hasOwn(OPTIONS, name);
}

function inputOf(values: Map<OptionName, string>): CliArguments['input'] {
  const returns = values.get('returns');
  const prices = values.get('prices');
  if (returns !== undefined && prices !== undefined) throw usageError('Give --returns or --prices, not both');
  if (returns !== undefined) return { kind: 'returns', path: returns };
  if (prices !== undefined) return { kind: 'prices', path: prices };
  throw usageError('Missing --returns FILE.csv or --prices FILE.csv');
}

function eventOf(values: Map<OptionName, string>): CliArguments['event'] {
  const date = values.get('event-date');
  const id = values.get('event');
  const file = values.get('events');
  if ([date, id, file].filter((value) => value !== undefined).length > 1) {
    throw usageError(file === undefined ? 'Give --event-date or --event, not both' : 'Give one of --event-date, --event or --events');
  }
  if (file !== undefined) return { kind: 'file', path: file };
  if (id !== undefined) return { kind: 'catalog', id };
  if (date !== undefined) return { kind: 'date', date: dateOf(date, '--event-date') };
  throw usageError('Missing --event-date YYYY-MM-DD, --event ID or --events FILE.csv');
}

function required(values: Map<OptionName, string>, name: OptionName): string {
  const value = values.get(name);
  if (value === undefined) throw usageError(`Missing --${name}`);
  return value;
}

function choice<T extends string>(
  values: Map<OptionName, string>,
  name: OptionName,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = values.get(name);
  if (value === undefined) return fallback;
  const match = allowed.find((option) => option === value);
  if (match === undefined) throw usageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return match;
}

function listOf(text: string | undefined, option: string): string[] | null {
  if (text === undefined) return null;
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw usageError(`${option} has an empty item in "${text}"`);
  return items;
}

// With --events every row has its own day 0, so a window is offsets only: a date would be a
// different offset for every row.
function rangeOrNull(values: Map<OptionName, string>, name: OptionName, offsetsOnly: boolean): RangeText | null {
  const text = values.get(name);
  return text === undefined ? null : parseRange(text, `--${name}`, offsetsOnly);
}

function parseRange(text: string, option: string, offsetsOnly: boolean): RangeText {
  const ends = text.split(':');
  if (ends.length !== 2) throw usageError(`${option} must look like A:B (e.g. -130:-11 or 2024-04-25:2024-10-21), not "${text}"`);
  const [from, to] = ends as [string, string];
  return { text, from: endOf(from.trim(), option, text, offsetsOnly), to: endOf(to.trim(), option, text, offsetsOnly) };
}

function endOf(end: string, option: string, text: string, offsetsOnly: boolean): number | string {
  if (OFFSET.test(end)) return Number(end);
  if (ISO_DATE_PATTERN.test(end) && offsetsOnly) {
    throw usageError(`${option} "${text}": with --events each row has its own day 0, so windows are trading-day offsets (e.g. -250:-11), not dates`);
  }
  if (ISO_DATE_PATTERN.test(end)) return end;
  throw usageError(`${option} "${text}": "${end}" is neither a trading-day offset nor a YYYY-MM-DD date`);
}

function dateOf(text: string, option: string): string {
  if (!ISO_DATE_PATTERN.test(text)) throw usageError(`${option} must be a date YYYY-MM-DD, not "${text}"`);
  return text;
}
