// "Find related measures": textDocument/references on a heading, enumeration or measure lists every
// unit of another plan above a similarity threshold, best first.
import { Location } from 'vscode-languageserver-types';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineModel } from '../model';
import { spanToRange } from '../text/ranges';
import { RelatedIndex } from '../related/index';
import { unitAt } from '../related/units';

/**
 * On the tuning half of the labelled seed pairs (test/fixtures/related-pairs.json), units at or
 * above 0.1 are related 58% of the time and hold 50% of the related pairs, about 5.5 per question;
 * at 0.15, 67% and 19%.
 */
export const RELATED_MIN_SIMILARITY = 0.1;

export function getReferences(doc: TextDocument, model: OutlineModel, position: Position, index: RelatedIndex, includeDeclaration: boolean): Location[] | null {
  const unit = unitAt(model, doc.offsetAt(position));
  if (!unit) return null;
  const related = index
    .relatedTo(unit, doc.uri, doc.getText(), { minSimilarity: RELATED_MIN_SIMILARITY })
    .map((h) => Location.create(h.unit.doc.uri, h.unit.range));
  return includeDeclaration ? [Location.create(doc.uri, spanToRange(doc, unit.node.headingSpan)), ...related] : related;
}
