// `npm run eval -- [DIR] [--save F] [--diff F]`: what the parser reads in real plans from elsewhere.
// For each plan: title, place, year, counts of headings, run-ins and measures, every numbering
// finding and the parse time. `--save` keeps the readings as JSON; `--diff` prints, plan by plan,
// what changed since a saved reading, outline line by outline line, so a parser change is judged
// by what it does to every plan.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { NUMBERING_CODES } from '../server/src/service/checks/codes';
import { computeDiagnostics } from '../server/src/service/checks/diagnostics';
import { DEFAULT_SETTINGS } from '../server/src/service/checks/settings';
import { diagnosticMessage } from '../server/src/service/l10n/messages';
import { renderOutline } from '../server/src/service/features/renderOutline';
import { parsePlan } from '../server/src/service/parse/parser';
import { decodePlan } from '../server/src/io/encoding';
import { PositionIndex } from '../server/src/service/text/positions';

interface Reading {
  file: string;
  title?: string;
  place?: string;
  district?: string;
  year?: number;
  headings: number;
  runIns: number;
  measures: number;
  unnumbered: number;
  findings: string[];
  outline: string[];
  ms: number;
}

const NUMBERING = new Set<string>(NUMBERING_CODES);

function read(file: string): Reading {
  const text = decodePlan(readFileSync(file)).text;
  // The median of a few parses: one cold parse says more about the JIT than about the parser.
  const times: number[] = [];
  let model = parsePlan(text, (e) => console.error(`${file}: parser error: ${String(e)}`));
  for (let k = 0; k < 5; k++) {
    const t = process.hrtime.bigint();
    model = parsePlan(text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = new PositionIndex(model);
  const count = (kind: string) => model.nodes.filter((n) => n.kind === kind).length;
  const findings = computeDiagnostics(model, DEFAULT_SETTINGS)
    .filter((d) => NUMBERING.has(d.code))
    .map((d) => `${at.lineOf(d.span.start) + 1}: ${d.code} ${diagnosticMessage(d.code, d, 'zh')}`);
  const m = model.metadata;
  return {
    file: path.basename(file), title: m.title, place: m.place, district: m.district, year: m.year,
    headings: count('heading'), runIns: count('enumeration'), measures: count('measure'), unnumbered: count('unnumbered'),
    findings, outline: renderOutline(model).split('\n').slice(1).filter(Boolean), ms: times[2],
  };
}

function summary(r: Reading): string {
  const where = [r.district, r.place, r.year].filter((x) => x !== undefined).join(' ') || '（未识别 place/year）';
  return `${where} 《${r.title ?? '—'}》 headings ${r.headings} run-ins ${r.runIns} measures ${r.measures} unnumbered ${r.unnumbered} ` +
    `numbering ${r.findings.length} ${r.ms.toFixed(2)} ms`;
}

/** Lines of `a` not in `b` and of `b` not in `a`, in order (a multiset difference: outlines are short). */
function lineDiff(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const l of before) left.set(l, (left.get(l) ?? 0) + 1);
  const added: string[] = [];
  for (const l of after) {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    else added.push(`+ ${l}`);
  }
  const removed: string[] = [];
  for (const l of before) {
    const n = left.get(l) ?? 0;
    if (n > 0) {
      removed.push(`- ${l}`);
      left.set(l, n - 1);
    }
  }
  return [...removed, ...added];
}

function main(): number {
  const { values, positionals } = parseArgs({ options: { save: { type: 'string' }, diff: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } }, allowPositionals: true });
  const dir = positionals[0] ?? path.join(__dirname, '..', '..', '..', 'shared', 'plans');
  if (!existsSync(dir)) {
    console.log(`没有找到计划文件夹，跳过 / no plans folder at ${dir}: nothing to evaluate`);
    return 0;
  }
  const files = readdirSync(dir).filter((f) => /\.(txt|md|plan)$/i.test(f) && !/^(SOURCES|README)\./i.test(f)).sort().map((f) => path.join(dir, f));
  const readings = files.map(read);
  const saved = values.diff ? new Map((JSON.parse(readFileSync(values.diff, 'utf8')) as Reading[]).map((r) => [r.file, r])) : undefined;
  let changed = 0;
  for (const r of readings) {
    const old = saved?.get(r.file);
    if (saved && !old) console.log(`\n== ${r.file} (new)\n   ${summary(r)}`);
    else if (old) {
      const outline = lineDiff(old.outline, r.outline);
      const findings = lineDiff(old.findings, r.findings);
      const head = summary(old) === summary(r) ? '' : summary(old).replace(/ [0-9.]+ ms$/, '') !== summary(r).replace(/ [0-9.]+ ms$/, '') ? `   was ${summary(old)}\n   now ${summary(r)}` : '';
      if (!outline.length && !findings.length && !head) continue;
      changed++;
      console.log(`\n== ${r.file}\n${head || `   ${summary(r)}`}`);
      for (const l of [...outline, ...findings.map((f) => `  finding ${f}`)]) console.log(`   ${l}`);
    } else {
      console.log(`\n== ${r.file}\n   ${summary(r)}`);
      for (const f of r.findings) console.log(`   finding ${f}`);
      if (values.verbose) for (const l of r.outline) console.log(`   ${l}`);
    }
  }
  const total = (k: 'headings' | 'runIns' | 'measures') => readings.reduce((s, r) => s + r[k], 0);
  const placed = readings.filter((r) => r.place).length;
  const dated = readings.filter((r) => r.year).length;
  console.log(`\n${readings.length} plans: headings ${total('headings')}, run-ins ${total('runIns')}, measures ${total('measures')}; ` +
    `place ${placed}/${readings.length}, year ${dated}/${readings.length}; numbering findings ${readings.reduce((s, r) => s + r.findings.length, 0)}; ` +
    `parse ${readings.reduce((s, r) => s + r.ms, 0).toFixed(1)} ms in all` + (saved ? `; ${changed} plans changed` : ''));
  if (values.save) writeFileSync(values.save, JSON.stringify(readings, null, 1));
  return 0;
}

process.exitCode = main();
