// The topic lexicon's terms (topics.ts) as one matcher over normalised text: the longest term that
// starts at a position. Terms cut runs of ideographs at them (terms.ts); topics are counted by them
// (lexicon.ts).
import { normalizeText } from './normalize';
import { TOPICS } from './topics';

export interface LexiconEntry {
  /** The term as normalised text. */
  term: string;
  topic: number;
}

/** Lexicon terms by their first UTF-16 code, longest first; `starts` marks those codes for a quick miss. */
const byFirst = new Map<number, LexiconEntry[]>();
const starts = new Uint8Array(0x10000);
/** Each lexicon term's topic (a term is in one topic only). */
export const TOPIC_OF_TERM = new Map<string, number>();
TOPICS.forEach((t, topic) => {
  for (const raw of t.terms) {
    const term = normalizeText(raw);
    TOPIC_OF_TERM.set(term, topic);
    const list = byFirst.get(term.charCodeAt(0)) ?? [];
    list.push({ term, topic });
    byFirst.set(term.charCodeAt(0), list.sort((a, b) => b.term.length - a.term.length));
    starts[term.charCodeAt(0)] = 1;
  }
});

/** The longest lexicon term at `at` in `text`, ending by `end`; undefined if none starts there. */
export function lexiconEntryAt(text: string, at: number, end = text.length): LexiconEntry | undefined {
  const code = text.charCodeAt(at);
  if (!starts[code]) return undefined;
  for (const entry of byFirst.get(code)!) if (at + entry.term.length <= end && text.startsWith(entry.term, at)) return entry;
  return undefined;
}
