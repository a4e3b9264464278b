// Street, district, year and kind of a plan, read from its title or first lines (PLAN-FORMAT §2).
import { digitsValue } from './markers';
import { DocumentMetadata } from '../model';
import { occurrences } from '../text/chars';

const PLACE_SUFFIX = '(?:街道|镇|鎮|乡|鄉)';
// A place name follows the start, punctuation, a district or 《 (and the Party's 中共 of a committee's name);
// it is 2–8 ideographs ending in 街道/镇/乡.
const PLACE = new RegExp(
  `(?:^|[\\s。，,、；;：:“"《（(])(?:中共)?(?:[\\u4e00-\\u9fff]{0,6}?(?:省|市))?([\\u4e00-\\u9fff]{1,6}?(?:区|區|县|縣|市))?([\\u4e00-\\u9fff]{2,8}?${PLACE_SUFFIX})(?:办事处|辦事處)?`,
);
const YEAR = /((?:19|20|１９|２０)[0-9０-９]{2})\s*年/;
const CN_YEAR = /([〇零一二三四五六七八九]{4})\s*年/;
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

const TITLE_KIND = /(?:计划|計劃|計畫|打算|安排)|(要点|要點)|(总结|總結)/;

// Constants rather than literals in the function: a literal makes a new RegExp each time.
/** A title is not a sentence: no clause or sentence punctuation anywhere in it. */
const CLAUSE_MARK = /[，,；;。！？!?]/;
/** What a title ends with: the kind of document (or a notice that covers one). */
const TITLE_END = /(?:计划|計劃|計畫|要点|要點|总结|總結|安排|思路|打算|通\s*知)$/;
/** A note after a title: `（草案）`, `(征求意见稿)`. */
const TITLE_NOTE = /\s*[（(【][^（()）【】]{1,10}[）)】]$/;

/**
 * Whether a line reads like a plan's title: `XX街道2025年工作计划`, `# 江苏路街道 2024 年工作计划`,
 * `关于印发《…2025年工作计划》的通知`; not prose that names one (`按照2024年招商引资工作安排，…`).
 */
export function looksLikeTitle(s: string): boolean {
  const t = s.trim();
  if (t.length > 60 || CLAUSE_MARK.test(t) || occurrences(t, '《') !== occurrences(t, '》')) return false;
  return (YEAR.test(t) || CN_YEAR.test(t)) && TITLE_END.test(t.replace(TITLE_NOTE, ''));
}

function yearOf(s: string): number | undefined {
  const m = YEAR.exec(s);
  if (m) return digitsValue(m[1]);
  const c = CN_YEAR.exec(s);
  if (c) return Number([...c[1]].map((ch) => CN_DIGIT[ch]).join(''));
  return undefined;
}

function placeOf(s: string): { place?: string; district?: string } {
  const m = PLACE.exec(s);
  if (!m) return {};
  return { place: m[2], district: m[1] };
}

/**
 * `title` is the document title if the parser found one; `opening` is the first lines of text
 * (a preamble usually names the street: `新华路街道将以…`).
 */
export function readMetadata(title: string | undefined, opening: string): DocumentMetadata {
  const meta: DocumentMetadata = {};
  if (title) {
    meta.title = title;
    const k = TITLE_KIND.exec(title);
    meta.kind = k ? (k[2] ? '总结' : k[1] ? '要点' : '计划') : '其他';
  }
  const fromTitle = title ? placeOf(title) : {};
  const fromOpening = placeOf(opening);
  meta.place = fromTitle.place ?? fromOpening.place;
  meta.district = fromTitle.district ?? (fromTitle.place && fromOpening.place !== fromTitle.place ? undefined : fromOpening.district);
  meta.year = (title && yearOf(title)) || yearOf(opening);
  for (const key of Object.keys(meta) as (keyof DocumentMetadata)[]) if (meta[key] === undefined) delete meta[key];
  return meta;
}

/** Metadata from a file name, for what the text does not say: `长宁区华阳路街道2025年工作计划.txt`. */
export function metadataFromFileName(name: string): DocumentMetadata {
  const base = name.replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' ');
  return readMetadata(TITLE_KIND.test(base) ? base : undefined, base);
}
