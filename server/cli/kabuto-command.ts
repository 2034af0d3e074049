/**
 * The `kabuto` command line: a command name, then that command's own options.
 */
import { runCli, type CliOutcome } from './run-cli';

export const KABUTO_USAGE = `Usage: kabuto <command> [options]

Commands:
  study    run an event study on a CSV file of returns or prices (kabuto study --help)
`;

/**
 * Runs `kabuto <argv>`: `study …` goes to the study tool; `--help` prints the commands; anything
 * else is a wrong command line (exit code 2, the commands on stderr).
 * @example (await runKabuto(['study', '--help'])).stdout.startsWith('Usage:') // true
 */
export async function runKabuto(argv: readonly string[]): Promise<CliOutcome> {
  const [command, ...rest] = argv;
  if (command === 'study') return runCli(rest);
  if (command === '--help' || command === '-h' || command === 'help') return { exitCode: 0, stdout: KABUTO_USAGE, stderr: '' };
  const problem = command === undefined ? 'kabuto: name a command' : `kabuto: unknown command "${command}"`;
  return { exitCode: 2, stdout: '', stderr: `${problem}\n${KABUTO_USAGE}` };
}
