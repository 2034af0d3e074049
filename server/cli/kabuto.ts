/**
 * Entry point of the package's `kabuto` command (package.json bin; built to dist/cli/kabuto.js):
 * `kabuto study <options>` is the study tool, the same as `npm run --silent study -- <options>`.
 */
import { finish } from './run-cli';
import { runKabuto } from './kabuto-command';

finish(await runKabuto(process.argv.slice(2)));
