// A plan's text from a file: a text file in its encoding, or a Word document read by the importer.
import { readFileSync } from 'fs';
import { importDocx, isOle, isZip, WordError } from '../word/import';
import { decodePlan, Decoded, UnreadableError } from './encoding';

export type PlanSource =
  | (Decoded & { kind: 'text' })
  /** `paragraphOfLine`: the Word paragraph (1-based) each line of `text` comes from, 0 between paragraphs. */
  | { kind: 'word'; text: string; paragraphOfLine: number[] };

const WORD_NAME = /\.(docx|docm|dotx|doc)$/i;

/**
 * Throws UnreadableError, WordError or the file system's error. A file named like a Word document is
 * read as one, and so is an OLE file (a .doc, or an encrypted .docx) whatever its name; a zip under
 * another name is read as Word only if it is a Word document, and is otherwise binary data.
 */
export function readPlanText(file: string): PlanSource {
  const bytes = readFileSync(file);
  if (WORD_NAME.test(file) || isOle(bytes)) return { kind: 'word', ...importDocx(bytes) };
  if (isZip(bytes)) {
    try {
      return { kind: 'word', ...importDocx(bytes) };
    } catch (e) {
      if (!(e instanceof WordError)) throw e;
    }
  }
  return { kind: 'text', ...decodePlan(bytes) };
}

/** Why a file cannot be read, Chinese first: `file: 无法读取：… / cannot read: …`. */
export function unreadableMessage(file: string, e: unknown): string {
  if (e instanceof WordError) return `${file}: 无法读取：${e.text('zh')} / cannot read: ${e.text('en')}`;
  if (e instanceof UnreadableError) return `${file}: 无法读取：不是 UTF-8 或 GB18030 文本文件 / cannot read: ${e.message}`;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: 无法读取：文件不存在 / cannot read: no such file`;
  if (code === 'EISDIR') return `${file}: 无法读取：这是一个目录 / cannot read: is a directory`;
  if (code === 'EACCES') return `${file}: 无法读取：没有权限 / cannot read: permission denied`;
  return `${file}: 无法读取 / cannot read: ${code ?? String(e)}`;
}
