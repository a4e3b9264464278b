// Text as related-measure matching compares it: shared by the terms (terms.ts) and the lexicon's
// words (lexiconWords.ts), which must be normalised alike to meet.
import { CJK } from '../text/chars';
import { toSimplified } from '../text/simplified';

/** Spaces that extraction put inside Chinese text (`营商 环境`, a line broken after `搭建`). */
const CJK_GAP = new RegExp(`(?<=[${CJK}“”"（）()、，,])\\s+(?=[${CJK}“”"（）()])`, 'g');

/**
 * Text as matching compares it, whatever the plan's script and width: compatibility forms and
 * full-width letters, digits and punctuation folded (NFKC), lower case, Simplified characters,
 * without the gaps extraction left between ideographs.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase()).replace(/\*\*/g, '').replace(CJK_GAP, '');
}
