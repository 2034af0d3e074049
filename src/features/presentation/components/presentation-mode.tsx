import { useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { buildDeckModel, type DeckModelInput } from '../../../application/deck-model.ts';
import { useDialogFocus } from '../hooks/use-dialog-focus.ts';
import { useFullscreen } from '../hooks/use-fullscreen.ts';
import { useSlideKeys } from '../hooks/use-slide-keys.ts';
import { moveTo, type SlideCommand } from '../utils/slide-keys.ts';
import { DownloadDeckButton } from './download-deck-button.tsx';
import { SlideView } from './slide-view.tsx';
import './presentation.css';

/** What the deck is built from, and what leaving does. */
export interface PresentationModeProps {
  deck: DeckModelInput;
  onClose: () => void;
}

/**
 * The deck as full-screen 16:9 slides: a modal dialog over the page (in full screen when the
 * browser allows it) showing one slide at a time. Arrows, Space, Page Up/Down, Home and End move
 * between slides; Escape leaves. Every slide stays in the page, hidden, so printing gives one
 * 16:9 page per slide.
 * @example <PresentationMode deck={deck} onClose={() => setOpen(false)} />
 */
export function PresentationMode({ deck, onClose }: PresentationModeProps) {
  const model = useMemo(() => buildDeckModel(deck), [deck]);
  const slides = model.slides;
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  useFullscreen(onClose);
  const go = (command: Exclude<SlideCommand, 'close'>) => setIndex((current) => moveTo(command, current, slides.length));
  useSlideKeys(dialog, (command) => (command === 'close' ? onClose() : go(command)));

  return createPortal(
    <div ref={dialog} className="presentation" role="dialog" aria-modal="true" aria-label={`Presentation: ${model.title}`} tabIndex={-1}>
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
            <SlideView slide={slide} number={position + 1} count={slides.length} />
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
        <DownloadDeckButton deck={deck} />
        <button type="button" onClick={onClose}>
          Leave (Esc)
        </button>
      </div>
    </div>,
    document.body,
  );
}
