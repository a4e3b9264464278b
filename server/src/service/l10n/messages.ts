// Every user-facing string of the checks, keyed by diagnostic code or UI key, in Chinese and English.
// The language is the client's locale: English only when it starts with `en`, Chinese otherwise.
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
  'corpus.refused.disk': {
    zh: (a: MessageArgs) => `工作计划：不为相关举措读取文件夹“${a.found}”：它是整个磁盘的根目录。请在设置 workplan.corpus.paths 中只列出存放计划的文件夹。`,
    en: (a: MessageArgs) => `Workplan: the folder "${a.found}" is not read for related measures: it is the root of a disk. List only the folders that hold plans in workplan.corpus.paths.`,
  },
  'corpus.refused.home': {
    zh: (a: MessageArgs) => `工作计划：不为相关举措读取文件夹“${a.found}”：它是或包含用户主目录，会读遍您的所有文件。请在设置 workplan.corpus.paths 中只列出存放计划的文件夹。`,
    en: (a: MessageArgs) => `Workplan: the folder "${a.found}" is not read for related measures: it is or holds your home folder, and would have every file you own read. List only the folders that hold plans in workplan.corpus.paths.`,
  },
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
