// `npm run bench`: related measures at 10, 100 and 1,000 plans recombined from the seeds' sections:
// index build time and heap, hover latency through the index, and the same questions answered by a
// brute-force scan of every unit in the same run; re-indexing one edited plan. `--json` prints JSON.
import { performance } from 'perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getHover } from '../server/src/service/features/hover';
import { OutlineModel } from '../server/src/service/model';
import { parsePlan } from '../server/src/service/parse/parser';
import { RelatedIndex } from '../server/src/service/related/index';
import { PlanUnit, queryTerms, unitsOf } from '../server/src/service/related/units';
import { Random } from '../test/helpers/fuzz';
import { seeds } from '../test/helpers/seeds';

const SIZES = [10, 100, 1000];
const QUESTIONS = 200;
const EDITS = 21;
const MB = 1024 * 1024;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const STREETS = ['枫林', '田林', '虹梅', '康健', '长桥', '凌云', '龙华', '漕河泾', '斜土', '湖南', '天平', '徐家汇'];

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Every top-level section of every seed, as text, with its own top-level marker taken off. */
function sections(): string[] {
  const out: string[] = [];
  for (const s of seeds()) {
    const model = parsePlan(s.text);
    for (const root of model.roots) out.push(s.text.slice(root.span.start, root.span.end).replace(/^[#*\s]*[一二三四五六七八九十]+[、.．]\s*/, ''));
  }
  return out;
}

/** A plan of 4 to 6 sections drawn from the seeds, numbered afresh, under a street and year of its own. */
function recombined(k: number, pool: string[], rng: Random): string {
  const street = `${STREETS[k % STREETS.length]}${k}街道`;
  const n = 4 + rng.int(3);
  const body = Array.from({ length: n }, (_, i) => `${NUMERALS[i]}、${pool[rng.int(pool.length)]}`);
  return [`${street} ${2020 + (k % 6)} 年工作计划`, '', ...body].join('\n');
}

interface Question {
  doc: TextDocument;
  model: OutlineModel;
  unit: PlanUnit;
}

/** Headings, enumerations and measures of the seeds, hovered as if each seed were the open plan. */
function questions(rng: Random): Question[] {
  const all: Question[] = [];
  for (const s of seeds()) {
    const doc = TextDocument.create(`file:///bench/open/${encodeURIComponent(s.name)}`, 'workplan', 1, s.text);
    const model = parsePlan(s.text);
    for (const unit of unitsOf(model)) all.push({ doc, model, unit });
  }
  return Array.from({ length: QUESTIONS }, () => all[rng.int(all.length)]);
}

interface SizeResult {
  plans: number;
  units: number;
  buildMs: number;
  heapMb: number;
  hover: { medianMs: number; p95Ms: number };
  indexed: { medianMs: number; p95Ms: number };
  bruteForce: { medianMs: number; p95Ms: number };
  sameAnswers: boolean;
  editMs: number;
}

function timeEach<T>(items: T[], fn: (item: T) => unknown): number[] {
  for (const item of items.slice(0, 10)) fn(item); // warm-up
  return items.map((item) => {
    const t = performance.now();
    fn(item);
    return performance.now() - t;
  });
}

const stats = (xs: number[]) => ({ medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95) });

function measure(plans: number, pool: string[], asked: Question[]): SizeResult {
  const rng = new Random(plans);
  const texts = Array.from({ length: plans }, (_, k) => recombined(k, pool, rng));
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  const index = new RelatedIndex();
  texts.forEach((text, k) => index.setDocument(`file:///bench/corpus/plan${k}.txt`, text, { name: `plan${k}.txt` }));
  const buildMs = performance.now() - t;
  collect();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / MB;

  const exclude = (q: Question) => (d: { uri: string }) => d.uri === q.doc.uri;
  const hover = timeEach(asked, (q) => getHover(q.doc, q.model, q.doc.positionAt(q.unit.node.headingSpan.start), index));
  const indexed = timeEach(asked, (q) => index.search(queryTerms(q.unit), { exclude: exclude(q), limit: 5 }));
  const brute = timeEach(asked, (q) => index.searchByScan(queryTerms(q.unit), { exclude: exclude(q), limit: 5 }));
  const key = (hits: ReturnType<RelatedIndex['search']>) => hits.map((h) => `${h.unit.doc.uri}#${h.unit.line}:${h.score}`).join();
  const sameAnswers = asked.every((q) => key(index.search(queryTerms(q.unit), { exclude: exclude(q), limit: 5 })) === key(index.searchByScan(queryTerms(q.unit), { exclude: exclude(q), limit: 5 })));

  // An edit: one plan re-indexed with a section swapped, the rest untouched.
  const edits = Array.from({ length: EDITS }, (_, e) => e % plans);
  const editTimes = timeEach(edits, (k) => index.setDocument(`file:///bench/corpus/plan${k}.txt`, recombined(k + plans, pool, rng), { name: `plan${k}.txt` }));

  return { plans, units: index.unitCount, buildMs, heapMb, hover: stats(hover), indexed: stats(indexed), bruteForce: stats(brute), sameAnswers, editMs: quantile(editTimes, 0.5) };
}

function main(): void {
  const json = process.argv.includes('--json');
  const pool = sections();
  const asked = questions(new Random(7));
  const results = SIZES.map((n) => measure(n, pool, asked));
  if (json) {
    process.stdout.write(JSON.stringify({ questions: QUESTIONS, sizes: results }, null, 2) + '\n');
    return;
  }
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  const head = ['plans', 'units', 'build ms', 'heap MB', 'hover med', 'hover p95', 'index med', 'index p95', 'scan med', 'scan p95', 'same', 'edit ms'];
  const rows = results.map((r) => [
    String(r.plans), String(r.units), ms(r.buildMs), r.heapMb.toFixed(1), ms(r.hover.medianMs), ms(r.hover.p95Ms),
    ms(r.indexed.medianMs), ms(r.indexed.p95Ms), ms(r.bruteForce.medianMs), ms(r.bruteForce.p95Ms), r.sameAnswers ? 'yes' : 'NO', ms(r.editMs),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  process.stdout.write(
    [
      `related measures: plans recombined from the seeds' sections; ${QUESTIONS} questions (seed headings and measures)`,
      'hover = whole hover (find the unit, ask, render); index = the ranked search through the postings;',
      'scan = the same ranking by scoring every unit (brute force); same = identical answers; edit = re-index one plan',
      line(head),
      ...rows.map(line),
    ].join('\n') + '\n',
  );
}

main();
