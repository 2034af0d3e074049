import { standardizedVariance } from './patell-test';
import type { SecurityAnalysis } from './security-analysis';

/** values, variances, standardized, degrees of freedom, Σ SAR, Patell variances. */
type Columns = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

/**
 * The securities present on one event day (or with a CAR in one CAR window), column by column: what
 * the aggregate tests read. The columns are views of buffers allocated once per study and refilled
 * for each day and window, since a study with many securities would otherwise allocate six arrays
 * per day. Each fill replaces the previous one's views.
 *
 * @example new CrossSection(analyses.length).fillDay(analyses, 5).values // every AR of the sixth event day
 */
export class CrossSection {
  /** AR or CAR of each security that has one. */
  values: Float64Array;
  /** var(AR) or var(CAR) of the same securities. */
  variances: Float64Array;
  /** SAR or SCAR of those whose residuals vary (see hasResidualVariance), and their d. */
  standardized: Float64Array;
  degreesOfFreedom: Float64Array;
  /** Σ SAR over the tested days and its variance L·d/(d − 2), for Patell's Z. */
  standardizedSums: Float64Array;
  patellVariances: Float64Array;
  private readonly buffers: Columns;

  constructor(capacity: number) {
    const column = () => new Float64Array(capacity);
    this.buffers = [column(), column(), column(), column(), column(), column()];
    [this.values, this.variances, this.standardized, this.degreesOfFreedom, this.standardizedSums, this.patellVariances] = this.buffers;
  }

  /**
   * The securities with an AR on the event day at `offset` (relative day − event window start).
   * @throws never (analysed securities have d > 2)
   */
  fillDay(analyses: readonly SecurityAnalysis[], offset: number): this {
    const [values, variances, standardized, freedoms, sums, patell] = this.buffers;
    let present = 0;
    let standardizable = 0;
    for (const analysis of analyses) {
      const value = analysis.abnormal[offset] as number;
      if (Number.isNaN(value)) continue;
      values[present] = value;
      variances[present] = analysis.variance[offset] as number;
      present += 1;
      const sar = analysis.standardized[offset] as number;
      if (Number.isNaN(sar)) continue;
      standardized[standardizable] = sar;
      freedoms[standardizable] = analysis.degreesOfFreedom;
      sums[standardizable] = sar;
      patell[standardizable] = analysis.sarVariance;
      standardizable += 1;
    }
    return this.viewed(present, standardizable);
  }

  /**
   * The securities with a CAR in the CAR window at `index` of the study's options.
   * @throws never (analysed securities have d > 2)
   */
  fillWindow(analyses: readonly SecurityAnalysis[], index: number): this {
    const [values, variances, standardized, freedoms, sums, patell] = this.buffers;
    let present = 0;
    let standardizable = 0;
    for (const analysis of analyses) {
      const window = analysis.result.windows[index];
      if (!window || window.car === null || window.carVariance === null) continue;
      values[present] = window.car;
      variances[present] = window.carVariance;
      present += 1;
      if (window.scar === null) continue;
      standardized[standardizable] = window.scar;
      freedoms[standardizable] = analysis.degreesOfFreedom;
      sums[standardizable] = analysis.windowStandardizedSums[index] as number;
      patell[standardizable] = standardizedVariance(analysis.degreesOfFreedom, analysis.windowDays[index] as number);
      standardizable += 1;
    }
    return this.viewed(present, standardizable);
  }

  private viewed(present: number, standardizable: number): this {
    const [values, variances, standardized, freedoms, sums, patell] = this.buffers;
    this.values = values.subarray(0, present);
    this.variances = variances.subarray(0, present);
    this.standardized = standardized.subarray(0, standardizable);
    this.degreesOfFreedom = freedoms.subarray(0, standardizable);
    this.standardizedSums = sums.subarray(0, standardizable);
    this.patellVariances = patell.subarray(0, standardizable);
    return this;
  }
}
