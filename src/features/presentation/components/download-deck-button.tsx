import { useState } from 'react';
import type { DeckModelInput } from '../../../application/deck-model.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

let builder: Promise<typeof import('../utils/deck-file.ts')> | null = null;

/** The deck and PowerPoint builders (pptxgenjs), fetched once: on first hover or focus, at the latest on the click. */
function loadBuilder() {
  builder ??= import('../utils/deck-file.ts');
  return builder;
}

/**
 * "Download PowerPoint": the deck of the study on screen as a .pptx, built in the browser by the
 * same code as the server's /api/study.pptx. pptxgenjs loads only when the user reaches for it.
 * @example <DownloadDeckButton deck={deck} />
 */
export function DownloadDeckButton({ deck }: { deck: DeckModelInput }) {
  const [state, setState] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  const download = async () => {
    setState({ busy: true, problem: null });
    try {
      const { deckFile } = await loadBuilder();
      const file = await deckFile(deck);
      downloadBlob(new Blob([new Uint8Array(file.bytes)], { type: PPTX_TYPE }), file.name);
      setState({ busy: false, problem: null });
    } catch (error) {
      builder = null;
      setState({ busy: false, problem: `The PowerPoint file could not be made (${error instanceof Error ? error.message : String(error)}). Try again.` });
    }
  };
  return (
    <>
      <button type="button" onPointerEnter={() => void loadBuilder()} onFocus={() => void loadBuilder()} onClick={() => void download()} aria-busy={state.busy} disabled={state.busy}>
        {state.busy ? 'Making the PowerPoint…' : 'Download PowerPoint'}
      </button>
      {state.problem ? (
        <p role="alert" className="field-error">
          {state.problem}
        </p>
      ) : null}
    </>
  );
}
