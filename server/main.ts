import { runServer } from './run-server.ts';

// The entry point: the one place that hands the real environment and the real clock in.
await runServer(process.env, { now: () => new Date() });
