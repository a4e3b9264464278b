// Runs the bundled CLI as a user would, in a folder of the test's.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from './seeds';

export const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

export function runCli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
