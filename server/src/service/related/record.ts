// What indexing a plan yields before it meets the index: its units and their term counts, with the
// plan's own table of terms, and the topics each unit speaks of. It is plain data (strings, numbers,
// typed arrays): a worker thread makes it and posts it, the corpus cache stores it, and the index
// interns its terms. Turning text into a record is the costly part (parse, normalisation,
// segmentation, the lexicon scan); adding a record to the index is cheap. A record holds what the text
// says, never how the index ranks it (RankingWeights), so a cached record holds whatever the weights.
import { DocumentMetadata, NodeKind, OutlineModel } from '../model';
import { float32s, float64s, int32s, Numbers, uint8s, withRoom } from '../text/grow';
import { PositionIndex } from '../text/positions';
import { spanToRange } from '../text/ranges';
import { topicOfTerm, topicTerm } from './lexicon';
import { TOPICS } from './topics';
import { excerptOf, PlanUnit, planMetadata, termTableOf, TermSums, titleKey, unitsOf, unitTermIds, unitTopics } from './units';

/** Units a document may have: a unit's number within its document takes 16 bits of a posting key. */
export const MAX_UNITS_PER_DOC = 1 << 16;

export const UNIT_KINDS: readonly NodeKind[] = ['heading', 'unnumbered', 'enumeration', 'measure'];

/** Units are columns, in document order: few objects to copy between threads, none to keep per unit. */
export interface PlanRecord {
  name?: string;
  metadata: DocumentMetadata;
  fingerprint: string;
  titles: string[];
  /** Each title as searches compare it (titleKey). */
  titleKeys: string[];
  excerpts: string[];
  /** Positions in UNIT_KINDS. */
  kinds: Uint8Array;
  /** Number of the enclosing unit, or -1. */
  parents: Int32Array;
  /** 0-based line of the heading. */
  lines: Int32Array;
  /** Marker and title in LSP positions, four numbers a unit: start line and character, end line and character. */
  ranges: Int32Array;
  /** The plan's distinct terms, topics among them (topicTerm); the arrays below refer to them by position. */
  terms: string[];
  /** Positions (in `terms`) of the bigrams worth showing a reader (see addTerms). */
  readable: Int32Array;
  /** Unit u's terms (topics aside) are `unitTerms[unitStarts[u]]` up to `unitStarts[u + 1]`, ascending, with `unitTfs` beside them. */
  unitStarts: Int32Array;
  unitTerms: Int32Array;
  unitTfs: Float32Array;
  /** Each unit's length in weighted terms (BM25's document length). */
  lengths: Float64Array;
  /**
   * Unit u's topics (positions in `terms`, ascending) are `unitTopics[topicStarts[u]]` up to
   * `topicStarts[u + 1]`, with their evidence (see unitTopics in units.ts) in `topicEvidence`, as
   * counted: the index weighs it as it ranks (RankingWeights), so it is kept to the last bit.
   */
  topicStarts: Int32Array;
  unitTopics: Int32Array;
  topicEvidence: Float64Array;
  /**
   * Set only on the way from a worker to the index, never cached: where `known[t]` ≥ 0, it is term
   * t's number and `terms[t]` is ''; the request thread then neither receives nor looks up the
   * string. As a worker posts it (knownTerms), the number is the term's place in the term table the
   * corpus saved, and `terms` holds only the other terms, in order (a string costs the message,
   * even an empty one); the corpus puts them back in place and makes the numbers the index's ids.
   */
  known?: Int32Array;
}

/** FNV-1a over the text, with its length: enough to tell a copy from another plan. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/**
 * A column of a record's postings, filled in place and reused from record to record: as JS arrays
 * pushed one value at a time they left about 400 KB of garbage a plan (growth and copies) for the
 * worker's collector.
 */
class Column<A extends Numbers> {
  length = 0;

  constructor(
    public values: A,
    private readonly make: (size: number) => A,
  ) {}

  /** Room for `more` values past `length`. */
  reserve(more: number): void {
    this.values = withRoom(this.values, this.length + more, this.make);
  }

  /** The values as an array of their own (handed over when a worker posts the record); the column is emptied. */
  take(): A {
    const out = this.values.slice(0, this.length) as A;
    this.length = 0;
    return out;
  }
}

/** What planRecord works in, reused by every record made on this thread (one at a time). */
const scratch = {
  ids: new Column(int32s(4096), int32s),
  tfs: new Column(float32s(4096), float32s),
  topics: new Column(int32s(512), int32s),
  evidence: new Column(float64s(512), float64s),
  /** The record's position of each term of the plan's TermTable (by id); -1 until a unit gives it. */
  fromTable: new Column(int32s(4096), int32s),
  /** The record's position of each topic; -1 until a unit has it. */
  fromTopic: new Int32Array(TOPICS.length),
  /** By position: the current unit's frequency or evidence of each term, and whether it is readable (see addTerms). */
  valueOf: float64s(4096),
  readable: uint8s(4096),
  /** A unit's terms summed by id (cleared for each unit): one, not a plan's own grown in doublings to the size of its table. */
  sums: new TermSums(),
};

/**
 * The record of a parsed plan. No closure is made per plan or unit: V8 drops a dead closure's
 * optimised code at a full collection, and a worker compiled the same ones again and again.
 */
export function planRecord(model: OutlineModel, text: string, name?: string): PlanRecord {
  // The record numbers terms in the order its units first give them, topics after each unit's text
  // terms: the order unitTerms' maps have. Text terms come as ids of the plan's TermTable.
  const terms: string[] = [];
  const table = termTableOf(model);
  const { ids, tfs, topics, evidence, fromTable, fromTopic, sums } = scratch;
  // Emptied here, not after: a record that threw half way leaves nothing to the next.
  ids.length = tfs.length = topics.length = evidence.length = fromTable.length = 0;
  fromTopic.fill(-1);
  scratch.readable.fill(0);
  const at = new PositionIndex(model);
  const plan = unitsOf(model).slice(0, MAX_UNITS_PER_DOC);
  const ordinal = new Map<PlanUnit, number>();
  const n = plan.length;
  const record: PlanRecord = {
    name,
    metadata: planMetadata(model, name),
    fingerprint: fingerprint(text),
    titles: [],
    titleKeys: [],
    excerpts: [],
    kinds: new Uint8Array(n),
    parents: new Int32Array(n),
    lines: new Int32Array(n),
    ranges: new Int32Array(4 * n),
    terms,
    readable: new Int32Array(0),
    unitStarts: new Int32Array(n + 1),
    unitTerms: new Int32Array(0),
    unitTfs: new Float32Array(0),
    lengths: new Float64Array(n),
    topicStarts: new Int32Array(n + 1),
    unitTopics: new Int32Array(0),
    topicEvidence: new Float64Array(0),
  };
  const words: number[] = [];
  for (let u = 0; u < n; u++) {
    const unit = plan[u];
    ordinal.set(unit, u);
    sums.clear();
    words.length = 0;
    record.lengths[u] = unitTermIds(unit, sums, words);
    // The table grows as units are counted: each of its ids gets a position when a unit first gives it.
    fromTable.reserve(table.terms.length - fromTable.length);
    fromTable.values.fill(-1, fromTable.length, table.terms.length);
    fromTable.length = table.terms.length;
    // Positions: every term of the table so far, and topics.
    const valueOf = (scratch.valueOf = withRoom(scratch.valueOf, table.terms.length + TOPICS.length, float64s));
    const readable = (scratch.readable = withRoom(scratch.readable, table.terms.length + TOPICS.length, uint8s));
    for (const w of words) {
      if (fromTable.values[w] < 0) fromTable.values[w] = terms.push(table.terms[w]) - 1;
      readable[fromTable.values[w]] = 1;
    }
    const first = ids.length;
    ids.reserve(sums.order.length);
    for (const id of sums.order) {
      if (fromTable.values[id] < 0) fromTable.values[id] = terms.push(table.terms[id]) - 1;
      const p = fromTable.values[id];
      valueOf[p] = sums.get(id);
      ids.values[ids.length++] = p;
    }
    const firstTopic = topics.length;
    const onTopics = unitTopics(unit);
    topics.reserve(onTopics.size);
    for (const [topic, e] of onTopics) {
      if (fromTopic[topic] < 0) fromTopic[topic] = terms.push(topicTerm(topic)) - 1;
      const p = fromTopic[topic];
      valueOf[p] = e;
      topics.values[topics.length++] = p;
    }
    ids.values.subarray(first, ids.length).sort();
    tfs.reserve(ids.length - tfs.length);
    for (let i = first; i < ids.length; i++) tfs.values[i] = valueOf[ids.values[i]];
    tfs.length = ids.length;
    topics.values.subarray(firstTopic, topics.length).sort();
    evidence.reserve(topics.length - evidence.length);
    for (let i = firstTopic; i < topics.length; i++) evidence.values[i] = valueOf[topics.values[i]];
    evidence.length = topics.length;
    record.unitStarts[u + 1] = ids.length;
    record.topicStarts[u + 1] = topics.length;
    record.titles.push(unit.title);
    record.titleKeys.push(titleKey(unit.title));
    record.excerpts.push(excerptOf(unit));
    record.kinds[u] = UNIT_KINDS.indexOf(unit.node.kind);
    record.parents[u] = unit.parent ? ordinal.get(unit.parent) ?? -1 : -1;
    record.lines[u] = unit.node.line;
    const { start, end } = spanToRange(at, unit.node.headingSpan);
    record.ranges[4 * u] = start.line;
    record.ranges[4 * u + 1] = start.character;
    record.ranges[4 * u + 2] = end.line;
    record.ranges[4 * u + 3] = end.character;
  }
  const readable = scratch.readable;
  let readables = 0;
  for (let p = 0; p < terms.length; p++) readables += readable[p];
  record.readable = new Int32Array(readables);
  for (let p = 0, k = 0; p < terms.length; p++) if (readable[p]) record.readable[k++] = p;
  record.unitTerms = ids.take();
  record.unitTfs = tfs.take();
  record.unitTopics = topics.take();
  record.topicEvidence = evidence.take();
  return record;
}

/**
 * Replaces the terms that `ids` (the index's term table as the corpus saved it, by term) holds with
 * their numbers there (PlanRecord.known): what a worker does before it posts a record.
 */
export function knownTerms(record: PlanRecord, ids: ReadonlyMap<string, number>): void {
  const known = new Int32Array(record.terms.length);
  const others: string[] = [];
  record.terms.forEach((term, t) => {
    known[t] = ids.get(term) ?? -1;
    if (known[t] < 0) others.push(term);
  });
  record.terms = others;
  record.known = known;
}

/** The buffers a record's typed arrays have to themselves: handed over, not copied, when a worker posts it. */
export function recordBuffers(r: PlanRecord): ArrayBuffer[] {
  const arrays = [r.kinds, r.parents, r.lines, r.ranges, r.readable, r.unitStarts, r.unitTerms, r.unitTfs, r.lengths, r.topicStarts, r.unitTopics, r.topicEvidence, r.known];
  const owned = arrays.filter((a) => a !== undefined).filter((a) => a.byteOffset === 0 && a.byteLength === a.buffer.byteLength).map((a) => a.buffer as ArrayBuffer);
  return [...new Set(owned)];
}

/** Whether `xs[from..to)` ascend, each in [0, n). */
function ascending(xs: Int32Array, from: number, to: number, n: number): boolean {
  if (!(from <= to)) return false;
  for (let i = from; i < to; i++) if (!(xs[i] >= 0 && xs[i] < n) || (i > from && xs[i] <= xs[i - 1])) return false;
  return true;
}

const isTopic = (t: number) => Number.isInteger(t) && t >= 0 && t < TOPICS.length;

const isText = (xs: unknown, n: number) => Array.isArray(xs) && xs.length === n && xs.every((x) => typeof x === 'string');

/**
 * Whether `x` is a record this code could have written: every field of its type, every reference in
 * range. A cache file passes its checksum before this, but a cache is never trusted further.
 */
export function isPlanRecord(x: unknown): x is PlanRecord {
  const r = x as PlanRecord;
  if (!r || typeof r !== 'object' || typeof r.fingerprint !== 'string') return false;
  if (r.name !== undefined && typeof r.name !== 'string') return false;
  // Numbers for terms are the worker's to give, after it checked the record (knownTerms).
  if (r.known !== undefined) return false;
  if (!r.metadata || typeof r.metadata !== 'object') return false;
  if (!(r.kinds instanceof Uint8Array && r.parents instanceof Int32Array && r.lines instanceof Int32Array && r.ranges instanceof Int32Array)) return false;
  if (!(r.readable instanceof Int32Array && r.unitStarts instanceof Int32Array && r.unitTerms instanceof Int32Array)) return false;
  if (!(r.unitTfs instanceof Float32Array && r.lengths instanceof Float64Array)) return false;
  if (!(r.topicStarts instanceof Int32Array && r.unitTopics instanceof Int32Array && r.topicEvidence instanceof Float64Array)) return false;
  const n = r.kinds.length;
  if (n > MAX_UNITS_PER_DOC || !isText(r.titles, n) || !isText(r.titleKeys, n) || !isText(r.excerpts, n) || !isText(r.terms, r.terms?.length ?? -1)) return false;
  if (r.parents.length !== n || r.lines.length !== n || r.ranges.length !== 4 * n || r.lengths.length !== n) return false;
  if (r.unitStarts.length !== n + 1 || r.unitStarts[0] !== 0) return false;
  if (r.unitStarts[n] !== r.unitTerms.length || r.unitTfs.length !== r.unitTerms.length) return false;
  if (r.topicStarts.length !== n + 1 || r.topicStarts[0] !== 0 || r.topicStarts[n] !== r.unitTopics.length || r.topicEvidence.length !== r.unitTopics.length) return false;
  for (let u = 0; u < n; u++) {
    if (r.kinds[u] >= UNIT_KINDS.length || r.parents[u] < -1 || r.parents[u] >= u || r.lines[u] < 0) return false;
    if (!Number.isFinite(r.lengths[u])) return false;
    // Each unit's terms and topics ascending (postings are grouped from them), each where it belongs.
    if (!ascending(r.unitTerms, r.unitStarts[u], r.unitStarts[u + 1], r.terms.length) || !ascending(r.unitTopics, r.topicStarts[u], r.topicStarts[u + 1], r.terms.length)) return false;
    for (let i = r.unitStarts[u]; i < r.unitStarts[u + 1]; i++) if (topicOfTerm(r.terms[r.unitTerms[i]]) >= 0) return false;
    for (let i = r.topicStarts[u]; i < r.topicStarts[u + 1]; i++) if (!isTopic(topicOfTerm(r.terms[r.unitTopics[i]]))) return false;
  }
  return (
    r.ranges.every((v) => v >= 0) && r.readable.every((t) => t >= 0 && t < r.terms.length) && r.unitTfs.every(Number.isFinite) && r.topicEvidence.every(Number.isFinite)
  );
}
