// Every user-facing string of the checks, the server and the client, keyed by diagnostic code, UI key
// or notice key, in Chinese and English. The language is the client's locale (the server's
// initializeParams.locale, the client's vscode.env.language): English only when it starts with `en`,
// Chinese otherwise.
// A message says what was expected and what was found; it never carries the fix (that is `data`).
import type { DiagnosticCode } from '../checks/codes';

export type Lang = 'zh' | 'en';

export function langOf(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export interface MessageArgs {
  expected: string;
  found: string;
  context?: string;
}

type Text = Record<Lang, (a: MessageArgs) => string>;

const DIAGNOSTICS: Record<DiagnosticCode, Text> = {
  'numbering.skipped': {
    zh: (a) => `序号不连续：此处应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Numbering skips: expected "${a.expected}", found "${a.found}"`,
  },
  'numbering.duplicate': {
    zh: (a) => `序号重复：此处应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Repeated number: expected "${a.expected}", found "${a.found}"`,
  },
  'numbering.order': {
    zh: (a) => `序号顺序颠倒：此处应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Numbers out of order: expected "${a.expected}", found "${a.found}"`,
  },
  'numbering.restart': {
    zh: (a) => `新的上级标题下序号未重新开始：此处应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Numbering does not restart under the new parent: expected "${a.expected}", found "${a.found}"`,
  },
  'numbering.levelSkipped': {
    zh: (a) => `跳过了层级：“${a.context}”之下应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Level skipped: under "${a.context}" expected "${a.expected}", found "${a.found}"`,
  },
  'numbering.nesting': {
    zh: (a) => `层级嵌套错误：“${a.context}”之下应为更深一级的序号（如“${a.expected}”），实为“${a.found}”`,
    en: (a) => `Wrong nesting: expected a deeper level under "${a.context}" (such as "${a.expected}"), found "${a.found}"`,
  },
  'numbering.style': {
    zh: (a) => `同一层级序号写法不一致：此处应为本文多数写法“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Inconsistent marker style at this level: expected the document's usual "${a.expected}", found "${a.found}"`,
  },
  'marker.punctuation': {
    zh: (a) => `序号标点不规范：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Wrong punctuation after the marker: expected "${a.expected}", found "${a.found}"`,
  },
  'marker.width': {
    zh: (a) => `序号括号全角半角不统一：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Mixed bracket width in markers: expected "${a.expected}", found "${a.found}"`,
  },
  'marker.bracket': {
    zh: (a) => `序号括号不成对：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Mismatched brackets: expected "${a.expected}", found "${a.found}"`,
  },
  'marker.compatChar': {
    zh: (a) => `序号用了兼容字符：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Compatibility character in the marker: expected "${a.expected}", found "${a.found}"`,
  },
  'numbering.lone': {
    zh: (a) => `有一无二：有“${a.found}”而无“${a.expected}”，可考虑去掉序号`,
    en: (a) => `Lone item: "${a.found}" has no "${a.expected}" after it; consider dropping the marker`,
  },
  'enumeration.gap': {
    zh: (a) => `分项序号不连续：此处应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Enumeration skips: expected "${a.expected}", found "${a.found}"`,
  },
  'enumeration.punctuation': {
    zh: (a) => `分项词后标点不规范：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Wrong punctuation after the enumeration word: expected "${a.expected}", found "${a.found}"`,
  },
  'enumeration.mixed': {
    zh: (a) => `分项说法混用：本组以“${a.context}”开头，此处应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Mixed enumeration series: the list starts with "${a.context}", expected "${a.expected}", found "${a.found}"`,
  },
  'heading.split': {
    zh: (a) => `标题被断开：标题应紧接在“${a.found}”之后，实为另起一行`,
    en: (a) => `Heading split: expected the title right after "${a.found}", found it on the next line`,
  },
  'heading.merged': {
    zh: (a) => `标题与正文连成一行：应在“${a.expected}”之后换行，实为接着“${a.found}”`,
    en: (a) => `Heading merged with its paragraph: expected a line break after "${a.expected}", found "${a.found}" following`,
  },
  'text.brokenLine': {
    zh: (a) => `句子中途断行：“${a.found}”之后应接“${a.expected}”，实为换行`,
    en: (a) => `Line broken mid-sentence: expected "${a.found}" to run on into "${a.expected}", found a line break`,
  },
  'text.cjkSpace': {
    zh: (a) => `中文之间有多余空格：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Space inside Chinese text: expected "${a.expected}", found "${a.found}"`,
  },
  'text.halfWidth': {
    zh: (a) => `中文里用了半角标点：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Half-width punctuation in Chinese text: expected "${a.expected}", found "${a.found}"`,
  },
  'text.markerSpace': {
    zh: (a) => `序号后有多余空格：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => `Space after the marker: expected "${a.expected}", found "${a.found}"`,
  },
};

export function diagnosticMessage(code: DiagnosticCode, args: MessageArgs, lang: Lang): string {
  return DIAGNOSTICS[code][lang](args);
}

/** Names of the codes whose fixes can be applied all at once, for "fix all" titles. */
const FIX_ALL_NAMES: Partial<Record<DiagnosticCode, Record<Lang, string>>> = {
  'marker.width': { zh: '序号括号宽度', en: 'marker bracket widths' },
  'text.brokenLine': { zh: '断行', en: 'broken lines' },
  'text.cjkSpace': { zh: '中文间多余空格', en: 'spaces inside Chinese text' },
  'text.halfWidth': { zh: '半角标点', en: 'half-width punctuation marks' },
  'text.markerSpace': { zh: '序号后多余空格', en: 'spaces after markers' },
};

const UI = {
  'fix.change': { zh: (a: MessageArgs) => `改为“${a.expected}”`, en: (a: MessageArgs) => `Change to "${a.expected}"` },
  'fix.renumber': {
    zh: (a: MessageArgs) => `从此处起重新编号（改为“${a.expected}”，其后各项顺延）`,
    en: (a: MessageArgs) => `Renumber from here (make it "${a.expected}" and renumber the siblings after it)`,
  },
  'fix.levelSkipped': {
    zh: (a: MessageArgs) => `将本组序号改为“${a.expected}”一级`,
    en: (a: MessageArgs) => `Change this sequence to the "${a.expected}" level`,
  },
  'fix.heading.split': { zh: (a: MessageArgs) => `将标题接回“${a.found}”之后`, en: (a: MessageArgs) => `Join the title to "${a.found}"` },
  'fix.heading.merged': { zh: (a: MessageArgs) => `在“${a.expected}”之后换行`, en: (a: MessageArgs) => `Break the line after "${a.expected}"` },
  'fix.text.brokenLine': { zh: () => '接上断行', en: () => 'Join the broken line' },
  'fix.text.cjkSpace': { zh: () => '删除多余空格', en: () => 'Remove the space' },
  'fix.text.halfWidth': { zh: (a: MessageArgs) => `改为全角“${a.expected}”`, en: (a: MessageArgs) => `Use full-width "${a.expected}"` },
  'fix.text.markerSpace': { zh: () => '删除序号后的空格', en: () => 'Remove the space after the marker' },
  'renumber.title': { zh: () => '工作计划：重新编号', en: () => 'Workplan: Renumber' },
  'renumber.nothing': { zh: () => '序号已经连续，无需重新编号。', en: () => 'The numbering is already in order; nothing to renumber.' },
  'renumber.noDocument': { zh: () => '没有找到要重新编号的工作计划文档。', en: () => 'No work plan document to renumber.' },
} satisfies Record<string, Record<Lang, (a: MessageArgs) => string>>;

export type UiKey = keyof typeof UI;

const NO_ARGS: MessageArgs = { expected: '', found: '' };

export function uiText(key: UiKey, lang: Lang, args: MessageArgs = NO_ARGS): string {
  return UI[key][lang](args);
}

export function fixAllTitle(code: DiagnosticCode, count: number, lang: Lang): string {
  const name = FIX_ALL_NAMES[code]?.[lang] ?? code;
  return lang === 'zh' ? `修复本文件全部${name}（${count} 处）` : `Fix all ${count} ${name} in this file`;
}

/** A notice's wording in each language, from the same arguments. */
function notice<A = void>(zh: (a: A) => string, en: (a: A) => string): Record<Lang, (a: A) => string> {
  return { zh, en };
}

/** What the server and the client tell the user outside diagnostics: notices, progress, log lines, titles. */
const NOTICES = {
  'client.name': notice(() => '工作计划', () => 'Workplan'),
  'client.openTextFirst': notice(() => '请先打开一个文本文件。', () => 'Open a text file first.'),
  'client.openPlanFirst': notice(() => '请先打开一份工作计划。', () => 'Open a work plan first.'),
  'client.noRelated': notice(() => '光标处的标题或举措没有找到相关举措。', () => 'No related measures for the heading or measure at the cursor.'),
  'symbols.label': notice(() => '工作计划', () => 'Work plan'),
  'file.tooLarge': notice<{ name: string; size: string; limit: string }>(
    (a) => `工作计划：文件 ${a.name} 过大（${a.size}，上限 ${a.limit}），不做分析。`,
    (a) => `Workplan: ${a.name} is too large (${a.size}, limit ${a.limit}); it is not analysed.`,
  ),
  'diagnostics.failed': notice<{ uri: string; error: string }>(
    (a) => `工作计划：${a.uri} 的诊断失败：${a.error}`,
    (a) => `Workplan: diagnostics of ${a.uri} failed: ${a.error}`,
  ),
  'related.progress.title': notice(() => '工作计划', () => 'Workplan'),
  'related.progress.indexing': notice(() => '正在建立相关举措索引', () => 'Indexing related measures'),
  'related.indexed': notice<{ plans: number; units: number; skipped: number; ms: number }>(
    (a) => `相关举措索引：${a.plans} 份计划，${a.units} 个条目，跳过 ${a.skipped} 个文件，${a.ms} ms`,
    (a) => `Related-measures index: ${a.plans} plans, ${a.units} units, ${a.skipped} files skipped, ${a.ms} ms`,
  ),
  'related.cannotWatch': notice(() => '相关举措：客户端未能监视文件', () => 'Related measures: the client could not watch files'),
  'corpus.fileLimit': notice<{ limit: number; root: string }>(
    (a) => `相关举措：已达 ${a.limit} 个文件上限，${a.root} 不再索引`,
    (a) => `Related measures: ${a.limit}-file limit reached, ${a.root} not indexed`,
  ),
  'corpus.folderUnreadable': notice<{ folder: string; reason: string }>(
    (a) => `相关举措：无法读取文件夹 ${a.folder}：${a.reason}`,
    (a) => `Related measures: cannot read folder ${a.folder}: ${a.reason}`,
  ),
  'corpus.skipped.notFile': notice<{ file: string }>((a) => `相关举措：跳过 ${a.file}：不是文件`, (a) => `Related measures: skipped ${a.file}: not a file`),
  'corpus.skipped.tooLarge': notice<{ file: string; limit: string }>(
    (a) => `相关举措：跳过 ${a.file}：超过 ${a.limit} 上限`,
    (a) => `Related measures: skipped ${a.file}: larger than ${a.limit}`,
  ),
  'corpus.skipped.undecodable': notice<{ file: string; reason: string }>(
    (a) => `相关举措：跳过 ${a.file}：无法解码：${a.reason}`,
    (a) => `Related measures: skipped ${a.file}: undecodable: ${a.reason}`,
  ),
  'corpus.skipped.unreadable': notice<{ file: string; reason: string }>(
    (a) => `相关举措：跳过 ${a.file}：无法读取：${a.reason}`,
    (a) => `Related measures: skipped ${a.file}: unreadable: ${a.reason}`,
  ),
};

type NoticeTable = typeof NOTICES;
export type NoticeKey = keyof NoticeTable;
type NoticeArgs<K extends NoticeKey> = Parameters<NoticeTable[K]['zh']>[0];

/** A notice to be worded by whoever shows it, in its user's language. */
export type Notice = { [K in NoticeKey]: NoticeArgs<K> extends void ? { key: K; args?: undefined } : { key: K; args: NoticeArgs<K> } }[NoticeKey];

export function noticeText(n: Notice, lang: Lang): string {
  return (NOTICES[n.key][lang] as (a: unknown) => string)(n.args);
}
