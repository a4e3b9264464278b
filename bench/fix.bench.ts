// `npm run bench`: the safe fixes of a damaged plan (the one fix path of the editor's renumber and
// `check --fix`), the `--dry-run` diff built from its edits, and the strict re-encoding before writing.
// Medians of several runs. `--json` prints JSON.
import { performance } from 'perf_hooks';
import { unifiedDiff } from '../server/src/cli/editDiff';
import { decodePlan, encodeEdited } from '../server/src/io/encoding';
import { computeDiagnostics } from '../server/src/service/checks/diagnostics';
import { safeFixEdits } from '../server/src/service/checks/fixes';
import { DEFAULT_SETTINGS } from '../server/src/service/checks/settings';
import { toChineseNumeral } from '../server/src/service/parse/markers';
import { parsePlan } from '../server/src/service/parse/parser';
import { seeds } from '../test/helpers/seeds';

const KB = 1024;
const SIZES = [{ label: '200 KB', bytes: 200 * KB, runs: 7 }, { label: '1 MB', bytes: 1024 * KB, runs: 5 }];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * A plan of `bytes` in parts (第一部分…), each of up to 30 sections with ten subsections of five items,
 * bodies taken from the seeds' sentences. Damaged as a pasted plan is: every subsection numbered one too
 * high (so every item of every subsection sequence is renumbered), every other bracket pair full
 * width, and the items written `1、`.
 */
function damagedPlan(bytes: number): string {
  // Short items, as many markers per kilobyte as a dense plan has: each a seed sentence of up to 30 characters.
  const bodies = seeds().flatMap((s) => s.text.match(/[^。\n]{8,29}。/g) ?? []);
  const out: string[] = ['某街道2025年工作计划', ''];
  let size = 0;
  let b = 0;
  for (let part = 1; size < bytes; part++) {
    out.push(`第${toChineseNumeral(part)}部分　主要任务`, '');
    for (let section = 1; section <= 30 && size < bytes; section++) {
      out.push(`${toChineseNumeral(section)}、第${section}项重点工作`, '');
      for (let sub = 1; sub <= 10; sub++) {
        const n = toChineseNumeral(sub + 1);
        out.push(sub % 2 ? `(${n})推进第${sub}方面工作` : `（${n}）推进第${sub}方面工作`);
        for (let item = 1; item <= 5; item++) {
          const line = `${item}、${bodies[b++ % bodies.length]}`;
          out.push(line);
          size += Buffer.byteLength(line) + 1;
        }
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function time(runs: number, fn: () => unknown): number {
  for (let k = 0; k < 2; k++) fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function main(): void {
  const rows = SIZES.map(({ label, bytes, runs }) => {
    const text = damagedPlan(bytes);
    const file = Buffer.from(text, 'utf8');
    const decoded = decodePlan(file);
    const model = parsePlan(text);
    const diagnostics = computeDiagnostics(model, DEFAULT_SETTINGS);
    const edits = safeFixEdits(model, diagnostics, DEFAULT_SETTINGS);
    return {
      size: label,
      edits: edits.length,
      checkMs: time(runs, () => computeDiagnostics(parsePlan(text), DEFAULT_SETTINGS)),
      fixMs: time(runs, () => safeFixEdits(model, diagnostics, DEFAULT_SETTINGS)),
      diffMs: time(runs, () => unifiedDiff('plan.txt', text, edits)),
      encodeMs: time(runs, () => encodeEdited(file, decoded, edits)),
    };
  });
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  process.stdout.write([
    'safe fixes of a damaged plan (ms, median): parse + check; the fix pass given the check (with its second look at the',
    'fixed text); the --dry-run diff from the edits; re-encoding with every byte outside the edits checked',
    ...rows.map((r) => `${r.size.padStart(7)}  ${String(r.edits).padStart(5)} edits  check ${ms(r.checkMs)}  fix ${ms(r.fixMs)}  diff ${ms(r.diffMs)}  encode ${ms(r.encodeMs)}`),
  ].join('\n') + '\n');
}

main();
