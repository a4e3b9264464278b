// What a task's own text says about who does it, by when and how much: the lead and partner units
// (`牵头单位：…`, `（XX办牵头）`, `由XX负责`, `XX牵头，YY配合`), the deadline (`完成时限：…`, `6月底前`,
// `第一季度`, `长期坚持`) and the quantified targets (`走访重点企业200家`, `覆盖率达95%`). Nothing is
// guessed: a cell stays empty where the text names nothing. Traditional characters read the same.

export interface Target {
  /** The target as a reader would quote it: `走访重点企业200家`. */
  text: string;
  value: number;
  /** `家`, `亿元`, `%`. */
  unit: string;
  /** The text with its number left out (`走访重点企业#家`): the same target in another year's plan. */
  key: string;
}

export interface TaskFields {
  lead: string[];
  /** 责任单位 named beside a lead unit, and 配合/协办 units. */
  partners: string[];
  deadline: string[];
  targets: Target[];
}

/** Simplified characters of the keywords and units with their Traditional forms. */
const TRADITIONAL: Record<string, string> = {
  牵: '牽', 头: '頭', 单: '單', 责: '責', 门: '門', 负: '負', 时: '時', 间: '間', 节: '節', 点: '點', 长: '長',
  坚: '堅', 协: '協', 办: '辦', 万: '萬', 亿: '億', 个: '個', 户: '戶', 项: '項', 场: '場', 条: '條', 处: '處',
  亩: '畝', 参: '參', 与: '與', 台: '臺', 辆: '輛', 张: '張', 组: '組', 类: '類', 种: '種', 吨: '噸', 会: '會', 队: '隊', 区: '區',
  镇: '鎮', 乡: '鄉', 联: '聯', 馆: '館', 厅: '廳', 团: '團', 进: '進', 统: '統', 专: '專', 栋: '棟', 盏: '盞',
  届: '屆', 号: '號', 内: '內', 计: '計', 划: '劃', 确: '確', 续: '續', 争: '爭', 预: '預', 达: '達',
};
const SIMPLIFIED = new Map(Object.entries(TRADITIONAL).map(([s, t]) => [t, s]));

/** Keywords read back in simplified characters, to look them up. */
function simplified(s: string): string {
  let out = '';
  for (const ch of s) out += SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/** A regular-expression source that matches `s` written in simplified or Traditional characters. */
function either(s: string): string {
  let out = '';
  for (const ch of s) out += TRADITIONAL[ch] ? `[${ch}${TRADITIONAL[ch]}]` : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return out;
}

/** Alternatives of `words`, each in either script, longest first so `万元` wins over `元`. */
function anyOf(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(either).join('|');
}

/** Full-width ASCII (`：（）；，１２％`) as ASCII, ideographic space as a space: one character for one. */
function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// Labels of the table-style plans: `牵头单位：区发改委`, `【责任部门】街道经发办`, `时间节点：6月底前`.
const LEAD_LABELS = ['牵头单位', '牵头部门', '牵头'];
const RESPONSIBLE_LABELS = ['责任单位', '责任部门', '主责单位', '主责部门', '责任主体'];
const PARTNER_LABELS = ['配合单位', '配合部门', '协办单位', '协作单位', '参与单位', '协同单位'];
const DEADLINE_LABELS = ['完成时限', '时间节点', '完成时间', '完成期限', '时限要求', '时间安排', '时限'];
const ALL_LABELS = anyOf([...LEAD_LABELS, ...RESPONSIBLE_LABELS, ...PARTNER_LABELS, ...DEADLINE_LABELS]);
const LABEL = new RegExp(`[【\\[]?(${ALL_LABELS})(?:[】\\]]\\s*:?|\\s*:)\\s*(.*?)(?=[;。\\n)】]|[,\\s]*[【\\[]?(?:${ALL_LABELS})[】\\]:\\s]|$)`, 'g');

const LEAD_WORDS = anyOf(['牵头', '负责', '主责', '主抓']);
const PARTNER_WORDS = anyOf(['配合', '协助', '协办', '参与', '协同']);
/** Adverbs between a unit and its verb: `由街道统一负责`. */
const ADVERB = new RegExp(`(?:${anyOf(['统一', '具体', '共同', '全面', '全权', '专门', '直接', '主要', '抓好', '做好'])})$`);
/** How unit names end: 办、科、委、中心、所、社区… */
const UNIT_NAME = new RegExp(
  `(?:${anyOf(['办公室', '办', '科', '局', '委员会', '委', '中心', '所', '站', '队', '部', '处', '社区', '居委会', '居委', '村委会', '村', '公司', '街道', '镇', '乡', '院', '组', '会', '联', '室', '团', '馆', '署', '厅', '集团', '平台', '机关', '单位', '部门'])})$`,
);
/** `由XX负责`, `由XX牵头，YY配合`. */
const BY_UNIT = new RegExp(`由([^,;。!?()\\n]{1,30}?)(${LEAD_WORDS})(?:[,、]([^,;。!?()\\n]{1,30}?)(?:${PARTNER_WORDS}))?`, 'g');
/** `XX牵头，YY配合` as a clause of its own. */
const LEAD_PARTNER = new RegExp(`(?:^|[,;。!?:\\s])([^,;。!?:()\\s由]{2,20}?)${either('牵头')}[,、]([^,;。!?()\\s]{2,30}?)(?:${PARTNER_WORDS})`, 'g');
/** A parenthesis that only attributes: `（区发改委牵头，各社区配合）`, `（牵头单位：…）`. */
const ATTRIBUTION = new RegExp(`\\(([^()]{1,60}?(?:${LEAD_WORDS}|${PARTNER_WORDS}|${ALL_LABELS})[^()]{0,60}?)\\)`, 'g');
/** One part of an attributing parenthesis: `区发改委牵头`, `各社区配合`. */
const LEAD_PART = new RegExp(`^(.+?)(?:${LEAD_WORDS})$`);
const PARTNER_PART = new RegExp(`^(.+?)(?:${PARTNER_WORDS})$`);
/** A parenthesis in either width, as written. */
const PARENTHESIS = /[(（][^()（）]{1,120}[)）]/g;

// Deadlines as plans say them. A month or a year names a deadline with 前/底/末, not on its own (`3月启动` is a start).
const CN_MONTH = '(?:十[一二]?|[一二三四五六七八九])';
const DEADLINE = new RegExp(
  [
    `(?:\\d{4}年)?(?:\\d{1,2}|${CN_MONTH})月(?:\\d{1,2}日)?(?:底|末|中旬|上旬|下旬|份)?(?:前|以前|之前)`,
    `(?:\\d{4}年)?(?:\\d{1,2}|${CN_MONTH})月(?:底|末)`,
    `(?:\\d{4}年)?(?:年底|年末|年内|上半年|下半年)(?:前|以前|之前)?`,
    `\\d{4}年(?:底|末)?(?:前|以前|之前)`,
    `\\d{4}年(?:底|末)`,
    `到\\d{4}年(?:底|末)?`,
    `第?[一二三四1-4]季度(?:末|底)?(?:前|以前|之前)?`,
    '全年',
    `${either('长期坚持')}|${either('长期推进')}|${either('长期')}(?=[,;。)]|$)`,
  ].join('|'),
  'g',
);

const DEADLINE_FIRST = new RegExp(`^(?:${DEADLINE.source})`);

// Quantities with a unit of count, money, area or share; years, months, days and hours are not targets.
// A multiplier (`万` `亿` `千`) goes before any of them: `5亿元`, `24.3万平方米`.
const UNITS = anyOf([
  '个百分点', '平方公里', '平方米', '元', '人次', '户次', '家次', '场次', '个', '家', '人', '户',
  '公里', '米', '亩', '公顷', '场', '次', '项', '件', '所', '座', '套', '间', '辆', '台', '条', '处', '支', '名', '位',
  '期', '批', '篇', '栋', '幢', '吨', '张', '份', '本', '盏', '棵', '株', '艘', '组', '类', '种', '千瓦', '㎡', '%', '‰', '倍', '床', '只',
]);
const NUMBER = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
const QUANTITY = new RegExp(
  `(?<![\\d.第])(${NUMBER}(?:\\s*[-~～至到]\\s*${NUMBER})?)\\s*([余多])?([万亿千]?)(${UNITS})(?!月|工作日|小时|周|年|号|版|届)(${either('以上')}|左右|以内|以下|余)?`,
  'g',
);
/** Where a clause starts or ends, for the words around a number. */
const CLAUSE_END = /[,;:!?()。、“”"《》【】\n]/;
/** Words before a target that say how hard, not what: `力争全年完成…` is `完成…`. */
const LEAD_IN = new RegExp(`^(?:\\d{4}年度?|${anyOf(['力争', '确保', '争取', '全年', '年内', '年底前', '计划', '预计', '全力', '努力', '持续', '进一步', '其中', '共', '并', '且', '同时'])})+`);
const TARGET_BEFORE_MAX = 16;
const TARGET_AFTER_MAX = 8;

function clean(unit: string): string {
  return unit.replace(ADVERB, '').replace(/^(?:由|请)/, '').trim();
}

function units(value: string): string[] {
  return value.split(/[、,/\s]+/).map(clean).filter((u) => u.length > 0);
}

function looksLikeUnit(name: string): boolean {
  return UNIT_NAME.test(name) || name.startsWith('各');
}

/** Units named in prose: split where every part is a unit (`经发办、自治办`), else one name (`第一、第二网格工作站`). */
function namedUnits(value: string): string[] {
  const parts = units(value);
  if (parts.length && parts.every(looksLikeUnit)) return parts;
  const whole = clean(value);
  return looksLikeUnit(whole) ? [whole] : [];
}

function pushAll(into: string[], items: string[]): void {
  for (const item of items) if (!into.includes(item)) into.push(item);
}

/** Who leads and who helps, from labels, attributing parentheses and `由…负责` phrases. */
function readUnits(text: string, fields: TaskFields): void {
  const responsible: string[] = [];
  for (const m of text.matchAll(LABEL)) {
    const label = simplified(m[1]);
    const value = m[2].trim();
    if (!value) continue;
    if (LEAD_LABELS.includes(label)) pushAll(fields.lead, units(value));
    else if (RESPONSIBLE_LABELS.includes(label)) pushAll(responsible, units(value));
    else if (PARTNER_LABELS.includes(label)) pushAll(fields.partners, units(value));
  }
  for (const m of text.matchAll(ATTRIBUTION)) {
    // `区发改委牵头，各社区配合，6月底前完成`: each part of the parenthesis says one thing.
    for (const part of m[1].split(/[,;]/)) {
      const lead = LEAD_PART.exec(part.trim());
      const partner = PARTNER_PART.exec(part.trim());
      if (lead && !lead[1].includes(':')) pushAll(fields.lead, units(lead[1]));
      else if (partner && !partner[1].includes(':')) pushAll(fields.partners, units(partner[1]));
    }
  }
  // In prose a unit has a unit's name: `由居民自治负责` names none.
  for (const m of text.matchAll(BY_UNIT)) {
    pushAll(fields.lead, namedUnits(m[1]));
    if (m[3]) pushAll(fields.partners, namedUnits(m[3]));
  }
  for (const m of text.matchAll(LEAD_PARTNER)) {
    const named = namedUnits(m[1]);
    if (!named.length) continue;
    pushAll(fields.lead, named);
    pushAll(fields.partners, namedUnits(m[2]));
  }
  // `责任单位` is the lead where nothing else leads, and a partner beside a named lead.
  if (fields.lead.length) pushAll(fields.partners, responsible.filter((u) => !fields.lead.includes(u)));
  else pushAll(fields.lead, responsible);
  fields.partners = fields.partners.filter((u) => !fields.lead.includes(u));
}

function readDeadline(text: string, fields: TaskFields): void {
  const labelled: string[] = [];
  for (const m of text.matchAll(LABEL)) {
    if (DEADLINE_LABELS.includes(simplified(m[1])) && m[2].trim()) pushAll(labelled, [m[2].trim()]);
  }
  if (labelled.length) {
    fields.deadline = labelled;
    return;
  }
  for (const m of text.matchAll(DEADLINE)) {
    // `2025年底前` covers `年底前` found inside it by an earlier, shorter reading.
    if (!fields.deadline.some((d) => d.includes(m[0]))) pushAll(fields.deadline, [m[0]]);
  }
}

/** Word boundaries, to cut the words around a number where a word ends. */
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** The clause around a number: back to the clause's start (its verb), on to the clause's end, whole words only. */
function targetText(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--;
  let before = text.slice(from, start);
  if (before.length > TARGET_BEFORE_MAX) {
    const pieces = [...words.segment(before)].map((w) => w.segment);
    before = '';
    while (pieces.length && before.length + pieces[pieces.length - 1].length <= TARGET_BEFORE_MAX) before = pieces.pop() + before;
  }
  // How hard (`力争`) and by when (`年底前`, a column of its own) are not what is counted.
  before = before.trim().replace(LEAD_IN, '').replace(DEADLINE_FIRST, '').replace(LEAD_IN, '');
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to]) && !/\d/.test(text[to])) to++;
  let after = '';
  for (const w of words.segment(text.slice(end, to))) {
    if (after.length + w.segment.length > TARGET_AFTER_MAX) break;
    after += w.segment;
  }
  // `38 幢`: extraction's gaps beside a number are not part of the target.
  return (before + text.slice(start, end) + after).replace(/(?<=\d)\s+(?=\D)|(?<=\D)\s+(?=\d)/g, '').trim();
}

function readTargets(text: string, fields: TaskFields): void {
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 1), start);
    // Inside a name (`“1+11+17+X”`, `《…2025…》`) or a code, a number counts nothing.
    if (/[A-Za-z+#]/.test(before)) continue;
    // `1%人口抽样调查` names a survey; a share as a target ends its clause (`覆盖率达95%以上。`).
    const next = text[start + m[0].length];
    if ((m[4] === '%' || m[4] === '‰') && !m[5] && next !== undefined && !CLAUSE_END.test(next) && !/\s/.test(next)) continue;
    const value = Number(m[1].replace(/,/g, '').split(/[-~～至到]/)[0]);
    const target = targetText(text, start, start + m[0].length);
    const key = target.replace(m[1], '#');
    if (!fields.targets.some((t) => t.text === target)) fields.targets.push({ text: target, value, unit: m[3] + m[4], key });
  }
}

/** Lead and partner units, deadline and targets named in a task's text (title and body). */
export function readFields(text: string): TaskFields {
  const folded = foldWidth(text);
  const fields: TaskFields = { lead: [], partners: [], deadline: [], targets: [] };
  readUnits(folded, fields);
  readDeadline(folded, fields);
  readTargets(folded, fields);
  return fields;
}

/** Where a text only says who leads or by when: parentheses such as `（区发改委牵头）`, labelled parts such as `责任部门：社区服务办。`. */
function attributionSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(PARENTHESIS)) {
    const f = readFields(m[0]);
    if (f.lead.length || f.partners.length || (f.deadline.length && !f.targets.length)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  // Width folding keeps every offset, so the labels found in the folded text are where the text has them.
  const folded = foldWidth(text);
  for (const m of folded.matchAll(LABEL)) {
    if (spans.some((s) => s.start <= m.index! && m.index! < s.end)) continue;
    let end = m.index! + m[0].length;
    if (/[;。,]/.test(folded[end] ?? '')) end++;
    spans.push({ start: m.index!, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The text without its attributions: those have columns of their own. */
export function withoutAttributions(text: string): string {
  let out = '';
  let last = 0;
  for (const span of attributionSpans(text)) {
    out += text.slice(last, span.start);
    last = span.end;
  }
  return (out + text.slice(last)).trim();
}

/**
 * What a heading attributes to the tasks under it: `（二）养老服务（民政科牵头，年底前完成）` names the lead
 * and the deadline of each task; `一、上半年工作回顾` names the period under review, not a deadline.
 */
export function headingFields(title: string): TaskFields {
  return readFields(attributionSpans(title).map((s) => title.slice(s.start, s.end)).join('；'));
}
