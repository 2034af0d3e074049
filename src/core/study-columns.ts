import { ScratchBuffer } from './scratch-buffer';

/**
 * The per-day and per-window numbers of every security of a study that the across-securities tests
 * read, stored day by day: the ARs of all securities on one event day sit side by side (index
 * offset × capacity + row), and likewise each CAR window's CARs. A day's or window's cross-section
 * is then one contiguous read rather than a pointer chase through every security's result, which
 * for thousands of securities no longer fits in the processor's cache. NaN marks a missing value.
 *
 * Each analysed security writes every entry of its row, so a row left by a security that then
 * failed is simply overwritten by the next one. A study's columns are a scratch buffer (see
 * {@link ScratchBuffer}), valid until the next study.
 *
 * @example StudyColumns.forStudy(1_000, 16, 4).abnormal[5 * 1_000 + 7] // AR of security #8 on the sixth event day
 */
export class StudyColumns {
  /** Per event day (offset = relative day − event window start): AR, var(AR), SAR (NaN without SARs). */
  readonly abnormal: Float64Array;
  readonly variance: Float64Array;
  readonly standardized: Float64Array;
  /** Per CAR window: CAR, var(CAR) and SCAR (NaN without), Σ SAR for Patell, and the days with an AR. */
  readonly windowCar: Float64Array;
  readonly windowVariance: Float64Array;
  readonly windowStandardized: Float64Array;
  readonly windowStandardizedSums: Float64Array;
  readonly windowDays: Float64Array;
  /** Per security: d, the degrees of freedom of its s², and d/(d − 2), the variance of one SAR. */
  readonly degreesOfFreedom: Float64Array;
  readonly sarVariance: Float64Array;

  private constructor(
    storage: Float64Array,
    readonly capacity: number,
    readonly eventDays: number,
    readonly windows: number,
  ) {
    let next = 0;
    const column = (length: number) => storage.subarray(next, (next += length));
    this.abnormal = column(eventDays * capacity);
    this.variance = column(eventDays * capacity);
    this.standardized = column(eventDays * capacity);
    this.windowCar = column(windows * capacity);
    this.windowVariance = column(windows * capacity);
    this.windowStandardized = column(windows * capacity);
    this.windowStandardizedSums = column(windows * capacity);
    this.windowDays = column(windows * capacity);
    this.degreesOfFreedom = column(capacity);
    this.sarVariance = column(capacity);
  }

  /** Columns for up to `capacity` securities in the study's scratch buffer. @throws never */
  static forStudy(capacity: number, eventDays: number, windows: number): StudyColumns {
    return new StudyColumns(studyScratch.float64(StudyColumns.size(capacity, eventDays, windows)), capacity, eventDays, windows);
  }

  /** Columns of their own, for one security analysed outside a study. @throws never */
  static forOne(eventDays: number, windows: number): StudyColumns {
    return new StudyColumns(new Float64Array(StudyColumns.size(1, eventDays, windows)), 1, eventDays, windows);
  }

  private static size(capacity: number, eventDays: number, windows: number): number {
    return capacity * (3 * eventDays + 5 * windows + 2);
  }
}

const studyScratch = new ScratchBuffer();
