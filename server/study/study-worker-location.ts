/**
 * Where the study worker's module is, and how a worker thread is started on it.
 *
 * From the TypeScript sources (tsx, vitest): the module is study-worker.ts next to this file. Node 20
 * cannot load .ts in a worker, and does not honour `--import tsx` in a worker's execArgv, so the
 * worker starts on typescript-worker.mjs (plain JavaScript), which registers tsx's loader and then
 * imports the .ts module. A compiled build passes the URL of its own emitted worker file (any .js
 * or .mjs URL), which the worker runs directly.
 */

/** How WorkerPool starts each worker. */
export interface WorkerLaunch {
  entry: URL;
  workerData?: { typescriptEntry: string };
}

/**
 * The launch of a worker on `module`.
 * @example workerLaunch(STUDY_WORKER_SOURCE) // { entry: URL(…/typescript-worker.mjs), workerData: { typescriptEntry: 'file:///…/study-worker.ts' } }
 */
export function workerLaunch(module: URL): WorkerLaunch {
  if (!module.pathname.endsWith('.ts')) return { entry: module };
  return { entry: new URL('./typescript-worker.mjs', import.meta.url), workerData: { typescriptEntry: module.href } };
}

/** The worker module in the sources. */
export const STUDY_WORKER_SOURCE = new URL('./study-worker.ts', import.meta.url);

/**
 * The study worker of a compiled entry: the build emits it as study-worker.js beside each entry
 * that starts the server (server/build/targets.mjs). From the sources (a .ts entry) there is none,
 * and the pool starts STUDY_WORKER_SOURCE.
 * @example compiledStudyWorker(import.meta.url) // URL(file:///…/dist/server/study-worker.js) in dist/server/main.js
 */
export function compiledStudyWorker(entryUrl: string): URL | undefined {
  return entryUrl.endsWith('.js') ? new URL('./study-worker.js', entryUrl) : undefined;
}
