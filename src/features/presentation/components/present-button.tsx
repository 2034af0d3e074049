import { lazy, Suspense, useState } from 'react';
import type { DeckModelInput } from '../../../application/deck-model.ts';
import type { PresentationModeProps } from './presentation-mode.tsx';
import './presentation.css';

let presentationModule: Promise<typeof import('./presentation-mode.tsx')> | null = null;

/** The presentation's code, fetched once: on first hover or focus of the button, at the latest on its click. */
function loadPresentation() {
  presentationModule ??= import('./presentation-mode.tsx');
  return presentationModule;
}

const PresentationMode = lazy(() =>
  loadPresentation().then(
    (module) => ({ default: module.PresentationMode }),
    (error: unknown) => ({ default: loadFailure(error) }),
  ),
);

/**
 * The "Present" button and the presentation it opens. Presentation mode is loaded only when the
 * user reaches for it, so it weighs nothing on the first page load.
 * @example <PresentButton deck={deck} />
 */
export function PresentButton({ deck }: { deck: DeckModelInput }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="present-button" aria-haspopup="dialog" onPointerEnter={() => void loadPresentation()} onFocus={() => void loadPresentation()} onClick={() => setOpen(true)}>
        Present
      </button>
      {open ? (
        <Suspense
          fallback={
            <p className="presentation-loading" role="status">
              Opening the presentation…
            </p>
          }
        >
          <PresentationMode deck={deck} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

function loadFailure(error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return function PresentationLoadFailure({ onClose }: PresentationModeProps) {
    return (
      <div className="presentation-loading" role="alertdialog" aria-modal="true" aria-labelledby="presentation-failure">
        <p id="presentation-failure" className="field-error">
          The presentation could not be loaded ({reason}). Reload the page to try again.
        </p>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    );
  };
}
