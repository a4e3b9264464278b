// Street, district, year and kind of a plan, read from its title, the fields of the web page it was
// copied from, or its first lines (PLAN-FORMAT §2 "Place and year").
import { DocumentMetadata } from '../model';
import { charClass, inClass, occurrences } from '../text/chars';
import { digitsValue } from './markers';

const PLACE_SUFFIX = '(?:街道|镇|鎮|乡|鄉)';
/** What makes the suffix part of a word instead (`乡村`, `乡镇`, `镇村`, `镇域`). */
const NOT_AFTER_PLACE = '[村镇鎮土亲親情愁贤賢风風里裡街域级級]';
/** At most this many ideographs before 街道/镇/乡: a longer run is prose that happens to end in one (`全力冲刺经济强镇`). */
const MAX_NAME = 5;
const DISTRICT_SUFFIX = '(?:区|區|县|縣|市)';
// A place name follows the start, punctuation, a district, 《 or the Party's 中共 of a committee's
// name; it is 2–8 ideographs ending in 街道/镇/乡. Words that only lead into a name are cut off after.
const PLACE = new RegExp(
  `(?:^|[\\s。，,、；;：:“"《（(|—]|[0-9０-９]{4}\\s*年度?)(?:中共)?(?:[\\u4e00-\\u9fff]{0,6}?(?:省|市))?([\\u4e00-\\u9fff]{1,6}?${DISTRICT_SUFFIX})?([\\u4e00-\\u9fff]{1,8}?${PLACE_SUFFIX})(?!${NOT_AFTER_PLACE})`,
  'g',
);
/** A community (`XX社区`), named where no street or town is. */
const COMMUNITY = /(?:^|[\s。，,、；;：:“"《（(|])([\u4e00-\u9fffA-Za-z]{2,8}?(?:社区|社區))/;
/** Words that lead into a place name in prose but are not part of it: `关于…`, `也是街道`. */
const LEAD_IN_WORD = /^(?:关于|關於|也是|就是|全体|全體|围绕|圍繞|按照|根据|根據|依托|推动|推動)/;
/** Single characters that do so (`在南湖街道`, `由…`), cut only where a name of two characters or more is left. */
const LEAD_IN_CHAR = /^[在由对對向将將是为為我本该該于於从從据據经經即也让讓使把被给給及与與]/;
/** A name that holds an organ of government is no place (`县政府和镇`), nor one that only points (`我镇`, `全乡`). */
const NOT_A_NAME = new RegExp([
  '政府|党委|黨委|委员会|委員會|人大|政协|政協|部门|部門',
  '^[我本该該全各此其每][街镇鎮乡鄉]|[我本该該全各此其每将將](?:街道|[镇鎮乡鄉])$',
  '^(?:乡|鄉|城|集|村|重|强|強|名|小|古)[镇鎮]$|小[镇鎮]$|^城[乡鄉]$',
  // Verbs of prose that ends in 街道 or 镇: `现结合街道实际`, `全力冲刺经济强镇`.
  '结合|結合|按照|根据|根據|围绕|圍繞|推进|推進|加强|加強|提升|提高|深化|促进|促進|推动|推動|实现|實現|开展|開展|落实|落實|服务|服務|提供|支持|参与|參與|融入|走进|走進|深入|冲刺|衝刺|打造|创建|創建|统筹|統籌|带动|帶動|组织|組織|领导|領導',
].join('|'));
/** Generic communities (`城市社区`) name no place. */
const GENERIC_COMMUNITY = /^(?:城市|农村|農村|城乡|城鄉|新型|和谐|和諧|智慧)社[区區]$/;

const YEAR_NUMBER = '(?:19|20|１９|２０)[0-9０-９]{2}';
const YEAR = new RegExp(`(${YEAR_NUMBER})\\s*(?:年|上半年|下半年|[—–\\-－~～至到]\\s*${YEAR_NUMBER}\\s*年)`);
const CN_YEAR = /([〇零一二三四五六七八九]{4})\s*年/;
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A dated field of a web page (`发文日期: | 2022-12-22 |`): its year, where nothing else gives one. */
const DATE_FIELD = new RegExp(`(${YEAR_NUMBER})[-/.年]\\s*[0-9０-９]{1,2}`);

/** The kinds of document a title ends with. */
const KIND_WORDS = '计划|計劃|計畫|打算|安排|要点|要點|思路|谋划|謀劃|规划|規劃|方案|措施|总结|總結|报告|報告|汇报|匯報|情况|情況';
const KIND = new RegExp(KIND_WORDS, 'g');
/** `2023年工作总结及2024年工作计划`: a review joined to the plan for the next year, which the document is for. */
const JOINED = /(?:及|和|暨|与|與|并|並|、)/;

// Constants rather than literals in the function: a literal makes a new RegExp each time.
/** A title is not a sentence: no clause or sentence punctuation anywhere in it. */
const CLAUSE_MARK = /[，,；;。！？!?]/;
/** What a title ends with: the kind of document (or a notice that covers one). */
const TITLE_END = new RegExp(`(?:${KIND_WORDS}|通\\s*知)$`);
/** A note after a title: `（草案）`, `(征求意见稿)`, or a template site's `篇1`. */
const TITLE_NOTE = /\s*(?:[（(【][^（()）【】]{1,10}[）)】]|篇[0-9一二三四五六七八九十]{1,3})$/;
/** A title without a year names the work (`乡镇重点工作安排`): read as one only at the top. */
const WORK_TITLE = new RegExp(`工作(?:${KIND_WORDS})$`);

/**
 * Whether a line reads like a plan's title: `XX街道2025年工作计划`, `# 江苏路街道 2024 年工作计划`,
 * `关于印发《…2025年工作计划》的通知`; not prose that names one (`按照2024年招商引资工作安排，…`).
 * `atTop`: the line opens the document, where a title may leave out its year (`乡镇重点工作安排`).
 */
export function looksLikeTitle(s: string, atTop = false): boolean {
  const t = s.trim();
  if (t.length > 60 || CLAUSE_MARK.test(t) || occurrences(t, '《') !== occurrences(t, '》')) return false;
  if (YEAR.test(t) || CN_YEAR.test(t)) return TITLE_END.test(withoutNote(t));
  return atTop && t.length <= 30 && WORK_TITLE.test(withoutNote(t));
}

/** What may end a TITLE_NOTE: a closing bracket, a number after 篇. */
const NOTE_ENDS = charClass('）)】0123456789一二三四五六七八九十');

/** `t` without a TITLE_NOTE; the pattern, tried at every character, only where `t` ends as a note does. */
function withoutNote(t: string): string {
  return inClass(t.charCodeAt(t.length - 1), NOTE_ENDS) ? t.replace(TITLE_NOTE, '') : t;
}

function yearOf(s: string): number | undefined {
  const m = YEAR.exec(s);
  if (m) return digitsValue(m[1]);
  const c = CN_YEAR.exec(s);
  if (c) return Number([...c[1]].map((ch) => CN_DIGIT[ch]).join(''));
  return undefined;
}

/** The year a title is for: the plan's, after a review of the year before (`2023年工作总结及2024年工作计划` → 2024). */
function titleYear(title: string): number | undefined {
  const parts = title.split(JOINED);
  for (let k = parts.length - 1; k > 0; k--) {
    const y = yearOf(parts[k]);
    if (y !== undefined) return y;
  }
  return yearOf(title);
}

/** The kind of a title: its last kind word (a review joined to a plan is a plan). */
function kindOf(title: string): DocumentMetadata['kind'] {
  const words = title.match(KIND) ?? [];
  const last = words[words.length - 1];
  if (!last) return '其他';
  if (/总结|總結|报告|報告|汇报|匯報|情况|情況/.test(last)) return '总结';
  return /要点|要點/.test(last) ? '要点' : '计划';
}

/** `name` without the words that lead into it in prose; a single character only where two or more are left before the suffix. */
function withoutLeadIn(name: string): string {
  let n = name.replace(LEAD_IN_WORD, '');
  const suffix = n.endsWith('街道') ? 2 : 1;
  // `在南湖街道` → 南湖街道; `在镇` → 镇 (no name); a lone lead-in before one character is part of the name.
  if (LEAD_IN_CHAR.test(n) && n.length - 1 - suffix !== 1) n = n.slice(1);
  return n;
}

/** The first street, town or township named in `s`, with its district; a lead-in (`在`, `由`, `关于`) cut off. */
function placeOf(s: string): { place?: string; district?: string } {
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(s); m; m = PLACE.exec(s)) {
    const name = withoutLeadIn(m[2]);
    const chars = name.length - (name.endsWith('街道') ? 2 : 1);
    // `镇` or `街道` alone, a pointer (`我镇`) or prose ending in one (`县政府和镇`) names no place.
    if (chars >= 1 && chars <= MAX_NAME && !NOT_A_NAME.test(name)) {
      const district = m[1] && withoutLeadIn(m[1]);
      return { place: name, district: district && !NOT_A_NAME.test(district) ? district : undefined };
    }
    PLACE.lastIndex = m.index + 1;
  }
  return {};
}

/** A community named in a title (`南湖社区2024年工作计划`): in prose, `提高社区…` is no name. */
function communityOf(title: string): string | undefined {
  const c = COMMUNITY.exec(title);
  const community = c && withoutLeadIn(c[1]);
  return community && community.length > 2 && !NOT_A_NAME.test(community) && !GENERIC_COMMUNITY.test(community) ? community : undefined;
}

/** What the parser read at the top of a plan, where metadata is found. */
export interface MetadataSources {
  /** The document title, if one was found. */
  title?: string;
  /** Web-page fields and bylines above or under the title (`发布机构: | 月湖街道 |`). */
  front: string;
  /** The first lines of the body: a preamble usually names the street (`新华路街道将以…`). */
  opening: string;
  /** The titles of the first headings, where a year may be the only one given (`一、2022年工作总结`). */
  headings: string;
}

export function readMetadata(sources: MetadataSources): DocumentMetadata {
  const { title, front, opening, headings } = sources;
  const meta: DocumentMetadata = {};
  if (title) {
    meta.title = title;
    meta.kind = kindOf(title);
  }
  const fromTitle = title ? placeOf(title) : {};
  const found = fromTitle.place ? fromTitle : [placeOf(front), placeOf(opening)].find((p) => p.place) ?? {};
  meta.place = found.place ?? (title ? communityOf(title) : undefined);
  meta.district = fromTitle.district ?? (fromTitle.place ? undefined : found.district);
  meta.year = (title && titleYear(title)) || yearOf(opening) || yearOf(headings) || (DATE_FIELD.exec(front) ? digitsValue(DATE_FIELD.exec(front)![1]) : undefined);
  for (const key of Object.keys(meta) as (keyof DocumentMetadata)[]) if (meta[key] === undefined) delete meta[key];
  return meta;
}

/** Metadata from a file name, for what the text does not say: `长宁区华阳路街道2025年工作计划.txt`. */
export function metadataFromFileName(name: string): DocumentMetadata {
  const base = name.replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' ');
  return readMetadata(TITLE_END.test(base) ? { title: base, front: '', opening: base, headings: '' } : { front: '', opening: base, headings: '' });
}
