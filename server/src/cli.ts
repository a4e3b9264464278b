// Command-line entry: `workplan outline FILE...` prints each plan's outline; `workplan check FILE...`
// checks numbering and text before submission (checkCommand.ts).
import { readFileSync } from 'fs';
import { CHECK_USAGE, runCheck } from './checkCommand';
import { decodePlan, UnreadableError } from './service/encoding';
import { parsePlan } from './service/parser';
import { renderOutline } from './service/renderOutline';

const USAGE = `用法 Usage:
  workplan outline FILE...   打印工作计划的大纲 / print each plan's outline
${CHECK_USAGE}`;

function readPlan(file: string): string {
  return decodePlan(readFileSync(file)).text;
}

function outline(files: string[]): number {
  let status = 0;
  for (const file of files) {
    try {
      process.stdout.write(`== ${file}\n${renderOutline(parsePlan(readPlan(file)))}`);
    } catch (e) {
      const reason = e instanceof UnreadableError ? e.message : (e as NodeJS.ErrnoException).code ?? String(e);
      process.stderr.write(`${file}: 无法读取 / cannot read: ${reason}\n`);
      status = 2;
    }
  }
  return status;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'outline' && rest.length) return outline(rest);
  if (command === 'check') return runCheck(rest);
  process.stderr.write(USAGE + '\n');
  return 2;
}

// A reader that stops early (`workplan check … | head`) closes the pipe: that ends the output, not in an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = main(process.argv.slice(2));
