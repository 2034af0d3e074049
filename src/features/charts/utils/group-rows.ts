import type { GroupResult } from '../../../application/group-results.ts';
import type { ChartImageSpec } from '../components/chart-export-buttons.tsx';
import type { LineSpec } from '../components/chart-interaction.ts';
import type { ChartImageContext } from '../components/charts-panel.tsx';
import type { ChartRow } from './chart-data.ts';
import { priceLegend } from './image-legends.ts';
import { seriesStyle } from './palette.ts';

/**
 * The group comparison's lines, one per group with members, in the groups' order: the group's
 * label and how many members it averages.
 * @example groupLines(results)[0] // { key: 'group0', name: 'Japan (6)', colour: '#0072B2', … }
 */
export function groupLines(results: readonly GroupResult[]): LineSpec[] {
  return results
    .filter((result) => result.members.length > 0)
    .map((result, index) => ({ key: `group${index}`, name: `${result.group.label} (${result.members.length})`, ...seriesStyle(index), emphasis: 'normal' as const }));
}

/**
 * Each group's CAAR by relative day (the mean abnormal return of its members, summed from the
 * start of the event window), keyed as groupLines names them. The dates are left out: the groups'
 * members trade on different calendars.
 * @example groupRows(results, [-1, 0, 1])[1].group0 // Japan's CAAR on day 0
 */
export function groupRows(results: readonly GroupResult[], days: readonly number[]): ChartRow[] {
  const plotted = results.filter((result) => result.members.length > 0);
  return days.map((day) => {
    const row: ChartRow = { day, date: null };
    plotted.forEach((result, index) => {
      row[`group${index}`] = result.days.find((entry) => entry.relativeDay === day)?.caar ?? null;
    });
    return row;
  });
}

/** The title of the group comparison chart, on the page, its image and its slide. */
export const GROUP_COMPARISON_TITLE = 'Peer groups compared: CAAR by group';

/**
 * What the saved image of the group comparison states: its title, subtitle, source line, the
 * groups' lines as legend, and its file name parts.
 * @example groupComparisonImage(lines, image, subtitle).fileParts // ['peer-groups', 'us-election-2024']
 */
export function groupComparisonImage(lines: readonly LineSpec[], image: ChartImageContext, subtitle: string): ChartImageSpec {
  return { title: GROUP_COMPARISON_TITLE, subtitle, source: image.source, legend: priceLegend(lines), fileParts: ['peer-groups', image.eventId] };
}
