/**
 * Request coalescing: while a task for a key is running, callers asking for the same key share its
 * promise instead of starting another, so 50 identical cold requests cost one upstream fetch.
 * The key is forgotten once the task settles, so a failure is retried by the next caller.
 * @example await coalescer.run('7011.T|2024-10-28|2024-11-08', () => source.fetchSeries(request))
 */
export class Coalescer<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
