// Chinese text to index terms without a dictionary of our own: the runtime's ICU word segmenter
// plus character bigrams. ICU's Chinese dictionary leaves many policy words in single characters
// (招|商|引|资, 营|商, 业|委|会, 电|动|自行|车); bigrams joined across those pieces recover them.
// Measured on test/fixtures/related-pairs.json (precision at 3, brief-topic queries): these terms
// 0.846; bigrams over every adjacent pair 0.851 with more noise terms; jieba-wasm 2.4 words with the
// same bigrams 0.754 (0.794 with every pair) — so no segmenter library.
import { CJK, CJK_RANGES } from '../text/chars';
import { toSimplified } from '../text/simplified';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK_WORD = new RegExp(`^[${CJK}]+$`);
/** Spaces that extraction put inside Chinese text (`营商 环境`, a line broken after `搭建`). */
const CJK_GAP = new RegExp(`(?<=[${CJK}“”"（）()、，,])\\s+(?=[${CJK}“”"（）()])`, 'g');

/** Bigrams live in their own namespace so a two-character word and the same bigram count apart. */
const BIGRAM = '\u0001';

export function isBigram(term: string): boolean {
  return term.charCodeAt(0) === 1;
}

/** The characters a term stands for, for display. */
export function termText(term: string): string {
  return isBigram(term) ? term.slice(1) : term;
}

/**
 * Text as matching compares it, whatever the plan's script and width: compatibility forms and
 * full-width letters, digits and punctuation folded (NFKC), lower case, Simplified characters,
 * without the gaps extraction left between ideographs.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(/\*\*/g, '').replace(CJK_GAP, '');
}

/** Longest piece handed to ICU at once: its word segmenter slows down sharply on long runs of text. */
const MAX_CHUNK = 200;
const CHUNK_END = /[。！？；!?;\n]/g;

/** The text in sentences, none longer than MAX_CHUNK (a sentence that long is cut where it stands). */
function* chunks(text: string): Generator<string> {
  let start = 0;
  const cut = (end: number) => {
    const pieces: string[] = [];
    for (let p = start; p < end; p += MAX_CHUNK) pieces.push(text.slice(p, Math.min(end, p + MAX_CHUNK)));
    start = end;
    return pieces;
  };
  CHUNK_END.lastIndex = 0;
  for (let m = CHUNK_END.exec(text); m; m = CHUNK_END.exec(text)) yield* cut(m.index + 1);
  yield* cut(text.length);
}

/** What a scan of text hands on: each word as ICU gave it, each bigram as its two UTF-16 codes. */
interface TermSink {
  word(word: string): void;
  /** `readable`: joined from two lone characters (see addTerms). */
  bigram(first: number, second: number, readable: boolean): void;
}

/** The terms of normalised text, in order: a word, then its bigrams, then the bigram joining it to the word before. */
function scanTerms(normalized: string, sink: TermSink): void {
  for (const chunk of chunks(normalized)) {
    // The word before, where it ended, and whether it was Chinese.
    let prevWord = '';
    let prevEnd = -1;
    let prevCjk = false;
    for (const s of segmenter.segment(chunk)) {
      if (!s.isWordLike) continue;
      const word = s.segment;
      const cjk = CJK_WORD.test(word);
      // A lone ideograph is often a morpheme that carries the topic (商, 老, 残, 创); particles
      // (的, 和) are in every unit and weigh nothing. A lone Latin letter or digit is noise.
      if (cjk || word.length > 1) sink.word(word);
      if (cjk) {
        if (word.length > 2) for (let i = 0; i + 2 <= word.length; i++) sink.bigram(word.charCodeAt(i), word.charCodeAt(i + 1), false);
        // Join a single character to its neighbour; two dictionary words side by side (精品|小区)
        // are not joined: 品小 means nothing.
        if (prevCjk && prevEnd === s.index && (prevWord.length === 1 || word.length === 1)) {
          sink.bigram(prevWord.charCodeAt(prevWord.length - 1), word.charCodeAt(0), prevWord.length === 1 && word.length === 1);
        }
      }
      prevWord = word;
      prevEnd = s.index + word.length;
      prevCjk = cjk;
    }
  }
}

/**
 * Adds `weight` for every term of `text` to `into`; returns the weight added (the text's length in
 * terms). `words`, if given, collects the bigrams joined from two lone characters: words ICU did not
 * know (招商, 双拥), worth showing a reader, unlike a bigram across a word's edge (用心|用 → 心用).
 */
export function addTerms(text: string, weight: number, into: Map<string, number>, words?: Set<string>): number {
  let added = 0;
  const add = (term: string): void => {
    into.set(term, (into.get(term) ?? 0) + weight);
    added += weight;
  };
  scanTerms(normalizeText(text), {
    word: add,
    bigram(first, second, readable) {
      const bigram = BIGRAM + String.fromCharCode(first, second);
      add(bigram);
      if (readable) words?.add(bigram);
    },
  });
  return added;
}

/** The terms of one text as numbers of a TermTable. */
export interface TableTerms {
  /** Distinct term ids, in the order first met, with their counts beside them. */
  ids: Int32Array;
  counts: Float64Array;
  /** Number of terms (addTerms' weight added, at weight 1). */
  total: number;
  /** The readable bigrams (see addTerms), distinct, in the order first met. */
  words: Int32Array;
}

/** Each ideograph's position among all of CJK_RANGES, so that a pair of them makes one small integer. */
const CJK_ORDINAL = new Uint16Array(0x10000);
let CJK_COUNT = 0;
for (const [from, to] of CJK_RANGES) for (let c = from; c <= to; c++) CJK_ORDINAL[c] = CJK_COUNT++;

/**
 * The terms of many texts (a plan's), numbered in the order first met: counting a text looks each
 * word up once and a bigram by its two codes, and builds a string only for a term not seen before.
 * Counts as addTerms does at weight 1, term for term in the same order.
 */
export class TermTable {
  /** Term by id, as addTerms spells it. */
  readonly terms: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly bigramIds = new Map<number, number>();
  /** Counts of the text being counted, by id, and its ids in the order first met. */
  private counts = new Float64Array(256);
  private order: number[] = [];
  private words: number[] = [];
  private total = 0;
  private readonly sink: TermSink = {
    word: (word) => {
      let id = this.wordIds.get(word);
      if (id === undefined) this.wordIds.set(word, (id = this.newTerm(word)));
      this.count(id);
    },
    bigram: (first, second, readable) => {
      const key = CJK_ORDINAL[first] * CJK_COUNT + CJK_ORDINAL[second];
      let id = this.bigramIds.get(key);
      if (id === undefined) this.bigramIds.set(key, (id = this.newTerm(BIGRAM + String.fromCharCode(first, second))));
      this.count(id);
      if (readable && !this.words.includes(id)) this.words.push(id);
    },
  };

  /** Terms of `normalized` (text already through normalizeText). */
  add(normalized: string): TableTerms {
    this.total = 0;
    scanTerms(normalized, this.sink);
    const ids = Int32Array.from(this.order);
    const counts = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      counts[i] = this.counts[ids[i]];
      this.counts[ids[i]] = 0;
    }
    const result = { ids, counts, total: this.total, words: Int32Array.from(this.words) };
    this.order.length = 0;
    this.words.length = 0;
    return result;
  }

  private newTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.counts.length) {
      const grown = new Float64Array(2 * this.counts.length);
      grown.set(this.counts);
      this.counts = grown;
    }
    return id;
  }

  private count(id: number): void {
    if (this.counts[id] === 0) this.order.push(id);
    this.counts[id] += 1;
    this.total += 1;
  }
}
