/**
 * Who asks Yahoo for a symbol when several instances want it at the same moment. Within one
 * process the price service's coalescer already shares one fetch among identical requests; across
 * instances, a lock per symbol in the shared store lets one instance fetch while the others wait
 * and then read its result from the shared cache.
 */
export interface FetchLock {
  /**
   * Runs `task` while holding the lock of `symbol`, waiting while another instance holds it. It
   * never waits forever: a holder that dies loses the lock when its lease runs out, and a wait that
   * lasts too long, or a store that fails, runs `task` anyway. `task` is told whether the shared
   * cache may have changed since the caller read it (another instance may just have written it),
   * so that it reads it again before asking Yahoo.
   */
  exclusive<T>(symbol: string, task: (cacheMayHaveChanged: boolean) => Promise<T>): Promise<T>;
}

/** One instance alone: nobody else writes its cache, so there is nothing to wait for. */
export const NO_FETCH_LOCK: FetchLock = { exclusive: (_symbol, task) => task(false) };
