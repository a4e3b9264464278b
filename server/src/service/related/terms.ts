// Chinese text to index terms with a loop over UTF-16 codes, no segmenter: every run of ideographs is
// cut at the topic lexicon's words (topics.ts, the only word list we ship), and gives the bigrams of
// its pieces; Latin words and numbers are taken whole. Measured on test/fixtures/related-pairs.json,
// tuning half (precision at 3, seed → seed / unseen → seed), beside ICU's words with their bigrams
// and bigrams joining a lone character (0.971 / 0.880): these terms 0.980 / 0.880; with bigrams across
// pieces where one is a lone character 0.980 / 0.880, across every piece 0.980 / 0.870; every
// character as a term too 0.931 / 0.889; no lexicon (bigrams of whole runs) 0.980 / 0.880, but then no
// word a reader could be shown. ICU's Intl.Segmenter cost 5 s of CPU for 1,000 plans, this scan
// tens of ms. Earlier, on the old pairs: ICU's terms 0.846, every-pair bigrams 0.851, jieba-wasm 2.4
// words with bigrams 0.754 — so no segmenter library.
import { CJK_RANGES, isAsciiDigitCode, isCjkCode } from '../text/chars';
import { float64s, withRoom } from '../text/grow';
import { lexiconEntryAt, TopicScan } from './lexiconWords';
import { normalizeText } from './normalize';

/** Bigrams live in their own namespace so a two-character word and the same bigram count apart. */
const BIGRAM = '\u0001';

export function isBigram(term: string): boolean {
  return term.charCodeAt(0) === 1;
}

/** The characters a term stands for, for display. */
export function termText(term: string): string {
  return isBigram(term) ? term.slice(1) : term;
}

/** What a scan of text hands on: each word, each bigram as its two UTF-16 codes. */
interface TermSink {
  word(word: string): void;
  /** `readable`: a bigram that stood as a word of its own (see addTerms). */
  bigram(first: number, second: number, readable: boolean): void;
}

/** Letters and digits outside CJK_RANGES below the CJK blocks, by UTF-16 code (after NFKC and lower case). */
const LETTER = new Uint8Array(0x3000);
for (let c = 0; c < LETTER.length; c++) LETTER[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0;

/** Each ideograph's position among all of CJK_RANGES, so that a pair of them makes one small integer. */
const CJK_ORDINAL = new Uint16Array(0x10000);
let CJK_COUNT = 0;
for (const [from, to] of CJK_RANGES) for (let c = from; c <= to; c++) CJK_ORDINAL[c] = CJK_COUNT++;

const pairKey = (first: number, second: number): number => CJK_ORDINAL[first] * CJK_COUNT + CJK_ORDINAL[second];

/**
 * The terms of normalised text, in order: Chinese runs cut at lexicon words, Latin and digit tokens,
 * lone astral ideographs; with `topics` (a TopicScan of the same text), its topics in the same pass.
 */
function scanTerms(text: string, sink: TermSink, topics?: TopicScan): void {
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (isCjkCode(c)) {
      let end = i + 1;
      while (end < n && isCjkCode(text.charCodeAt(end))) end++;
      scanRun(text, i, end, sink, topics);
      i = end;
    } else if (c < 0x3000 && LETTER[c]) {
      let end = i + 1;
      for (;;) {
        const d = text.charCodeAt(end);
        if (d < 0x3000 && LETTER[d]) end++;
        // 12.5, 1,000: one number
        else if ((d === 0x2e || d === 0x2c) && isAsciiDigitCode(text.charCodeAt(end - 1)) && isAsciiDigitCode(text.charCodeAt(end + 1))) end += 2;
        else break;
      }
      // A lone Latin letter or digit is noise.
      if (end - i > 1) sink.word(text.slice(i, end));
      i = end;
    } else if (c >= 0xd840 && c <= 0xd8bf && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // An ideograph beyond the BMP (extensions B to G): a word of its own, never half of a bigram.
      sink.word(text.slice(i, i + 2));
      i += 2;
    } else i++;
  }
  topics?.upTo(n);
}

/**
 * A run of ideographs `text[from, to)`, cut into pieces at the lexicon's words (longest first, left
 * to right). A piece of one character is a word (a morpheme that may carry the topic: 商, 老, 残); a
 * piece of two is a bigram that stood alone, so likely a word (双拥, 为老, 电梯); a longer piece gives
 * its bigrams, and a lexicon word of three or more characters counts as itself too. No bigram joins
 * two pieces: 招商|引资 gives no 商引.
 */
function scanRun(text: string, from: number, to: number, sink: TermSink, topics: TopicScan | undefined): void {
  let gap = from;
  for (let i = from; i + 1 < to; ) {
    // Within a run every match is ideographs; a one-character term (侨) cuts nothing.
    const length = (topics ? topics.entryAt(i, to) : lexiconEntryAt(text, i, to))?.term.length ?? 0;
    if (length < 2) {
      i++;
      continue;
    }
    if (gap < i) scanPiece(text, gap, i, false, sink);
    scanPiece(text, i, i + length, true, sink);
    i += length;
    gap = i;
  }
  if (gap < to) scanPiece(text, gap, to, false, sink);
}

/**
 * One piece of a run (see scanRun), `known` if it is a lexicon word. A function of the module, not a
 * closure per run: V8 drops a dead closure's optimised code at a full collection and compiles the next
 * one again (10–14 times a worker in a first index).
 */
function scanPiece(text: string, start: number, end: number, known: boolean, sink: TermSink): void {
  const length = end - start;
  if (length === 1 || (known && length > 2)) sink.word(text.slice(start, end));
  if (length === 2) sink.bigram(text.charCodeAt(start), text.charCodeAt(start + 1), true);
  else for (let k = start; k + 1 < end; k++) sink.bigram(text.charCodeAt(k), text.charCodeAt(k + 1), false);
}

/**
 * Adds `weight` for every term of `text` to `into`; returns the weight added (the text's length in
 * terms). `words`, if given, collects the bigrams that stood alone between lexicon words or
 * punctuation (招商, 双拥): words worth showing a reader, unlike a bigram inside a longer piece (用心用情 → 心用).
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

/**
 * The terms of one text as numbers of a TermTable. Plain arrays, not typed ones: a plan's units give
 * some 200 of them, each a buffer of its own in the C heap if typed, and a worker's glibc heap, which
 * never gives back a page from its middle, grew with them (docs/performance.md).
 */
export interface TableTerms {
  /** Distinct term ids, in the order first met, with their counts beside them. */
  ids: number[];
  counts: number[];
  /** Number of terms (addTerms' weight added, at weight 1). */
  total: number;
  /** The readable bigrams (see addTerms), distinct, in the order first met. */
  words: number[];
  /** Hits of each topic's lexicon terms (TopicScan), by topic index, in the order first met. */
  topics: Map<number, number>;
}

/**
 * Counts of the text a TermTable is counting, by term id, zero between texts: one for every table of
 * the thread (a text is counted in one go), so no table grows a buffer of its own, a plan's in
 * doublings up to tens of KB.
 */
let counting = float64s(4096);

/**
 * The terms of many texts (a plan's), numbered in the order first met: counting a text looks each
 * word up once and a bigram by its two codes, and builds a string only for a term not seen before.
 * Counts as addTerms does at weight 1, term for term in the same order, and topics as a TopicScan
 * alone does, in the same pass (one scan of the text for lexicon words, not two).
 */
export class TermTable implements TermSink {
  /** Term by id, as addTerms spells it. */
  readonly terms: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly bigramIds = new Map<number, number>();
  /** The ids of the text being counted in the order first met (their counts are in `counting`). */
  private order: number[] = [];
  private words: number[] = [];
  private total = 0;

  /** Terms and topics of `normalized` (text already through normalizeText). */
  add(normalized: string): TableTerms {
    this.total = 0;
    const ids: number[] = (this.order = []);
    const words: number[] = (this.words = []);
    const counts: number[] = [];
    const topics = new Map<number, number>();
    try {
      scanTerms(normalized, this, new TopicScan(normalized, topics));
    } finally {
      // Back to zero even if the scan threw: every table of the thread counts in the same array.
      for (const id of ids) {
        counts.push(counting[id]);
        counting[id] = 0;
      }
    }
    return { ids, counts, total: this.total, words, topics };
  }

  // The scan's sink: methods, not closures made per table (see scanPiece).
  /** @internal */
  word(word: string): void {
    let id = this.wordIds.get(word);
    if (id === undefined) this.wordIds.set(word, (id = this.newTerm(word)));
    this.count(id);
  }

  /** @internal */
  bigram(first: number, second: number, readable: boolean): void {
    const key = pairKey(first, second);
    let id = this.bigramIds.get(key);
    if (id === undefined) this.bigramIds.set(key, (id = this.newTerm(BIGRAM + String.fromCharCode(first, second))));
    this.count(id);
    if (readable && !this.words.includes(id)) this.words.push(id);
  }

  private newTerm(term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    counting = withRoom(counting, id + 1, float64s);
    return id;
  }

  private count(id: number): void {
    if (counting[id] === 0) this.order.push(id);
    counting[id] += 1;
    this.total += 1;
  }
}
