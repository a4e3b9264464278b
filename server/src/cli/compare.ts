// `workplan compare OLD NEW [--json]`: last year's plan against this year's. Tasks that go on (paired
// even when reworded, with their similarity and changed targets), new tasks and dropped ones.
import { readPlanText } from '../io/readPlanText';
import { unreadable } from './notes';
import { Lang, uiText, UiKey } from '../service/l10n/messages';
import { comparePlans, summarize, TaskRef } from '../service/tasks/compare';
import { taskTableOf } from '../service/tasks/rows';
import { Io, parseCommandArgs, UsageError } from './args';

export const COMPARE_USAGE = `  workplan compare [--json] OLD NEW   与上一年计划对比：延续、新增、取消的任务 / tasks continued, new and dropped since last year's plan`;

/** Chinese first, then English: `延续 Continued`. */
function both(key: UiKey): string {
  return (['zh', 'en'] as Lang[]).map((lang) => uiText(key, lang)).join(' ');
}

function task(t: TaskRef): string {
  return `${t.line}: ${t.title}`;
}

export function runCompare(argv: string[], io: Io): number {
  let files: string[];
  let json: boolean;
  try {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('需要两份计划：上一年的和本年的 / needs two plans: last year’s and this year’s');
    files = positionals;
    json = !!values.json;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err.write(`${e.message}\n用法 Usage:\n${COMPARE_USAGE}\n`);
    return 2;
  }
  const tables = [];
  for (const file of files) {
    try {
      tables.push(taskTableOf(readPlanText(file).text, file));
    } catch (e) {
      io.err.write(unreadable(file, e) + '\n');
    }
  }
  if (tables.length < 2) return 2;
  const summary = summarize(comparePlans(tables[0], tables[1]));
  if (json) {
    io.out.write(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  }
  const lines: string[] = [`${both('compare.old')}: ${files[0]}`, `${both('compare.new')}: ${files[1]}`, ''];
  lines.push(`${both('compare.continued')} (${summary.continued.length})`);
  for (const c of summary.continued) {
    lines.push(`  ${task(c.old)}  →  ${task(c.new)}  (${both('compare.similarity')} ${c.similarity.toFixed(2)})`);
    for (const t of c.changedTargets) lines.push(`      ${both('compare.targets')}: ${t.old} → ${t.new}`);
  }
  for (const [key, refs] of [['compare.added', summary.new], ['compare.dropped', summary.dropped]] as const) {
    lines.push('', `${both(key)} (${refs.length})`, ...refs.map((t) => `  ${task(t)}`));
  }
  io.out.write(lines.join('\n') + '\n');
  return 0;
}
