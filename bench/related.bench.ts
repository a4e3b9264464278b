// `npm run bench`: the related-measure index itself, in this thread, at 10, 100 and 1,000 plans
// recombined from the seeds' sections: build time and heap, hover latency through the index, and the
// same questions answered by a brute-force scan of every unit in the same run; re-indexing one edited
// plan. (corpus.bench.ts measures the corpus as the server keeps it.) `--json` prints JSON.
import { performance } from 'perf_hooks';
import { getHover } from '../server/src/service/features/hover';
import { RelatedIndex } from '../server/src/service/related/index';
import { queryTerms } from '../server/src/service/related/units';
import { Random } from '../test/helpers/fuzz';
import { quantile, Question, recombinedPlan, seedQuestions, seedSections } from './plans';

const SIZES = [10, 100, 1000];
const QUESTIONS = 200;
/** The scan looks every term of every unit up in its posting list: slow by design, so fewer questions. */
const SCAN_QUESTIONS = 20;
const EDITS = 21;
const MB = 1024 * 1024;

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

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
  const texts = Array.from({ length: plans }, (_, k) => recombinedPlan(k, pool, rng));
  // Heap and typed arrays (the posting lists live outside the heap).
  const used = () => (collect(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
  const heapBefore = used();
  const t = performance.now();
  const index = new RelatedIndex();
  texts.forEach((text, k) => index.setDocument(`file:///bench/corpus/plan${k}.txt`, text, { name: `plan${k}.txt` }));
  const buildMs = performance.now() - t;
  const heapMb = (used() - heapBefore) / MB;

  const exclude = (q: Question) => (d: { uri: string }) => d.uri === q.doc.uri;
  const hover = timeEach(asked, (q) => getHover(q.doc, q.model, q.doc.positionAt(q.unit.node.headingSpan.start), index));
  const indexed = timeEach(asked, (q) => index.search(queryTerms(q.unit), { exclude: exclude(q), limit: 5 }));
  const scanned = asked.slice(0, SCAN_QUESTIONS);
  const brute = timeEach(scanned, (q) => index.searchByScan(queryTerms(q.unit), { exclude: exclude(q), limit: 5 }));
  const key = (hits: ReturnType<RelatedIndex['search']>) => hits.map((h) => `${h.unit.doc.uri}#${h.unit.line}:${h.score}`).join();
  const sameAnswers = scanned.every((q) => key(index.search(queryTerms(q.unit), { exclude: exclude(q), limit: 5 })) === key(index.searchByScan(queryTerms(q.unit), { exclude: exclude(q), limit: 5 })));

  // An edit: one plan re-indexed with a section swapped, the rest untouched.
  const edits = Array.from({ length: EDITS }, (_, e) => e % plans);
  const editTimes = timeEach(edits, (k) => index.setDocument(`file:///bench/corpus/plan${k}.txt`, recombinedPlan(k + plans, pool, rng), { name: `plan${k}.txt` }));

  return { plans, units: index.unitCount, buildMs, heapMb, hover: stats(hover), indexed: stats(indexed), bruteForce: stats(brute), sameAnswers, editMs: quantile(editTimes, 0.5) };
}

function main(): void {
  const json = process.argv.includes('--json');
  const pool = seedSections();
  const asked = seedQuestions(QUESTIONS, new Random(7));
  const results = SIZES.map((n) => measure(n, pool, asked));
  if (json) {
    process.stdout.write(JSON.stringify({ questions: QUESTIONS, sizes: results }, null, 2) + '\n');
    return;
  }
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  const head = ['plans', 'units', 'build ms', 'memory MB', 'hover med', 'hover p95', 'index med', 'index p95', 'scan med', 'scan p95', 'same', 'edit ms'];
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
      `scan = the same ranking by scoring every unit, each term looked up in its posting list (first ${SCAN_QUESTIONS} questions); same = identical answers;`,
      'memory = heap and typed arrays added by the index; edit = re-index one plan',
      line(head),
      ...rows.map(line),
    ].join('\n') + '\n',
  );
}

main();
