/** A dated price, as compared between two copies of one series. */
export interface DatedPrice {
  date: string;
  price: number;
}

export interface ReturnComparison {
  /** Days on which both copies have a close-to-close return from the same previous day. */
  commonDays: number;
  firstDate: string;
  lastDate: string;
  /** The largest |difference| of the two returns, and its day; null without common days. */
  largest: { date: string; difference: number } | null;
  /** Days whose difference exceeds the tolerance, oldest first. */
  beyondTolerance: { date: string; difference: number }[];
  /** Dates inside the common span that only one copy has. */
  onlyHere: string[];
  onlyThere: string[];
}

/**
 * Yahoo stores prices as float32 (relative error up to 2⁻²⁴ ≈ 6e-8 a value), so two Yahoo copies'
 * returns may differ by a few 1e-7 (global/PROVENANCE.md finds at most 5e-7); 1e-6 (0.0001 pp) allows
 * that and catches any real difference.
 */
export const RETURN_TOLERANCE = 1e-6;

/**
 * Compares the simple daily returns Pₜ/Pₜ₋₁ − 1 of two copies of a series over the dates both have,
 * counting a day only when both copies' previous day is the same date. When `there` is rounded to
 * `roundedTo` (its values are within h = roundedTo/2 of the exact ones), a day's tolerance grows by
 * the rounding's largest effect on its return, h·(Sₜ + Sₜ₋₁) / (Sₜ₋₁·(Sₜ₋₁ − h)), from
 * (Sₜ + h)/(Sₜ₋₁ − h) − Sₜ/Sₜ₋₁.
 * @throws never
 * @example compareDailyReturns([{ date: '2024-11-05', price: 100 }, { date: '2024-11-06', price: 103 }], [{ date: '2024-11-05', price: 50 }, { date: '2024-11-06', price: 51.5 }]).commonDays // 1
 */
export function compareDailyReturns(here: readonly DatedPrice[], there: readonly DatedPrice[], roundedTo = 0): ReturnComparison {
  const firstDate = maxOf(here[0]?.date, there[0]?.date);
  const lastDate = minOf(here.at(-1)?.date, there.at(-1)?.date);
  const inSpan = (series: readonly DatedPrice[]) => series.filter(({ date }) => date >= firstDate && date <= lastDate);
  const hereInSpan = inSpan(here);
  const thereInSpan = inSpan(there);
  const thereByDate = new Map(thereInSpan.map((point, index) => [point.date, { point, previous: thereInSpan[index - 1] }]));
  const hereDates = new Set(hereInSpan.map(({ date }) => date));
  const half = roundedTo / 2;
  let commonDays = 0;
  let largest: ReturnComparison['largest'] = null;
  const beyondTolerance: ReturnComparison['beyondTolerance'] = [];
  hereInSpan.forEach((today, index) => {
    const yesterday = hereInSpan[index - 1];
    const other = thereByDate.get(today.date);
    if (!yesterday || !other?.previous || other.previous.date !== yesterday.date) return;
    const thereToday = other.point.price;
    const thereYesterday = other.previous.price;
    const difference = Math.abs(today.price / yesterday.price - thereToday / thereYesterday);
    const tolerance = RETURN_TOLERANCE + (half * (thereToday + thereYesterday)) / (thereYesterday * (thereYesterday - half));
    commonDays += 1;
    if (!largest || difference > largest.difference) largest = { date: today.date, difference };
    if (difference > tolerance) beyondTolerance.push({ date: today.date, difference });
  });
  return {
    commonDays,
    firstDate,
    lastDate,
    largest,
    beyondTolerance,
    onlyHere: hereInSpan.map(({ date }) => date).filter((date) => !thereByDate.has(date)),
    onlyThere: thereInSpan.map(({ date }) => date).filter((date) => !hereDates.has(date)),
  };
}

function maxOf(a = '', b = ''): string {
  return a > b ? a : b;
}

function minOf(a = '', b = ''): string {
  return a < b ? a : b;
}
