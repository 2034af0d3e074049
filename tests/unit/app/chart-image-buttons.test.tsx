// @vitest-environment jsdom
/**
 * The PNG and SVG buttons of a chart: the file they hand to the browser, and the message a user
 * sees when no image can be made. The chart here is a made-up one-bar SVG standing in for recharts.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartExportButtons, type ChartImageSpec } from '../../../src/features/charts/components/chart-export-buttons.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const IMAGE: ChartImageSpec = {
  title: 'IHI Corporation (7013.T): daily abnormal returns and CAR',
  subtitle: 'Benchmark TOPIX. Market model.',
  source: 'Kabuto 0.1.0, MacKinlay (1997) market model. Prices: Offline snapshot.',
  legend: [{ label: 'AR', colour: '#D55E00', kind: 'bar' }],
  fileParts: ['7013.T', 'abnormal-returns', 'us-election-2024'],
};

function Chart({ drawn }: { drawn: boolean }) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <figure>
      <ChartExportButtons chart={body} image={IMAGE} />
      <div ref={body}>
        {drawn ? (
          <svg className="recharts-surface" width="402" height="210" viewBox="0 0 402 210" tabIndex={0}>
            <rect className="bar" x="10" y="20" width="30" height="100" fill="#D55E00" />
          </svg>
        ) : null}
      </div>
    </figure>
  );
}

/** Stubs the object-URL API jsdom lacks and records what is downloaded. */
function captureDownloads() {
  const blobs: Blob[] = [];
  vi.stubGlobal(
    'URL',
    class RecordingUrl extends URL {
      static override createObjectURL(blob: Blob): string {
        blobs.push(blob);
        return `blob:test/${blobs.length}`;
      }
      static override revokeObjectURL(): void {}
    },
  );
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('the image buttons of a chart', () => {
  it('are labelled buttons a keyboard reaches', async () => {
    const user = userEvent.setup();
    render(<Chart drawn />);
    await user.tab();
    expect(screen.getByRole('button', { name: `PNG image of ${IMAGE.title}` })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: `SVG image of ${IMAGE.title}` })).toHaveFocus();
  });

  it('download the chart as an SVG file named after the security, chart and event', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    render(<Chart drawn />);
    await user.click(screen.getByRole('button', { name: /^SVG image/ }));
    expect(downloads.names).toEqual(['kabuto-7013-T-abnormal-returns-us-election-2024.svg']);
    const blob = downloads.blobs[0];
    expect(blob?.type).toBe('image/svg+xml;charset=utf-8');
    const text = (await blob?.text()) ?? '';
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(document.querySelector('parsererror')?.textContent ?? null, text).toBeNull();
    expect(document.documentElement.getAttribute('width')).toBe('402');
    // The chart inside keeps its drawing and loses what only the page needs (focusability).
    const chart = document.documentElement.querySelector('svg');
    expect(chart?.querySelector('rect.bar')?.getAttribute('fill')).toBe('#D55E00');
    expect(chart?.hasAttribute('tabindex')).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('say so in the page, rather than failing silently, when the chart is not drawn yet', async () => {
    const user = userEvent.setup();
    render(<Chart drawn={false} />);
    await user.click(screen.getByRole('button', { name: /^PNG image/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('The chart is not drawn yet, so there is nothing to save; wait for it to appear and try again.');
  });

  it('offer the SVG instead when the browser cannot draw the PNG', async () => {
    const user = userEvent.setup();
    // jsdom has no image decoder; this one refuses as a browser does with an image it cannot read.
    Object.defineProperty(HTMLImageElement.prototype, 'decode', { configurable: true, value: () => Promise.reject(new Error('EncodingError')) });
    try {
      render(<Chart drawn />);
      await user.click(screen.getByRole('button', { name: /^PNG image/ }));
      expect(screen.getByRole('alert')).toHaveTextContent('The browser could not draw the chart as an image; download the SVG instead.');
      expect(screen.getByRole('button', { name: /^PNG image/ })).toHaveAttribute('aria-disabled', 'false');
    } finally {
      Reflect.deleteProperty(HTMLImageElement.prototype, 'decode');
    }
  });
});
