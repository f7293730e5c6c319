/** A small argument reader for the `ziping` commands: positionals, flags and --name value options. */
import { CliError } from './errors';

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/**
 * `valued` names options that take a value (--unit 单位), `flags` those that do not; anything else
 * is refused with a message that says how to get help.
 */
export function parseArgs(argv: string[], spec: { valued?: string[]; flags?: string[] }): ParsedArgs {
  const valued = new Set(spec.valued ?? []);
  const flagNames = new Set(spec.flags ?? []);
  const out: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (valued.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new CliError(`选项 ${name} 需要一个值：例如 ${name} 值`);
      out.options.set(name, value);
    } else if (flagNames.has(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new CliError(`不认识的选项 ${a}：运行 ziping --help 查看用法`);
    }
  }
  return out;
}
