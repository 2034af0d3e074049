/**
 * Positions of a series sorted by value, the costliest step of ranking: a study ranks the
 * estimation and event days of every security, and the Wilcoxon test the securities of every day
 * and window. One sorter is reused from series to series, so sorting allocates nothing once its
 * buffers have grown to the longest series.
 *
 * The sort is a bucket sort: bucket ⌊(x − min)·n/(max − min)⌋ is monotone in x (rounded
 * subtraction and multiplication are monotone), so after counting and scattering, an insertion
 * sort never crosses a bucket and each value ends at its rank. For returns, which spread over their
 * range, buckets hold a few values and the sort is linear. When a bucket grows too full (values
 * crowded by a far outlier) or the range leaves double precision, a merge sort takes over, so the
 * worst case stays O(n log n). Ties end up next to each other in either case.
 *
 * @example
 * const sorter = new SortedOrder();
 * sorter.sort([0.3, -0.1, 0.2], 3); // sorter.order → 1, 2, 0; sorter.sortedValues → −0.1, 0.2, 0.3
 */
export class SortedOrder {
  /** After {@link sort}: the input positions from the smallest value to the largest, first `count` entries. */
  order = new Uint32Array(0);
  /** After {@link sort}: the values in that order. */
  sortedValues = new Float64Array(0);
  private buckets = new Int32Array(0);
  private bucketEnds = new Int32Array(1);
  private mergeBuffer = new Uint32Array(0);

  /**
   * Sorts the first `count` values (which must not be NaN; ±Infinity are allowed).
   * @throws never
   */
  sort(values: ArrayLike<number>, count: number): void {
    this.reserve(count);
    if (count === 0) return;
    let min = values[0]!;
    let max = min;
    for (let index = 1; index < count; index += 1) {
      const value = values[index]!;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (!(max > min)) {
      this.identity(values, count);
      return;
    }
    const scale = count / (max - min);
    if (!(scale > 0 && scale < Infinity && this.bucketSort(values, count, min, scale))) this.mergeSort(values, count);
  }

  private reserve(count: number): void {
    if (this.order.length >= count) return;
    const capacity = Math.max(count, 2 * this.order.length);
    this.order = new Uint32Array(capacity);
    this.sortedValues = new Float64Array(capacity);
    this.buckets = new Int32Array(capacity);
    this.bucketEnds = new Int32Array(capacity + 1);
    this.mergeBuffer = new Uint32Array(capacity);
  }

  /** Every value equal: any order is sorted, so keep the input's. */
  private identity(values: ArrayLike<number>, count: number): void {
    for (let index = 0; index < count; index += 1) {
      this.order[index] = index;
      this.sortedValues[index] = values[index]!;
    }
  }

  /** Returns false, having sorted nothing, when a bucket would hold more than BUCKET_LIMIT values. */
  private bucketSort(values: ArrayLike<number>, count: number, min: number, scale: number): boolean {
    const { buckets, bucketEnds, order, sortedValues } = this;
    bucketEnds.fill(0, 0, count + 1);
    for (let index = 0; index < count; index += 1) {
      const bucket = Math.min(Math.floor((values[index]! - min) * scale), count - 1);
      buckets[index] = bucket;
      const size = bucketEnds[bucket + 1]! + 1;
      if (size > BUCKET_LIMIT) return false;
      bucketEnds[bucket + 1] = size;
    }
    // bucketEnds[b] becomes the first slot of bucket b, then moves along as the bucket fills.
    for (let bucket = 1; bucket <= count; bucket += 1) bucketEnds[bucket] = bucketEnds[bucket]! + bucketEnds[bucket - 1]!;
    for (let index = 0; index < count; index += 1) {
      const slot = bucketEnds[buckets[index]!]!;
      bucketEnds[buckets[index]!] = slot + 1;
      order[slot] = index;
      sortedValues[slot] = values[index]!;
    }
    for (let next = 1; next < count; next += 1) {
      const value = sortedValues[next]!;
      if (!(sortedValues[next - 1]! > value)) continue;
      const position = order[next]!;
      let slot = next;
      while (slot > 0 && sortedValues[slot - 1]! > value) {
        sortedValues[slot] = sortedValues[slot - 1]!;
        order[slot] = order[slot - 1]!;
        slot -= 1;
      }
      sortedValues[slot] = value;
      order[slot] = position;
    }
    return true;
  }

  /** Insertion sort on runs of 8, then bottom-up merges of the positions. */
  private mergeSort(values: ArrayLike<number>, count: number): void {
    let order = this.order;
    let buffer = this.mergeBuffer;
    for (let index = 0; index < count; index += 1) order[index] = index;
    for (let runStart = 0; runStart < count; runStart += SORTED_RUN) {
      insertionSort(values, order, runStart, Math.min(runStart + SORTED_RUN, count));
    }
    for (let width = SORTED_RUN; width < count; width *= 2) {
      for (let low = 0; low < count; low += 2 * width) {
        merge(values, order, buffer, low, Math.min(low + width, count), Math.min(low + 2 * width, count));
      }
      [order, buffer] = [buffer, order];
    }
    this.order = order;
    this.mergeBuffer = buffer;
    for (let position = 0; position < count; position += 1) this.sortedValues[position] = values[order[position]!]!;
  }
}

/** Above this many values in one bucket the insertion sort could turn quadratic. */
const BUCKET_LIMIT = 24;
const SORTED_RUN = 8;

function insertionSort(values: ArrayLike<number>, order: Uint32Array, from: number, to: number): void {
  for (let next = from + 1; next < to; next += 1) {
    const moving = order[next]!;
    const value = values[moving]!;
    let slot = next;
    while (slot > from && values[order[slot - 1]!]! > value) {
      order[slot] = order[slot - 1]!;
      slot -= 1;
    }
    order[slot] = moving;
  }
}

/** Merges the sorted runs order[low, middle) and order[middle, high) into target[low, high). */
function merge(values: ArrayLike<number>, order: Uint32Array, target: Uint32Array, low: number, middle: number, high: number): void {
  let left = low;
  let right = middle;
  for (let slot = low; slot < high; slot += 1) {
    const takeRight = left >= middle || (right < high && values[order[right]!]! < values[order[left]!]!);
    target[slot] = takeRight ? order[right++]! : order[left++]!;
  }
}
