/**
 * Starts a worker thread whose module is TypeScript (the sources, as tests and `npm start` run
 * them through tsx). Node 20 does not honour `--import tsx` in a worker's execArgv, so tsx's
 * loader is registered here, inside the worker, before the module named by
 * workerData.typescriptEntry is imported. A compiled build's worker (JavaScript) does not use this.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.typescriptEntry);
