import { z } from 'zod';
import { readFactorFile, type FactorFile } from '../../../domain/factor-file.ts';
import { shortFactorHash } from '../../../domain/factor-hash.ts';

/** The factor files a user uploaded, kept in the browser's storage as the text they gave. */
export const FACTOR_FILES_KEY = 'kabuto.factor-files.v1';

/**
 * Characters of factor files the page keeps, all files together: well inside the 5 MB a browser
 * gives a page's storage (the user's excerpts live there too). About 30 years of a daily file of
 * five factors.
 */
export const MAX_STORED_CHARACTERS = 1_500_000;

const storedSchema = z.array(z.object({ name: z.string().min(1).max(200), text: z.string().min(1) }));

export interface StoredFactorFiles {
  files: FactorFile[];
  /** The stored texts, by the files' SHA-256, to write back. */
  texts: ReadonlyMap<string, string>;
  /** Why the stored files could not be read, or null. */
  problem: string | null;
}

/**
 * The factor files kept in `storage`, each read again through the domain's rules (storage is the
 * user's: what no longer reads is left out with a message, never trusted).
 * @throws never
 * @example readFactorFiles(window.localStorage).files.map((file) => file.name)
 */
export function readFactorFiles(storage: Storage | undefined): StoredFactorFiles {
  const empty = (problem: string | null): StoredFactorFiles => ({ files: [], texts: new Map(), problem });
  if (!storage) return empty(null);
  let text: string | null;
  try {
    text = storage.getItem(FACTOR_FILES_KEY);
  } catch {
    return empty('The browser does not let this page read its storage, so your factor files cannot be shown.');
  }
  if (text === null) return empty(null);
  let parsed: z.infer<typeof storedSchema>;
  try {
    const checked = storedSchema.safeParse(JSON.parse(text));
    if (!checked.success) return empty('Your saved factor files could not be read (the stored data is damaged); upload them again.');
    parsed = checked.data;
  } catch {
    return empty('Your saved factor files could not be read (the stored data is damaged); upload them again.');
  }
  const files: FactorFile[] = [];
  const texts = new Map<string, string>();
  for (const item of parsed) {
    const reading = readFactorFile(item.text, item.name);
    if (reading.file === null || texts.has(reading.file.sha256)) continue;
    files.push(reading.file);
    texts.set(reading.file.sha256, item.text);
  }
  const lost = parsed.length - files.length;
  return { files, texts, problem: lost > 0 ? `${lost} saved factor ${lost === 1 ? 'file no longer reads' : 'files no longer read'} and ${lost === 1 ? 'was' : 'were'} left out.` : null };
}

/**
 * Why a file of `length` characters cannot join the stored ones, or null when it fits.
 * @throws never
 * @example storageSpaceProblem('ff3.csv', 2_000_000, 0) // 'ff3.csv is 2.0 MB; …'
 */
export function storageSpaceProblem(name: string, length: number, storedLength: number): string | null {
  if (storedLength + length <= MAX_STORED_CHARACTERS) return null;
  const size = megabytes(length);
  const limit = megabytes(MAX_STORED_CHARACTERS);
  if (storedLength === 0) return `${name} is ${size}; this page keeps at most ${limit} of factor files in the browser. Keep the years your studies need (a daily file of five factors since 1995 fits).`;
  return `${name} is ${size} and the saved factor files take ${megabytes(storedLength)}; together they pass the ${limit} this page keeps in the browser. Remove a saved file, or keep the years your studies need.`;
}

/**
 * Saves the files' texts; returns a message when the browser refuses (storage full or blocked).
 * @throws never
 */
export function writeFactorFiles(storage: Storage | undefined, files: readonly { name: string; text: string }[]): string | null {
  if (!storage) return 'This browser gives the page no storage, so the factor file is used only until you reload.';
  try {
    storage.setItem(FACTOR_FILES_KEY, JSON.stringify(files.map(({ name, text }) => ({ name, text }))));
    return null;
  } catch {
    return "The browser refused to keep the factor file (this page's storage is full or blocked): it is used only until you reload. Remove a saved factor file or some of your excerpts to make room.";
  }
}

/**
 * The stored file a link's short hash names, or null.
 * @throws never
 * @example factorFileByHash(files, 'ba7816bf8f01cfea')?.name // 'ff3.csv'
 */
export function factorFileByHash(files: readonly FactorFile[], hash: string): FactorFile | null {
  return files.find((file) => shortFactorHash(file.sha256) === hash) ?? null;
}

function megabytes(characters: number): string {
  return `${(characters / 1_000_000).toFixed(1)} MB`;
}
