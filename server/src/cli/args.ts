// Argument parsing for the subcommands: node's parseArgs, with its errors turned into usage errors
// that say what is wrong in Chinese first.
import { parseArgs, ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

/** Where a command writes: the process's streams, or a test's. */
export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `argv` read against `options`; positionals are the files. Throws UsageError on anything unknown or incomplete. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = (e as Error).message;
    const arg = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知选项 / unknown option: ${arg}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(message.includes('does not take') ? `${arg} 不带值 / takes no value` : `${arg} 需要一个值 / needs a value`);
    }
    throw new UsageError(message);
  }
}
