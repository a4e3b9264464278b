// Runs every benchmark (out/bench/*.bench.js) in its own process, so one's heap does not colour another's.
// Arguments (e.g. --json) are passed through; with --json the figures of all benchmarks are printed
// as one JSON object keyed by benchmark (`npm run -s bench -- --json` keeps npm's banner out of it).
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import * as path from 'path';

const dir = path.resolve('out', 'bench');
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const json = flags.includes('--json');
const results = {};
let status = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  const args = ['--expose-gc', path.join(dir, file), ...flags];
  const run = spawnSync(process.execPath, args, { stdio: ['inherit', json ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  status ||= run.status ?? 1;
  if (json && run.status === 0) results[file.replace(/\.bench\.js$/, '')] = JSON.parse(run.stdout);
}
if (json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exitCode = status;
