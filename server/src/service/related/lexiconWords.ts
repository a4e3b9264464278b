// The topic lexicon's terms (topics.ts) as one matcher over normalised text: the longest term that
// starts at a position. Terms cut runs of ideographs at them (terms.ts); topics are counted by them
// (TopicScan), in the same pass where a plan's terms are counted.
import { normalizeText } from './normalize';
import { TOPICS } from './topics';

export interface LexiconEntry {
  /** The term as normalised text. */
  term: string;
  topic: number;
}

/**
 * Lexicon terms by their first UTF-16 code, longest first; `starts` marks those codes for a quick miss
 * (bit 1: a term of two or more characters starts with it; bit 2: a one-character term is it).
 */
const byFirst = new Map<number, LexiconEntry[]>();
const starts = new Uint8Array(0x10000);
/**
 * A second quick miss, by the first two codes (hashed; a one-character term marks its code alone):
 * most places where a term's first character stands start no term, and each candidate cost a
 * startsWith (lists of up to 19 terms a character).
 */
const pairs = new Uint8Array(0x10000);
const pairHash = (first: number, second: number): number => (Math.imul(first, 31) + second) & 0xffff;
/** Each lexicon term's topic (a term is in one topic only). */
export const TOPIC_OF_TERM = new Map<string, number>();
TOPICS.forEach((t, topic) => {
  for (const raw of t.terms) {
    const term = normalizeText(raw);
    TOPIC_OF_TERM.set(term, topic);
    const list = byFirst.get(term.charCodeAt(0)) ?? [];
    list.push({ term, topic });
    byFirst.set(term.charCodeAt(0), list.sort((a, b) => b.term.length - a.term.length));
    starts[term.charCodeAt(0)] |= term.length === 1 ? 2 : 1;
    if (term.length > 1) pairs[pairHash(term.charCodeAt(0), term.charCodeAt(1))] = 1;
  }
});

/** The longest lexicon term at `at` in `text`, ending by `end`; undefined if none starts there. */
export function lexiconEntryAt(text: string, at: number, end = text.length): LexiconEntry | undefined {
  const code = text.charCodeAt(at);
  const start = starts[code];
  if (!start) return undefined;
  const second = text.charCodeAt(at + 1);
  if (!(start & 2) && !pairs[pairHash(code, second)]) return undefined;
  for (const entry of byFirst.get(code)!) {
    const { term } = entry;
    if (at + term.length <= end && (term.length === 1 || term.charCodeAt(1) === second) && text.startsWith(term, at)) return entry;
  }
  return undefined;
}

/**
 * Counting topics: at each position of the text the longest lexicon term is a hit and the scan goes on
 * past it, else on to the next position. The term scan (terms.ts) looks terms up within runs of
 * ideographs only, bounded by the run: where both look at the same position they share the look-up
 * (entryAt), and the topic scan does the rest itself (non-CJK terms such as gdp, 12345, 15分钟, a
 * run's last character, a one-character term).
 */
export class TopicScan {
  private at = 0;

  /** Counts each topic's hits into `hits`, by topic index. */
  constructor(
    private readonly text: string,
    private readonly hits: Map<number, number>,
  ) {}

  /** Scans on to `limit` (a term that starts before it may take the scan past it). */
  upTo(limit: number): void {
    while (this.at < limit) this.step(lexiconEntryAt(this.text, this.at));
  }

  /** lexiconEntryAt(text, at, end) for the term scan, which looks at ascending positions. */
  entryAt(at: number, end: number): LexiconEntry | undefined {
    this.upTo(at);
    if (this.at !== at) return lexiconEntryAt(this.text, at, end);
    const entry = lexiconEntryAt(this.text, at);
    this.step(entry);
    return entry && at + entry.term.length > end ? lexiconEntryAt(this.text, at, end) : entry;
  }

  private step(entry: LexiconEntry | undefined): void {
    if (!entry) {
      this.at++;
      return;
    }
    this.hits.set(entry.topic, (this.hits.get(entry.topic) ?? 0) + 1);
    this.at += entry.term.length;
  }
}
