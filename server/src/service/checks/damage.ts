// Extraction damage the parser noticed (PLAN-FORMAT §3): a heading split from its title, or run into
// its paragraph. Each finding carries the edit that restores the line break or joins the lines.
import type { Finding } from './codes';
import { OutlineModel } from '../model';
import { charsAfter, charsBefore, ellipsisStart } from '../text/excerpts';
import { lineBreakOf } from '../text/chars';

export function damageDiagnostics(model: OutlineModel): Finding[] {
  const text = model.text;
  let lineBreak: string | undefined;
  return model.problems.map((p): Finding => {
    const marker = text.slice(p.span.start, p.span.end);
    if (p.code === 'heading.split') {
      return { code: p.code, span: p.span, expected: marker, found: marker, edits: [{ ...p.fixSpan, newText: '' }] };
    }
    // Merged: the line break belongs in the gap. The message quotes what comes before it on its line (the
    // title, or for a heading inside a flattened paragraph, the sentence it runs on from) and what follows.
    return { code: p.code, span: p.span, expected: ellipsisStart(charsBefore(text, p.fixSpan.start, 40)), found: charsAfter(text, p.fixSpan.end, 8), edits: [{ ...p.fixSpan, newText: (lineBreak ??= lineBreakOf(text)) }] };
  });
}
