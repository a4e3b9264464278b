// Hover on a heading, enumeration or measure title: what other streets planned on the same topic,
// best first. Compact, so that all five fit a default hover without scrolling: one line of header,
// then two lines per measure: its title as a link that opens the plan with the title selected,
// with street and year; then the topic and the words that join the two. The first sentence of
// the measure is the link's tooltip. Body text gets no hover.
// Every piece of plan text is escaped (markdown.ts): the client renders this untrusted.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { escapeMarkdown, linkTarget } from '../text/markdown';
import { Lang, uiText } from '../l10n/messages';
import { OutlineModel } from '../model';
import { spanToRange } from '../text/ranges';
import { RelatedHit, RelatedIndex } from '../related/index';
import { planLabel } from '../related/label';
import { TOPICS } from '../related/topics';
import { unitAt } from '../related/units';

const HOVER_LIMIT = 5;
/** Below this similarity a "related" unit shares only boilerplate (see references.ts for the scale). */
const HOVER_MIN_SIMILARITY = 0.05;
const SHARED_TERMS_SHOWN = 3;
/** Longer titles are cut: a line must not wrap in a default hover. */
const TITLE_CHARS = 24;

function shorten(title: string): string {
  const chars = [...title];
  return chars.length > TITLE_CHARS ? chars.slice(0, TITLE_CHARS).join('') + '…' : title;
}

/** `file:` URI with the heading selected: VS Code opens `#L12,5-L12,20` (1-based line and column) with that range selected. */
function selectionLink(hit: RelatedHit): string | undefined {
  const { uri } = hit.unit.doc;
  if (!uri.startsWith('file:')) return undefined;
  const { start, end } = hit.unit.range;
  return `${linkTarget(uri)}#L${start.line + 1},${start.character + 1}-L${end.line + 1},${end.character + 1}`;
}

function renderHit(hit: RelatedHit, lang: Lang): string {
  const { unit, sharedTerms, sharedTopics } = hit;
  const title = `**${escapeMarkdown(shorten(unit.title))}**`;
  const link = selectionLink(hit);
  const tooltip = unit.excerpt ? ` "${escapeMarkdown(unit.excerpt)}"` : '';
  const first = `${link ? `[${title}](${link}${tooltip})` : title} · ${escapeMarkdown(planLabel(unit))}`;
  const why: string[] = [];
  if (sharedTopics.length) why.push(uiText('related.topic', lang, { expected: escapeMarkdown(TOPICS[sharedTopics[0]][lang]), found: '' }));
  if (sharedTerms.length) why.push(uiText('related.terms', lang, { expected: sharedTerms.slice(0, SHARED_TERMS_SHOWN).map(escapeMarkdown).join(' · '), found: '' }));
  return why.length ? `${first}  \n${why.join(' · ')}` : first;
}

export function getHover(doc: TextDocument, model: OutlineModel, position: Position, index: RelatedIndex, lang: Lang = 'zh'): Hover | null {
  const unit = unitAt(model, doc.offsetAt(position));
  if (!unit) return null;
  const hits = index.relatedTo(unit, doc.uri, doc.getText(), { limit: HOVER_LIMIT, minSimilarity: HOVER_MIN_SIMILARITY });
  if (!hits.length) return null;
  // One paragraph, a line break (two trailing spaces) between lines: no blank space between measures.
  const value = [`**${uiText('related.title', lang)}**`, ...hits.map((h) => renderHit(h, lang))].join('  \n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanToRange(doc, unit.node.headingSpan) };
}
