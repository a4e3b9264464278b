// Finding the topics of topics.ts in a plan's text: every lexicon term is looked for as a substring
// of normalised text, the longest one at each position (TopicScan in lexiconWords.ts), then past it,
// so 闲置物业 counts for 楼宇园区 and not again as 物业 for 物业管理. A plan's units count them as they
// count their terms (TermTable in terms.ts).
import { GENERIC_WORDS } from './generic';
import { TOPIC_OF_TERM } from './lexiconWords';
import { addTerms, termText } from './terms';
import { TOPICS } from './topics';

/** Topics travel with a unit's terms as terms of their own namespace (as bigrams have theirs). */
const TOPIC_MARK = '\u0002';

export function topicTerm(topic: number): string {
  return TOPIC_MARK + topic;
}

/** The topic index a term stands for, or -1 for a term of the text. */
export function topicOfTerm(term: string): number {
  return term.charCodeAt(0) === 2 ? Number(term.slice(1)) : -1;
}

/**
 * Each topic's lexicon terms as the index's terms (words and bigrams), for expanding a question;
 * without the pieces that are another topic's terms: 社会消费品零售 speaks of the economy's figures,
 * and the 消费 and 零售 inside it must not draw measures on shops and consumption.
 */
export function topicTermsAsIndexTerms(topic: number): Map<string, number> {
  let terms = expansions[topic];
  if (!terms) {
    terms = expansions[topic] = new Map();
    for (const term of TOPICS[topic].terms) addTerms(term, 1, terms);
    for (const term of terms.keys()) if ((TOPIC_OF_TERM.get(termText(term)) ?? topic) !== topic) terms.delete(term);
  }
  return terms;
}
const expansions: Map<string, number>[] = [];

/** Whether `word` is a term of the lexicon: a word that says what a measure is about. */
export function isLexiconTerm(word: string): boolean {
  return TOPIC_OF_TERM.has(word);
}

const generic = new Set(GENERIC_WORDS);

/** Whether `word` is government prose a measure on any topic uses (see generic.ts). */
export function isGeneric(word: string): boolean {
  return generic.has(word);
}
