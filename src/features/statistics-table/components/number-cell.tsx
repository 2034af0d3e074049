import { memo } from 'react';
import { dataValue } from '../../../lib/format.ts';

interface NumberCellProps {
  value: number | null;
  format: (value: number | null) => string;
  /** Appended after the number, e.g. significance stars. */
  suffix?: string;
  testId?: string;
}

/**
 * A table cell showing a number at display precision, with the full double in data-value and
 * its tooltip, so every figure can be checked to the last digit against R or Stata. Memoised: a table
 * re-rendered with new rows redraws only the cells whose figure changed.
 */
export const NumberCell = memo(function NumberCell({ value, format, suffix, testId }: NumberCellProps) {
  return (
    <td className="number" data-value={dataValue(value)} title={value === null ? 'not available' : String(value)} data-testid={testId}>
      {format(value)}
      {suffix ? <span className="stars">{suffix}</span> : null}
    </td>
  );
});
