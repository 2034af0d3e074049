import { buildDeckModel, type DeckModelInput } from '../../../application/deck-model.ts';
import { buildDeckPptx } from '../../../application/deck-pptx.ts';

/**
 * The PowerPoint file of a study and its name: the same model and builder as /api/study.pptx.
 * Loaded only when the user asks for the file, so pptxgenjs stays out of the first page load.
 * @example const { bytes, name } = await deckFile(input);
 */
export async function deckFile(input: DeckModelInput): Promise<{ bytes: Uint8Array; name: string }> {
  const model = buildDeckModel(input);
  return { bytes: await buildDeckPptx(model), name: `${model.fileBase}.pptx` };
}
