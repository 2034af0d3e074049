import { runServer } from './run-server.ts';
import { compiledStudyWorker } from './study/study-worker-location.ts';

// The entry point: the one place that hands the real environment and the real clock in. It runs
// compiled, as dist/server/main.js, with the compiled study worker beside it.
await runServer(process.env, { now: () => new Date(), studyWorker: compiledStudyWorker(import.meta.url) });
