// The cross-plan index of units: BM25 over words and bigrams, patched one document at a time.
// Each document owns a slot; a posting's key is slot·2¹⁶ + unit, postings are sorted by key, so one
// document's postings are a contiguous run in every list: replacing or removing a document cuts and
// splices that run for its own terms only (marksman's per-document patching), never a rebuild.
// A (unit, term, frequency) is stored once, in its term's posting list (6 bytes: key and frequency code): a unit's own terms
// are looked up there when they are wanted (tfOf), which is for the few units a hover shows.
import { Range } from 'vscode-languageserver-types';
import { URI, Utils } from 'vscode-uri';
import { DocumentMetadata, NodeKind, OutlineModel } from '../model';
import { parsePlan } from '../parse/parser';
import { isGeneric, isLexiconTerm, topicOfTerm, topicTerm, topicTermsAsIndexTerms } from './lexicon';
import { fingerprint, MAX_UNITS_PER_DOC, PlanRecord, planRecord, UNIT_KINDS } from './record';
import { PostingBlocks, PostingSlot } from './postingBlocks';
import { isBigram, termText } from './terms';
import { planMetadata, PlanUnit, queryTerms, titleKey } from './units';

export interface IndexedDocument {
  uri: string;
  /** File name, for what metadata lacks. */
  name?: string;
  metadata: DocumentMetadata;
  /** Same text, same fingerprint: a copy of the current plan is not "another plan". */
  fingerprint: string;
  units: IndexedUnit[];
  /** @internal */ slot: number;
  /** @internal The document's term ids, ascending, delta-coded (packIds): what to cut when it goes. */ terms: Uint8Array;
  /** @internal Its units' ranges, four numbers each (see PlanRecord.ranges). */ ranges: Int32Array;
}

export interface IndexedUnit {
  doc: IndexedDocument;
  kind: NodeKind;
  title: string;
  /** The title as searches compare it (see titleKey). */
  titleKey: string;
  path: string[];
  excerpt: string;
  /** 0-based line of the heading. */
  line: number;
  /** Marker and title, in LSP positions. */
  range: Range;
  /** @internal Its number in its document. */ ordinal: number;
  length: number;
}

/**
 * A unit as the index keeps it: its section path and range are made when asked for, from its parent
 * and its document's ranges, rather than stored (they took a third of the heap at 400,000 units).
 */
class Unit implements IndexedUnit {
  constructor(
    readonly doc: IndexedDocument,
    readonly kind: NodeKind,
    readonly title: string,
    readonly titleKey: string,
    readonly excerpt: string,
    readonly line: number,
    readonly ordinal: number,
    readonly length: number,
    private readonly parent: Unit | undefined,
  ) {}

  get path(): string[] {
    const titles: string[] = [];
    for (let u = this.parent; u; u = u.parent) titles.push(u.title);
    return titles.reverse();
  }

  get range(): Range {
    const r = this.doc.ranges;
    const i = 4 * this.ordinal;
    return Range.create(r[i], r[i + 1], r[i + 2], r[i + 3]);
  }
}

export interface RelatedHit {
  unit: IndexedUnit;
  score: number;
  /** Score over the best score any unit could reach for this query: 0..1, comparable across queries. */
  similarity: number;
  /** Shared words, strongest first (bigrams only where no shared word covers them). */
  sharedTerms: string[];
  /** Topics of the lexicon (topics.ts) both speak of, by index into TOPICS, strongest first. */
  sharedTopics: number[];
}

export interface SearchOptions {
  /** Documents left out of the results (the current plan and its copies). */
  exclude?: (doc: IndexedDocument) => boolean;
  limit?: number;
  minSimilarity?: number;
}

/**
 * How the topic lexicon joins BM25. A unit is on a topic when its lexicon terms, weighted where they
 * stand as its terms are, reach `topicMin`; its weight on it saturates as e/(e + topicSaturation).
 * Each topic shared with the question adds `topic` × both weights to the score, with no length
 * normalisation (a long section is no less on its topic); and the question is expanded with its
 * topics' lexicon terms at `expansion` × its weight on the topic, so a unit on the same topic in
 * other words (助餐 for 养老) is found. A question's words of government prose (generic.ts) weigh
 * `generic` × what their frequency says. Chosen on the tuning half of the labelled pairs (eval:related).
 * Applied as records are added (stage), never stored in them: a cached record holds whatever the weights.
 */
export interface RankingWeights {
  topic: number;
  topicSaturation: number;
  topicMin: number;
  expansion: number;
  generic: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = { topic: 0.3, topicSaturation: 4, topicMin: 1, expansion: 1, generic: 0.5 };

/** A word in more than this share of all units is too common to tell a reader why two measures meet. */
const COMMON_SHARE = 0.05;

/** BM25 constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** A question uses its strongest terms only ("more like this"): faster, and less noise from long bodies. */
const MAX_QUERY_TERMS = 80;
/** Lists a search sums before it scores the units they rank highest, to set a bar before the rest. */
const SEED_LISTS = 3;
/** Units a search sums its lists for at a time (the bar rises between blocks). */
const BLOCK_UNITS = 8192;
/** A lookup of one unit in a list costs about as much as summing this many postings. */
const LOOKUP_COST = 4;
const SLOT_BITS = Math.log2(MAX_UNITS_PER_DOC);
/** Keys are positive 32-bit integers: slot·2¹⁶ + unit. */
export const MAX_DOCUMENTS = 1 << (31 - SLOT_BITS);

/** The code of a frequency the table has no room for: the posting's list keeps it aside (Postings.rare). */
const RARE = 0xffff;

/** BM25's length normalisation of a unit: K1·(1 − B + B·length/average length). */
function lengthNorm(length: number, avgLen: number): number {
  return K1 * (1 - B + (B * length) / avgLen);
}

/** Arrays by unit in key order: slot s's units are base[s] up to base[s + 1]. */
interface ByUnit {
  base: Int32Array;
  norms: Float64Array;
  /** A search's sums (zero when handed out). */
  sums: Float64Array;
}

/**
 * Frequencies by code. They are weighted counts (2 per title, 1 per body, a half and 0.3 for the
 * parent's) and topic weights: a corpus has a few hundred distinct values, so a posting keeps a
 * 16-bit code (2 bytes) instead of the float (4), and reads back the same float.
 */
class Frequencies {
  readonly values = new Float64Array(RARE);
  private readonly codes = new Map<number, number>();
  /** Codes by a hash of the value's bits, checked against `values`: a map lookup for each posting was a fifth of inserting it. */
  private readonly memo = new Int32Array(1 << MEMO_BITS).fill(-1);

  code(tf: number): number {
    BITS_OF[0] = tf;
    const h = Math.imul(BITS[0] ^ BITS[1], 0x9e3779b1) >>> (32 - MEMO_BITS);
    const memo = this.memo[h];
    if (memo >= 0 && this.values[memo] === tf) return memo;
    let code = this.codes.get(tf);
    if (code === undefined) {
      if (this.codes.size === RARE) return RARE;
      code = this.codes.size;
      this.codes.set(tf, code);
      this.values[code] = tf;
    }
    this.memo[h] = code;
    return code;
  }
}

const MEMO_BITS = 12;
/** A float and its two 32-bit halves, to hash a frequency by its bits. */
const BITS_OF = new Float64Array(1);
const BITS = new Uint32Array(BITS_OF.buffer);

const NO_KEYS = new Int32Array(0);
const NO_CODES = new Uint16Array(0);

class Postings {
  /** Views of the list's slot in the index's blocks (postingBlocks.ts); empty while it has none. */
  keys: Int32Array = NO_KEYS;
  codes: Uint16Array = NO_CODES;
  n = 0;
  /** Postings written past `n` by a plan being added in steps (RelatedIndex.commitInSteps): kept, not yet searched. */
  pending = 0;
  private slot?: PostingSlot;
  /** Frequencies coded RARE, by key. */
  rare?: Map<number, number>;
  /** Bounds for a search (see search): the largest frequency and shortest unit ever listed; a removal leaves them, still bounds. */
  maxTf = 0;
  minLength = Infinity;

  constructor(
    private readonly frequencies: Frequencies,
    private readonly blocks: PostingBlocks,
  ) {}

  /** The frequency at position `at`. */
  tf(at: number): number {
    const code = this.codes[at];
    return code !== RARE ? this.frequencies.values[code] : this.rare!.get(this.keys[at])!;
  }

  /**
   * Adds what the postings from position `from` up to key `end` give their units to `sums` (by unit,
   * see ByUnit): weight·tf/(tf + norm) for BM25, weight·tf for a topic; returns the position reached.
   * One loop each, so that neither tests which it is per posting.
   */
  addTo(sums: Float64Array, base: Int32Array, norms: Float64Array, weight: number, bm25: boolean, from: number, end: number): number {
    const { keys, codes } = this;
    const values = this.frequencies.values;
    const n = this.n;
    let i = from;
    if (bm25) {
      for (; i < n && keys[i] < end; i++) {
        const key = keys[i];
        const d = base[key >>> SLOT_BITS] + (key & (MAX_UNITS_PER_DOC - 1));
        const code = codes[i];
        const tf = code !== RARE ? values[code] : this.rare!.get(key)!;
        sums[d] += (weight * tf) / (tf + norms[d]);
      }
    } else {
      for (; i < n && keys[i] < end; i++) {
        const key = keys[i];
        const code = codes[i];
        sums[base[key >>> SLOT_BITS] + (key & (MAX_UNITS_PER_DOC - 1))] += weight * (code !== RARE ? values[code] : this.rare!.get(key)!);
      }
    }
    return i;
  }

  /** First position from `from` on whose key is ≥ `key`: gallops, for a key that is near as often as far. */
  seek(from: number, key: number): number {
    const keys = this.keys;
    if (from >= this.n || keys[from] >= key) return from;
    let step = 1;
    let lo = from;
    while (lo + step < this.n && keys[lo + step] < key) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(lo + step, this.n);
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position whose key is ≥ `key`. */
  lowerBound(key: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where the list is kept, for packing in block order; none while it is empty. */
  get storage(): PostingSlot | undefined {
    return this.slot;
  }

  /** Whether pack would move the list: its slot has room to spare, or is not an exact one. */
  get packable(): boolean {
    return !!this.slot && !(this.blocks.isExact(this.slot) && this.slot.capacity === this.held);
  }

  /** Postings kept: those searched and those pending. */
  get held(): number {
    return this.n + this.pending;
  }

  /** Moves the list to a slot of exactly its size (see PostingBlocks.allocateExact); returns how many postings were copied. */
  pack(): number {
    if (!this.packable) return 0;
    this.moveTo(this.held ? this.blocks.allocateExact(this.held) : undefined);
    return this.held;
  }

  /** Copies the postings to `slot` (none: the list is empty) and gives the old one back. */
  private moveTo(slot: PostingSlot | undefined): void {
    if (slot) {
      slot.keys.set(this.keys.subarray(0, this.held));
      slot.codes.set(this.codes.subarray(0, this.held));
    }
    if (this.slot) this.blocks.release(this.slot);
    this.slot = slot;
    this.keys = slot?.keys ?? NO_KEYS;
    this.codes = slot?.codes ?? NO_CODES;
  }

  /** Position of `key`, or -1. */
  find(key: number): number {
    const at = this.lowerBound(key);
    return at < this.n && this.keys[at] === key ? at : -1;
  }

  /**
   * Inserts `keys[from..to)` (ascending: all of one slot, or all past the last key held) and their `tfs`
   * where they belong. With `double`, a list that grows takes room for twice what it holds (see appendPending).
   */
  insertRun(keys: Int32Array, tfs: Float32Array, from: number, to: number, double: boolean): void {
    const m = to - from;
    // Plans pending (one, or one batch) are swapped in before any other is added (RelatedIndex.settle).
    if (this.pending) throw new Error('postings inserted while a plan is pending');
    // Otherwise the next size classes hold about a fifth more, not double: the lists hold most of the index's memory.
    if (this.n + m > this.keys.length) this.moveTo(this.blocks.allocate(double ? Math.max(this.n + m, 2 * this.n) : this.n + m));
    // A plan added in a new slot goes at the end: no search.
    const at = this.n === 0 || keys[from] > this.keys[this.n - 1] ? this.n : this.lowerBound(keys[from]);
    if (at < this.n) {
      this.keys.copyWithin(at + m, at, this.n);
      this.codes.copyWithin(at + m, at, this.n);
    }
    this.write(at, keys, tfs, from, to);
    this.n += m;
  }

  /** Writes `keys[from..to)` and the codes of their `tfs` from position `at` on. */
  private write(at: number, keys: Int32Array, tfs: Float32Array, from: number, to: number): void {
    for (let i = 0; i < to - from; i++) {
      const code = this.frequencies.code(tfs[from + i]);
      this.keys[at + i] = keys[from + i];
      this.codes[at + i] = code;
      if (code === RARE) (this.rare ??= new Map()).set(keys[from + i], tfs[from + i]);
    }
  }

  /**
   * Widens the bounds to cover the run `tfs[from..to)` of a plan whose units the low bits of
   * `unitKeys` number, with their `lengths`. Wider bounds stay bounds: a plan's run may widen them
   * before it is searchable.
   */
  widen(unitKeys: Int32Array, tfs: Float32Array, lengths: Float64Array, from: number, to: number): void {
    let maxTf = this.maxTf;
    let minLength = this.minLength;
    for (let i = from; i < to; i++) {
      maxTf = Math.max(maxTf, tfs[i]);
      minLength = Math.min(minLength, lengths[unitKeys[i] & (MAX_UNITS_PER_DOC - 1)]);
    }
    this.widenTo(maxTf, minLength);
  }

  /** Widens the bounds to a largest frequency and a shortest unit. */
  widenTo(maxTf: number, minLength: number): void {
    this.maxTf = Math.max(this.maxTf, maxTf);
    this.minLength = Math.min(this.minLength, minLength);
  }

  countRange(from: number, to: number): number {
    return this.lowerBound(to) - this.lowerBound(from);
  }

  /** Removes every key in [from, to); returns how many went. */
  removeRange(from: number, to: number): number {
    const lo = this.lowerBound(from);
    const hi = this.lowerBound(to);
    if (hi > lo) {
      if (this.rare) for (let i = lo; i < hi; i++) this.rare.delete(this.keys[i]);
      this.keys.copyWithin(lo, hi, this.held);
      this.codes.copyWithin(lo, hi, this.held);
      this.n -= hi - lo;
      this.shrink();
    }
    return hi - lo;
  }

  /** Room for twice what is left is given back: a plan removed frees its lists' space. */
  private shrink(): void {
    if (this.held === 0) this.moveTo(undefined);
    else if (2 * this.blocks.capacityFor(this.held) <= this.keys.length) this.moveTo(this.blocks.allocate(this.held));
  }

  /**
   * Writes `keys[from..to)` and their `tfs` past the pending postings (keys above every one held);
   * returns postings copied to grow. With `double`, a list that grows takes room for twice what it holds.
   */
  appendPending(keys: Int32Array, tfs: Float32Array, from: number, to: number, double: boolean): number {
    const m = to - from;
    const held = this.held;
    let copied = 0;
    if (held + m > this.keys.length) {
      this.moveTo(this.blocks.allocate(double ? Math.max(held + m, 2 * held) : held + m));
      copied = held;
    }
    this.write(held, keys, tfs, from, to);
    this.pending += m;
    return copied;
  }

  /** Forgets the pending postings (their plan is no longer to be added). */
  dropPending(): void {
    if (this.pending === 0) return;
    if (this.rare) for (let i = this.n; i < this.held; i++) this.rare.delete(this.keys[i]);
    this.pending = 0;
    this.shrink();
  }
}

/** Terms interned, or postings counted, grouped or written, between two steps of adding plans: about a millisecond of work. */
const STEP_WORK = 20_000;

/** Units made between two steps of addRecordInSteps, for each posting of a step's work. */
const UNITS_PER_WORK = 0.1;

/** A run written counts as this many postings besides its own: its list looked up, maybe given a slot (a new term's first). */
const RUN_WORK = 16;

/** The work of the first steps, and the least that paceSteps lowers it to. */
const MIN_STEP_WORK = 1_000;

/** A plan's record to add in a batch (addRecordsInSteps), and whether it is still wanted when the batch is swapped in. */
export interface RecordEntry {
  uri: string;
  record: PlanRecord;
  keep?: () => boolean;
}

/** A record in the index's term ids, ready to swap in. */
interface Staged {
  /** The document, with its units; its slot is given when it is swapped in. */
  doc: IndexedDocument;
  /** The index's id of each of the record's terms. */
  global: Int32Array;
  /** The record's readable bigrams (positions in its terms). */
  readable: Int32Array;
  /** Its units' lengths (PlanRecord.lengths), for the lists' bounds. */
  lengths: Float64Array;
  /** Postings grouped by the record's terms: term t's units are runUnits[runStarts[t]] up to runStarts[t + 1]. */
  runStarts: Int32Array;
  runUnits: Int32Array;
  runTfs: Float32Array;
}

/**
 * Plans being added in steps (a large plan: commitInSteps; a batch: addRecordsInSteps): their postings are
 * written past each list's `n`, in fresh slots above every key held, so searches do not see them until
 * the last step raises the lists' `n`.
 */
interface Pending {
  /** The plans, in the order of the slots they take. */
  staged: Staged[];
  /** Runs to write: list `ids[r]` gets `keys[starts[r]..starts[r + 1])` and their `tfs`, keys counting slots from the first plan's. */
  ids: Int32Array;
  starts: Int32Array;
  keys: Int32Array;
  tfs: Float32Array;
  /** The first plan's slot, as a key: what the runs' keys are raised by as they are written. */
  base: number;
  /** The one plan's units' lengths, to widen each list's bounds as its run is written; none for a batch, widened as it was gathered. */
  lengths?: Float64Array;
  /** The next run to write. */
  run: number;
}

/** A batch's runs (see Pending) before their slots are known. */
type Runs = Pick<Pending, 'ids' | 'starts' | 'keys' | 'tfs'>;

/** A plan being staged (addRecordInSteps, addRecordsInSteps): removed or replaced meanwhile, it is not swapped in. */
interface Ticket {
  uri: string;
  withdrawn: boolean;
}

/** Postings above which a plan's record is swapped in steps rather than at once (commitInSteps). */
const STEPPED_POSTINGS = 100_000;

interface QueryTerm {
  id: number;
  weight: number;
}

/** A question as the index asks it: text terms for BM25, topics for the topic score. */
interface Question {
  terms: QueryTerm[];
  topics: QueryTerm[];
}

export class RelatedIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Units containing each term. */
  private readonly df: number[] = [];
  /** Bigrams seen standing alone: words to show a reader (see addTerms). */
  private readonly readable = new Set<number>();
  private readonly postings: Postings[] = [];
  private readonly frequencies = new Frequencies();
  private readonly blocks = new PostingBlocks();
  private readonly docs = new Map<string, IndexedDocument>();
  /** The documents by fingerprint and by plan (planKey): a question's own plan, its copies and versions, found without asking every plan. */
  private readonly byPrint = new Map<string, Set<IndexedDocument>>();
  private readonly byPlan = new Map<string, Set<IndexedDocument>>();
  private readonly slots: (IndexedDocument | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private unitTotal = 0;
  private lengthTotal = 0;
  /** Bumped by every change: the average unit length, and so the norms, may have moved. */
  private epoch = 0;
  private shippedFolder?: string;
  /** The plans being added in steps, if any: one plan or one batch at a time. */
  private pending?: Pending;
  /** Plans being staged. */
  private readonly staging = new Set<Ticket>();
  /** Work between two steps (see STEP_WORK), set by paceSteps from how long steps take; at most maxStepWork. */
  private stepWork: number;
  private readonly maxStepWork: number;
  /**
   * Whether the lists were packed once (compactInSteps): before, in the first bulk load (a first index,
   * a restart), a list that grows doubles its room rather than taking the next size class, about a
   * fifth more, in a batch as for a plan alone: moving a list as it grows was a fifth of a restart's swap, and the packing that ends
   * the load gives the room back.
   */
  private packed = false;
  /** See placeScratch. */
  private places = new Int32Array(0);
  /** Arrays by unit for searches (byUnit), as of an epoch. */
  private unitArrays?: ByUnit & { epoch: number };

  /**
   * Internal, for tests: `steppedPostings`, postings above which a plan is swapped in steps;
   * `stepWork`, the work of a step; `blockUnits`, units a search sums its lists for at a time;
   * `lookupCost`, postings summed rather than looked up for each unit that can still reach the bar.
   */
  constructor(
    private readonly weights: RankingWeights = DEFAULT_WEIGHTS,
    private readonly options: { steppedPostings?: number; stepWork?: number; blockUnits?: number; lookupCost?: number } = {},
  ) {
    this.maxStepWork = options.stepWork ?? STEP_WORK;
    // Steps start small: the first ones run code not yet optimised (paceSteps raises the work).
    this.stepWork = Math.min(MIN_STEP_WORK, this.maxStepWork);
  }

  /**
   * Told how long the last step took, halves the work of the next ones while a step takes longer than
   * `targetMs`, and doubles it back once they take under a quarter of it. The same work costs many
   * times more while its code is not yet optimised (the first plans after start), during a collection,
   * or on a loaded machine: the caller, which can time, keeps a request's wait near one step.
   */
  paceSteps(ms: number, targetMs: number): void {
    if (ms > targetMs) this.stepWork = Math.max(Math.min(MIN_STEP_WORK, this.maxStepWork), this.stepWork >> 1);
    else if (ms < targetMs / 4) this.stepWork = Math.min(this.maxStepWork, this.stepWork * 2);
  }

  /** @internal The work of the next step (paceSteps). */
  get nextStepWork(): number {
    return this.stepWork;
  }

  /**
   * Plans under `folderUri` ship with the extension: where the user has a copy of one (the seeds
   * folder opened as a workspace), the copy answers for it.
   */
  setShippedFolder(folderUri: string): void {
    this.shippedFolder = folderUri;
  }

  /** Whether `uri` is a plan that ships with the extension (whoever opened it). */
  isShippedUri(uri: string): boolean {
    return this.shippedFolder !== undefined && uriUnder(uri, this.shippedFolder);
  }

  private isShipped(doc: IndexedDocument): boolean {
    return this.isShippedUri(doc.uri);
  }

  get documentCount(): number {
    return this.docs.size;
  }

  get unitCount(): number {
    return this.unitTotal;
  }

  /**
   * Packs the posting lists into exact-size slots, in steps of bounded work, giving back the room they
   * kept to grow into and the blocks they leave; for after a bulk load, when few plans are still to come.
   * Lists move in the order of their blocks, so the old blocks empty and go one after another.
   */
  *compactInSteps(): Generator<void> {
    const order = this.postings.filter((l) => l.packable).sort((a, b) => PostingBlocks.byBlock(a.storage!, b.storage!));
    this.blocks.reserveExact(order.reduce((bytes, l) => bytes + (l.held ? this.blocks.exactBytes(l.held) : 0), 0));
    let copied = 0;
    for (const list of order) {
      copied += list.pack();
      if (copied >= this.stepWork * 16) {
        copied = 0;
        yield;
      }
    }
    this.packed = true;
  }

  /** @internal Bytes and blocks the posting lists are kept in (postingBlocks.ts). */
  get postingStorage(): { bytes: number; blocks: number } {
    return { bytes: this.blocks.bytes, blocks: this.blocks.blockCount };
  }

  document(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  documents(): IterableIterator<IndexedDocument> {
    return this.docs.values();
  }

  /** Adds a plan or replaces what the index holds for `uri`. `model` saves a parse the caller already has. */
  setDocument(uri: string, text: string, options: { name?: string; model?: OutlineModel } = {}): IndexedDocument {
    return this.addRecord(uri, planRecord(options.model ?? parsePlan(text), text, options.name));
  }

  /** Adds a plan's record (see record.ts), or replaces what the index holds for `uri`. */
  addRecord(uri: string, record: PlanRecord): IndexedDocument {
    const steps = this.addRecordInSteps(uri, record);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same in steps of bounded work, for a caller that answers requests in between (a plan of
   * megabytes). Searches see the index unchanged until the last step, which swaps the plan in at once.
   * A plan removed (removeDocument) before then stays out; one added meanwhile first completes this.
   * Stopping the steps early (`return()`) leaves the index as it was.
   */
  *addRecordInSteps(uri: string, record: PlanRecord): Generator<void, IndexedDocument> {
    const ticket: Ticket = { uri, withdrawn: false };
    this.staging.add(ticket);
    let staged: Staged;
    try {
      staged = yield* this.stage(uri, record);
    } finally {
      this.staging.delete(ticket);
    }
    if (ticket.withdrawn) return staged.doc;
    this.settle();
    const big = staged.runUnits.length > (this.options.steppedPostings ?? STEPPED_POSTINGS);
    return big && this.slots.length < MAX_DOCUMENTS ? yield* this.commitInSteps(staged) : this.commit(staged);
  }

  /**
   * commit() in steps for a large plan: it takes a fresh slot, above every key held, and its postings
   * are written past each list's `n` (writeInSteps), widening the lists' bounds as they go (the plan it
   * replaces, if any, goes at the last step).
   */
  private *commitInSteps(staged: Staged): Generator<void, IndexedDocument> {
    const { doc, global, lengths, runStarts, runUnits, runTfs } = staged;
    yield* this.writeInSteps({ staged: [staged], ids: global, starts: runStarts, keys: runUnits, tfs: runTfs, base: 0, lengths, run: 0 });
    return doc;
  }

  /**
   * Gives the pending plans fresh slots and writes their runs past each list's `n`, `stepWork`
   * postings at a time; the last step raises the lists' `n` and df in one pass over the runs.
   */
  private *writeInSteps(pending: Pending): Generator<void> {
    pending.base = this.slots.length << SLOT_BITS;
    for (const { doc } of pending.staged) {
      doc.slot = this.slots.length;
      this.slots.push(undefined);
    }
    this.pending = pending;
    try {
      while (this.writePending(pending, this.stepWork)) {
        yield;
        // Removed meanwhile (removeDocument), or swapped in by another commit (settle).
        if (this.pending !== pending) return;
      }
      this.raise(pending);
    } finally {
      if (this.pending === pending) this.cancelPending();
    }
  }

  /** Writes the pending runs, one after another, for about `work` postings; whether any are left. */
  private writePending(pending: Pending, work: number): boolean {
    const { ids, starts, keys, tfs, base, lengths } = pending;
    const runs = ids.length;
    let done = 0;
    for (; pending.run < runs && done < work; pending.run++) {
      const r = pending.run;
      const from = starts[r];
      const to = starts[r + 1];
      if (to === from) continue;
      for (let i = from; i < to; i++) keys[i] += base;
      const list = this.postings[ids[r]];
      done += RUN_WORK + to - from + list.appendPending(keys, tfs, from, to, !this.packed);
      if (lengths) list.widen(keys, tfs, lengths, from, to);
    }
    return pending.run < runs;
  }

  /** The last step of writeInSteps: the plan a pending one replaces goes, and every list shows what was written. */
  private raise(pending: Pending): void {
    const { staged, ids, starts } = pending;
    this.pending = undefined;
    for (const { doc } of staged) this.removeDocument(doc.uri);
    for (const { doc, global, readable } of staged) {
      for (const u of doc.units) this.lengthTotal += u.length;
      for (const t of readable) this.readable.add(global[t]);
    }
    for (let r = 0; r < ids.length; r++) {
      const m = starts[r + 1] - starts[r];
      if (m === 0) continue;
      const list = this.postings[ids[r]];
      list.n += m;
      list.pending -= m;
      this.df[ids[r]] += m;
    }
    for (const { doc } of staged) {
      this.unitTotal += doc.units.length;
      this.epoch++;
      this.slots[doc.slot] = doc;
      this.file(doc);
    }
  }

  /** Completes the plans pending, if any, before another change: changes then apply in the order they were asked for. */
  private settle(): void {
    const pending = this.pending;
    if (!pending) return;
    while (this.writePending(pending, Infinity));
    this.raise(pending);
  }

  /** Drops the plans pending: the lists (their bounds perhaps wider, still bounds) and their slots are as before they began. */
  private cancelPending(): void {
    const { ids, starts, staged } = this.pending!;
    this.pending = undefined;
    for (let r = 0; r < ids.length; r++) if (starts[r + 1] > starts[r]) this.postings[ids[r]].dropPending();
    // Nothing took a slot since (every commit settles first): theirs are the last.
    for (const { doc } of staged) {
      this.slots.pop();
      doc.slot = -1;
    }
  }

  /**
   * The record in this index's term ids: each unit's terms ascending by id, postings grouped by term.
   * Its topics become postings of their topic terms with the weight this index gives their evidence.
   */
  private *stage(uri: string, record: PlanRecord): Generator<void, Staged> {
    const { terms, unitStarts, unitTerms, unitTfs, topicStarts, unitTopics } = record;
    // The index's id of each of the record's terms: given (record.known), or looked up.
    const global = new Int32Array(terms.length);
    const known = record.known;
    for (let t = 0; t < terms.length; t++) {
      global[t] = known && known[t] >= 0 ? this.termId(known[t]) : this.intern(terms[t]);
      if (t % this.stepWork === this.stepWork - 1) yield;
    }
    // A topic below topicMin is no posting (onTopic gives 0). A loop, not Float32Array.from with a map
    // function, which took 30–70 ms for a 5 MB plan's topics.
    const evidence = record.topicEvidence;
    const topicTfs = new Float32Array(evidence.length);
    for (let i = 0; i < evidence.length; i++) topicTfs[i] = this.onTopic(evidence[i]);
    // Postings grouped by term (a counting sort on the record's own term numbers), units ascending in
    // each group: counted, then placed, about stepWork postings a step (a plan of megabytes has millions).
    const runStarts = new Int32Array(terms.length + 1);
    // The work of a step may change between steps (paceSteps): each step starts where the last ended.
    for (let from = 0; from < unitTerms.length; ) {
      const to = Math.min(unitTerms.length, from + this.stepWork);
      for (let i = from; i < to; i++) runStarts[unitTerms[i] + 1]++;
      from = to;
      if (to < unitTerms.length) yield;
    }
    for (let i = 0; i < unitTopics.length; i++) if (topicTfs[i] > 0) runStarts[unitTopics[i] + 1]++;
    for (let t = 0; t < terms.length; t++) runStarts[t + 1] += runStarts[t];
    const fill = runStarts.slice(0, terms.length);
    const runUnits = new Int32Array(runStarts[terms.length]);
    const runTfs = new Float32Array(runStarts[terms.length]);
    // Megabytes allocated may set off a collection: a step of its own.
    if (runUnits.length > this.stepWork) yield;
    const put = (t: number, u: number, tf: number) => {
      const at = fill[t]++;
      runUnits[at] = u;
      runTfs[at] = tf;
    };
    let placed = 0;
    for (let u = 0; u + 1 < unitStarts.length; u++) {
      for (let i = unitStarts[u]; i < unitStarts[u + 1]; i++) put(unitTerms[i], u, unitTfs[i]);
      for (let i = topicStarts[u]; i < topicStarts[u + 1]; i++) if (topicTfs[i] > 0) put(unitTopics[i], u, topicTfs[i]);
      placed += unitStarts[u + 1] - unitStarts[u] + topicStarts[u + 1] - topicStarts[u];
      if (placed >= this.stepWork && u + 2 < unitStarts.length) {
        placed = 0;
        yield;
      }
    }
    // The document and its units, its slot still to come.
    const doc: IndexedDocument = {
      uri,
      name: record.name,
      metadata: record.metadata,
      fingerprint: record.fingerprint,
      units: [],
      slot: -1,
      terms: packIds(global),
      ranges: record.ranges,
    };
    const units: Unit[] = [];
    let made = 0;
    for (let ordinal = 0; ordinal < record.titles.length; ordinal++) {
      const parent = record.parents[ordinal];
      const kind = UNIT_KINDS[record.kinds[ordinal]];
      const title = record.titles[ordinal];
      // Most titles are their own key: share the string.
      const key = record.titleKeys[ordinal] === title ? title : record.titleKeys[ordinal];
      units.push(new Unit(doc, kind, title, key, record.excerpts[ordinal], record.lines[ordinal], ordinal, record.lengths[ordinal], parent >= 0 ? units[parent] : undefined));
      if (++made >= this.stepWork * UNITS_PER_WORK) {
        made = 0;
        yield;
      }
    }
    doc.units = units;
    return { doc, global, readable: record.readable, lengths: record.lengths, runStarts, runUnits, runTfs };
  }

  private commit(staged: Staged): IndexedDocument {
    const { doc, global, runStarts, runUnits, runTfs } = staged;
    this.settle();
    this.removeDocument(doc.uri);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    if (slot >= MAX_DOCUMENTS) throw new RangeError(`more than ${MAX_DOCUMENTS} plans in one index`);
    doc.slot = slot;
    for (const u of doc.units) this.lengthTotal += u.length;
    for (const t of staged.readable) this.readable.add(global[t]);
    // Keys are slot·2¹⁶ + unit: the unit numbers become keys in place.
    for (let i = 0; i < runUnits.length; i++) runUnits[i] |= slot << SLOT_BITS;
    for (let t = 0; t + 1 < runStarts.length; t++) {
      const from = runStarts[t];
      const to = runStarts[t + 1];
      if (to === from) continue;
      const list = this.postings[global[t]];
      list.insertRun(runUnits, runTfs, from, to, !this.packed);
      list.widen(runUnits, runTfs, staged.lengths, from, to);
      this.df[global[t]] += to - from;
    }
    this.unitTotal += doc.units.length;
    this.epoch++;
    this.slots[slot] = doc;
    this.file(doc);
    return doc;
  }

  /**
   * Many plans' records at once (a bulk load: a first index, a restart), in steps as addRecordInSteps.
   * Their postings are grouped by term over all of them, so that each term's list is reached once a
   * batch rather than once a plan: reaching a plan's two thousand lists is most of what adding it
   * costs. The index ends as adding them one by one would leave it. Each entry gets its document;
   * undefined if its `keep` said no by the time of the swap; the error if the index has no room for it.
   */
  *addRecordsInSteps(entries: readonly RecordEntry[]): Generator<void, (IndexedDocument | Error | undefined)[]> {
    const tickets = entries.map((e): Ticket => ({ uri: e.uri, withdrawn: false }));
    const all: Staged[] = [];
    let runs: Runs | undefined;
    try {
      for (const t of tickets) this.staging.add(t);
      for (const e of entries) {
        all.push(yield* this.stage(e.uri, e.record));
        yield;
      }
      // Gathered while the plans are staging, so that one removed meanwhile is known to be.
      runs = yield* this.gather(all);
    } finally {
      for (const t of tickets) this.staging.delete(t);
    }
    const staged = all.map((s, i) => (tickets[i].withdrawn || (entries[i].keep && !entries[i].keep!()) ? undefined : s));
    const kept = staged.filter((s): s is Staged => s !== undefined);
    this.settle();
    const uris = new Set(kept.map((s) => s.doc.uri));
    // One run a term at the end of its list needs every plan of the batch, fresh slots above every one
    // in use, and no plan replaced.
    const fresh = kept.length === all.length && !this.freeSlots.length && uris.size === kept.length && kept.every((s) => !this.docs.has(s.doc.uri)) && this.slots.length + kept.length <= MAX_DOCUMENTS;
    if (fresh) {
      yield* this.writeInSteps({ staged: kept, ...runs, base: 0, run: 0 });
      return staged.map((s) => s?.doc);
    }
    const docs: (IndexedDocument | Error | undefined)[] = [];
    for (const s of staged) {
      try {
        docs.push(s && this.commit(s));
      } catch (e) {
        docs.push(e instanceof Error ? e : new Error(String(e)));
      }
      if (docs.length < staged.length) yield;
    }
    return docs;
  }

  /**
   * A batch's postings as one run a term over all its plans, in steps of about stepWork postings, for
   * writeInSteps to append to the lists: keys count slots from the batch's first plan. Each list's
   * bounds are widened at its end (a bound stays one if the batch goes in plan by plan after all).
   */
  private *gather(staged: Staged[]): Generator<void, Runs> {
    // Each term the plans hold gets a place (in the order first met) and its number of postings: one
    // pass without a step, over fewer terms than the batch has postings (the caller bounds those).
    const placeOf = this.placeScratch();
    const ids: number[] = [];
    const counts: number[] = [];
    const places: Int32Array[] = [];
    for (const { global, runStarts } of staged) {
      const at = new Int32Array(global.length);
      for (let t = 0; t < global.length; t++) {
        const n = runStarts[t + 1] - runStarts[t];
        if (n === 0) continue;
        const id = global[t];
        let c = placeOf[id] - 1;
        if (c < 0) {
          c = ids.length;
          placeOf[id] = c + 1;
          ids.push(id);
          counts.push(0);
        }
        counts[c] += n;
        at[t] = c;
      }
      places.push(at);
    }
    for (const id of ids) placeOf[id] = 0;
    const starts = new Int32Array(ids.length + 1);
    for (let c = 0; c < ids.length; c++) starts[c + 1] = starts[c] + counts[c];
    const fill = starts.slice(0, ids.length);
    const keys = new Int32Array(starts[ids.length]);
    const tfs = new Float32Array(starts[ids.length]);
    // Each list's bounds over the batch, widened once a list rather than once a plan: reaching a list is a cache miss.
    const maxTf = new Float64Array(ids.length);
    const minLength = new Float64Array(ids.length).fill(Infinity);
    let done = 0;
    for (let k = 0; k < staged.length; k++) {
      const { global, lengths, runStarts, runUnits, runTfs } = staged[k];
      const at = places[k];
      for (let t = 0; t < global.length; t++) {
        if (runStarts[t + 1] === runStarts[t]) continue;
        const c = at[t];
        let max = maxTf[c];
        let min = minLength[c];
        for (let i = runStarts[t]; i < runStarts[t + 1]; i++) {
          const to = fill[c]++;
          const u = runUnits[i];
          keys[to] = u | (k << SLOT_BITS);
          tfs[to] = runTfs[i];
          max = Math.max(max, runTfs[i]);
          min = Math.min(min, lengths[u]);
        }
        maxTf[c] = max;
        minLength[c] = min;
        done += RUN_WORK + runStarts[t + 1] - runStarts[t];
        if (done >= this.stepWork) {
          done = 0;
          yield;
        }
      }
    }
    for (let c = 0; c < ids.length; c++) this.postings[ids[c]].widenTo(maxTf[c], minLength[c]);
    return { ids: new Int32Array(ids), starts, keys, tfs };
  }

  /** One number for each term id, all 0 (gather's places, plus one): left all 0 by whoever uses it, between two steps. */
  private placeScratch(): Int32Array {
    if (this.places.length < this.terms.length) this.places = new Int32Array(Math.max(1024, 2 * this.terms.length));
    return this.places;
  }

  removeDocument(uri: string): boolean {
    for (const t of this.staging) if (t.uri === uri) t.withdrawn = true;
    // Added, then removed: a plan pending for it alone stays out; a batch holding it is swapped in first, then it goes.
    if (this.pending?.staged.some((s) => s.doc.uri === uri)) {
      if (this.pending.staged.length === 1) this.cancelPending();
      else this.settle();
    }
    const doc = this.docs.get(uri);
    if (!doc) return false;
    const from = doc.slot * MAX_UNITS_PER_DOC;
    for (const u of doc.units) this.lengthTotal -= u.length;
    for (const id of unpackIds(doc.terms)) this.df[id] -= this.postings[id].removeRange(from, from + MAX_UNITS_PER_DOC);
    this.unitTotal -= doc.units.length;
    this.epoch++;
    this.slots[doc.slot] = undefined;
    this.freeSlots.push(doc.slot);
    this.unfile(doc);
    return true;
  }

  private file(doc: IndexedDocument): void {
    this.docs.set(doc.uri, doc);
    setOf(this.byPrint, doc.fingerprint).add(doc);
    const plan = planKey(doc.metadata);
    if (plan) setOf(this.byPlan, plan).add(doc);
  }

  private unfile(doc: IndexedDocument): void {
    this.docs.delete(doc.uri);
    const drop = (by: Map<string, Set<IndexedDocument>>, key: string | undefined) => {
      const docs = key === undefined ? undefined : by.get(key);
      if (docs?.delete(doc) && docs.size === 0) by.delete(key!);
    };
    drop(this.byPrint, doc.fingerprint);
    drop(this.byPlan, planKey(doc.metadata));
  }

  /**
   * Units of other plans related to `unit` of the plan at `uri` whose text is `text`: never that plan,
   * however it is indexed: not under its URI, not as a copy (same text), not as another version of
   * it (same street, year and kind: `计划（修改稿）.txt` beside `计划.txt`).
   */
  relatedTo(unit: PlanUnit, uri: string, text: string, options: Omit<SearchOptions, 'exclude'> = {}): RelatedHit[] {
    const print = fingerprint(text);
    const meta = planMetadata(unit.model, Utils.basename(URI.parse(uri)));
    const plan = planKey(meta);
    const own = new Set([...(this.byPrint.get(print) ?? []), ...((plan && this.byPlan.get(plan)) || [])]);
    const doc = this.docs.get(uri);
    if (doc) own.add(doc);
    return this.searchExcluding(queryTerms(unit), [...own], options);
  }

  /**
   * Units most like the question `terms` (see queryTerms), best first. Exact top-k by MaxScore, with
   * the lists summed list by list into one number per unit (term at a time) instead of merged unit by
   * unit. Every unit's score sums the question's lists in one order (scoringOrder), the scan's too,
   * most per posting first: the lists MaxScore needs at a bar are then always a prefix of that order
   * and those that only confirm the rest, so a unit's sum over the lists summed is bit for bit the
   * scan's after them, and a unit that then looks up the others in turn ends with the scan's score,
   * never scored twice. First the first few lists are summed and the units they give most are scored,
   * which sets a bar early. Then the units go block by block in key order: a block sums the lists
   * needed at the bar as it is then; a unit whose sum and the other lists' bounds stay under the bar is
   * dropped, the others look those lists up (a galloping seek) while they can reach it.
   */
  search(terms: Map<string, number>, options: SearchOptions = {}): RelatedHit[] {
    return this.searchExcluding(terms, this.excluded(options), options);
  }

  /** search, with the documents its `exclude` leaves out already found. */
  private searchExcluding(terms: Map<string, number>, excluded: IndexedDocument[], options: SearchOptions): RelatedHit[] {
    const query = this.weigh(terms, excluded);
    const skip = new Uint8Array(this.slots.length);
    for (const d of excluded) skip[d.slot] = 1;
    const pick = new Picker(this.cutoff(query, options), options.limit);
    const { ids, weights, bm25, bounds } = this.scoringOrder(query);
    const m = ids.length;
    const lists = Array.from(ids, (id) => this.postings[id]);
    const keysOf = lists.map((l) => l.keys);
    const ends = Int32Array.from(lists, (l) => l.n);
    // after[i]: the most lists i..m-1 can add together.
    const after = new Float64Array(m + 1);
    for (let i = m - 1; i >= 0; i--) after[i] = after[i + 1] + bounds[i];
    const { base, norms, sums } = this.byUnit();
    // Bounds and scores sum in different orders: a bound must clear the bar by more than rounding.
    const under = (score: number, bar: number) => score < bar - 1e-9 * Math.abs(bar);
    // Each list's cursor: its postings before it are summed or behind every unit still to come.
    const at = new Int32Array(m);
    const END = 2 ** 31;
    // A bar before the walk: the units the first lists give most, scored as the scan does.
    const seeded = new Set<number>();
    let summedAll = 0;
    if (options.limit !== undefined && m > 0) {
      for (; summedAll < Math.min(m, SEED_LISTS); summedAll++) at[summedAll] = lists[summedAll].addTo(sums, base, norms, weights[summedAll], bm25[summedAll] === 1, 0, END);
      const best = new Largest(pick.room);
      for (let slot = 0; slot < this.slots.length; slot++) {
        if (skip[slot]) continue;
        for (let d = base[slot]; d < base[slot + 1]; d++) if (sums[d] > 0) best.offer(sums[d], (slot << SLOT_BITS) | (d - base[slot]));
      }
      for (const key of best.keys()) {
        const slot = key >>> SLOT_BITS;
        const ordinal = key & (MAX_UNITS_PER_DOC - 1);
        const norm = norms[base[slot] + ordinal];
        let score = 0;
        for (let i = 0; i < m; i++) {
          const p = lists[i].find(key);
          if (p < 0) continue;
          const tf = lists[i].tf(p);
          score += bm25[i] ? (weights[i] * tf) / (tf + norm) : weights[i] * tf;
        }
        seeded.add(key);
        pick.offer(this.slots[slot]!.units[ordinal], score);
      }
    }
    let bar = pick.bar();
    const blockUnits = this.options.blockUnits ?? BLOCK_UNITS;
    const lookupCost = this.options.lookupCost ?? LOOKUP_COST;
    // The keys of a block's units that can still reach the bar.
    let candidates = new Int32Array(blockUnits);
    // The units block by block, in key order: each block sums the lists needed at the bar as it is
    // then (all but the longest suffix whose bounds stay under it), while the block is in cache, and
    // then more while fewer postings are left in the next list than lookups its candidates would make;
    // the candidates look the rest up.
    for (let from = 0; from < this.slots.length; ) {
      let to = from + 1;
      while (to < this.slots.length && base[to] - base[from] < blockUnits) to++;
      const start = from << SLOT_BITS;
      const end = to << SLOT_BITS;
      let summed = m;
      while (summed > summedAll && under(after[summed - 1], bar)) summed--;
      for (let i = summedAll; i < summed; i++) at[i] = lists[i].addTo(sums, base, norms, weights[i], bm25[i] === 1, lists[i].seek(at[i], start), end);
      if (candidates.length < base[to] - base[from]) candidates = new Int32Array(base[to] - base[from]);
      let n = 0;
      let rest = after[summed];
      for (let slot = from; slot < to; slot++) {
        if (skip[slot]) continue;
        const first = base[slot];
        // A unit in none of the lists summed cannot reach the bar: `rest` is under it (or zero, with no bar).
        for (let d = first; d < base[slot + 1]; d++) if (sums[d] !== 0 && !under(sums[d] + rest, bar)) candidates[n++] = (slot << SLOT_BITS) | (d - first);
      }
      for (; summed < m && n > 0; summed++) {
        const list = lists[summed];
        at[summed] = list.seek(at[summed], start);
        if (list.seek(at[summed], end) - at[summed] > lookupCost * n) break;
        at[summed] = list.addTo(sums, base, norms, weights[summed], bm25[summed] === 1, at[summed], end);
        // Summed, a list adds at most its bound: a unit dropped before stays under the bar.
        rest = after[summed + 1];
        let kept = 0;
        for (let c = 0; c < n; c++) {
          const key = candidates[c];
          if (!under(sums[base[key >>> SLOT_BITS] + (key & (MAX_UNITS_PER_DOC - 1))] + rest, bar)) candidates[kept++] = key;
        }
        n = kept;
      }
      for (let c = 0; c < n; c++) {
        const key = candidates[c];
        const slot = key >>> SLOT_BITS;
        const d = base[slot] + (key & (MAX_UNITS_PER_DOC - 1));
        let score = sums[d];
        const norm = norms[d];
        // The other lists in scoring order, while it can still reach the bar: done, it has the scan's score.
        let i = summed;
        for (; i < m && !under(score + after[i], bar); i++) {
          const p = (at[i] = lists[i].seek(at[i], key));
          if (p < ends[i] && keysOf[i][p] === key) {
            const tf = lists[i].tf(p);
            score += bm25[i] ? (weights[i] * tf) / (tf + norm) : weights[i] * tf;
          }
        }
        if (i < m || seeded.has(key)) continue;
        pick.offer(this.slots[slot]!.units[key & (MAX_UNITS_PER_DOC - 1)], score);
        bar = pick.bar();
      }
      from = to;
    }
    return this.finish(pick, query, options);
  }

  /**
   * The question's lists in the order every unit's score sums them, search and scan alike: its terms
   * (BM25, weight·(K1 + 1)·tf/(tf + norm)) and its topics (weight·tf), by the most each can add to a
   * unit per posting, most first (ties by term id): long lists of common words that add little come
   * last, so the lists MaxScore only confirms with at any bar are a suffix. The order is decided by
   * the weight, which no unit's part of it reaches, not by the bounds (largest frequency, shortest
   * unit): those a removal leaves stale and a plan being added widens early, and an index must score
   * as one built afresh with the same plans does, to the last bit.
   */
  private scoringOrder(query: Question): { ids: Int32Array; weights: Float64Array; bm25: Uint8Array; bounds: Float64Array } {
    const avgLen = this.lengthTotal / Math.max(1, this.unitTotal);
    const asked = [...query.terms.map((t) => ({ id: t.id, weight: t.weight * (K1 + 1), bm25: true })), ...query.topics.map((t) => ({ id: t.id, weight: t.weight, bm25: false }))];
    const perPosting = (q: { id: number; weight: number }) => q.weight / Math.max(1, this.postings[q.id].n);
    asked.sort((a, b) => perPosting(b) - perPosting(a) || a.id - b.id);
    return {
      ids: Int32Array.from(asked, (q) => q.id),
      weights: Float64Array.from(asked, (q) => q.weight),
      bm25: Uint8Array.from(asked, (q) => (q.bm25 ? 1 : 0)),
      // The most each list can add to a unit: its largest frequency in its shortest unit.
      bounds: Float64Array.from(asked, ({ id, weight, bm25 }) => {
        const { maxTf, minLength } = this.postings[id];
        return bm25 ? (weight * maxTf) / (maxTf + lengthNorm(minLength, avgLen)) : weight * maxTf;
      }),
    };
  }

  /** The same ranking as `search`, by scoring every unit in turn: the reference for tests and the benchmark. */
  searchByScan(terms: Map<string, number>, options: SearchOptions = {}): RelatedHit[] {
    const query = this.weigh(terms, this.excluded(options));
    const pick = new Picker(this.cutoff(query, options), options.limit);
    const { base, norms } = this.byUnit();
    const { ids, weights, bm25 } = this.scoringOrder(query);
    for (const doc of this.docs.values()) {
      if (options.exclude?.(doc)) continue;
      doc.units.forEach((unit, ordinal) => {
        const norm = norms[base[doc.slot] + ordinal];
        let score = 0;
        for (let i = 0; i < ids.length; i++) {
          const tf = this.tfOf(unit, ids[i]);
          if (tf > 0) score += bm25[i] ? (weights[i] * tf) / (tf + norm) : weights[i] * tf;
        }
        pick.offer(unit, score);
      });
    }
    return this.finish(pick, query, options);
  }

  /** Every unit whose title holds the characters of `query` in order, closest matches first. */
  searchTitles(query: string, limit: number): IndexedUnit[] {
    const q = [...titleKey(query)];
    const found: { unit: IndexedUnit; rank: number }[] = [];
    for (const doc of this.docs.values()) {
      for (const unit of doc.units) {
        const rank = titleRank(unit.titleKey, q);
        if (rank >= 0) found.push({ unit, rank });
      }
    }
    found.sort((a, b) => a.rank - b.rank || a.unit.title.length - b.unit.title.length);
    return found.slice(0, limit).map((f) => f.unit);
  }

  private excluded(options: SearchOptions): IndexedDocument[] {
    const exclude = options.exclude;
    return exclude ? [...this.docs.values()].filter((d) => exclude(d)) : [];
  }

  /** A term id given with a record (PlanRecord.known): one this index has handed out. */
  private termId(id: number): number {
    if (!(id >= 0 && id < this.terms.length)) throw new RangeError(`no term ${id} in the index`);
    return id;
  }

  /** The ids of `terms`, each added to the index's table where it is new (a saved table read back before the records). */
  internTerms(terms: readonly string[]): Int32Array {
    return Int32Array.from(terms, (t) => this.intern(t));
  }

  /** The terms some unit holds, in the order of their ids, with `which` true: a table to save. */
  heldTerms(which: (term: string) => boolean): string[] {
    return this.terms.filter((t, id) => this.df[id] > 0 && which(t));
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.df.push(0);
      this.postings.push(new Postings(this.frequencies, this.blocks));
    }
    return id;
  }

  /** A unit's or question's weight on a topic, from its evidence (see RankingWeights). */
  private onTopic(evidence: number): number {
    return evidence >= this.weights.topicMin ? evidence / (evidence + this.weights.topicSaturation) : 0;
  }

  /**
   * The question's terms weighted by inverse unit frequency, strongest first, and its topics. Phrases
   * every plan repeats occur in many units and so weigh little; in a corpus of a few plans the
   * frequency cannot say so of every one (夯实, 召开): the words of generic.ts weigh `generic` × that.
   */
  private weigh(asked: Map<string, number>, excluded: IndexedDocument[]): Question {
    const terms = new Map<string, number>();
    const onTopics: { topic: number; weight: number; evidence: number }[] = [];
    for (const [term, tf] of asked) {
      const topic = topicOfTerm(term);
      if (topic < 0) terms.set(term, (terms.get(term) ?? 0) + tf);
      else if (this.onTopic(tf) > 0) onTopics.push({ topic, weight: this.onTopic(tf), evidence: tf });
    }
    if (this.weights.expansion > 0) {
      // A topic brings its words in proportion to its evidence against the question's main topic's: a
      // word it mentions in passing (物业 in a paragraph on old estates) must not bring that topic's
      // whole vocabulary, which draws the sections whose main topic it is.
      const main = Math.max(...onTopics.map((t) => t.evidence));
      for (const { topic, weight, evidence } of onTopics) {
        const share = evidence / main;
        for (const [t, n] of topicTermsAsIndexTerms(topic)) terms.set(t, (terms.get(t) ?? 0) + this.weights.expansion * weight * share * n);
      }
    }
    const weighed = this.weighTerms(terms, excluded);
    // A unit wholly on the question's topics gains `topic` × the best score its words could reach:
    // the share of each topic is the question's weight on it over all its topic weight.
    const scale = (this.weights.topic * weighed.reduce((sum, q) => sum + q.weight * (K1 + 1), 0)) / onTopics.reduce((sum, t) => sum + t.weight, 0);
    const topics: QueryTerm[] = [];
    for (const { topic, weight } of onTopics) {
      const id = this.termIds.get(topicTerm(topic));
      if (id !== undefined && scale > 0) topics.push({ id, weight: scale * weight });
    }
    topics.sort((a, b) => b.weight - a.weight || a.id - b.id);
    return { terms: weighed, topics };
  }

  private weighTerms(terms: Map<string, number>, excluded: IndexedDocument[]): QueryTerm[] {
    const n = this.unitTotal;
    const query: QueryTerm[] = [];
    for (const [term, tf] of terms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      // A term found only in the excluded plans (its street's names, its own brands) cannot match:
      // it must not take a place among the strongest terms.
      let elsewhere = this.df[id];
      for (const d of excluded) elsewhere -= this.postings[id].countRange(d.slot * MAX_UNITS_PER_DOC, (d.slot + 1) * MAX_UNITS_PER_DOC);
      if (elsewhere <= 0) continue;
      const idf = Math.log(1 + (n - this.df[id] + 0.5) / (this.df[id] + 0.5));
      query.push({ id, weight: idf * tf * (isGeneric(termText(term)) ? this.weights.generic : 1) });
    }
    query.sort((a, b) => b.weight - a.weight || a.id - b.id);
    return query.slice(0, MAX_QUERY_TERMS);
  }

  /** The best score any unit could reach for this question: every term saturated, in a unit of no length, wholly on its topics. */
  private best(query: Question): number {
    return query.terms.reduce((sum, q) => sum + q.weight * (K1 + 1), 0) + query.topics.reduce((sum, q) => sum + q.weight, 0) || 1;
  }

  /** Scores must exceed this: zero (no shared term) or the least similarity asked for. */
  private cutoff(query: Question, options: SearchOptions): number {
    return Math.max(0, (options.minSimilarity ?? 0) * this.best(query) - 1e-12);
  }

  /**
   * Arrays by unit, in key order: where each slot's units start (`base`), each unit's BM25 length
   * normalisation, and room for a search's sums. Rebuilt when the index changed: the average length
   * moves with every edit.
   */
  private byUnit(): ByUnit {
    if (this.unitArrays?.epoch === this.epoch) {
      this.unitArrays.sums.fill(0);
      return this.unitArrays;
    }
    const avgLen = this.lengthTotal / Math.max(1, this.unitTotal);
    const base = new Int32Array(this.slots.length + 1);
    this.slots.forEach((doc, slot) => (base[slot + 1] = base[slot] + (doc?.units.length ?? 0)));
    const norms = new Float64Array(base[this.slots.length]);
    this.slots.forEach((doc, slot) => doc?.units.forEach((u, ordinal) => (norms[base[slot] + ordinal] = lengthNorm(u.length, avgLen))));
    this.unitArrays = { epoch: this.epoch, base, norms, sums: new Float64Array(norms.length) };
    return this.unitArrays;
  }

  private finish(pick: Picker, query: Question, options: SearchOptions): RelatedHit[] {
    const best = this.best(query);
    // Copies and versions of one plan (a seed also saved in the workspace, a draft beside the final
    // text) answer as one: a copy of the user's before a shipped one, then the document of the
    // best-scoring unit speaks for them all.
    const candidates = pick.ranked();
    const plan = (doc: IndexedDocument) => planKey(doc.metadata) ?? doc.fingerprint;
    const speaker = new Map<string, IndexedDocument>();
    for (const { unit } of candidates) {
      const current = speaker.get(plan(unit.doc));
      if (!current || (this.isShipped(current) && !this.isShipped(unit.doc))) speaker.set(plan(unit.doc), unit.doc);
    }
    const ranked = candidates.filter(({ unit }) => speaker.get(plan(unit.doc)) === unit.doc);
    return ranked.slice(0, options.limit ?? Infinity).map(({ unit, score }) => ({
      unit,
      score,
      similarity: score / best,
      sharedTerms: this.shared(unit, query.terms),
      sharedTopics: this.sharedTopics(unit, query.topics),
    }));
  }

  /** The weighted frequency of term `id` in `unit`; 0 if the unit has no such term. */
  tfOf(unit: IndexedUnit, id: number): number {
    const list = this.postings[id];
    const at = list ? list.find((unit.doc.slot << SLOT_BITS) | unit.ordinal) : -1;
    return at < 0 ? 0 : list.tf(at);
  }

  /** Topics of the question the unit is on too, by the score each adds. */
  private sharedTopics(unit: IndexedUnit, topics: QueryTerm[]): number[] {
    const shared: { topic: number; score: number }[] = [];
    for (const { id, weight } of topics) {
      const tf = this.tfOf(unit, id);
      if (tf > 0) shared.push({ topic: topicOfTerm(this.terms[id]), score: weight * tf });
    }
    return shared.sort((a, b) => b.score - a.score || a.topic - b.topic).map((s) => s.topic);
  }

  /**
   * The words that say why a unit answers the question, strongest first, the lexicon's before the
   * rest. A reader wants words: the lexicon's (and Latin ones), then bigrams that stood alone,
   * unless a shown word covers them or they straddle two (招商|引资 → 商引). Lone characters and
   * bigrams across a word's edge say little; so do words of government prose (generic.ts) and words in more than
   * COMMON_SHARE of all units.
   */
  private shared(unit: IndexedUnit, query: QueryTerm[]): string[] {
    const common = query.filter((q) => this.tfOf(unit, q.id) > 0).map((q) => q.id);
    const telling = (id: number, text: string) => isLexiconTerm(text) || (!isGeneric(text) && this.df[id] <= this.unitTotal * COMMON_SHARE);
    const words = common.map((id) => this.terms[id]).filter((t) => !isBigram(t) && t.length > 1);
    const bigrams = common.filter((id) => this.readable.has(id)).map((id) => termText(this.terms[id])).filter((b) => !words.some((w) => w.includes(b)));
    const lexical = [...words, ...bigrams].filter(isLexiconTerm);
    const straddles = (b: string) => !isLexiconTerm(b) && [...b].every((ch) => lexical.some((w) => w.includes(ch)));
    const shown = new Set([...words, ...bigrams.filter((b) => !straddles(b))]);
    const ordered = common.filter((id) => shown.has(termText(this.terms[id])) && telling(id, termText(this.terms[id]))).map((id) => termText(this.terms[id]));
    return [...new Set([...ordered.filter(isLexiconTerm), ...ordered])];
  }
}

/** Distinct ids, sorted, as the gaps between them in base-128 varints: a byte or two each instead of four. */
function packIds(ids: Int32Array): Uint8Array {
  // A typed array's own sort (numeric, no comparator); Int32Array.from would go through the iterator protocol.
  const sorted = ids.slice().sort();
  // At most five bytes an id (7 bits a byte).
  const bytes = new Uint8Array(5 * sorted.length);
  let n = 0;
  let previous = 0;
  for (const id of sorted) {
    for (let gap = id - previous; ; gap >>>= 7) {
      if (gap < 0x80) {
        bytes[n++] = gap;
        break;
      }
      bytes[n++] = (gap & 0x7f) | 0x80;
    }
    previous = id;
  }
  return bytes.slice(0, n);
}

function* unpackIds(bytes: Uint8Array): Generator<number> {
  let id = 0;
  for (let i = 0; i < bytes.length; ) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[i++];
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    id += gap;
    yield id;
  }
}

/** Best first; ties in one order, whatever the order units are offered in: by document, then position. */
function compareHits(a: { unit: IndexedUnit; score: number }, b: { unit: IndexedUnit; score: number }): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.unit.doc.uri < b.unit.doc.uri ? -1 : a.unit.doc.uri > b.unit.doc.uri ? 1 : a.unit.line - b.unit.line || a.unit.ordinal - b.unit.ordinal;
}

/**
 * Keeps the units scoring above `cutoff`; with a limit, only the best few (a bounded heap, worst at
 * the root), with room for copies of one plan that the caller drops: a hover asks for 5 of 40,000.
 */
class Picker {
  private readonly kept: { unit: IndexedUnit; score: number }[] = [];
  /** How many it keeps at most. */
  readonly room: number;

  constructor(
    private readonly cutoff: number,
    limit: number | undefined,
  ) {
    this.room = limit === undefined ? Infinity : limit * 4 + 16;
  }

  offer(unit: IndexedUnit, score: number): void {
    if (!(score > this.cutoff)) return;
    const kept = this.kept;
    const hit = { unit, score };
    if (kept.length < this.room) {
      kept.push(hit);
      if (this.room !== Infinity) this.up(kept.length - 1);
    } else if (compareHits(hit, kept[0]) < 0) {
      kept[0] = hit;
      this.down(0);
    }
  }

  /** The score a unit must reach to be kept: the cutoff until the heap is full, then its worst. */
  bar(): number {
    return this.kept.length < this.room ? this.cutoff : Math.max(this.cutoff, this.kept[0].score);
  }

  ranked(): { unit: IndexedUnit; score: number }[] {
    return [...this.kept].sort(compareHits);
  }

  /** Heap order: a parent ranks below (compares greater than) its children. */
  private up(i: number): void {
    const kept = this.kept;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareHits(kept[i], kept[parent]) <= 0) return;
      [kept[i], kept[parent]] = [kept[parent], kept[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const kept = this.kept;
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) if (child < kept.length && compareHits(kept[child], kept[worst]) > 0) worst = child;
      if (worst === i) return;
      [kept[i], kept[worst]] = [kept[worst], kept[i]];
      i = worst;
    }
  }
}

/** The `size` largest values offered and their keys: a heap, least at the root. */
class Largest {
  private readonly values: Float64Array;
  private readonly held: Int32Array;
  private n = 0;

  constructor(private readonly size: number) {
    this.values = new Float64Array(size);
    this.held = new Int32Array(size);
  }

  offer(value: number, key: number): void {
    if (this.n < this.size) {
      let i = this.n++;
      while (i > 0 && this.values[(i - 1) >> 1] > value) {
        this.values[i] = this.values[(i - 1) >> 1];
        this.held[i] = this.held[(i - 1) >> 1];
        i = (i - 1) >> 1;
      }
      this.values[i] = value;
      this.held[i] = key;
    } else if (this.size > 0 && value > this.values[0]) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= this.n) break;
        if (c + 1 < this.n && this.values[c + 1] < this.values[c]) c++;
        if (this.values[c] >= value) break;
        this.values[i] = this.values[c];
        this.held[i] = this.held[c];
        i = c;
      }
      this.values[i] = value;
      this.held[i] = key;
    }
  }

  keys(): Int32Array {
    return this.held.subarray(0, this.n);
  }
}

/** -1 if `q` is not a subsequence of `title`; else lower is better: a substring beats scattered characters. */
function titleRank(title: string, q: string[]): number {
  if (q.length === 0) return 0;
  const at = title.indexOf(q.join(''));
  if (at >= 0) return at;
  let from = 0;
  let gaps = 0;
  for (const ch of q) {
    const i = title.indexOf(ch, from);
    if (i < 0) return -1;
    if (i > from) gaps++;
    from = i + ch.length;
  }
  return 1000 + gaps;
}



/** The set under `key`, made if there is none. */
function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Street, year and kind, when the plan says all three: versions of one plan share it. */
function planKey(meta: DocumentMetadata): string | undefined {
  return meta.place && meta.year && meta.kind ? `${meta.place}:${meta.year}:${meta.kind}` : undefined;
}

/** A URI with its escapes decoded and in one case: clients and Node write the same file differently (%3A, %e6). */
function comparable(uri: string): string {
  const { scheme, authority, path } = URI.parse(uri);
  return `${scheme}://${authority}${path}`.toLowerCase();
}

/** Whether `uri` names something inside the folder `folderUri`. */
export function uriUnder(uri: string, folderUri: string): boolean {
  const folder = comparable(folderUri);
  return comparable(uri).startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
