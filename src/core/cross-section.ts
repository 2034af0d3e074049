import { hasStandardizedVariance, standardizedVariance } from './patell-test';
import type { StudyColumns } from './study-columns';

/** values, variances, standardized, degrees of freedom, Σ SAR, Patell variances. */
type Columns = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

/**
 * The securities present on one event day (or with a CAR in one CAR window), column by column: what
 * the aggregate tests read. The columns are views of buffers allocated once per study and refilled
 * for each day and window, since a study with many securities would otherwise allocate six arrays
 * per day. Each fill replaces the previous one's views.
 *
 * @example new CrossSection(analyses.length).fillDay(columns, analyses.length, 5).values // every AR of the sixth event day
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
  /**
   * The fewest degrees of freedom among the standardized securities (Infinity when none): Patell
   * and J2 need every d > 2 (see hasStandardizedVariance), and their variances are NaN otherwise.
   */
  fewestDegreesOfFreedom = Infinity;
  private readonly buffers: Columns;

  constructor(capacity: number) {
    const column = () => new Float64Array(capacity);
    this.buffers = [column(), column(), column(), column(), column(), column()];
    [this.values, this.variances, this.standardized, this.degreesOfFreedom, this.standardizedSums, this.patellVariances] = this.buffers;
  }

  /**
   * The securities with an AR on the event day at `offset` (relative day − event window start),
   * from the first `count` rows of the study's columns.
   * @throws never
   */
  fillDay(columns: StudyColumns, count: number, offset: number): this {
    const [values, variances, standardized, freedoms, sums, patell] = this.buffers;
    const start = offset * columns.capacity;
    let present = 0;
    let standardizable = 0;
    let fewest = Infinity;
    for (let row = 0; row < count; row += 1) {
      const value = columns.abnormal[start + row]!;
      if (Number.isNaN(value)) continue;
      values[present] = value;
      variances[present] = columns.variance[start + row]!;
      present += 1;
      const sar = columns.standardized[start + row]!;
      if (Number.isNaN(sar)) continue;
      standardized[standardizable] = sar;
      const freedom = columns.degreesOfFreedom[row]!;
      freedoms[standardizable] = freedom;
      if (freedom < fewest) fewest = freedom;
      sums[standardizable] = sar;
      patell[standardizable] = columns.sarVariance[row]!;
      standardizable += 1;
    }
    this.fewestDegreesOfFreedom = fewest;
    return this.viewed(present, standardizable);
  }

  /**
   * The securities with a CAR in the CAR window at `index` of the study's options, from the first
   * `count` rows of the study's columns.
   * @throws never
   */
  fillWindow(columns: StudyColumns, count: number, index: number): this {
    const [values, variances, standardized, freedoms, sums, patell] = this.buffers;
    const start = index * columns.capacity;
    let present = 0;
    let standardizable = 0;
    let fewest = Infinity;
    for (let row = 0; row < count; row += 1) {
      const car = columns.windowCar[start + row]!;
      if (Number.isNaN(car)) continue;
      values[present] = car;
      variances[present] = columns.windowVariance[start + row]!;
      present += 1;
      const scar = columns.windowStandardized[start + row]!;
      if (Number.isNaN(scar)) continue;
      const freedom = columns.degreesOfFreedom[row]!;
      standardized[standardizable] = scar;
      freedoms[standardizable] = freedom;
      if (freedom < fewest) fewest = freedom;
      sums[standardizable] = columns.windowStandardizedSums[start + row]!;
      patell[standardizable] = hasStandardizedVariance(freedom) ? standardizedVariance(freedom, columns.windowDays[start + row]!) : Number.NaN;
      standardizable += 1;
    }
    this.fewestDegreesOfFreedom = fewest;
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
