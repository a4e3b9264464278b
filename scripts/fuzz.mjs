// `npm run fuzz`: the fuzz tests' long runs: 100k edits through incremental sync
// (WORKPLAN_FUZZ_EDITS) and 3000 plans through the fix path and the CLI's byte-level damage
// (WORKPLAN_FUZZ_PLANS). WORKPLAN_FUZZ_SEED=N replays the run a failure printed.
import { spawnSync } from 'child_process';
import { createRequire } from 'module';

const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const env = {
  ...process.env,
  WORKPLAN_FUZZ_EDITS: process.env.WORKPLAN_FUZZ_EDITS ?? '100000',
  WORKPLAN_FUZZ_PLANS: process.env.WORKPLAN_FUZZ_PLANS ?? '3000',
};
const files = ['out/test/protocol/fuzz.test.js', 'out/test/protocol/fixFuzz.test.js'];
const run = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '0', ...files], { stdio: 'inherit', env });
process.exitCode = run.status ?? 1;
