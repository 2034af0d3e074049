/**
 * An error the command-line tool reports as one line on stderr. `exitCode` 2 means the command line
 * itself is wrong (see --help); 1 means the input data or the study cannot be used.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A usage mistake: unknown option, missing value, malformed argument. */
export function usageError(message: string): CliError {
  return new CliError(`${message} (see --help)`, 2);
}
