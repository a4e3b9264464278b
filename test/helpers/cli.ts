// Runs the bundled CLI as a user would, in a folder of the test's.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from './seeds';

export const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

/** `wrap` runs the CLI under another command (`setpriv …`, `bash -c 'ulimit …; exec "$@"'`). */
export function runCli(args: string[], cwd: string, wrap: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const command = [...wrap, process.execPath, CLI, ...args];
  const r = spawnSync(command[0], command.slice(1), { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
