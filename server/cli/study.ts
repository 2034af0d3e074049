/**
 * Entry point of `npm run --silent study -- <options>` (see server/cli/usage.ts or --help); built to
 * dist/cli/study.js.
 */
import { finish, runCli } from './run-cli';

finish(await runCli(process.argv.slice(2)));
