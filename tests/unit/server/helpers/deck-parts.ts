/**
 * What two PowerPoint files of the same deck must share: every slide, note and chart part, in order.
 * pptxgenjs numbers chart parts with a counter that runs on across the decks one process builds, and
 * stamps the time it wrote the file into docProps/core.xml, so parts are compared in order with the
 * chart numbers set aside, and the rest of the package is not compared.
 */
import JSZip from 'jszip';

/**
 * The XML texts of the slides, notes and charts of a .pptx, in slide order, chart numbers masked.
 * @example expect(await deckParts(fromPage)).toEqual(await deckParts(fromServer))
 */
export async function deckParts(bytes: Uint8Array | ArrayBuffer): Promise<Record<'slides' | 'notesSlides' | 'charts', string[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = (folder: string) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((name) => new RegExp(`^ppt/${folder}/[a-zA-Z]+\\d+\\.xml$`).test(name))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map(async (name) => ((await zip.file(name)?.async('string')) ?? '').replace(/chart\d+/g, 'chart#')),
    );
  return { slides: await texts('slides'), notesSlides: await texts('notesSlides'), charts: await texts('charts') };
}
