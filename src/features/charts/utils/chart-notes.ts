import type { AggregateTests } from '../../../core/types.ts';
import { testName } from '../../../domain/portfolio-tests.ts';

/** How to read an abnormal-return chart. */
export const AR_NOTE = 'Bars: AR. Line: CAR from the start of the event window. Shaded: CAR ± 1.96·sqrt(var CAR), the 95% band.';

/**
 * How to read the portfolio chart, naming the test behind its stars.
 * @example portfolioNote('bmpT').startsWith('Bars: AAR of each day, starred when significant under the BMP t') // true
 */
export function portfolioNote(significanceTest: keyof AggregateTests): string {
  return `Bars: AAR of each day, starred when significant under the ${testName(significanceTest)} (* p < 0.10, ** p < 0.05, *** p < 0.01). Line: CAAR. Shaded: CAAR ± 1.96·sqrt(var CAAR), var CAAR = Σ var(CARᵢ)/N² (MacKinlay 1997), which assumes independent securities.`;
}
