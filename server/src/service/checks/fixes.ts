// The safe fixes of a whole document, in one pass over the outline: every sibling sequence is
// numbered 1, 2, 3… under its parent (or on from the previous document in the file, where the check
// lets it go on), and every marker the check faults is written in its standard form. At most one edit
// per marker or run-in, none overlapping. The editor's renumber command, its fix-all and save action,
// and `workplan check --fix` all apply this one list.
import { FIXES_THAT_RENUMBER, PlanDiagnostic, SAFE_FIX_CODES } from './codes';
import { computeDiagnostics } from './diagnostics';
import { applyEdits, applyToItem, composeEdits, documentWidth, OffsetEdit, renumberEdit, Width } from './markerForms';
import { FAMILY_RANK, matchEnumerator, matchMarker } from '../parse/markers';
import { parsePlan } from '../parse/parser';
import { Enumerator, Marker, OutlineModel, OutlineNode } from '../model';
import { lastTopLevel, rootSegments, siblingSequences } from './numbering';
import type { WorkplanSettings } from './settings';

type Item = Marker | Enumerator;

/** What the marker reader looks at past a marker: a listed numeral (`三、四季度`) is at most four characters. */
const READ_AHEAD = 8;

/**
 * The checks decide levels over the whole document, and a fixed marker can change what they decide
 * elsewhere (a `1)` written as `（1）` makes another section's `1.` skip a level). The fixed text is
 * therefore read once more, and what a pass over it finds is added; a second pass has always been
 * the last in testing (`npm run fuzz`), and there are never more than this many.
 */
const MAX_PASSES = 3;

/**
 * `diagnostics` are the document's current ones under `settings`: the marker forms and levels come
 * from them, so a code set `off` is neither reported nor fixed. The edits come in document order.
 */
export function safeFixEdits(model: OutlineModel, diagnostics: readonly PlanDiagnostic[], settings: WorkplanSettings): OffsetEdit[] {
  let edits = new SafeFixes(model, diagnostics).edits(documentWidth(model, settings.markerWidth));
  // The text checks play no part in the safe fixes.
  const numbering = { ...settings, hygieneEnabled: false };
  for (let pass = 1; pass < MAX_PASSES && edits.length; pass++) {
    const between = applyEdits(model.text, edits);
    const fixed = parsePlan(between);
    const more = new SafeFixes(fixed, computeDiagnostics(fixed, numbering)).edits(documentWidth(fixed, settings.markerWidth));
    if (!more.length) break;
    edits = composeEdits(model.text, edits, between, more);
  }
  return edits;
}

class SafeFixes {
  /** Each faulted item's form edits, by the item's start. */
  private readonly formEdits = new Map<number, OffsetEdit[]>();
  /** The level the check counts a sequence at when it skips one (`1.` standing for `（一）`), by its first item's start. */
  private readonly levels = new Map<number, number>();
  private readonly forms = new Map<Item, Item>();
  private readonly values = new Map<Item, number>();

  constructor(private readonly model: OutlineModel, diagnostics: readonly PlanDiagnostic[]) {
    for (const d of diagnostics) {
      if (d.code === 'numbering.levelSkipped') {
        const expected = matchMarker(d.expected, 0);
        if (expected) this.levels.set(d.span.start, FAMILY_RANK[expected.family]);
      } else if (d.edits && SAFE_FIX_CODES.has(d.code) && !FIXES_THAT_RENUMBER.has(d.code)) {
        // Renumbering fixes are replaced by the whole renumbering below; the rest rewrite one marker each.
        const own = d.edits.filter((e) => e.start >= d.span.start && e.end <= d.span.end);
        this.formEdits.set(d.span.start, [...(this.formEdits.get(d.span.start) ?? []), ...own]);
      }
    }
    for (const node of model.nodes) {
      const item = node.marker ?? node.enumerator;
      if (item) this.forms.set(item, this.standardForm(node, item));
    }
  }

  edits(width: Width): OffsetEdit[] {
    let previous: { value: number; renumbered: number } | undefined;
    for (const segment of rootSegments(this.model)) {
      this.renumber(segment, previous);
      const top = lastTopLevel(segment)?.marker;
      previous = top && { value: top.value, renumbered: this.values.get(top) ?? top.value };
    }
    const edits: OffsetEdit[] = [];
    for (const [item, form] of this.forms) {
      const edit = this.itemEdit(item, form, this.values.get(item), width);
      if (edit) edits.push(edit);
    }
    return edits;
  }

  /**
   * Numbers the sequences among `children`, and below them. Headings count by the level the check
   * counts them at: a `1)` written as `（1）` among the `（1）`s, a sequence that skips a level among
   * that level's. `previous` is the last top-level number of the document before, for the roots.
   */
  private renumber(children: OutlineNode[], previous?: { value: number; renumbered: number }): void {
    if (!children.length) return;
    const groups: Item[][] = [];
    const levels: number[] = [];
    for (const seq of siblingSequences(children)) {
      const items = seq.items.map((it) => it.item);
      const first = this.forms.get(items[0])!;
      const level = 'family' in first ? this.levels.get(first.span.start) ?? FAMILY_RANK[first.family] : -1;
      const k = level < 0 ? -1 : levels.indexOf(level);
      if (k < 0) {
        groups.push(items);
        levels.push(level);
      } else {
        groups[k] = [...groups[k], ...items].sort((a, b) => a.span.start - b.span.start);
      }
    }
    for (const items of groups) {
      // The check lets roots go on from the previous document: they go on from its last number as renumbered.
      const start = previous !== undefined && items[0].value === previous.value + 1 ? previous.renumbered : 0;
      items.forEach((it, i) => this.values.set(it, start + i + 1));
    }
    for (const c of children) this.renumber(c.children);
  }

  /**
   * The item as its form fixes write it, read back by the parser's own marker reader. A fix that
   * rewrites the whole marker (a glyph, `1)`, `１．`) stands for all of them; the others touch one
   * bracket or the punctuation each. A `1)` keeps its form where the new one would move it in the
   * outline (see keepsItsPlace).
   */
  private standardForm(node: OutlineNode, item: Item): Item {
    const edits = this.formEdits.get(item.span.start);
    if (!edits) return item;
    const whole = edits.find((e) => e.start === item.span.start && e.end === item.span.end);
    const text = whole ? whole.newText : applyToItem(item, distinct(edits));
    const form = 'family' in item ? matchMarker(text, item.span.start) : matchEnumerator(text, item.span.start);
    if (form?.text !== text) return item;
    if ('family' in form && FAMILY_RANK[form.family] !== node.rank && !keepsItsPlace(node, FAMILY_RANK[form.family], this.model.roots)) return item;
    return form;
  }

  /**
   * One edit turning `item` into `form` numbered `value`: the changed characters only. None where the
   * new marker would not be read as one before the text that follows it (`三、三农工作` renumbered to
   * `二、三农…` reads as the list `二、三`): the fault stays reported rather than a heading lost.
   */
  private itemEdit(item: Item, form: Item, value: number | undefined, width: Width): OffsetEdit | undefined {
    let written = form.text;
    if (value !== undefined && value !== form.value) {
      const e = renumberEdit(form, value, width);
      if (e) written = applyToItem(form, [e]);
    }
    const old = item.text;
    if (written === old) return undefined;
    const ahead = written + this.model.text.slice(item.span.end, item.span.end + READ_AHEAD);
    const reread = 'family' in item ? matchMarker(ahead, item.span.start) : matchEnumerator(ahead, item.span.start);
    if (reread?.text !== written) return undefined;
    let head = 0;
    while (head < old.length && head < written.length && old[head] === written[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < written.length - head && old[old.length - 1 - tail] === written[written.length - 1 - tail]) tail++;
    return { start: item.span.start + head, end: item.span.end - tail, newText: written.slice(head, written.length - tail) };
  }
}

/**
 * Whether a node written at `rank` would stay where it is in the outline: its numbered children still
 * rank below it, and the numbered siblings after it (up to one of `rank` or above) do not come to rank
 * below it. Other `1)`s move along with it, to the same level.
 */
function keepsItsPlace(node: OutlineNode, rank: number, roots: OutlineNode[]): boolean {
  if (node.children.some((c) => c.marker && c.rank <= rank)) return false;
  const siblings = node.parent?.children ?? roots;
  for (let i = siblings.indexOf(node) + 1; i < siblings.length; i++) {
    const s = siblings[i];
    if (!s.marker || s.marker.family === 'arabicHalfParen') continue;
    if (s.rank <= rank) break;
    return false;
  }
  return true;
}

function distinct(edits: OffsetEdit[]): OffsetEdit[] {
  return edits.filter((e, i) => edits.findIndex((o) => o.start === e.start && o.end === e.end) === i);
}
