import { useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useDialogFocus } from '../hooks/use-dialog-focus.ts';
import { useFullscreen } from '../hooks/use-fullscreen.ts';
import { useSlideKeys } from '../hooks/use-slide-keys.ts';
import { buildDeck, type DeckInput, type SlideChartKind } from '../utils/deck.ts';
import { moveTo, type SlideCommand } from '../utils/slide-keys.ts';
import { SlideContent } from './slide-content.tsx';
import './presentation.css';

/** The study to present, how to draw its charts, and what leaving does. */
export interface PresentationModeProps {
  deck: DeckInput;
  /** Draws a chart of the study at slide size. */
  renderChart: (chart: SlideChartKind) => ReactNode;
  onClose: () => void;
}

/**
 * The study as full-screen slides: a modal dialog over the page (in full screen when the
 * browser allows it) showing one slide at a time. Arrows, Space, Page Up/Down, Home and End move
 * between slides; Escape leaves. Every slide stays in the page, hidden, so printing gives one
 * slide per page.
 * @example <PresentationMode deck={deck} renderChart={renderChart} onClose={() => setOpen(false)} />
 */
export function PresentationMode({ deck, renderChart, onClose }: PresentationModeProps) {
  const slides = useMemo(() => buildDeck(deck), [deck]);
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  useFullscreen(onClose);
  const go = (command: Exclude<SlideCommand, 'close'>) => setIndex((current) => moveTo(command, current, slides.length));
  useSlideKeys(dialog, (command) => (command === 'close' ? onClose() : go(command)));

  return createPortal(
    <div ref={dialog} className="presentation" role="dialog" aria-modal="true" aria-label={`Presentation: ${slides[0]?.heading ?? ''}`} tabIndex={-1}>
      <div className="presentation-slides">
        {slides.map((slide, position) => (
          <section
            key={slide.id}
            className="slide"
            data-slide={slide.id}
            hidden={position !== index}
            aria-roledescription="slide"
            aria-label={`${position + 1} of ${slides.length}: ${slide.heading}`}
          >
            <SlideContent slide={slide} renderChart={renderChart} />
          </section>
        ))}
      </div>
      <div className="presentation-bar">
        <button type="button" onClick={() => go('previous')} aria-disabled={index === 0} aria-label="Previous slide">
          ←
        </button>
        <span className="slide-counter" aria-live="polite" aria-atomic="true">
          {index + 1} / {slides.length}
        </span>
        <button type="button" onClick={() => go('next')} aria-disabled={index === slides.length - 1} aria-label="Next slide">
          →
        </button>
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" onClick={onClose}>
          Leave (Esc)
        </button>
      </div>
    </div>,
    document.body,
  );
}
