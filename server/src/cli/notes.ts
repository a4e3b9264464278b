// What the commands say about a file they could not read, Chinese first, from the catalogue.
import { UnreadableError } from '../io/encoding';
import { fileNote } from '../service/l10n/messages';
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
