// `workplan export --to FORMAT [-o OUT] PLAN...`: a plan written out in another format. Each format
// takes the plan's file name and text and returns the bytes of the file to write; the file is written
// beside the plan (or to -o) through a temporary file and a rename, so a failed export leaves no half file.
// A plan may be a text file or a Word document.
import { renameSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readPlanText } from '../io/readPlanText';
import { unreadable } from './notes';
import { csvFormat } from '../tasks/csv';
import { xlsxFormat } from '../tasks/xlsx';
import { Io, parseCommandArgs, UsageError } from './args';

export interface ExportFormat {
  /** With its dot: `.xlsx`. */
  extension: string;
  write(plan: { file: string; text: string }): Promise<Uint8Array>;
}

/** A Word document in the layout of GB/T 9704 (word/export.ts), loaded when asked for: docx need not slow `check`. */
const docxFormat: ExportFormat = { extension: '.docx', write: async (plan) => (await import('../word/export.js')).exportDocx(plan) };

export const FORMATS: Record<string, ExportFormat> = {
  docx: docxFormat,
  xlsx: xlsxFormat,
  csv: csvFormat,
};

export const EXPORT_USAGE = `  workplan export --to ${Object.keys(FORMATS).join('|')} [-o OUT] PLAN...   导出为其他格式 / export a plan to another format
      --to FORMAT            docx（公文格式 Word 文档 a Word document laid out per GB/T 9704）、xlsx（任务分解表 the task table）
                             或 or csv（任务分解表，UTF-8 带 BOM / the task table, UTF-8 with BOM）
      -o, --output OUT       输出文件，默认与计划同名 / output file, by default the plan's name with the format's extension`;

/** The file beside `plan` with the format's extension: `计划.txt` → `计划.xlsx`. */
export function defaultOutput(plan: string, format: ExportFormat): string {
  return path.join(path.dirname(plan), path.basename(plan, path.extname(plan)) + format.extension);
}

function cannotWrite(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: 无法写入：文件夹不存在 / cannot write: no such folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: 无法写入：没有权限 / cannot write: permission denied`;
  if (code === 'EISDIR') return `${file}: 无法写入：这是一个目录 / cannot write: is a directory`;
  return `${file}: 无法写入 / cannot write: ${code ?? String(e)}`;
}

/** Writes `bytes` to `file` whole or not at all. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

export async function runExport(argv: string[], io: Io): Promise<number> {
  let format: ExportFormat;
  let files: string[];
  let output: string | undefined;
  try {
    const { values, positionals } = parseCommandArgs(argv, { to: { type: 'string' }, output: { type: 'string', short: 'o' } });
    if (!values.to) throw new UsageError('缺少 --to / --to is required');
    if (!Object.hasOwn(FORMATS, values.to)) throw new UsageError(`未知格式 / unknown format: ${values.to}（可用 available: ${Object.keys(FORMATS).join(', ')}）`);
    if (!positionals.length) throw new UsageError('没有给出文件 / no file given');
    if (values.output !== undefined && positionals.length > 1) throw new UsageError('-o 只能用于一个文件 / -o takes one plan only');
    format = FORMATS[values.to];
    files = positionals;
    output = values.output;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err.write(`${e.message}\n用法 Usage:\n${EXPORT_USAGE}\n`);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    const out = output ?? defaultOutput(file, format);
    let text: string;
    try {
      text = readPlanText(file).text;
    } catch (e) {
      io.err.write(unreadable(file, e) + '\n');
      status = 2;
      continue;
    }
    if (path.resolve(out) === path.resolve(file)) {
      io.err.write(`${file}: 输出会覆盖计划本身 / the output would overwrite the plan\n`);
      status = 2;
      continue;
    }
    try {
      writeAtomically(out, await format.write({ file, text }));
      io.out.write(`${file} → ${out}\n`);
    } catch (e) {
      io.err.write(cannotWrite(out, e) + '\n');
      status = 2;
    }
  }
  return status;
}
