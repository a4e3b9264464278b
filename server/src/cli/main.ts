// Command-line entry: `workplan COMMAND ...`. Each command lives in a module of its own and returns
// the exit status: 0 clean, 1 findings at error level, 2 a file could not be read or written, or bad usage.
import type { Io } from './args';
import { CHECK_USAGE, runCheck } from './check';
import { EXPORT_USAGE, runExport } from './export';
import { OUTLINE_USAGE, runOutline } from './outline';

type Command = (argv: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  outline: runOutline,
  check: (argv, io) => runCheck(argv, io.out, io.err),
  export: runExport,
};

const USAGE = `用法 Usage:
${OUTLINE_USAGE}
${CHECK_USAGE}
${EXPORT_USAGE}`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const command = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
  if (!command) {
    io.err.write(USAGE + '\n');
    return 2;
  }
  return command(rest, io);
}

// A reader that stops early (`workplan check … | head`) closes the pipe: that ends the output, not in an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
void main(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then((status) => (process.exitCode = status));
