import type { TooltipContentProps } from 'recharts';
import { formatDateWithWeekday, formatRelativeDay } from '../../../lib/format.ts';

export interface ChartTooltipProps extends Partial<TooltipContentProps<number | number[], string>> {
  /** Formats one plotted value (a band arrives as [low, high]). */
  format: (value: number) => string;
}

/** The tooltip shared by the charts: the day and its date, then each series' value. */
export function ChartTooltip({ active, payload, format }: ChartTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <ChartTooltipTitle row={payload[0]?.payload as TooltipRow | undefined} />
      <ul>
        {payload.map((item) => (
          <li key={String(item.dataKey)}>
            <span className="chart-tooltip-swatch" style={{ background: item.color ?? '#333' }} aria-hidden="true" />
            {item.name}: {describe(item.value, format)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A chart row as the tooltips read it: its event day and date. */
export type TooltipRow = { day?: number; date?: string | null };

/** The tooltips' first line: the event day and its date with the weekday. */
export function ChartTooltipTitle({ row }: { row: TooltipRow | undefined }) {
  return (
    <p className="chart-tooltip-title">
      Day {formatRelativeDay(row?.day ?? 0)}
      {row?.date ? ` · ${formatDateWithWeekday(row.date)}` : ''}
    </p>
  );
}

function describe(value: unknown, format: (value: number) => string): string {
  if (typeof value === 'number') return format(value);
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') return `${format(value[0])} to ${format(value[1])}`;
  return '—';
}
