import { useCallback, useState } from 'react';
import { readFactorFile, type FactorFile } from '../../../domain/factor-file.ts';
import { readFactorFiles, storageSpaceProblem, writeFactorFiles, type StoredFactorFiles } from '../api/factor-storage.ts';

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** What became of an uploaded file: read (and kept, or not, with why) or refused with its problems. */
export type FactorUpload = { file: FactorFile; storageProblem: string | null } | { file: null; problems: string[] };

export interface FactorFiles {
  files: FactorFile[];
  /** Why the saved files could not all be read, or null. */
  problem: string | null;
  /** Reads a file's text; a valid file is kept (in storage when it fits) and returned. */
  add: (text: string, name: string) => FactorUpload;
  remove: (sha256: string) => void;
}

/**
 * The user's factor files: read once from localStorage, each checked by the domain's rules; an
 * upload is kept in memory for the session even when the browser's storage refuses it.
 */
export function useFactorFiles(storage: Storage | undefined = browserStorage()): FactorFiles {
  const [stored, setStored] = useState<StoredFactorFiles>(() => readFactorFiles(storage));
  // Files over the storage limit: used for the session, never written.
  const [sessionOnly, setSessionOnly] = useState<ReadonlySet<string>>(() => new Set());

  const add = useCallback(
    (text: string, name: string): FactorUpload => {
      const reading = readFactorFile(text, name);
      if (reading.file === null) return { file: null, problems: reading.problems };
      const file = reading.file;
      const others = stored.files.filter((other) => other.sha256 !== file.sha256);
      const texts = new Map(stored.texts);
      texts.delete(file.sha256);
      const storedLength = [...texts].reduce((sum, [sha256, kept]) => sum + (sessionOnly.has(sha256) ? 0 : kept.length), 0);
      const space = storageSpaceProblem(file.name, text.length, storedLength);
      texts.set(file.sha256, text);
      const files = [...others, file];
      const unsaved = new Set(sessionOnly);
      if (space === null) unsaved.delete(file.sha256);
      else unsaved.add(file.sha256);
      // A file over the limit is used for this session but not written, so the saved ones stay intact.
      const storageProblem = space ?? writeFactorFiles(storage, savedOf(files, texts, unsaved));
      setStored({ files, texts, problem: null });
      setSessionOnly(unsaved);
      return { file, storageProblem };
    },
    [storage, stored, sessionOnly],
  );

  const remove = useCallback(
    (sha256: string) => {
      const files = stored.files.filter((file) => file.sha256 !== sha256);
      const texts = new Map(stored.texts);
      texts.delete(sha256);
      setStored({ files, texts, problem: writeFactorFiles(storage, savedOf(files, texts, sessionOnly)) });
    },
    [storage, stored, sessionOnly],
  );

  return { files: stored.files, problem: stored.problem, add, remove };
}

function savedOf(files: readonly FactorFile[], texts: ReadonlyMap<string, string>, unsaved: ReadonlySet<string>): { name: string; text: string }[] {
  return files.filter((file) => !unsaved.has(file.sha256)).map((file) => ({ name: file.name, text: texts.get(file.sha256) ?? '' }));
}
