// Runs every benchmark (out/bench/*.bench.js) in its own process, so one's heap does not colour another's.
// Arguments (e.g. --json) are passed through.
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import * as path from 'path';

const dir = path.resolve('out', 'bench');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
let status = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  const args = ['--expose-gc', path.join(dir, file), ...process.argv.slice(2).filter((a) => a.startsWith('--'))];
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  status ||= run.status ?? 1;
}
process.exitCode = status;
