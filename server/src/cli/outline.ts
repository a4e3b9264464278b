// `workplan outline FILE...`: each plan's outline as indented text, one node a line.
import { readPlanText } from '../io/readPlanText';
import { parseReported, unreadable } from './notes';
import { renderOutline } from '../service/features/renderOutline';
import type { Io } from './args';

export const OUTLINE_USAGE = `  workplan outline FILE...   打印工作计划的大纲 / print each plan's outline`;

export function runOutline(files: string[], io: Io): number {
  if (!files.length) {
    io.err.write(`没有给出文件 / no file given\n用法 Usage:\n${OUTLINE_USAGE}\n`);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      io.out.write(`== ${file}\n${renderOutline(parseReported(file, readPlanText(file).text, io.err))}`);
    } catch (e) {
      io.err.write(unreadable(file, e) + '\n');
      status = 2;
    }
  }
  return status;
}
