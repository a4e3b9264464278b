// `check --dry-run`: the fixes as a unified diff, built from the edit list itself. Only the edited
// lines and three lines around them are looked at, so the diff takes time in proportion to the edits
// and the file's lines, never to a comparison of the two whole texts. Lines end at LF, as `diff` and
// `patch` have them: a CRLF line keeps its CR.
import { applyEdits, OffsetEdit } from '../service/checks/markerForms';

const CONTEXT = 3;

interface Hunk {
  /** First and last line (0-based) of the hunk in the old text. */
  from: number;
  to: number;
  edits: OffsetEdit[];
}

/** A unified diff of `text` with `edits` (sorted, apart) applied; empty when there are none. */
export function unifiedDiff(name: string, text: string, edits: readonly OffsetEdit[]): string {
  if (!edits.length) return '';
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const endsWithBreak = text.endsWith('\n');
  // A text ending in a line break has an empty last "line" after it, which a diff does not count.
  const last = endsWithBreak ? starts.length - 2 : starts.length - 1;
  const hunks: Hunk[] = [];
  let line = 0;
  const lineOf = (offset: number): number => {
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  for (const e of edits) {
    const from = Math.max(0, lineOf(e.start) - CONTEXT);
    const to = Math.min(last, lineOf(e.end) + CONTEXT);
    const open = hunks[hunks.length - 1];
    if (open && from <= open.to + 1) {
      open.to = Math.max(open.to, to);
      open.edits.push(e);
    } else {
      hunks.push({ from, to, edits: [e] });
    }
  }
  let out = `--- ${name}\n+++ ${name}\n`;
  /** Lines the new text has more than the old before the current hunk. */
  let shift = 0;
  for (const h of hunks) {
    const start = starts[h.from];
    const end = h.to + 1 < starts.length ? starts[h.to + 1] - 1 : text.length;
    const before = text.slice(start, end).split('\n');
    const after = applyEdits(text.slice(start, end), h.edits.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText }))).split('\n');
    out += `@@ -${range(h.from, before.length)} +${range(h.from + shift, after.length)} @@\n`;
    out += hunkBody(before, after, !endsWithBreak && h.to === last);
    shift += after.length - before.length;
  }
  return out;
}

/**
 * Lines as they stay (` `), go (`-`) and come (`+`). Marker fixes keep the line breaks, so old and new
 * lines pair up one to one; were it otherwise, all old lines go and all new ones come.
 */
function hunkBody(before: string[], after: string[], noNewlineAtEnd: boolean): string {
  const marked = (lines: string[], prefix: string, end: number) =>
    lines.map((l, i) => `${prefix}${l}\n${noNewlineAtEnd && i === end ? '\\ No newline at end of file\n' : ''}`).join('');
  if (before.length !== after.length) return marked(before, '-', before.length - 1) + marked(after, '+', after.length - 1);
  let out = '';
  for (let i = 0; i < before.length;) {
    if (before[i] === after[i]) {
      out += marked([before[i]], ' ', before.length - 1 - i);
      i++;
      continue;
    }
    let j = i;
    while (j < before.length && before[j] !== after[j]) j++;
    out += marked(before.slice(i, j), '-', before.length - 1 - i) + marked(after.slice(i, j), '+', before.length - 1 - i);
    i = j;
  }
  return out;
}

/** `start,count` of a hunk, 1-based as diff writes it. */
function range(from: number, count: number): string {
  return `${from + 1},${count}`;
}
