/**
 * The pure rules behind charts that read correctly (issue 14, item 4) and the article's line:
 * which days get a label, where an event's label goes, the benchmarks' line styles.
 */
import { describe, expect, it } from 'vitest';
import { articleMeta } from '../../../src/features/articles/utils/article-meta.ts';
import { fitLabel } from '../../../src/features/charts/components/event-marker.tsx';
import { dayLabelWidth, labelledDays } from '../../../src/features/charts/utils/day-ticks.ts';
import { benchmarkStyle, seriesStyle } from '../../../src/features/charts/utils/palette.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('labelledDays', () => {
  it('labels every day where there is room (a wide chart of 21 days)', () => {
    expect([...labelledDays(range(-10, 10), 30, 12)].sort((a, b) => a - b)).toEqual(range(-10, 10));
  });

  it('always labels -1, 0 and +1, then round days that keep clear of each other (a narrow panel)', () => {
    const days = labelledDays(range(-10, 10), 12, 11);
    expect([-1, 0, 1].every((day) => days.has(day))).toBe(true);
    expect([...days].sort((a, b) => a - b)).toEqual([-10, -5, -1, 0, 1, 5, 10]);
    expect([...labelledDays(range(-10, 10), 16, 11)].sort((a, b) => a - b)).toEqual([-10, -8, -6, -4, -1, 0, 1, 4, 6, 8, 10]);
    // No two labels (other than the three that are always there) closer than their width allows.
    const sorted = [...days].filter((day) => Math.abs(day) > 1).sort((a, b) => a - b);
    for (let index = 1; index < sorted.length; index += 1) expect(((sorted[index] ?? 0) - (sorted[index - 1] ?? 0)) * 12).toBeGreaterThan(dayLabelWidth(-10, 11));
  });

  it('labels -1, 0 and +1 even when nothing else fits, and only days of the window', () => {
    expect([...labelledDays(range(-1, 1), 2, 12)].sort((a, b) => a - b)).toEqual([-1, 0, 1]);
    expect([...labelledDays(range(0, 5), 40, 12)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('fitLabel', () => {
  const marker = { label: 'US presidential election · 6 Nov 2024', shortLabel: 'US presidential election' };

  it('writes the whole label right of its line when it fits there, else left of it', () => {
    expect(fitLabel(marker, 100, 640, 11)).toEqual({ text: marker.label, anchor: 'start' });
    expect(fitLabel(marker, 600, 640, 11)).toEqual({ text: marker.label, anchor: 'end' });
  });

  it('falls back to the short label, then cuts it, so the text never runs past the chart', () => {
    expect(fitLabel(marker, 150, 340, 11)).toEqual({ text: marker.shortLabel, anchor: 'start' });
    const cut = fitLabel(marker, 60, 140, 11);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length * 11 * 0.58).toBeLessThanOrEqual(140 - 60);
  });
});

describe('benchmarkStyle', () => {
  it('gives each benchmark its own pattern, none of them a security’s', () => {
    const benchmarks = [0, 1, 2, 3].map(benchmarkStyle);
    expect(new Set(benchmarks.map((style) => `${style.colour} ${style.dash}`)).size).toBe(4);
    const securityDashes = [0, 1, 2, 3, 4, 5].map((index) => seriesStyle(index).dash);
    for (const style of benchmarks) expect(securityDashes).not.toContain(style.dash);
  });
});

describe('articleMeta', () => {
  it('says what the text does not state, and names no file', () => {
    expect(articleMeta({ outlet: 'not stated', date: 'not stated' })).toBe('Outlet and date not stated.');
    expect(articleMeta({ outlet: 'Nikkei Asia', date: 'Not stated' })).toBe('Nikkei Asia; date not stated.');
    expect(articleMeta({ outlet: 'not stated', date: '7 Nov 2024' })).toBe('Outlet not stated; 7 Nov 2024.');
    expect(articleMeta({ outlet: 'Nikkei Asia', date: '7 Nov 2024' })).toBe('Nikkei Asia, 7 Nov 2024.');
  });
});
