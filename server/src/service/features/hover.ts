// Hover on a heading, enumeration or measure title: what other streets planned on the same topic,
// best first, each with a link that opens that plan at the line. Body text gets no hover.
// Every piece of plan text is escaped (markdown.ts): the client renders this untrusted.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { escapeMarkdown, linkTarget } from '../text/markdown';
import { OutlineModel } from '../model';
import { spanToRange } from '../text/ranges';
import { RelatedHit, RelatedIndex } from '../related/index';
import { planLabel } from '../related/label';
import { unitAt } from '../related/units';

const HOVER_LIMIT = 5;
/** Below this similarity a "related" unit shares only boilerplate (see references.ts for the scale). */
const HOVER_MIN_SIMILARITY = 0.05;
const SHARED_TERMS_SHOWN = 5;
const PATH_TITLE_CHARS = 16;

function shorten(title: string): string {
  const chars = [...title];
  return chars.length > PATH_TITLE_CHARS ? chars.slice(0, PATH_TITLE_CHARS).join('') + '…' : title;
}

function renderHit({ unit, sharedTerms }: RelatedHit): string {
  const line = unit.line + 1;
  const link = unit.doc.uri.startsWith('file:') ? ` · [打开 Open ↗ 第${line}行 line ${line}](${linkTarget(unit.doc.uri)}#L${line})` : '';
  const path = [...unit.path.map((t) => escapeMarkdown(shorten(t))), `**${escapeMarkdown(unit.title)}**`].join(' › ');
  const lines = [`**${escapeMarkdown(planLabel(unit))}**${link}`, path];
  if (unit.excerpt) lines.push(`*${escapeMarkdown(unit.excerpt)}*`);
  if (sharedTerms.length) lines.push(`共同关键词 Shared terms: ${sharedTerms.slice(0, SHARED_TERMS_SHOWN).map(escapeMarkdown).join(' · ')}`);
  // Two trailing spaces: a line break inside the item.
  return lines.join('  \n');
}

export function getHover(doc: TextDocument, model: OutlineModel, position: Position, index: RelatedIndex): Hover | null {
  const unit = unitAt(model, doc.offsetAt(position));
  if (!unit) return null;
  const hits = index.relatedTo(unit, doc.uri, doc.getText(), { limit: HOVER_LIMIT, minSimilarity: HOVER_MIN_SIMILARITY });
  if (!hits.length) return null;
  const value = [`**相关举措 Related measures** · 其他计划中的同类举措 from other plans`, ...hits.map(renderHit)].join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(doc, unit.node.headingSpan) };
}
