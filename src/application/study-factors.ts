/**
 * A user's factors in a study: the factor file's columns put on each unit's trading calendar (a day
 * the file lacks is a missing day, never filled), the days of the study's windows the file lacks,
 * named, and the record of which factors from which file a study used (the manifest's). The page
 * and the command-line tool use this; the server cannot (the file lives in the user's browser), and
 * says so in {@link factorsNotOnServerMessage}.
 */
import type { DayRange, StudyOptions, StudyUnit } from '../core/types.ts';
import { dateInWords } from '../domain/calendar.ts';
import { counted, listInWords } from '../domain/english.ts';
import { shortFactorHash, type FactorFile } from '../domain/factor-file.ts';
import type { ComposedStudy } from './compose-study.ts';

/** The factors a study query names: which columns of which file (its short hash and name). */
export interface FactorChoice {
  names: string[];
  file: { hash: string; name: string };
}

/** Days of one unit's windows on which the file has no value for some chosen factor. */
export interface FactorGap {
  symbol: string;
  eventId: string;
  window: 'estimation' | 'event';
  dates: string[];
}

/** What the manifest records of the factors a study used. */
export interface FactorUse {
  names: string[];
  file: { name: string; sha256: string; hash: string; rows: number; firstDate: string | null; lastDate: string | null };
  /** The days of the study's windows the file lacks (each a lost day of the factor model). */
  gaps: FactorGap[];
}

const DATES_NAMED = 6;

/**
 * The composed study with each unit carrying the chosen factors on its own calendar.
 * @throws never
 * @example withFactors(composed, file, ['SMB']).units[0]?.unit.factors?.SMB.length === composed.units[0]?.unit.dates.length // true
 */
export function withFactors(composed: ComposedStudy, file: FactorFile, names: readonly string[]): ComposedStudy {
  if (names.length === 0) return composed;
  const rowOf = new Map(file.dates.map((date, index) => [date, index]));
  const units = composed.units.map((item) => {
    const factors = Object.fromEntries(
      names.map((name) => {
        const column = file.values[name] ?? [];
        return [name, item.unit.dates.map((date) => column[rowOf.get(date) ?? -1] ?? null)];
      }),
    );
    return { ...item, unit: { ...item.unit, factors } satisfies StudyUnit };
  });
  return { ...composed, units };
}

/**
 * The days of each unit's estimation and event windows on which the file has no value for one of
 * the chosen factors (no row, or an empty cell): the factor model loses those days.
 * @throws never
 * @example factorGaps(composed, file, ['SMB'], options) // [{ symbol: '7013.T', eventId: 'us-election-2024', window: 'event', dates: ['2024-11-06'] }]
 */
export function factorGaps(composed: ComposedStudy, file: FactorFile, names: readonly string[], options: Pick<StudyOptions, 'estimationWindow' | 'eventWindow'>): FactorGap[] {
  const rowOf = new Map(file.dates.map((date, index) => [date, index]));
  const lacks = (date: string) => {
    const row = rowOf.get(date);
    return row === undefined || names.some((name) => (file.values[name]?.[row] ?? null) === null);
  };
  const gaps: FactorGap[] = [];
  for (const { unit, symbol, event } of composed.units) {
    const zeroIndex = unit.dates.indexOf(unit.dayZero);
    for (const [window, range] of [['estimation', options.estimationWindow], ['event', options.eventWindow]] as const) {
      const dates = datesOf(unit.dates, zeroIndex, range).filter(lacks);
      if (dates.length > 0) gaps.push({ symbol, eventId: event.id, window, dates });
    }
  }
  return gaps;
}

/**
 * The record of the factors a study used.
 * @throws never
 */
export function factorUse(file: FactorFile, names: readonly string[], gaps: readonly FactorGap[]): FactorUse {
  return {
    names: [...names],
    file: { name: file.name, sha256: file.sha256, hash: shortFactorHash(file.sha256), rows: file.dates.length, firstDate: file.dates[0] ?? null, lastDate: file.dates.at(-1) ?? null },
    gaps: gaps.map((gap) => ({ ...gap, dates: [...gap.dates] })),
  };
}

/**
 * The missing days in a sentence, by window, the dates named (the first few, then a count); null
 * when the file covers every day.
 * @throws never
 * @example factorGapsInWords(gaps, 'ff3.csv') // 'ff3.csv has no SMB or HML on 2 days of the event window (6 Nov 2024, 7 Nov 2024) …'
 */
export function factorGapsInWords(gaps: readonly FactorGap[], fileName: string, names: readonly string[]): string | null {
  if (gaps.length === 0) return null;
  const parts = (['event', 'estimation'] as const).flatMap((window) => {
    const dates = [...new Set(gaps.filter((gap) => gap.window === window).flatMap((gap) => gap.dates))].sort();
    if (dates.length === 0) return [];
    const named = dates.slice(0, DATES_NAMED).map(dateInWords);
    const rest = dates.length > DATES_NAMED ? ` and ${dates.length - DATES_NAMED} more` : '';
    return [`${counted(dates.length, 'day')} of the ${window} window${window === 'estimation' ? 's' : ''} (${named.join(', ')}${rest})`];
  });
  const factors = listInWords(names).replace(/ and /, ' or ');
  return `${fileName} has no ${factors} on ${parts.join(' and on ')}: on those days the factor model has no abnormal return (lost days). Add them to the file to use them.`;
}

/**
 * Why the server's study routes refuse a query with factors: the file is in the user's browser.
 * @throws never
 * @example factorsNotOnServerMessage({ names: ['SMB'], file: { hash: 'ba7816bf8f01cfea', name: 'ff3.csv' } })
 */
export function factorsNotOnServerMessage(choice: FactorChoice): string {
  return `This study uses the factors ${listInWords(choice.names)} of the factor file ${choice.file.name} (SHA-256 ${choice.file.hash}…), which lives only in the browser that uploaded it; the server cannot compute it. Download the files from the page, or run the command-line tool with the file.`;
}

/**
 * What a page says when a link names a factor file this browser does not keep, instead of computing
 * something else.
 * @throws never
 */
export function missingFactorFileMessage(choice: FactorChoice): string {
  return `This link used the factors ${listInWords(choice.names)} from the factor file ${choice.file.name} (SHA-256 ${choice.file.hash}…), which this browser does not have. Upload that file under Model to compute the study, or drop the factors.`;
}

function datesOf(dates: readonly string[], zeroIndex: number, range: DayRange): string[] {
  if (zeroIndex < 0) return [];
  return dates.slice(Math.max(0, zeroIndex + range.from), Math.max(0, zeroIndex + range.to + 1));
}
