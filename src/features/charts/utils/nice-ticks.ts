/**
 * Axis ticks at round numbers ("nice numbers", Heckbert 1990, Graphics Gems): a step of 1, 2 or 5
 * times a power of ten, and a domain widened to whole steps, so an axis reads 0%, 5%, 10% rather
 * than 0%, 10.67%, 21.33%.
 */

/** Heckbert's rounding of a step's leading digits to the nearest of 1, 2, 5 and 10. */
function niceMultiple(fraction: number): number {
  if (fraction < 1.5) return 1;
  if (fraction < 3) return 2;
  if (fraction < 7) return 5;
  return 10;
}

export interface NiceAxis {
  domain: [number, number];
  ticks: number[];
  /** Decimals needed to print the step exactly, after scaling by `scale`. */
  decimals: number;
}

/**
 * Round ticks covering [min, max], about `count` of them.
 * @example niceAxis(-0.021, 0.182, 5, 100).ticks // [-0.05, 0, 0.05, 0.1, 0.15, 0.2]
 */
export function niceAxis(min: number, max: number, count = 5, scale = 1): NiceAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1], decimals: 0 };
  const [low, high] = min === max ? [min - Math.abs(min || 1) * 0.05, max + Math.abs(max || 1) * 0.05] : [min, max];
  const rough = (high - low) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = niceMultiple(rough / power) * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  // Ticks are built from integers times the step, so 0.1 + 0.2 style drift never reaches a label.
  const ticks = Array.from({ length: last - first + 1 }, (_, index) => Number(((first + index) * step).toPrecision(12)));
  return { domain: [ticks[0] ?? low, ticks.at(-1) ?? high], ticks, decimals: decimalsOf(step * scale) };
}

/**
 * The smallest and largest finite number among the rows' values under `keys`; an array value (a
 * band) counts both ends. Null when there is none.
 */
export function extentOf(rows: readonly Record<string, unknown>[], keys: readonly string[]): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const row of rows) {
    for (const key of keys) {
      const value = row[key];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'number' && Number.isFinite(item)) {
          low = Math.min(low, item);
          high = Math.max(high, item);
        }
      }
    }
  }
  return low <= high ? [low, high] : null;
}

function decimalsOf(step: number): number {
  const text = Number(step.toPrecision(10)).toString();
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}
