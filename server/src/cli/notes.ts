// What the commands say about a file they could not read or parse, Chinese first, from the catalogue.
import { UnreadableError } from '../io/encoding';
import { fileNote, noticeText } from '../service/l10n/messages';
import { OutlineModel } from '../service/model';
import { parsePlan } from '../service/parse/parser';
import { WordError } from '../word/import';

/** One line for a file that could not be read: `file: 无法读取：… / cannot read: …`. */
export function unreadable(file: string, e: unknown): string {
  if (e instanceof WordError) return `${file}: 无法读取：${e.text('zh')} / cannot read: ${e.text('en')}`;
  if (e instanceof UnreadableError) return fileNote(file, 'read.notText', { reason: e.message });
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fileNote(file, 'read.missing');
  if (code === 'EISDIR') return fileNote(file, 'read.directory');
  if (code === 'EACCES' || code === 'EPERM') return fileNote(file, 'read.permission');
  return fileNote(file, 'read.failed', { reason: code ?? String(e) });
}

/** The plan's outline; a parser bug that leaves it empty is said on `err`, in both languages. */
export function parseReported(file: string, text: string, err: NodeJS.WritableStream): OutlineModel {
  return parsePlan(text, (e) => {
    const args = { uri: file, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    err.write(`${noticeText({ key: 'parse.failed', args }, 'zh')}\n${noticeText({ key: 'parse.failed', args }, 'en')}\n`);
  });
}
