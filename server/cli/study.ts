/**
 * Entry point of `npm run --silent study -- <options>` (see server/cli/usage.ts or --help).
 * Sets the exit code instead of calling process.exit so that stdout is flushed when piped.
 */
import { runCli } from './run-cli';

const outcome = runCli(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
