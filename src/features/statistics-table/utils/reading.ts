import type { SecurityResult } from '../../../core/types.ts';
import { formatDate, formatNumber, formatPercent, formatPValue } from '../../../lib/format.ts';
import { significanceLevel } from '../../../lib/significance.ts';
import { possessive } from '../../../domain/english.ts';

/**
 * One plain-English line on a security's day-0 abnormal return, its significance taken from the
 * CAR window [0, 0] (t = AR/sqrt(var AR), Student t with the degrees of freedom of s², M − 2 for
 * the market model, as src/core/car-t-test.ts computes it). Without that window the line says how to get the test.
 * @example plainEnglishReading('Mitsubishi Heavy Industries', result) // "Mitsubishi Heavy Industries' abnormal return on 6 Nov 2024 was +6.39%, significant at 1% (t = …, p < 0.001)."
 */
export function plainEnglishReading(name: string, result: SecurityResult): string {
  const subject = `${possessive(name)} abnormal return on ${formatDate(result.dayZero)}`;
  const ar = result.days.find((day) => day.relativeDay === 0)?.ar ?? null;
  if (ar === null) return `${subject} cannot be computed: a price or the benchmark is missing that day.`;
  const test = result.windows.find((window) => window.from === 0 && window.to === 0)?.t;
  if (!test) return `${subject} was ${formatPercent(ar)} (add the CAR window 0:0 to test it).`;
  if (test.statistic === null) return `${subject} was ${formatPercent(ar)}; its significance cannot be tested: ${test.reason}`;
  const level = significanceLevel(test.pValue);
  const verdict = level === null ? 'not significant at 10%' : `significant at ${level}`;
  const pText = formatPValue(test.pValue);
  return `${subject} was ${formatPercent(ar)}, ${verdict} (t = ${formatNumber(test.statistic, 2)}, p ${pText.startsWith('<') ? pText.replace('<', '< ') : `= ${pText}`}).`;
}
