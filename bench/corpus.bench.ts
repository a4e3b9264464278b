// `npm run bench corpus`: the corpus as the server keeps it (plans on disk read by worker threads into
// the index, the persisted cache), beside the figures of the code before it (909b5ea, which indexed
// every plan on the request thread at every start; measured once on this machine, see BEFORE).
// - 1,000 plans: the first full index (empty cache) and a restart (warm cache): time until every plan
//   is in, heap and RSS, and the longest stall of this thread meanwhile (what a request would wait).
// - 10,000 plans: heap and RSS once indexed, hover latency. Their files and cache are kept in the
//   temporary folder between runs: only the first run, or one after the code changed, indexes them
//   cold (with a worker per core, some minutes).
// - Over stdio: hover latency while the server indexes a 5 MB plan, 1,000 plans, and while a 1 MB
//   plan is typed in; whether the first hover after start has its links.
// Timing noise: this machine is shared; the load average is printed with the figures. `--json` prints JSON.
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { pathToFileURL } from 'url';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { allocatorEnv, serverV8Flags } from '../client/src/allocator';
import { Corpus, SyncResult } from '../server/src/corpus/corpus';
import { getHover } from '../server/src/service/features/hover';
import { RelatedIndex } from '../server/src/service/related/index';
import { Random } from '../test/helpers/fuzz';
import { LspClient, Notification } from '../test/helpers/lspClient';
import { seed } from '../test/helpers/seeds';
import { largePlan, quantile, recombinedPlans, seedQuestions } from './plans';

const MB = 1024 * 1024;
const THOUSAND = '--thousand';
const TEN_THOUSAND = '--ten-thousand';
/** Only the over-stdio rows: what a change to the server's request path moves, in a minute rather than ten. */
const STDIO_ONLY = '--stdio';
const QUESTIONS = 200;
/** The bundled worker, as the server starts it: its hash keys the cache, so a change to any code it holds makes the cache foreign. */
const WORKER = path.resolve(__dirname, '..', '..', 'server', 'out', 'corpusWorker.js');
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Measured on 909b5ea (before this work), 2026-12-02, this machine under a load average of 2 to 8. */
const BEFORE = {
  thousand: { firstIndexMs: 13_146, restartMs: 13_146, heapMb: 40.8, rssMb: 301, overStdioMs: 78_231 },
  tenThousand: { indexMs: 213_297, heapMb: 367.9, rssMb: 1_840, hoverMedianMs: 430, hoverP95Ms: 854 },
  stdio: {
    bigPlan: { worstMs: 15_379, medianMs: 63 },
    typing: { worstMs: 3_589, medianMs: 25 },
    thousandPlans: { worstMs: 586, medianMs: 59 },
    firstHoverHasLinks: false,
  },
};

interface Memory {
  heapMb: number;
  /** Typed arrays' memory, outside the heap. */
  arrayBuffersMb: number;
  rssMb: number;
  /** Where the RSS is: V8's heap as committed, glibc's heap, the rest. */
  v8CommittedMb: number;
  cHeapMb: number;
}

function memory(): Memory {
  // Two collections: the backing stores of typed arrays found dead in the first are freed after it.
  collect();
  collect();
  const m = process.memoryUsage();
  return { heapMb: m.heapUsed / MB, arrayBuffersMb: m.arrayBuffers / MB, rssMb: m.rss / MB, v8CommittedMb: v8.getHeapStatistics().total_physical_size / MB, cHeapMb: cHeapMb('self') };
}

/** Resident MB of glibc's main heap (`[heap]` in smaps) of a process; 0 where there is no /proc. */
function cHeapMb(pid: number | 'self'): number {
  const smaps = `/proc/${pid}/smaps`;
  if (!existsSync(smaps)) return 0;
  const heap = /\[heap\]\n(?:[^\n]*\n)*?Rss:\s+(\d+) kB/.exec(readFileSync(smaps, 'utf8'));
  return heap ? Number(heap[1]) / 1024 : 0;
}

/** Resident MB of a process as /proc/PID/status says; 0 where there is no /proc. */
function vmRssMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  return existsSync(status) ? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1] ?? 0) / 1024 : 0;
}

/** Heap and typed arrays grown since `before`; the process's RSS and where it is as they are. */
function grown(before: Memory): Memory {
  const after = memory();
  return { ...after, heapMb: after.heapMb - before.heapMb, arrayBuffersMb: after.arrayBuffersMb - before.arrayBuffersMb };
}

/** Plan files `plan<k>.txt` in `dir`, written only if they are not there already (their mtimes then vouch for the cache). */
function writePlans(dir: string, count: number): void {
  const stamp = path.join(dir, `.plans-${count}`);
  if (existsSync(stamp)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  recombinedPlans(count, count).forEach((text, k) => writeFileSync(path.join(dir, `plan${k}.txt`), text));
  writeFileSync(stamp, '');
}

interface Sync {
  result: SyncResult;
  /** Until every plan is in the index. */
  ms: number;
  /**
   * CPU meanwhile: the whole process (every thread, those ended too) and this, the request thread. The
   * rest is the workers' and V8's own threads (collections, compilation): on a quiet machine the
   * wall time is about the whole CPU over the cores, if nothing waits.
   */
  cpuMs: number;
  requestThreadCpuMs: number;
  /** Longest and 99th-percentile delay of this thread's event loop meanwhile: what a request would have waited. */
  stallMs: number;
  stallP99Ms: number;
}

async function sync(index: RelatedIndex, dir: string, cacheFolder: string, workers?: number): Promise<{ corpus: Corpus; sync: Sync }> {
  const corpus = new Corpus(index, () => undefined, { cacheFolder, workerScript: WORKER, workers });
  await corpus.setRoots([], [dir]);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const cpu = process.cpuUsage();
  const thread = schedstat(process.pid);
  const t = performance.now();
  const result = await corpus.sync();
  const ms = performance.now() - t;
  const { user, system } = process.cpuUsage(cpu);
  const requestThreadCpuMs = (schedstat(process.pid)?.cpuMs ?? NaN) - (thread?.cpuMs ?? NaN);
  delay.disable();
  return { corpus, sync: { result, ms, cpuMs: (user + system) / 1000, requestThreadCpuMs, stallMs: delay.max / 1e6, stallP99Ms: delay.percentile(99) / 1e6 } };
}

function hovers(index: RelatedIndex): { medianMs: number; p95Ms: number } {
  const asked = seedQuestions(QUESTIONS, new Random(7));
  // One pass to warm up: the search is one large function that is optimised late.
  for (const q of asked) getHover(q.doc, q.model, q.doc.positionAt(q.unit.node.headingSpan.start), index);
  const times = asked.map((q) => {
    const t = performance.now();
    getHover(q.doc, q.model, q.doc.positionAt(q.unit.node.headingSpan.start), index);
    return performance.now() - t;
  });
  return { medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
}

async function thousand() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workplan-bench-1k-'));
  const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'workplan-bench-1k-cache-'));
  try {
    writePlans(dir, 1000);
    const before = memory();
    const cold = await sync(new RelatedIndex(), dir, cacheFolder);
    await cold.corpus.dispose();
    const indexed = grown(before);
    const warmIndex = new RelatedIndex();
    const warm = await sync(warmIndex, dir, cacheFolder);
    await warm.corpus.dispose();
    return {
      plans: cold.sync.result.plans,
      firstIndex: cold.sync,
      restart: warm.sync,
      memory: indexed,
      hover: hovers(warmIndex),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheFolder, { recursive: true, force: true });
  }
}

async function tenThousand() {
  const dir = path.join(os.tmpdir(), 'workplan-bench-10k');
  const cacheFolder = path.join(os.tmpdir(), 'workplan-bench-10k-cache');
  writePlans(dir, 10_000);
  const before = memory();
  const index = new RelatedIndex();
  // The server's own pool: every core while a cold cache leaves plans to parse, one fewer from a warm
  // one (more threads there only fill the request thread's heap with records faster: ~200 MB more RSS).
  const run = await sync(index, dir, cacheFolder);
  await run.corpus.dispose();
  const indexed = grown(before);
  return {
    plans: run.sync.result.plans,
    units: index.unitCount,
    index: run.sync,
    memory: indexed,
    hover: hovers(index),
  };
}

/** The index's log line, in the client's language: Chinese, as the bench's clients name no locale. */
const indexLog = (n: Notification) => n.method === 'window/logMessage' && /相关举措索引/.test(n.params.message);

/**
 * The server's request thread as Linux's scheduler counts it (/proc/PID/task/PID/schedstat): time on a
 * CPU and time waiting for one, in ms. On a loaded machine most of a slow answer is the wait.
 */
function schedstat(pid: number | undefined): { cpuMs: number; waitMs: number } | undefined {
  try {
    const [cpu, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'latin1').split(' ').map(Number);
    return { cpuMs: cpu / 1e6, waitMs: wait / 1e6 };
  } catch {
    return undefined;
  }
}

/**
 * Hovers a seed's heading every 20 ms while `busy` holds (at most `ms`): latency as a client sees it;
 * with the server thread's CPU time during each hover (the longest is what our own work blocked it at
 * most), and how many over 50 ms are left once its wait for a CPU is taken out.
 */
async function probe(client: LspClient, busy: () => boolean, ms: number) {
  const s = seed('江苏路');
  const uri = pathToFileURL(s.path).href;
  // The first heading (`## 一、…` in this seed): a hover with its related measures.
  const line = s.text.split('\n').findIndex((l) => /^[#\s]*[一二三]、/.test(l));
  const latencies: number[] = [];
  const cpu: number[] = [];
  const unwaited: number[] = [];
  const started = Date.now();
  while (Date.now() - started < ms && busy()) {
    const before = schedstat(client.process.pid);
    const t = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    const latency = performance.now() - t;
    const after = schedstat(client.process.pid);
    latencies.push(latency);
    if (before && after) {
      cpu.push(after.cpuMs - before.cpuMs);
      unwaited.push(latency - (after.waitMs - before.waitMs));
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    requests: latencies.length, medianMs: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), worstMs: Math.max(...latencies), over50: latencies.filter((x) => x > 50).length,
    worstCpuMs: cpu.length ? Math.max(...cpu) : NaN, over50Unwaited: unwaited.filter((x) => x > 50).length,
  };
}

/** A server on a workspace; the seed 江苏路 opened and hovered at once. */
async function serve(workspace: string | undefined) {
  const client = await LspClient.start({}, undefined, undefined, workspace ? [{ uri: pathToFileURL(workspace).href, name: 'ws' }] : undefined);
  const s = seed('江苏路');
  const uri = pathToFileURL(s.path).href;
  await client.open(uri, s.text);
  const line = s.text.split('\n').findIndex((l) => l.includes('招商引资'));
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
  return { client, firstHoverHasLinks: !!hover && (hover.contents as MarkupContent).value.includes('](file:') };
}

/**
 * A process's RSS once it stops falling (no drop of 1 MB in 30 s; at most 90 s): V8's memory reducer
 * collects and gives back pages in an idle server, 20 to 60 s after a burst here.
 */
async function settledRssMb(pid: number): Promise<number> {
  let low = vmRssMb(pid);
  for (let steady = 0, waited = 0; steady < 30 && waited < 90; waited++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = vmRssMb(pid);
    steady = now < low - 1 ? 0 : steady + 1;
    low = Math.min(low, now);
  }
  return low;
}

/** Workers stop after this long idle (IDLE_MS in server/src/corpus/workers.ts), and a margin. */
const WORKERS_IDLE_MS = 11_000;

async function overStdio() {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'workplan-bench-stdio-'));
  // The servers start as the client starts them: with its memory settings (LspClient passes this environment on).
  Object.assign(process.env, allocatorEnv(), { NODE_OPTIONS: [process.env.NODE_OPTIONS, ...serverV8Flags()].filter(Boolean).join(' ') });
  try {
    writeFileSync(path.join(workspace, '大计划.txt'), largePlan(5 * MB));
    const first = await serve(workspace);
    let client = first.client;
    const bigPlan = await probe(client, () => !client.notifications.some(indexLog), 120_000);
    await client.stop();

    rmSync(workspace, { recursive: true, force: true });
    writePlans(workspace, 1000);
    ({ client } = await serve(workspace));
    const thousandPlans = await probe(client, () => !client.notifications.some(indexLog), 300_000);
    const thousandIndexMs = Number(/(\d+) ms$/.exec(client.notifications.find(indexLog)?.params.message ?? '')?.[1]);
    await client.waitFor(indexLog, 300_000);
    const rssIndexedMb = vmRssMb(client.process.pid!);
    await new Promise((r) => setTimeout(r, WORKERS_IDLE_MS));
    const rssIdleMb = vmRssMb(client.process.pid!);
    const thousandMemory = { rssIndexedMb, rssIdleMb, rssSettledMb: await settledRssMb(client.process.pid!), cHeapMb: cHeapMb(client.process.pid!) };
    await client.stop();

    ({ client } = await serve(undefined));
    const big = largePlan(MB);
    const bigUri = pathToFileURL(path.join(workspace, '一兆计划.txt')).href;
    await client.open(bigUri, big);
    let typing = true;
    const typist = (async () => {
      while (typing) {
        await client.change(bigUri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '改' }]);
        await new Promise((r) => setTimeout(r, 400));
      }
    })();
    const whileTyping = await probe(client, () => true, 10_000);
    typing = false;
    await typist;
    await client.stop();
    return { firstHoverHasLinks: first.firstHoverHasLinks, bigPlan, thousandPlans, thousandIndexMs, thousandMemory, typing: whileTyping };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * A measure in a process of its own: its RSS then is the corpus's, not what the bench or another
 * measure left behind; with the allocator's settings the client starts the server with.
 */
function apart<T>(flag: string): T {
  const child = spawnSync(process.execPath, [...serverV8Flags(), '--expose-gc', __filename, flag], { encoding: 'utf8', maxBuffer: 16 * MB, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...allocatorEnv() } });
  if (child.status !== 0) throw new Error(`the measure ${flag} failed (${child.status})`);
  return JSON.parse(child.stdout);
}

async function main(): Promise<void> {
  if (process.argv.includes(THOUSAND)) {
    process.stdout.write(JSON.stringify(await thousand()));
    return;
  }
  if (process.argv.includes(TEN_THOUSAND)) {
    process.stdout.write(JSON.stringify(await tenThousand()));
    return;
  }
  const json = process.argv.includes('--json');
  const load = os.loadavg()[0];
  const stdioOnly = process.argv.includes(STDIO_ONLY);
  const k1 = stdioOnly ? undefined : apart<Awaited<ReturnType<typeof thousand>>>(THOUSAND);
  const k10 = stdioOnly ? undefined : apart<Awaited<ReturnType<typeof tenThousand>>>(TEN_THOUSAND);
  const stdio = await overStdio();
  const results = { loadAverage: load, loadAverageAtEnd: os.loadavg()[0], cores: os.availableParallelism?.() ?? os.cpus().length, thousand: k1, tenThousand: k10, stdio, before: BEFORE };
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const latency = (p: Awaited<ReturnType<typeof probe>>) =>
    `${ms(p.worstMs)} / ${ms(p.medianMs)} ms (${p.over50} of ${p.requests} over 50 ms; ${p.over50Unwaited} without the server thread's wait for a CPU; its CPU ≤ ${ms(p.worstCpuMs)} ms a hover)`;
  const cpu = (s: Sync) => `CPU ${ms(s.cpuMs)} ms, of which the request thread ${ms(s.requestThreadCpuMs)}`;
  const where = (m: Memory) => `V8 heap committed ${ms(m.v8CommittedMb)}, glibc's heap ${ms(m.cHeapMb)} MB`;
  const corpusRows = (k1: Awaited<ReturnType<typeof thousand>>, k10: Awaited<ReturnType<typeof tenThousand>>): [string, string, string][] => [
    ['1,000 plans: first full index', `${ms(BEFORE.thousand.firstIndexMs)} ms`, `${ms(k1.firstIndex.ms)} ms (stall ≤ ${ms(k1.firstIndex.stallMs)} ms; ${cpu(k1.firstIndex)})`],
    ['1,000 plans: restart (warm cache)', `${ms(BEFORE.thousand.restartMs)} ms`, `${ms(k1.restart.ms)} ms (stall ≤ ${ms(k1.restart.stallMs)} ms, ${k1.restart.result.cached} from the cache; ${cpu(k1.restart)})`],
    ['1,000 plans: heap / RSS after indexing (memory settings as the client starts the server)', `${BEFORE.thousand.heapMb} / ${BEFORE.thousand.rssMb} MB`, `${ms(k1.memory.heapMb)} + ${ms(k1.memory.arrayBuffersMb)} typed / ${ms(k1.memory.rssMb)} MB (${where(k1.memory)})`],
    ['1,000 plans: hover median', '5.6–6.6 ms', `${ms(k1.hover.medianMs)} ms`],
    [`10,000 plans: index (${k10.index.result.cached ? 'warm cache' : 'cold'})`, `${ms(BEFORE.tenThousand.indexMs)} ms`, `${ms(k10.index.ms)} ms (stall ≤ ${ms(k10.index.stallMs)} ms)`],
    ['10,000 plans: heap / RSS (glibc: one arena, mmap threshold 128 KB; semi-space 4 MB)', `${BEFORE.tenThousand.heapMb} / ${BEFORE.tenThousand.rssMb} MB`, `${ms(k10.memory.heapMb)} + ${ms(k10.memory.arrayBuffersMb)} typed / ${ms(k10.memory.rssMb)} MB (${where(k10.memory)})`],
    ['10,000 plans: hover median / p95', `${BEFORE.tenThousand.hoverMedianMs} / ${BEFORE.tenThousand.hoverP95Ms} ms`, `${ms(k10.hover.medianMs)} / ${ms(k10.hover.p95Ms)} ms`],
  ];
  const rows: [string, string, string][] = [
    ...(k1 && k10 ? corpusRows(k1, k10) : []),
    ['stdio: first hover after start has links', 'no', stdio.firstHoverHasLinks ? 'yes' : 'NO'],
    ['stdio: hover while a 5 MB plan is indexed, worst / median', `${BEFORE.stdio.bigPlan.worstMs} / ${BEFORE.stdio.bigPlan.medianMs} ms`, latency(stdio.bigPlan)],
    ['stdio: hover while 1,000 plans are indexed, worst / median', `${BEFORE.stdio.thousandPlans.worstMs} / ${BEFORE.stdio.thousandPlans.medianMs} ms`, latency(stdio.thousandPlans)],
    ['stdio: 1,000 plans indexed by the server in', `${BEFORE.thousand.overStdioMs} ms`, `${ms(stdio.thousandIndexMs)} ms`],
    ["stdio: the server's RSS with 1,000 plans, indexed / workers stopped / settled", '', `${ms(stdio.thousandMemory.rssIndexedMb)} / ${ms(stdio.thousandMemory.rssIdleMb)} / ${ms(stdio.thousandMemory.rssSettledMb)} MB (glibc's heap ${ms(stdio.thousandMemory.cHeapMb)} MB)`],
    ['stdio: hover while typing in a 1 MB plan, worst / median', `${BEFORE.stdio.typing.worstMs} / ${BEFORE.stdio.typing.medianMs} ms`, latency(stdio.typing)],
  ];
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length), 'before'.length)];
  process.stdout.write(
    [
      `corpus: plans recombined from the seeds' sections; ${results.cores} cores, load average ${load.toFixed(1)} at the start, ${results.loadAverageAtEnd.toFixed(1)} at the end`,
      `${''.padEnd(w[0])}  ${'before'.padEnd(w[1])}  now`,
      ...rows.map(([what, before, now]) => `${what.padEnd(w[0])}  ${before.padEnd(w[1])}  ${now}`),
    ].join('\n') + '\n',
  );
}

void main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
