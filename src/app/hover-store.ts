/**
 * The relative day under the pointer, kept outside React state: it changes on every mouse move,
 * and only the excerpt panel needs it. Re-rendering the whole dashboard per move would be wasteful
 * and, worse, interrupts a drag of the charts' brush.
 */
export interface HoverStore {
  get: () => number | null;
  set: (day: number | null) => void;
  subscribe: (listener: () => void) => () => void;
}

/**
 * A store holding one value with change notification, for useSyncExternalStore.
 * @example const store = createHoverStore(); store.set(1); store.get() // 1
 */
export function createHoverStore(): HoverStore {
  let day: number | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => day,
    set: (next) => {
      if (next === day) return;
      day = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
