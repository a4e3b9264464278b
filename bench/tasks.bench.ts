// `npm run bench`: the task table and the year-over-year comparison. Time to read a plan's task
// table, to write it as xlsx and as CSV (and their sizes), to compare two plans; the same for a large
// plan made of many seeds; and the time a fresh process takes to load the exceljs bundle that xlsx
// writing needs (the server and the CLI load it only then). Medians of several runs. `--json` prints JSON.
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { parsePlan } from '../server/src/service/parse/parser';
import { comparePlans } from '../server/src/service/tasks/compare';
import { taskTable, TaskTable } from '../server/src/service/tasks/rows';
import { taskCsv } from '../server/src/tasks/csv';
import { taskXlsx } from '../server/src/tasks/xlsx';
import { toChineseNumeral } from '../server/src/service/parse/markers';
import { ROOT, seed, seeds } from '../test/helpers/seeds';
import { PLAN_2024, PLAN_2025 } from '../test/helpers/taskPlans';

const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(fn: () => T | Promise<T>, runs = RUNS): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

interface PlanResult {
  plan: string;
  kb: number;
  rows: number;
  tableMs: number;
  xlsxMs: number;
  xlsxKb: number;
  csvMs: number;
  csvKb: number;
}

async function measurePlan(name: string, text: string, runs = RUNS): Promise<PlanResult> {
  const model = parsePlan(text);
  const table = await timed(() => taskTable(model, name), runs);
  const xlsx = await timed(() => taskXlsx(table.value), runs);
  const csv = await timed(() => taskCsv(table.value), runs);
  return {
    plan: name,
    kb: Buffer.byteLength(text) / 1024,
    rows: table.value.rows.length,
    tableMs: table.ms,
    xlsxMs: xlsx.ms,
    xlsxKb: xlsx.value.byteLength / 1024,
    csvMs: csv.ms,
    csvKb: Buffer.byteLength(csv.value) / 1024,
  };
}

/**
 * A plan far larger than any real one: `sections` level-1 sections of three （一） each, every one
 * holding the numbered tasks of the test plan's first section with the section's number in their
 * titles, so that no two tasks are the same.
 */
function largePlan(sections: number): string {
  const tasks = readFileSync(PLAN_2024, 'utf8').split('\n').filter((l) => /^\d\./.test(l)).slice(0, 5);
  const out = ['某某街道2025年工作计划', ''];
  for (let i = 1; i <= sections; i++) {
    out.push(`${toChineseNumeral(i)}、第${i}方面工作`);
    for (let j = 1; j <= 3; j++) {
      out.push(`（${toChineseNumeral(j)}）第${i}-${j}项重点任务`);
      tasks.forEach((t, k) => out.push(t.replace(/^\d\.([^。]+)。/, `${k + 1}.$1${i}-${j}。`)));
    }
  }
  return out.join('\n');
}

/** Milliseconds a fresh node takes to start and require a file, less a bare start. */
function loadMs(file: string | undefined): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const code = file ? `require(${JSON.stringify(file)})` : '';
    const t = performance.now();
    spawnSync(process.execPath, ['-e', code]);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function main(): Promise<void> {
  const plans: PlanResult[] = [];
  for (const s of seeds()) plans.push(await measurePlan(s.name, s.text));
  const big = largePlan(60);
  plans.push(await measurePlan('large (60 sections)', big, 3));
  const table = (text: string): TaskTable => taskTable(parsePlan(text));
  const pair = await timed(() => comparePlans(table(readFileSync(PLAN_2024, 'utf8')), table(readFileSync(PLAN_2025, 'utf8'))));
  const streets = await timed(() => comparePlans(table(seed('江苏路').text), table(seed('华阳路街道2025年工作计划').text)));
  const bigTable = taskTable(parsePlan(big));
  const bigPair = await timed(() => comparePlans(bigTable, bigTable), 1);
  const bare = loadMs(undefined);
  const exceljs = loadMs(path.join(ROOT, 'server', 'out', 'exceljs.js')) - bare;
  const result = { plans, compareMs: pair.ms, compareStreetsMs: streets.ms, bigCompare: { rows: bigTable.rows.length, ms: bigPair.ms }, exceljsLoadMs: exceljs };
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const f = (n: number) => n.toFixed(1);
  process.stdout.write('\ntask table (任务分解表), medians\n');
  process.stdout.write(['plan', 'KB', 'rows', 'table ms', 'xlsx ms', 'xlsx KB', 'csv ms', 'csv KB'].join('\t') + '\n');
  for (const p of plans) process.stdout.write([p.plan, f(p.kb), p.rows, f(p.tableMs), f(p.xlsxMs), f(p.xlsxKb), f(p.csvMs), f(p.csvKb)].join('\t') + '\n');
  process.stdout.write(`compare the test plan's two years (15 and 14 tasks): ${f(pair.ms)} ms; 江苏路 2024 with 华阳路 2025 (12 and 44): ${f(streets.ms)} ms\n`);
  process.stdout.write(`compare the large plan with itself (${bigTable.rows.length} tasks each): ${f(bigPair.ms)} ms\n`);
  process.stdout.write(`loading server/out/exceljs.js in a fresh process: ${f(exceljs)} ms (paid on the first xlsx export only)\n`);
}

void main();
