// One parser timed in a process of its own (parse.bench.ts starts it): node parseChild.js BUNDLE BYTES RUNS.
// Warms up as the bench does (at least RUNS batches and a second), then times RUNS batches of parses of
// the plan of BYTES and prints the least CPU (every thread: the collector's helpers too) and wall per
// parse, in ms. A batch is about 2 MB of text, so a small plan's figure holds the collections its
// garbage causes, as a large plan's does, instead of the luck of one parse that missed them.
import { createRequire } from 'module';
import { performance } from 'perf_hooks';
import type { OutlineModel } from '../server/src/service/model';
import { planOfSize } from './sizedPlan';

const [bundle, bytes, runs] = process.argv.slice(2);
const { parsePlan } = createRequire(__filename)(bundle) as { parsePlan: (text: string) => OutlineModel };
let nodes = 0;
const text = planOfSize(Number(bytes));
const BATCH_BYTES = 2 * 1024 * 1024;
const batch = Math.max(1, Math.round(BATCH_BYTES / Number(bytes)));
const parseBatch = () => {
  for (let b = 0; b < batch; b++) nodes += parsePlan(text).nodes.length;
};
const WARM_UP_MS = 1000;
const until = performance.now() + WARM_UP_MS;
for (let k = 0; k < Number(runs) || performance.now() < until; k++) parseBatch();
let cpuMs = Infinity;
let wallMs = Infinity;
for (let k = 0; k < Number(runs); k++) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  parseBatch();
  wallMs = Math.min(wallMs, (performance.now() - t) / batch);
  const { user, system } = process.cpuUsage(cpu);
  cpuMs = Math.min(cpuMs, (user + system) / 1000 / batch);
}
process.stdout.write(JSON.stringify({ cpuMs, wallMs, nodes }));
