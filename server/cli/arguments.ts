/**
 * Command-line parsing for the study tool: text in, checked options out. Nothing here knows the
 * data; windows stay as written (offsets or dates) until the file's calendar resolves them.
 */
import type { ModelKind, ReturnKind } from '../../src/core/index';
import { usageError } from './cli-error';

/** A window as typed: each end a trading-day offset or a YYYY-MM-DD date. */
export interface RangeText {
  text: string;
  from: number | string;
  to: number | string;
}

export interface CliArguments {
  input: { kind: 'returns' | 'prices'; path: string };
  market: string;
  securities: string[] | null;
  model: ModelKind;
  returnKind: ReturnKind;
  /** Day 0's event: a date from --event-date, or an event of data/events.json from --event. */
  event: { kind: 'date'; date: string } | { kind: 'catalog'; id: string };
  estimation: RangeText | null;
  gap: RangeText | null;
  window: RangeText | null;
  carWindows: RangeText[] | null;
  format: (typeof FORMATS)[number];
  out: string | null;
}

const VALUE_OPTIONS = [
  'returns',
  'prices',
  'market',
  'securities',
  'model',
  'returns-kind',
  'event-date',
  'event',
  'estimation',
  'gap',
  'window',
  'car-windows',
  'format',
  'out',
] as const;

type OptionName = (typeof VALUE_OPTIONS)[number];

const MODELS: readonly ModelKind[] = ['market', 'market-adjusted', 'mean-adjusted'];
const RETURN_KINDS: readonly ReturnKind[] = ['simple', 'log'];
const FORMATS = ['json', 'csv', 'portfolio-csv'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET = /^[+-]?\d+$/;

/** True when the command line asks for help, whatever else it holds. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/**
 * Parses `--name value` and `--name=value` pairs. Values may start with "-" (`--window -5:5`).
 * @throws {CliError} exit code 2 for an unknown, repeated or incomplete option or a bad value.
 */
export function parseArguments(argv: readonly string[]): CliArguments {
  const values = collectValues(argv);
  return {
    input: inputOf(values),
    market: required(values, 'market'),
    securities: listOf(values.get('securities'), '--securities'),
    model: choice(values, 'model', MODELS, 'market'),
    returnKind: choice(values, 'returns-kind', RETURN_KINDS, 'simple'),
    event: eventOf(values),
    estimation: rangeOrNull(values, 'estimation'),
    gap: rangeOrNull(values, 'gap'),
    window: rangeOrNull(values, 'window'),
    carWindows: listOf(values.get('car-windows'), '--car-windows')?.map((text) => parseRange(text, '--car-windows')) ?? null,
    format: choice(values, 'format', FORMATS, 'json'),
    out: values.get('out') ?? null,
  };
}

function collectValues(argv: readonly string[]): Map<OptionName, string> {
  const values = new Map<OptionName, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (!token.startsWith('--')) throw usageError(`Unexpected argument "${token}"`);
    const equals = token.indexOf('=');
    const name = token.slice(2, equals === -1 ? undefined : equals);
    if (!isOptionName(name)) throw usageError(`Unknown option --${name}`);
    if (values.has(name)) throw usageError(`--${name} is given twice`);
    const value = equals === -1 ? argv[(index += 1)] : token.slice(equals + 1);
    if (value === undefined || value === '') throw usageError(`--${name} needs a value`);
    values.set(name, value);
  }
  return values;
}

function isOptionName(name: string): name is OptionName {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
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
  if (date !== undefined && id !== undefined) throw usageError('Give --event-date or --event, not both');
  if (id !== undefined) return { kind: 'catalog', id };
  if (date !== undefined) return { kind: 'date', date: dateOf(date, '--event-date') };
  throw usageError('Missing --event-date YYYY-MM-DD or --event ID');
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

function rangeOrNull(values: Map<OptionName, string>, name: OptionName): RangeText | null {
  const text = values.get(name);
  return text === undefined ? null : parseRange(text, `--${name}`);
}

function parseRange(text: string, option: string): RangeText {
  const ends = text.split(':');
  if (ends.length !== 2) throw usageError(`${option} must look like A:B (e.g. -130:-11 or 2024-04-25:2024-10-21), not "${text}"`);
  const [from, to] = ends as [string, string];
  return { text, from: endOf(from.trim(), option, text), to: endOf(to.trim(), option, text) };
}

function endOf(end: string, option: string, text: string): number | string {
  if (OFFSET.test(end)) return Number(end);
  if (ISO_DATE.test(end)) return end;
  throw usageError(`${option} "${text}": "${end}" is neither a trading-day offset nor a YYYY-MM-DD date`);
}

function dateOf(text: string, option: string): string {
  if (!ISO_DATE.test(text)) throw usageError(`${option} must be a date YYYY-MM-DD, not "${text}"`);
  return text;
}
