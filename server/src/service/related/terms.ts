// Chinese text to index terms without a dictionary of our own: the runtime's ICU word segmenter
// plus character bigrams. ICU's Chinese dictionary leaves many policy words in single characters
// (招|商|引|资, 营|商, 业|委|会, 电|动|自行|车); bigrams joined across those pieces recover them.
// Measured on test/fixtures/related-pairs.json (precision at 3, brief-topic queries): these terms
// 0.846; bigrams over every adjacent pair 0.851 with more noise terms; jieba-wasm 2.4 words with the
// same bigrams 0.754 (0.794 with every pair) — so no segmenter library.
import { CJK } from '../text/chars';
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

/**
 * Adds `weight` for every term of `text` to `into`; returns the weight added (the text's length in
 * terms). `words`, if given, collects the bigrams joined from two lone characters: words ICU did not
 * know (招商, 双拥), worth showing a reader, unlike a bigram across a word's edge (用心|用 → 心用).
 */
export function addTerms(text: string, weight: number, into: Map<string, number>, words?: Set<string>): number {
  return addNormalizedTerms(normalizeText(text), weight, into, words);
}

/** addTerms for text already through normalizeText. */
export function addNormalizedTerms(normalized: string, weight: number, into: Map<string, number>, words?: Set<string>): number {
  let added = 0;
  const add = (term: string): void => {
    into.set(term, (into.get(term) ?? 0) + weight);
    added += weight;
  };
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
      if (cjk || word.length > 1) add(word);
      if (cjk) {
        if (word.length > 2) for (let i = 0; i + 2 <= word.length; i++) add(BIGRAM + word.slice(i, i + 2));
        // Join a single character to its neighbour; two dictionary words side by side (精品|小区)
        // are not joined: 品小 means nothing.
        if (prevCjk && prevEnd === s.index && (prevWord.length === 1 || word.length === 1)) {
          const bigram = BIGRAM + prevWord[prevWord.length - 1] + word[0];
          add(bigram);
          if (prevWord.length === 1 && word.length === 1) words?.add(bigram);
        }
      }
      prevWord = word;
      prevEnd = s.index + word.length;
      prevCjk = cjk;
    }
  }
  return added;
}
