import { EventStudyError } from './errors';
import { SortedOrder } from './sorted-order';

/** Ranks of one input, with the Σ(t³ − t) over groups of t tied values that tie corrections use. */
export interface RankedValues {
  ranks: Float64Array;
  tieSum: number;
}

// One sorter for every call: its buffers grow to the longest input and are then reused.
const sorter = new SortedOrder();

/**
 * Average ranks (1 = smallest; tied values share the mean of their positions), the same as R's
 * `rank(x, ties.method = "average")`. ±Infinity rank first and last.
 * @throws EventStudyError INVALID_INPUT when a value is NaN, which has no rank.
 * @example averageRanks([0.3, 0.1, 0.3]) // Float64Array [2.5, 1, 2.5]
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  return rankedValues(values).ranks;
}

/**
 * {@link averageRanks} and Σ(t³ − t) over the groups of tied values, from one sort.
 * @param ranks where to write the ranks (at least as long as `values`); a new array by default.
 * @throws EventStudyError INVALID_INPUT when a value is NaN.
 * @example rankedValues([0.3, 0.1, 0.3]).tieSum // 2³ − 2 = 6
 */
export function rankedValues(values: ArrayLike<number>, ranks = new Float64Array(values.length)): RankedValues {
  for (let index = 0; index < values.length; index += 1) {
    if (Number.isNaN(values[index])) {
      throw new EventStudyError('INVALID_INPUT', `Ranks: value #${index + 1} is not a number, so it has no rank.`);
    }
  }
  sorter.sort(values, values.length);
  const { order, sortedValues } = sorter;
  let tieSum = 0;
  let start = 0;
  while (start < values.length) {
    let end = start + 1;
    while (end < values.length && sortedValues[end] === sortedValues[start]) end += 1;
    // The tied values occupy ranks start + 1 … end.
    const rank = (start + 1 + end) / 2;
    for (let position = start; position < end; position += 1) ranks[order[position]!] = rank;
    const tied = end - start;
    tieSum += tied * tied * tied - tied;
    start = end;
  }
  return { ranks, tieSum };
}
