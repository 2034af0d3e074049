import { useCallback, useState } from 'react';
import { nextUserExcerptId, readUserExcerpts, writeUserExcerpts, type StoredExcerpts, type UserExcerpt } from '../api/user-excerpts.ts';

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The user's own excerpts, read once from localStorage and written back on every change. */
export function useUserExcerpts() {
  const [stored, setStored] = useState<StoredExcerpts>(() => readUserExcerpts(browserStorage()));

  const save = useCallback((excerpts: UserExcerpt[]) => {
    setStored({ excerpts, problem: writeUserExcerpts(browserStorage(), excerpts) });
  }, []);

  const add = useCallback(
    (excerpt: Omit<UserExcerpt, 'id'>) => save([...stored.excerpts, { ...excerpt, id: nextUserExcerptId(stored.excerpts) }]),
    [save, stored.excerpts],
  );
  const remove = useCallback((id: string) => save(stored.excerpts.filter((excerpt) => excerpt.id !== id)), [save, stored.excerpts]);

  return { excerpts: stored.excerpts, problem: stored.problem, add, remove };
}
