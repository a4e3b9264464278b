// `npm run fuzz`: the fuzz test's long run, 100k edits unless WORKPLAN_FUZZ_EDITS says otherwise.
// WORKPLAN_FUZZ_SEED=N replays the run a failure printed.
import { spawnSync } from 'child_process';
import { createRequire } from 'module';

const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const env = { ...process.env, WORKPLAN_FUZZ_EDITS: process.env.WORKPLAN_FUZZ_EDITS ?? '100000' };
const run = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '0', 'out/test/protocol/fuzz.test.js'], { stdio: 'inherit', env });
process.exitCode = run.status ?? 1;
