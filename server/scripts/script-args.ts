/** Positional arguments and `--name value` / `--name=value` options of a script's command line. */
export interface ScriptArgs {
  positional: string[];
  options: Map<string, string>;
}

/**
 * Splits a command line into positional arguments and options; every option takes a value.
 * @throws Error naming an option that has no value or is not one of `known`.
 * @example parseScriptArgs(['../shared/data', '--out', '/tmp/x'], ['out']) // { positional: ['../shared/data'], options: Map { 'out' => '/tmp/x' } }
 */
export function parseScriptArgs(argv: readonly string[], known: readonly string[]): ScriptArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inlineValue] = arg.slice(2).split(/=(.*)/s);
    if (!known.includes(name)) throw new Error(`unknown option --${name} (known: ${known.map((k) => `--${k}`).join(', ')})`);
    const value = inlineValue ?? argv[(index += 1)];
    if (value === undefined || value === '') throw new Error(`option --${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}
