import { runServer } from './run-server.ts';

// The entry point: the one place that hands the real environment and the real clock in. It runs
// compiled, as dist/server/main.js, beside the compiled study worker (server/build/targets.mjs);
// run from the sources through tsx, the pool starts the worker's TypeScript instead.
const compiled = import.meta.url.endsWith('.js');
await runServer(process.env, { now: () => new Date(), ...(compiled ? { studyWorker: new URL('./study-worker.js', import.meta.url) } : {}) });
