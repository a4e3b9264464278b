// Numbering faults (PLAN-FORMAT §4), found on the outline: each sibling sequence is checked once,
// and a fault is reported where it starts, not again on every sibling that follows it.
import type { DiagnosticCode, Finding } from './codes';
import {
  applyToItem, bracketWidth, CANONICAL_PUNCTUATION, canonicalMarker, closeBracket, documentWidth, FAMILY_OF_LEVEL, OffsetEdit,
  openBracket, renumberEdit, Width,
} from './markerForms';
import { toChineseNumeral } from '../parse/markers';
import { Enumerator, Marker, MarkerFamily, OutlineModel, OutlineNode } from '../model';
import type { WorkplanSettings } from './settings';

interface Item {
  node: OutlineNode;
  item: Marker | Enumerator;
  value: number;
}

type SequenceKind = 'heading' | 'enumeration';

interface Sequence {
  kind: SequenceKind;
  /** Marker rank for headings, 0 for run-ins. */
  rank: number;
  /**
   * The level the sequence counts at: its rank, unless it is written a level too deep (after `（1）`
   * standing for `（一）`, the `（二）` that follows continues it and is no fault of its own).
   */
  level: number;
  items: Item[];
}

/** Facts about the whole document that single markers are judged against. */
interface DocumentStyle {
  readonly width: Width;
  /** Per family: the punctuation most markers use. */
  punctuation: Map<MarkerFamily, string>;
  /** Parent rank → child rank → the parents that have such children: the first, and whether there are others. */
  childRanks: Map<number, Map<number, { parent: OutlineNode; several: boolean }>>;
}

export function numberingDiagnostics(model: OutlineModel, settings: Pick<WorkplanSettings, 'markerWidth' | 'allowLevelSkip'>): Finding[] {
  return new NumberingCheck(model, settings).run();
}

/** Roots split where a new document starts inside the file (its numbering starts afresh). */
export function rootSegments(model: OutlineModel): OutlineNode[][] {
  const segments: OutlineNode[][] = [[]];
  let next = 0;
  const starts = [...model.documentStarts].sort((a, b) => a - b);
  for (const root of model.roots) {
    let crossed = false;
    while (next < starts.length && starts[next] <= root.span.start) {
      next++;
      crossed = true;
    }
    if (crossed && segments[segments.length - 1].length) segments.push([]);
    segments[segments.length - 1].push(root);
  }
  return segments;
}

/**
 * The numbered headings and the run-ins among a node's children, as sibling sequences, the headings'
 * first. A run-in numbered 1 after others starts a list of its own: a section may hold two (`一是…二是…` twice).
 */
export function siblingSequences(children: OutlineNode[]): Sequence[] {
  // Ranks are few: a list of the heading sequences searched in place costs less than a Map per node
  // with children. Run-in lists can be many (`一是` after `一是`…) and are kept apart from that search.
  const headings: Sequence[] = [];
  const lists: Sequence[] = [];
  let enumerations: Item[] | undefined;
  for (const c of children) {
    if (c.kind === 'heading' && c.marker) {
      const item = { node: c, item: c.marker, value: c.marker.value };
      let k = 0;
      while (k < headings.length && headings[k].rank !== c.rank) k++;
      if (k < headings.length) headings[k].items.push(item);
      else headings.push({ kind: 'heading', rank: c.rank, level: c.rank, items: [item] });
    } else if (c.kind === 'enumeration' && c.enumerator && c.enumerator.value !== ORDINAL_LAST) {
      if (enumerations && c.enumerator.value === 1) {
        lists.push({ kind: 'enumeration', rank: 0, level: 0, items: enumerations });
        enumerations = undefined;
      }
      (enumerations ??= []).push({ node: c, item: c.enumerator, value: c.enumerator.value });
    }
  }
  if (enumerations) lists.push({ kind: 'enumeration', rank: 0, level: 0, items: enumerations });
  return lists.length ? headings.concat(lists) : headings;
}

/** `最后` ends a 首先/其次 series whatever its length. */
const ORDINAL_LAST = 99;
const ORDINAL_WORDS = ['首先', '其次', '再次'];

/** A run-in written in a series: `三是`, `第三，`, `其次，`. */
function enumeratorText(series: Enumerator['series'], value: number): string {
  if (series === 'shi') return `${toChineseNumeral(value)}是`;
  if (series === 'di') return `第${toChineseNumeral(value)}，`;
  return (ORDINAL_WORDS[value - 1] ?? '最后') + '，';
}

const FULL_WIDTH_DIGIT = /[０-９]/;

class NumberingCheck {
  private readonly out: Finding[] = [];
  private readonly style: DocumentStyle;
  /** Nodes inside a sequence reported as mis-nested: their own children are not judged. */
  private readonly suppressed = new Set<OutlineNode>();
  /** Per level, the last value of the previous sequence counting at that level in this document. */
  private lastByLevel = new Map<number, number>();
  /** Markers of a sequence written a level off: the levelSkipped fix writes them whole in this family. */
  private readonly levelFamily = new Map<OutlineNode, MarkerFamily>();
  /**
   * The value a sequence fault's fix gives a marker that some fix rewrites whole: every fix that
   * touches such a marker writes the same text there.
   */
  private readonly fixedValue = new Map<Marker, number>();
  /** Markers whose punctuation the numbering.style finding of their sequence covers. */
  private readonly styled = new Set<OutlineNode>();

  constructor(private readonly model: OutlineModel, private readonly settings: Pick<WorkplanSettings, 'markerWidth' | 'allowLevelSkip'>) {
    this.style = readStyle(model, settings.markerWidth);
  }

  run(): Finding[] {
    let lastRoot: number | undefined;
    for (const segment of rootSegments(this.model)) {
      this.lastByLevel = new Map();
      this.container(undefined, segment, lastRoot);
      lastRoot = lastTopLevel(segment)?.marker!.value;
    }
    for (const node of this.model.nodes) {
      if (node.marker) this.marker(node, node.marker);
      if (node.enumerator) this.enumeratorPunctuation(node.enumerator);
    }
    return this.out;
  }

  private add(f: Finding): void {
    this.out.push(f);
  }

  private container(parent: OutlineNode | undefined, children: OutlineNode[], continuesFrom?: number): void {
    // Most nodes are leaves (measures, run-ins): nothing to check and nothing to allocate for.
    if (!children.length || (parent && this.suppressed.has(parent))) return;
    const sequences = siblingSequences(children);
    /**
     * Sequences written a level off, reported once the numbers their fix writes are known; their own
     * items, before regroup merges them with the sequence of the level they belong at.
     */
    let offLevel: { items: Item[]; family: MarkerFamily }[] | undefined;
    for (const seq of sequences) {
      if (seq.kind !== 'heading') continue;
      if (seq.rank === 3.5) {
        seq.level = this.halfParenLevel(parent);
        continue;
      }
      const level = this.levelSkip(parent, seq.rank);
      if (level === undefined) {
        this.sequenceStyle(seq.items);
        continue;
      }
      seq.level = level;
      const family = FAMILY_OF_LEVEL[level];
      for (const it of seq.items) this.levelFamily.set(it.node, family);
      (offLevel ??= []).push({ items: seq.items, family });
    }
    if (parent) this.nesting(children, sequences);
    /** Run-ins among the children, counted when a list is first asked whether it stands alone. */
    let runIns = -1;
    for (const seq of regroup(sequences)) {
      const first = seq.items[0].value;
      // Roots may go on from a previous document in the same file; that is not a fault either.
      const start = continuesFrom !== undefined && first === continuesFrom + 1 ? continuesFrom : 0;
      const previous = seq.kind === 'heading' && parent ? this.lastByLevel.get(seq.level) : undefined;
      const faulty = this.sequence(seq.items, seq.kind, start, previous);
      if (seq.kind === 'heading') this.lastByLevel.set(seq.level, seq.items[seq.items.length - 1].value);
      else this.mixedSeries(seq.items);
      if (seq.kind === 'enumeration' && runIns < 0) runIns = children.filter((c) => c.kind === 'enumeration').length;
      const alone = seq.kind === 'heading' ? seq.items.length === 1 : runIns === 1;
      if (alone && first === 1 && !faulty) this.lone(seq.items[0]);
    }
    for (const { items, family } of offLevel ?? []) this.reportLevelSkip(parent!, items, family);
    for (const c of children) this.container(c, c.children);
  }

  /** A shallower marker after deeper siblings: it sits inside their section without being deeper. */
  private nesting(children: OutlineNode[], sequences: Sequence[]): void {
    let deepest = 0;
    let before: OutlineNode | undefined;
    /** The levels met so far, a bit each: levels are whole numbers from 1 to 5. */
    let seen = 0;
    for (const c of children) {
      if (c.kind !== 'heading' || !c.marker) continue;
      const r = levelOf(sequences, c.rank);
      if (r < deepest && !(seen & (1 << r))) this.reportNesting(c, before!);
      seen |= 1 << r;
      deepest = Math.max(deepest, r);
      before = c;
    }
  }

  private reportNesting(node: OutlineNode, enclosing: OutlineNode): void {
    const level = Math.floor(enclosing.rank) + 1;
    const family = FAMILY_OF_LEVEL[level];
    this.add({
      code: 'numbering.nesting', span: node.marker!.span, found: node.marker!.text, context: enclosing.marker!.text,
      expected: family ? canonicalMarker(family, 1, this.style.width) : '',
    });
  }

  /**
   * Checks one sibling sequence; returns whether it reported anything. `start` is the value before
   * the first item; `previous` the last value of the previous sequence of the same rank (for restart).
   */
  private sequence(items: Item[], kind: SequenceKind, start: number, previous: number | undefined): boolean {
    const faults: { index: number; code: DiagnosticCode; value: number }[] = [];
    /** Items of inner runs that belong a level down; rare, so made only when one is met. */
    let nested: Set<number> | undefined;
    // What a fault asks of the items around it, made when the first fault asks: a sequence in order
    // (nearly all) allocates nothing, and a long faulty one costs no more per item than a short one.
    let earlier: EarlierValues | undefined;
    let later: LaterValues | undefined;
    let prev = start;
    for (let i = 0; i < items.length;) {
      const v = items[i].value;
      const exp = prev + 1;
      if (v === exp) {
        prev = v;
        i++;
        continue;
      }
      if (kind === 'heading' && i > 0 && v === 1) {
        // `一、二、一、二、三、`: the inner run belongs one level down, and the outer sequence resumes.
        // A run read here and not taken as inner is read again as the sequence goes on, once.
        let k = i;
        while (k + 1 < items.length && items[k + 1].value !== exp && items[k + 1].value === items[k].value + 1) k++;
        if (k + 1 < items.length && items[k + 1].value === exp) {
          this.reportNesting(items[i].node, items[i - 1].node);
          nested ??= new Set();
          for (let j = i; j <= k; j++) {
            nested.add(j);
            this.suppressed.add(items[j].node);
          }
          i = k + 1;
          continue;
        }
      }
      const next = items[i + 1]?.value;
      // One wrong number among right ones: the followers keep counting from the expected value.
      const isolated = next !== undefined && next === exp + 1 && next !== v + 1;
      let resume = isolated ? exp : v;
      let skipTo = i + 1;
      let code: DiagnosticCode;
      if (i === 0 && previous !== undefined && v === previous + 1) {
        code = 'numbering.restart';
      } else if (v > exp) {
        // A number between the expected one and this one comes later: the numbers are out of order.
        const missingLater = (later ??= new LaterValues(items)).after(i, exp, v);
        code = !isolated && missingLater ? 'numbering.order' : 'numbering.skipped';
        if (code === 'numbering.order') {
          const k = permutedBlockEnd(items, i, exp);
          if (k >= 0) {
            resume = exp + k - i;
            skipTo = k + 1;
          }
        }
      } else {
        code = (earlier ??= new EarlierValues(items)).before(i, v) ? 'numbering.duplicate' : 'numbering.order';
      }
      faults.push({ index: i, code: kind === 'enumeration' ? 'enumeration.gap' : code, value: exp });
      prev = resume;
      i = skipTo;
    }
    for (let k = 0; k < faults.length; k++) {
      const f = faults[k];
      const it = items[f.index];
      // Up to the next fault of the sequence, which has its own fix: each fix mends one fault.
      const edits = this.renumberFrom(items, f.index, faults[k + 1]?.index ?? items.length, f.value, nested);
      const own = edits.filter((e) => e.start >= it.item.span.start && e.end <= it.item.span.end);
      this.add({
        code: f.code, span: it.item.span, found: it.item.text, expected: applyToItem(it.item, own),
        edits: edits.length ? edits : undefined, renumbers: edits.length > 1,
      });
    }
    return faults.length > 0 || nested !== undefined;
  }

  /**
   * Gives items `from` … `until`−1 consecutive values from `value`, passing over mis-nested runs. A
   * marker that another fix rewrites whole (`rewrittenAs`) is written whole here too, in the same form.
   */
  private renumberFrom(items: Item[], from: number, until: number, value: number, nested: Set<number> | undefined): OffsetEdit[] {
    const edits: OffsetEdit[] = [];
    for (let j = from; j < until; j++) {
      if (nested?.has(j)) continue;
      const { node, item } = items[j];
      const whole = 'family' in item ? this.rewrittenAs(node, item) : undefined;
      if (whole) {
        this.fixedValue.set(item as Marker, value);
        const text = canonicalMarker(whole, value++, this.style.width);
        if (text !== item.text) edits.push({ ...item.span, newText: text });
        continue;
      }
      const e = renumberEdit(item, value++, this.style.width);
      if (e) edits.push(e);
    }
    return edits;
  }

  /**
   * The family a marker's own fix writes it whole in, or undefined where its fixes touch only parts
   * of it: a sequence written a level off, a compatibility glyph, `1)`, `１．` in full-width digits.
   */
  private rewrittenAs(node: OutlineNode, m: Marker): MarkerFamily | undefined {
    const level = this.levelFamily.get(node);
    if (level) return level;
    if (m.compat) return m.family;
    // `1)` is no standard marker: it stands for the level below its parent.
    if (m.family === 'arabicHalfParen') return FAMILY_OF_LEVEL[this.halfParenLevel(node.parent)];
    // `１．` becomes `1.` whole: `１.` would mix the widths.
    if (m.punctuation !== CANONICAL_PUNCTUATION[m.family] && FULL_WIDTH_DIGIT.test(m.text)) return m.family;
    return undefined;
  }

  /**
   * `一、` → `1.` where the document elsewhere puts `（一）` under `一、`, or any jump of two levels
   * (`一、` → `（1）`). A plan that never uses `（一）` may go `一、` → `1.` throughout.
   */
  private levelSkip(parent: OutlineNode | undefined, rank: number): number | undefined {
    if (this.settings.allowLevelSkip || !parent?.marker || parent.kind !== 'heading') return undefined;
    const p = parent.rank;
    // The usual case, the next level down: nothing is skipped, and nothing need be gathered.
    if (Math.floor(p) + 1 >= rank) return undefined;
    const skipped = [1, 2, 3, 4, 5].filter((l) => l > p && l < rank);
    const usedElsewhere = [...(this.style.childRanks.get(p) ?? [])]
      .filter(([r, parents]) => Number.isInteger(r) && r > p && r < rank && (parents.several || parents.parent !== parent))
      .map(([r]) => r)
      .sort((a, b) => a - b);
    return usedElsewhere[0] ?? (skipped.length >= 2 ? skipped[0] : undefined);
  }

  /**
   * One finding for a sequence written a level off; its fix writes each marker in the level's form,
   * numbered as the sequence's own fixes number it.
   */
  private reportLevelSkip(parent: OutlineNode, items: Item[], family: MarkerFamily): void {
    const write = (it: Item) => canonicalMarker(family, this.fixedValue.get(it.item as Marker) ?? it.value, this.style.width);
    const first = items[0].item as Marker;
    this.add({
      code: 'numbering.levelSkipped', span: first.span, found: first.text, context: parent.marker!.text, expected: write(items[0]),
      edits: items.map((it) => ({ ...it.item.span, newText: write(it) })),
    });
  }

  /**
   * `1、 2、 3、` in one section where the document's other sections write `1.`: one finding for the
   * section, whose fix writes each of its markers the document's way. A sequence of one marker
   * cannot show a way of its own; it is judged as a single marker (`marker.punctuation`).
   */
  private sequenceStyle(items: Item[]): void {
    if (items.length < 2) return;
    const first = items[0].item as Marker;
    const canonical = CANONICAL_PUNCTUATION[first.family];
    const written = first.punctuation;
    if (written === canonical || this.style.punctuation.get(first.family) !== canonical) return;
    for (const { node, item } of items) {
      if ((item as Marker).punctuation !== written || this.rewrittenAs(node, item as Marker)) return;
    }
    const edits = items.map(({ item }) => ({ start: item.span.end - written.length, end: item.span.end, newText: canonical }));
    this.add({ code: 'numbering.style', span: first.span, found: first.text, expected: applyToItem(first, [edits[0]]), edits });
    for (const { node } of items) this.styled.add(node);
  }

  /** The level a `1)` stands for: the one its parent's level usually has below it, else the next. */
  private halfParenLevel(parent: OutlineNode | undefined): number {
    if (!parent?.marker) return 3;
    const p = parent.rank;
    const used = [...(this.style.childRanks.get(p) ?? new Map()).keys()].filter((r) => Number.isInteger(r) && r > p).sort((a, b) => a - b);
    return Math.min(used[0] ?? Math.floor(p) + 1, 5);
  }

  private lone(only: Item): void {
    const e = renumberEdit(only.item, 2, this.style.width);
    const second = 'series' in only.item ? enumeratorText(only.item.series, 2) : e ? applyToItem(only.item, [e]) : '';
    this.add({ code: 'numbering.lone', span: only.item.span, found: only.item.text, expected: second });
  }

  /** `首先……其次……第三`: one list written in two series. */
  private mixedSeries(items: Item[]): void {
    const series = (items[0].item as Enumerator).series;
    const odd = items.find((it) => (it.item as Enumerator).series !== series);
    if (!odd) return;
    this.add({ code: 'enumeration.mixed', span: odd.item.span, found: odd.item.text, expected: enumeratorText(series, odd.value), context: items[0].item.text });
  }

  private enumeratorPunctuation(e: Enumerator): void {
    // `一是` takes nothing after it; `第一` and `首先` take a comma (a half-width one is text.halfWidth's business).
    const wanted = e.series === 'shi' ? '' : '，';
    if (e.punctuation === wanted || (wanted && e.punctuation === ',')) return;
    const edit = { start: e.span.end - e.punctuation.length, end: e.span.end, newText: wanted };
    this.add({ code: 'enumeration.punctuation', span: e.span, found: e.text, expected: applyToItem(e, [edit]), edits: [edit] });
  }

  /** Glyph, brackets and punctuation of one marker. */
  private marker(node: OutlineNode, m: Marker): void {
    // A sequence written a level off: its levelSkipped fix writes the marker whole.
    if (this.levelFamily.has(node)) return;
    const width = this.style.width;
    const whole = this.rewrittenAs(node, m);
    if (whole) {
      const expected = canonicalMarker(whole, this.fixedValue.get(m) ?? m.value, width);
      this.add({ code: m.compat ? 'marker.compatChar' : 'marker.punctuation', span: m.span, found: m.text, expected, edits: [{ ...m.span, newText: expected }] });
      return;
    }
    if (m.open && m.close) this.brackets(m, width);
    const canonical = CANONICAL_PUNCTUATION[m.family];
    if (m.punctuation !== canonical && !this.styled.has(node)) {
      const edit = { start: m.span.end - m.punctuation.length, end: m.span.end, newText: canonical };
      this.add({ code: 'marker.punctuation', span: m.span, found: m.text, expected: applyToItem(m, [edit]), edits: [edit] });
    }
  }

  private brackets(m: Marker, width: Width): void {
    const openAt = m.span.start + m.text.indexOf(m.open);
    const closeAt = m.span.start + m.text.lastIndexOf(m.close);
    const edits: OffsetEdit[] = [];
    if (bracketWidth(m.open) !== width) edits.push({ start: openAt, end: openAt + 1, newText: openBracket(width) });
    if (bracketWidth(m.close) !== width) edits.push({ start: closeAt, end: closeAt + 1, newText: closeBracket(width) });
    if (!edits.length) return;
    const code: DiagnosticCode = bracketWidth(m.open) !== bracketWidth(m.close) ? 'marker.bracket' : 'marker.width';
    this.add({ code, span: m.span, found: m.text, expected: applyToItem(m, edits), edits });
  }
}

/** The level of the heading sequence of marker rank `rank`. */
function levelOf(sequences: Sequence[], rank: number): number {
  let k = 0;
  while (sequences[k].kind !== 'heading' || sequences[k].rank !== rank) k++;
  return sequences[k].level;
}

/**
 * Heading sequences merged by the level they count at, in document order, then the run-ins (which
 * siblingSequences puts last). The first sequence of a level takes the items of the others.
 */
function regroup(sequences: Sequence[]): Sequence[] {
  // Usually one sequence per level, already in document order: merged (and sorted) only when two meet.
  if (!sharesLevel(sequences)) return sequences;
  const out: Sequence[] = [];
  for (const seq of sequences) {
    let k = 0;
    while (k < out.length && !(seq.kind === 'heading' && out[k].kind === 'heading' && out[k].level === seq.level)) k++;
    if (k < out.length) out[k].items = [...out[k].items, ...seq.items].sort((a, b) => a.node.span.start - b.node.span.start);
    else out.push(seq);
  }
  return out;
}

/** Whether two heading sequences count at the same level (a whole number from 1 to 5, so a bit each). */
function sharesLevel(sequences: Sequence[]): boolean {
  let seen = 0;
  for (const seq of sequences) {
    if (seq.kind !== 'heading') continue;
    if (seen & (1 << seq.level)) return true;
    seen |= 1 << seq.level;
  }
  return false;
}

/** The last top-level numbered heading (`一、`) among a segment's roots. */
export function lastTopLevel(roots: OutlineNode[]): OutlineNode | undefined {
  for (let k = roots.length - 1; k >= 0; k--) {
    const n = roots[k];
    if (n.kind === 'heading' && n.marker && n.rank === 1) return n;
  }
  return undefined;
}

/**
 * Swapped numbers (`（三）（二）`, `4. 2. 3.`) span a few items. A block is looked for no further than
 * this: a long sequence of faults would otherwise be read again from each of them, quadratic in its length.
 */
const PERMUTED_BLOCK_LIMIT = 64;

/** The smallest k ≥ i+1 such that items i..k hold exactly the values exp…exp+k−i, or −1. */
function permutedBlockEnd(items: Item[], i: number, exp: number): number {
  const seen = new Set<number>();
  let max = 0;
  const end = Math.min(items.length, i + PERMUTED_BLOCK_LIMIT);
  for (let k = i; k < end; k++) {
    const v = items[k].value;
    if (v < exp || seen.has(v)) return -1;
    seen.add(v);
    max = Math.max(max, v);
    if (k > i && max === exp + k - i) return k;
  }
  return -1;
}

/** Whether a value occurs before an item: the values of the items passed so far, gathered as the sequence goes on. */
class EarlierValues {
  private readonly seen = new Set<number>();
  private gathered = 0;

  constructor(private readonly items: Item[]) {}

  /** Whether an item before index `i` has value `v`; `i` never decreases from one call to the next. */
  before(i: number, v: number): boolean {
    for (; this.gathered < i; this.gathered++) this.seen.add(this.items[this.gathered].value);
    return this.seen.has(v);
  }
}

/**
 * Whether a value in a range occurs after an item: the values in order, each with the last index it
 * occurs at, and a segment tree of the greatest such index over any run of values.
 */
class LaterValues {
  private readonly values: number[];
  private readonly tree: Int32Array;

  constructor(items: Item[]) {
    const last = new Map<number, number>();
    items.forEach((it, i) => last.set(it.value, i));
    this.values = [...last.keys()].sort((a, b) => a - b);
    const n = this.values.length;
    this.tree = new Int32Array(2 * n);
    this.values.forEach((v, k) => (this.tree[n + k] = last.get(v)!));
    for (let k = n - 1; k > 0; k--) this.tree[k] = Math.max(this.tree[2 * k], this.tree[2 * k + 1]);
  }

  /** Whether an item after index `i` has a value in `[lo, hi)`. */
  after(i: number, lo: number, hi: number): boolean {
    const n = this.values.length;
    let l = lowerBound(this.values, lo) + n;
    let r = lowerBound(this.values, hi) + n;
    let max = -1;
    for (; l < r; l >>= 1, r >>= 1) {
      if (l & 1) max = Math.max(max, this.tree[l++]);
      if (r & 1) max = Math.max(max, this.tree[--r]);
    }
    return max > i;
  }
}

/** The first index of sorted `xs` whose value is at least `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readStyle(model: OutlineModel, setting: WorkplanSettings['markerWidth']): DocumentStyle {
  const counts = new Map<MarkerFamily, Map<string, number>>();
  const childRanks: DocumentStyle['childRanks'] = new Map();
  for (const n of model.nodes) {
    const m = n.marker;
    if (!m) continue;
    const parent = n.parent;
    if (parent?.marker) {
      let byRank = childRanks.get(parent.rank);
      if (!byRank) childRanks.set(parent.rank, (byRank = new Map()));
      const seen = byRank.get(n.rank);
      if (!seen) byRank.set(n.rank, { parent, several: false });
      else if (seen.parent !== parent) seen.several = true;
    }
    if (m.compat) continue;
    let c = counts.get(m.family);
    if (!c) counts.set(m.family, (c = new Map()));
    c.set(m.punctuation, (c.get(m.punctuation) ?? 0) + 1);
  }
  const punctuation: DocumentStyle['punctuation'] = new Map();
  for (const [family, c] of counts) {
    const canonical = CANONICAL_PUNCTUATION[family];
    // On a tie the standard form wins.
    const majority = [...c].sort((a, b) => b[1] - a[1] || Number(b[0] === canonical) - Number(a[0] === canonical))[0][0];
    punctuation.set(family, majority);
  }
  // Asked for only by a finding or a bracketed marker: a tie, which most plans without brackets in
  // their markers have (none either way), then costs no reading of the text.
  let width: Width | undefined;
  return {
    get width() {
      return (width ??= documentWidth(model, setting));
    },
    punctuation,
    childRanks,
  };
}
