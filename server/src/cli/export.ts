// `workplan export --to FORMAT [-o OUT] PLAN`: a plan written in another format. Each format is one
// entry of FORMATS; the command reads the plan (text or Word), writes OUT atomically and says where.
import { renameSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readPlanText, unreadableMessage } from '../io/readPlanText';
import { Io, parseCommandArgs, UsageError } from './args';

export interface ExportFormat {
  /** The file name extension, without the dot. */
  extension: string;
  write(plan: { file: string; text: string }): Promise<Uint8Array>;
}

/** A Word document in the layout of GB/T 9704 (word/export.ts), loaded when asked for: docx need not slow `check`. */
const DOCX_FORMAT: ExportFormat = { extension: 'docx', write: async (plan) => (await import('../word/export.js')).exportDocx(plan) };

export const FORMATS: Record<string, ExportFormat> = { docx: DOCX_FORMAT };

export const EXPORT_USAGE = `  workplan export --to FORMAT [-o OUT] FILE   导出为其他格式 / export a plan to another format
      --to ${Object.keys(FORMATS).join('|')}     docx：公文格式（GB/T 9704）的 Word 文档 / a Word document laid out per GB/T 9704
      -o, --output OUT       输出文件，默认与 FILE 同名 / output file, by default FILE with the format's extension`;

/**
 * Writes `bytes` to `file` through a temporary file in the same folder and a rename, so that a
 * reader never sees half a file and a failed write leaves the old one whole.
 */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch (e) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is gone already.
    }
    throw e;
  }
}

export async function runExport(argv: string[], io: Io): Promise<number> {
  let to: string;
  let input: string;
  let output: string;
  try {
    const { values, positionals } = parseCommandArgs(argv, { to: { type: 'string' }, output: { type: 'string', short: 'o' } });
    if (values.to === undefined) throw new UsageError('缺少 --to / --to is required');
    if (!Object.hasOwn(FORMATS, values.to)) throw new UsageError(`不支持的格式 / unknown format: ${values.to}（${Object.keys(FORMATS).join(', ')}）`);
    if (positionals.length !== 1) throw new UsageError(positionals.length ? '一次导出一个文件 / one file at a time' : '没有给出文件 / no file given');
    to = values.to;
    input = positionals[0];
    output = values.output ?? input.replace(/\.[^./\\]*$/, '') + '.' + FORMATS[to].extension;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err.write(`${e.message}\n用法 Usage:\n${EXPORT_USAGE}\n`);
    return 2;
  }
  if (path.resolve(output) === path.resolve(input)) {
    io.err.write(`${output}: 输出会覆盖输入文件 / the output would overwrite the input\n`);
    return 2;
  }
  let text: string;
  try {
    text = readPlanText(input).text;
  } catch (e) {
    io.err.write(unreadableMessage(input, e) + '\n');
    return 2;
  }
  try {
    writeAtomically(output, await FORMATS[to].write({ file: input, text }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    io.err.write(`${output}: 无法写入 / cannot write: ${code}\n`);
    return 2;
  }
  io.err.write(`${input} → ${output}\n`);
  return 0;
}
