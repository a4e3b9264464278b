// Pass 3, tree: one loop over the candidates with a stack of open sections. A heading at a line's
// start is always a heading; one found inside a paragraph only where it goes on with the outline.
// Run-ins and measures are judged per section, on the evidence of their siblings, and hang under
// the innermost section. No recursion: neither depth nor the number of headings on a line grows the stack.
import { Enumerator, LineRole, Marker, NodeKind, OutlineNode, ParseProblem, Span } from '../model';
import { isWhiteSpaceCode } from '../text/chars';
import { CandidateKind, Candidates, cleanInline, Flag, Inline, LineEvent, Place } from './inline';
import { LineKind, Lines, Structure } from './lines';
import { FAMILY_RANK } from './markers';
import { MEASURE_ALIKE_SPREAD, MEASURE_MAX_MID } from './thresholds';

export interface Tree {
  roots: OutlineNode[];
  nodes: OutlineNode[];
  documentStarts: number[];
  problems: ParseProblem[];
  backMatter?: Span;
  signature?: Span;
}

/** A section open in the skeleton loop: a heading, an unnumbered heading, a part or a label. */
interface Open {
  rank: number;
  marker?: Marker;
  /** Its run-in and measure candidates (indices into `Candidates`), each in document order. */
  runIns: number[];
  measures: number[];
  /** Where its own body starts: run-ins and measures right there open the section. */
  bodyFrom: number;
}

/** Most sections hold no run-in or measure: they share this empty list until they get one of their own. */
const NO_CANDIDATES: number[] = [];

function open(rank: number, bodyFrom: number, marker?: Marker): Open {
  return { rank, marker, runIns: NO_CANDIDATES, measures: NO_CANDIDATES, bodyFrom };
}

const ENDS_ALL = new Set<LineEvent['structure']>([Structure.Closing, Structure.Signature, Structure.DocumentTitle]);

export function buildTree(l: Lines, inline: Inline): Tree {
  return new TreeBuilder(l, inline).run();
}

class TreeBuilder {
  private readonly text: string;
  private readonly documentStarts: number[];
  /** Sections with their leaf candidates, for the measures' evidence. */
  private readonly sections: Open[] = [];
  /** The structural lines the skeleton acted on, in order. */
  private readonly events: LineEvent[] = [];
  /** Every candidate, in document order. */
  private readonly cs: Candidates;
  /** The last top-level heading's marker: a root found inline must go on from it. */
  private lastRoot?: Marker;
  /** Scratch lists and the one `Alike` for judging each section's measures. */
  private readonly pool = new Picks();
  private readonly alike: Alike;

  constructor(private readonly l: Lines, private readonly inline: Inline) {
    this.text = l.text;
    this.cs = inline.candidates;
    this.alike = new Alike(this.cs);
    this.documentStarts = [...l.documentStarts];
  }

  run(): Tree {
    this.skeleton();
    for (const s of this.sections) this.runIns(s);
    if (this.top) this.runIns(this.top);
    let styled = false;
    for (const s of this.sections) if (this.measures(s) >= 2) styled = true;
    // A lone measure that opens its section counts where the document writes measures elsewhere.
    if (styled) for (const s of this.sections) this.loneOpener(s);
    return this.assemble();
  }

  /** The loop over headings and structural lines: which headings go on with the outline, and which section each leaf is in. */
  private skeleton(): void {
    const stack: Open[] = [];
    const cs = this.cs;
    const events = this.inline.events;
    let back = false;
    let afterSignature = false;
    let e = 0;
    for (let c = 0; c <= cs.count; c++) {
      const at = c < cs.count ? cs.start(c) : Infinity;
      for (; e < events.length && this.l.lines.contentStart(events[e].line) <= at; e++) {
        const ev = events[e];
        if (ev.structure === 'continued') {
          // `(上接1版)`: an article continues here from another page; its sections stay open.
          this.documentStarts.push(this.l.lines.contentStart(ev.line));
          continue;
        }
        if (ev.structure === Structure.Closing) back = true;
        if (ev.structure === Structure.Signature) {
          back = afterSignature = true;
        }
        if (ev.structure === Structure.DocumentTitle) {
          this.documentStarts.push(this.l.lines.contentStart(ev.line));
          back = afterSignature = false;
        }
        stack.length = 0;
        this.events.push(ev);
        if (!ENDS_ALL.has(ev.structure)) {
          back = false;
          const section = open(0, this.l.lines.end(ev.last));
          this.sections.push(section);
          stack.push(section);
        }
      }
      if (c === cs.count) break;
      const kind = cs.kind(c);
      if (kind !== CandidateKind.Heading) {
        if (back) continue;
        const s = stack.length ? stack[stack.length - 1] : this.topLevel();
        if (kind === CandidateKind.RunIn) (s.runIns === NO_CANDIDATES ? (s.runIns = []) : s.runIns).push(c);
        else (s.measures === NO_CANDIDATES ? (s.measures = []) : s.measures).push(c);
        continue;
      }
      const marker = cs.marker(c)!;
      const lineStart = cs.place(c) === Place.LineStart;
      if (!lineStart && (back || !this.continuesOutline(marker, stack))) continue;
      const rank = FAMILY_RANK[marker.family];
      while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
      if (afterSignature && marker.value === 1) this.documentStarts.push(cs.sectionStart(c));
      back = afterSignature = false;
      cs.accept(c);
      const section = open(rank, cs.bodyFrom(c), marker);
      this.sections.push(section);
      stack.push(section);
      if (isOnlyHeading(stack)) this.lastRoot = marker;
    }
  }

  private top?: Open;

  /** Run-ins before any section: they hang at the top level (measures need a section). */
  private topLevel(): Open {
    return (this.top ??= open(-1, 0));
  }

  /** A marker found inside a paragraph continues the outline: the next sibling of an open heading, or the first child of the innermost. */
  private continuesOutline(m: Marker, stack: Open[]): boolean {
    const rank = FAMILY_RANK[m.family];
    for (let k = stack.length - 1; k >= 0; k--) {
      const n = stack[k];
      // Unnumbered sections are passed over; a deeper heading would be closed by `m`.
      if (!n.marker || n.rank > rank) continue;
      return n.rank < rank ? m.value === 1 : n.marker.family === m.family && m.value === n.marker.value + 1;
    }
    const last = this.lastRoot;
    return m.value === 1 || (!!last && last.family === m.family && m.value === last.value + 1);
  }

  /**
   * The run-ins of a section: at a paragraph's start always; inside a paragraph the first of a list
   * only when the list goes on (`二是` follows), the others where they go on from the list before them.
   */
  private runIns(s: Open): void {
    const leaves = s.runIns;
    if (!leaves.length) return;
    const cs = this.cs;
    // Whether a second item of each series follows each position: one pass from the end.
    const secondAfter: boolean[] = new Array(leaves.length);
    const seen = new Set<Enumerator['series']>();
    for (let k = leaves.length - 1; k >= 0; k--) {
      const e = cs.enumerator(leaves[k])!;
      secondAfter[k] = seen.has(e.series);
      if (e.value === 2) seen.add(e.series);
    }
    let series: Enumerator['series'] | undefined;
    let last = 0;
    for (let k = 0; k < leaves.length; k++) {
      const c = leaves[k];
      const e = cs.enumerator(c)!;
      const place = cs.place(c);
      // At a paragraph's start, or right after a heading's title, a run-in opens a list even alone (an excerpt may cut the rest).
      let ok = place === Place.LineStart || (place === Place.AfterTitle && e.value === 1);
      if (!ok && e.value === 1) {
        ok = secondAfter[k];
      } else if (!ok) {
        ok = series === e.series && e.value > last && e.value <= last + 3;
      }
      if (!ok) continue;
      cs.accept(c);
      series = e.series;
      last = e.value;
    }
  }

  /** How many of a section's measure candidates come before its first accepted run-in (after it, short sentences are the run-ins' body). */
  private measureCount(s: Open): number {
    const cs = this.cs;
    let k = 0;
    while (k < s.runIns.length && !cs.accepted(s.runIns[k])) k++;
    if (k === s.runIns.length) return s.measures.length;
    // Candidates are in document order: those before the run-in are the first few.
    const until = cs.start(s.runIns[k]);
    let n = 0;
    while (n < s.measures.length && cs.start(s.measures[n]) < until) n++;
    return n;
  }

  /**
   * The measures of a section, on evidence: bold, alone on a line, or written like siblings of the
   * same section (two or more paragraphs or a title's run-on open so, alike in length or wording).
   * Mid-paragraph ones only after an accepted one. Returns how many were accepted.
   */
  private measures(s: Open): number {
    if (!s.measures.length || s.rank < 0) return 0;
    const n = this.measureCount(s);
    if (!n) return 0;
    const cs = this.cs;
    const leaves = s.measures;
    // Every section is judged in the same few arrays: lists made per section were a sixth of what a large plan allocated.
    const pool = this.pool.clear();
    for (let k = 0; k < n; k++) {
      const c = leaves[k];
      if (cs.has(c, Flag.Bold) || (cs.place(c) === Place.OwnLine && cs.has(c, Flag.Plain))) cs.accept(c);
    }
    // The plain openers first, then the measures accepted explicitly.
    for (let k = 0; k < n; k++) if (isOpener(cs, leaves[k]) && cs.has(leaves[k], Flag.Plain)) pool.add(leaves[k]);
    const plain = pool.count;
    const first = plain ? pool.items[0] : -1;
    for (let k = 0; k < n; k++) if (cs.accepted(leaves[k])) pool.add(leaves[k]);
    if (pool.count >= 2) {
      const alike = this.alike.of(pool.items, pool.count);
      for (let k = 0; k < plain; k++) if (alike.hasOther(pool.items[k])) cs.accept(pool.items[k]);
    }
    // Parallel openers (`要坚持…不停步，切实做到…` / `要坚持…不懈怠，切实做到…`): longer, two clauses, sharing their first words.
    pool.clear();
    for (let k = 0; k < n; k++) {
      const c = leaves[k];
      if (!cs.has(c, Flag.Plain) && !cs.has(c, Flag.Bold) && cs.place(c) === Place.LineStart && cs.has(c, Flag.HasBody) && cs.commas(c) === 1) pool.add(c);
    }
    if (pool.count >= 2) {
      const alike = this.alike.of(pool.items, pool.count, true);
      for (let k = 0; k < pool.count; k++) if (alike.hasOther(pool.items[k])) cs.accept(pool.items[k]);
    }
    // A lone opener that starts the section, followed by mid-paragraph measures like it.
    if (!anyAccepted(cs, leaves, n) && plain === 1 && this.opensSection(first, s)) {
      pool.clear().add(first);
      const like = this.alike.of(pool.items, 1);
      for (let k = 0; k < n; k++) {
        const m = leaves[k];
        if (isMid(cs, m) && cs.start(m) > cs.start(first) && like.hasOther(m)) {
          cs.accept(first);
          break;
        }
      }
    }
    return this.mids(leaves, n);
  }

  /** A section without measures whose one plain opener starts it, in a document that writes measures. */
  private loneOpener(s: Open): void {
    if (!s.measures.length || s.rank < 0) return;
    const n = this.measureCount(s);
    const cs = this.cs;
    const leaves = s.measures;
    if (!n || anyAccepted(cs, leaves, n)) return;
    let plain = 0;
    let first = -1;
    for (let k = 0; k < n; k++) {
      if (!isOpener(cs, leaves[k]) || !cs.has(leaves[k], Flag.Plain)) continue;
      if (!plain++) first = leaves[k];
    }
    if (plain !== 1 || !this.opensSection(first, s)) return;
    cs.accept(first);
    this.mids(leaves, n);
  }

  /**
   * Mid-paragraph measures once the section writes them (`…实现异地招商精准发力。强化产业链招商。依托…`), among
   * the first `n` of `leaves`; returns how many measures the section has.
   */
  private mids(leaves: number[], n: number): number {
    const cs = this.cs;
    const accepted = this.pool.clear();
    for (let k = 0; k < n; k++) if (cs.accepted(leaves[k])) accepted.add(leaves[k]);
    if (!accepted.count) return 0;
    const model = this.alike.of(accepted.items, accepted.count);
    let seen = false;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const c = leaves[k];
      if (cs.accepted(c)) seen = true;
      else if (seen && isMid(cs, c) && model.hasOther(c)) cs.accept(c);
      if (cs.accepted(c)) count++;
    }
    return count;
  }

  /** Whether candidate `c` is the first thing in section `s`'s own body: nothing but white space between the title and it. */
  private opensSection(c: number, s: Open): boolean {
    if (this.cs.place(c) === Place.AfterTitle) return true;
    for (let i = s.bodyFrom, end = this.cs.sectionStart(c); i < end; i++) if (!isWhiteSpaceCode(this.text.charCodeAt(i)) && this.text.charCodeAt(i) !== 0x2a) return false;
    return true;
  }

  // ---- nodes -----------------------------------------------------------------------------------

  /** The outline from the accepted items: nodes, their parents and children, bodies and spans. */
  private assemble(): Tree {
    const l = this.l;
    const roots: OutlineNode[] = [];
    /** The line of a closing appeal not yet followed by a node: its lines run to the next one. */
    let closingFrom = -1;
    const endClosing = (until: number) => {
      for (let j = closingFrom; closingFrom >= 0 && j < l.count && l.lines.start(j) < until; j++) if (l.roles[j] === LineRole.Body) l.roles[j] = LineRole.Closing;
      closingFrom = -1;
    };
    const nodes: OutlineNode[] = [];
    const stack: OutlineNode[] = [];
    const bodies = new Gathered<Span>();
    const kids = new Gathered<OutlineNode>();
    const problems: ParseProblem[] = [];
    let backMatter: Span | undefined;
    let signature: Span | undefined;
    // Where the text that belongs to the innermost open node starts, and whether a node holds it.
    let bodyFrom = 0;
    let bodyLine = l.firstBodyLine;
    const addBody = (until: number) => {
      const owned = stack.length > 0;
      for (; bodyLine < l.count && l.lines.start(bodyLine) < until; bodyLine++) {
        const a = Math.max(l.lines.contentStart(bodyLine), bodyFrom);
        const b = Math.min(l.lines.contentEnd(bodyLine), until);
        if (owned && a < b && isProse(l, bodyLine)) bodies.add({ start: a, end: b });
        if (l.lines.end(bodyLine) > until) break;
      }
    };
    const push = (node: OutlineNode) => {
      const d = stack.length;
      node.parent = d ? stack[d - 1] : undefined;
      node.depth = d + 1;
      if (d) kids.add(node);
      else roots.push(node);
      nodes.push(node);
      stack.push(node);
      bodies.open(d);
      kids.open(d);
    };
    /** The innermost open node closes: its body and children are complete, and its span covers them. */
    const pop = () => {
      const d = stack.length - 1;
      const n = stack.pop()!;
      n.bodySpans = bodies.close(d);
      n.children = kids.close(d);
      for (const b of n.bodySpans) if (b.end > n.span.end) n.span.end = b.end;
      if (n.children.length && n.children[n.children.length - 1].span.end > n.span.end) n.span.end = n.children[n.children.length - 1].span.end;
    };
    const top = () => stack[stack.length - 1];
    const events = this.events;
    const cs = this.cs;
    let e = 0;
    for (let c = 0; c <= cs.count; c++) {
      if (c < cs.count && !cs.accepted(c)) continue;
      const at = c < cs.count ? cs.sectionStart(c) : Infinity;
      // The structural lines before this candidate, each closing what is open.
      for (; e < events.length && l.lines.contentStart(events[e].line) <= at; e++) {
        const ev = events[e];
        const span = { start: l.lines.contentStart(ev.line), end: l.lines.contentEnd(ev.last) };
        addBody(span.start);
        endClosing(span.start);
        while (stack.length) pop();
        if (ENDS_ALL.has(ev.structure)) {
          if (ev.structure === Structure.DocumentTitle) l.roles[ev.line] = LineRole.Title;
          else {
            backMatter ??= span;
            if (ev.structure === Structure.Signature) signature = { start: span.start, end: this.signatureEnd(ev.line) };
            else closingFrom = ev.line;
          }
          bodyFrom = Infinity;
          continue;
        }
        backMatter = signature = undefined;
        push(this.sectionNode(ev, span));
        bodyFrom = span.end;
      }
      if (c === cs.count) break;
      addBody(at);
      endClosing(at);
      backMatter = signature = undefined;
      if (cs.kind(c) === CandidateKind.Heading) {
        const rank = FAMILY_RANK[cs.marker(c)!.family];
        while (stack.length && (isLeaf(top()) || top().rank >= rank)) pop();
        const problem = cs.problem(c);
        const line = cs.line(c);
        if (problem) problems.push(problem);
        if (cs.place(c) === Place.LineStart) l.roles[line] = LineRole.Heading;
        // A split heading's title line is the heading's too.
        if (problem?.code === 'heading.split') for (let j = line; j < l.count && l.lines.start(j) <= cs.titleStart(c); j++) if (l.kinds[j] !== LineKind.Blank) l.roles[j] = LineRole.Heading;
      } else {
        while (stack.length && isLeaf(top())) pop();
      }
      push(nodeOf(cs, c, this.text));
      bodyFrom = cs.bodyFrom(c);
    }
    addBody(this.text.length + 1);
    endClosing(Infinity);
    while (stack.length) pop();
    if (backMatter) backMatter.end = lastContentEnd(l, backMatter.start);
    problems.sort((a, b) => a.span.start - b.span.start);
    return { roots, nodes, documentStarts: [...new Set(this.documentStarts)].sort((a, b) => a - b), problems, backMatter, signature };
  }

  private sectionNode(ev: LineEvent, span: Span): OutlineNode {
    const l = this.l;
    const parts: string[] = [];
    for (let j = ev.line; j <= ev.last; j++) {
      if (l.kinds[j] !== LineKind.Text) continue;
      parts.push(l.cleanTitle(l.lineText(j)));
      l.roles[j] = LineRole.Heading;
    }
    const title = { start: l.bodyStarts[ev.line], end: span.end };
    return new ModelNode('unnumbered', 0, parts.join('——'), title, title, { ...span }, ev.line);
  }

  private signatureEnd(line: number): number {
    const l = this.l;
    let end = l.lines.contentEnd(line);
    for (let j = line + 1; j < l.count && (l.structure[j] === Structure.Signature || l.kinds[j] === LineKind.Blank); j++) if (l.kinds[j] !== LineKind.Blank) end = l.lines.contentEnd(j);
    return end;
  }

}

const NONE: never[] = [];

/**
 * What the open nodes gather (body spans, children), each node's in a stretch of one array after its
 * parent's: items go to the innermost open node only. A node gets an array of its own when it closes,
 * exactly as long as needed (an array grown by `push` keeps room for 16 more, which most never use).
 */
class Gathered<T> {
  private readonly items: T[] = [];
  private count = 0;
  /** Where the items of the node open at each depth start. */
  private readonly starts: number[] = [];

  /** A node opens at depth `d` (0 for the outermost). */
  open(d: number): void {
    this.starts[d] = this.count;
  }

  add(item: T): void {
    this.items[this.count++] = item;
  }

  /** The innermost open node, at depth `d`, closes: its items (most nodes have none, and share one empty array). */
  close(d: number): T[] {
    const from = this.starts[d];
    const items = from === this.count ? NONE : this.items.slice(from, this.count);
    this.count = from;
    return items;
  }
}

/** A measure candidate at the start of its paragraph or right after its heading's title, with a longer sentence after it. */
function isOpener(cs: Candidates, c: number): boolean {
  const place = cs.place(c);
  return (place === Place.LineStart || place === Place.AfterTitle) && cs.has(c, Flag.FollowedByLonger) && !cs.has(c, Flag.Bold);
}

/** A measure candidate in the middle of a paragraph: short, no comma, a longer sentence after it. */
function isMid(cs: Candidates, c: number): boolean {
  return cs.place(c) === Place.AfterStop && cs.has(c, Flag.FollowedByLonger) && cs.length(c) <= MEASURE_MAX_MID && cs.commas(c) === 0;
}

/** Whether the section on top of `stack` is the only numbered heading open (unnumbered ones and parts aside). */
function isOnlyHeading(stack: Open[]): boolean {
  for (let k = 0; k < stack.length - 1; k++) if (stack[k].rank > 0) return false;
  return true;
}

function isLeaf(n: OutlineNode): boolean {
  return n.kind === 'measure' || n.kind === 'enumeration';
}

/** Whether a body line is the plan's prose: not front matter, a title, a signature or page residue. */
function isProse(l: Lines, line: number): boolean {
  const r = l.roles[line];
  return r === LineRole.Body || r === LineRole.Heading || r === LineRole.Table || r === LineRole.Headline;
}

function lastContentEnd(l: Lines, from: number): number {
  for (let j = l.count - 1; j >= 0 && l.lines.end(j) >= from; j--) if (l.kinds[j] !== LineKind.Blank) return l.lines.contentEnd(j);
  return from;
}

/**
 * A set of measure candidates asked whether another member is written like a given one: a length
 * within MEASURE_ALIKE_SPREAD, or the same first words (only the words when `byPrefixOnly`). A few
 * members are compared one by one; many are counted by length and by prefix, so that a section of
 * thousands of candidates is answered in one pass. One is made per tree and set to each section's
 * members in turn (`of`): the members are copied, as the caller's list is reused.
 */
class Alike {
  private readonly members: number[] = [];
  private count = 0;
  private byPrefixOnly = false;
  /** Counted only for more than ALIKE_FEW members: members by length, by prefix, and whether a candidate is one. */
  private counted = false;
  private readonly byLength: number[] = [];
  private readonly byPrefix = new Map<number, number>();

  constructor(private readonly cs: Candidates) {}

  /** The set of `items[0..count)`. */
  of(items: number[], count: number, byPrefixOnly = false): this {
    const cs = this.cs;
    if (this.counted) {
      for (let k = 0; k < this.count; k++) {
        this.byLength[cs.length(this.members[k])] = 0;
        cs.unset(this.members[k], Flag.Member);
      }
      this.byPrefix.clear();
    }
    for (let k = 0; k < count; k++) this.members[k] = items[k];
    this.count = count;
    this.byPrefixOnly = byPrefixOnly;
    this.counted = count > ALIKE_FEW;
    if (!this.counted) return this;
    for (let k = 0; k < count; k++) {
      const c = items[k];
      const length = cs.length(c);
      this.byLength[length] = (this.byLength[length] ?? 0) + 1;
      const p = cs.prefix(c);
      if (p) this.byPrefix.set(p, (this.byPrefix.get(p) ?? 0) + 1);
      cs.set(c, Flag.Member);
    }
    return this;
  }

  /** Whether a member other than `c` is written like it (`c` itself may or may not be a member). */
  hasOther(c: number): boolean {
    if (!this.counted) {
      for (let k = 0; k < this.count; k++) if (this.members[k] !== c && this.like(c, this.members[k])) return true;
      return false;
    }
    const self = this.cs.has(c, Flag.Member) ? 1 : 0;
    const p = this.cs.prefix(c);
    if (p && (this.byPrefix.get(p) ?? 0) > self) return true;
    if (this.byPrefixOnly) return false;
    let n = 0;
    const length = this.cs.length(c);
    for (let len = length - MEASURE_ALIKE_SPREAD; len <= length + MEASURE_ALIKE_SPREAD; len++) n += this.byLength[len] ?? 0;
    return n > self;
  }

  private like(a: number, b: number): boolean {
    const p = this.cs.prefix(a);
    return (!!p && p === this.cs.prefix(b)) || (!this.byPrefixOnly && Math.abs(this.cs.length(a) - this.cs.length(b)) <= MEASURE_ALIKE_SPREAD);
  }
}

/** Candidate indices gathered in an array that keeps its room from one use to the next. */
class Picks {
  readonly items: number[] = [];
  count = 0;

  clear(): this {
    this.count = 0;
    return this;
  }

  add(c: number): void {
    this.items[this.count++] = c;
  }
}

/** Whether any of the first `n` of `leaves` is accepted. */
function anyAccepted(cs: Candidates, leaves: number[], n: number): boolean {
  for (let k = 0; k < n; k++) if (cs.accepted(leaves[k])) return true;
  return false;
}

/** Up to this many members an `Alike` compares one by one. */
const ALIKE_FEW = 8;

function nodeOf(cs: Candidates, c: number, text: string): OutlineNode {
  const titleStart = cs.titleStart(c);
  const titleEnd = cs.titleEnd(c);
  // A heading's or measure's title is read only now that it is accepted.
  const title = cs.title(c) || cleanInline(text.slice(titleStart, titleEnd));
  const span = { start: cs.sectionStart(c), end: cs.end(c) };
  switch (cs.kind(c)) {
    case CandidateKind.Heading: {
      const marker = cs.marker(c)!;
      return new ModelNode('heading', FAMILY_RANK[marker.family], title, { start: titleStart, end: titleEnd }, { start: cs.start(c), end: titleEnd }, span, cs.line(c), marker);
    }
    case CandidateKind.RunIn:
      return new ModelNode('enumeration', 0, title, { start: titleStart, end: titleEnd }, { start: cs.start(c), end: titleEnd }, span, cs.line(c), undefined, cs.enumerator(c));
    default: {
      // A measure's heading is its title: one span for both, as nothing changes either.
      const titleSpan = { start: titleStart, end: titleEnd };
      return new ModelNode('measure', 0, title, titleSpan, titleSpan, span, cs.line(c));
    }
  }
}

/**
 * Every field is there from the start, in the order JSON shows them (`undefined` ones are left out):
 * a field added later would give the kinds of nodes different shapes. A class, not an object literal:
 * V8 makes a literal's objects in the old generation once a young collection finds all its recent ones
 * alive, as it finds a parse's nodes (made in one burst at the end); nodes born old then keep their
 * young titles, spans and arrays through young collections until a full one. A model dropped soon
 * after (the corpus worker's, the benchmark's) paid for that: 10 MB parses took 1.08–1.19 times as long
 * under node's default flags (docs/performance.md, tenth round).
 */
class ModelNode implements OutlineNode {
  kind: NodeKind;
  depth = 0;
  rank: number;
  title: string;
  titleSpan: Span;
  headingSpan: Span;
  span: Span;
  bodySpans: Span[] = NONE;
  line: number;
  children: OutlineNode[] = NONE;
  marker?: Marker;
  enumerator?: Enumerator;
  parent?: OutlineNode = undefined;

  constructor(kind: NodeKind, rank: number, title: string, titleSpan: Span, headingSpan: Span, span: Span, line: number, marker?: Marker, enumerator?: Enumerator) {
    this.kind = kind;
    this.rank = rank;
    this.title = title;
    this.titleSpan = titleSpan;
    this.headingSpan = headingSpan;
    this.span = span;
    this.line = line;
    this.marker = marker;
    this.enumerator = enumerator;
  }
}
