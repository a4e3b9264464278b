// Short quotations of a document's text for messages: whole characters (a surrogate pair is one) and
// never across a line break, so a message stays on one line.
import { isSurrogatePairAt } from './chars';

const isBreak = (c: number) => c === 0x0a || c === 0x0d;

/** Up to `n` characters of `text` just before `at`, on `at`'s line. */
export function charsBefore(text: string, at: number, n: number): string {
  let i = at;
  for (let k = 0; k < n && i > 0 && !isBreak(text.charCodeAt(i - 1)); k++) i -= isSurrogatePairAt(text, i - 2) ? 2 : 1;
  return text.slice(i, at);
}

/** Up to `n` characters of `text` from `at` on, on `at`'s line. */
export function charsAfter(text: string, at: number, n: number): string {
  let i = at;
  for (let k = 0; k < n && i < text.length && !isBreak(text.charCodeAt(i)); k++) i += isSurrogatePairAt(text, i) ? 2 : 1;
  return text.slice(at, i);
}

/** The last `n` characters of a string, after `…` when there are more. */
export function ellipsisStart(s: string, n = 10): string {
  let i = s.length;
  for (let k = 0; k < n && i > 0; k++) i -= isSurrogatePairAt(s, i - 2) ? 2 : 1;
  return i > 0 ? '…' + s.slice(i) : s;
}
