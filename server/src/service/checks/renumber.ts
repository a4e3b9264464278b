// Renumbers the whole document in one pass over the outline: every sibling sequence (numbered
// headings of one rank, run-ins) counts 1, 2, 3… under its parent, keeping how its markers are written.
import { OffsetEdit, renumberEdit, Width } from './markerForms';
import { OutlineModel, OutlineNode } from '../model';
import { rootSegments, siblingSequences } from './numbering';

export function renumberEdits(model: OutlineModel): OffsetEdit[] {
  const width = majorityWidth(model);
  const edits: OffsetEdit[] = [];
  const visit = (children: OutlineNode[]) => {
    for (const seq of siblingSequences(children)) {
      seq.items.forEach((it, i) => {
        const e = renumberEdit(it.item, i + 1, width);
        if (e) edits.push(e);
      });
    }
    for (const c of children) visit(c.children);
  };
  for (const segment of rootSegments(model)) visit(segment);
  return edits.sort((a, b) => a.start - b.start);
}

/** Only glyphs past their range (`⑳` → 21) are rewritten in full; they take the usual width. */
function majorityWidth(model: OutlineModel): Width {
  let full = 0;
  let half = 0;
  for (const n of model.nodes) {
    if (n.marker?.open === '（') full++;
    else if (n.marker?.open === '(') half++;
  }
  return half > full ? 'half' : 'full';
}
