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
  /** A text finding about the whole document's way of writing, or a quote that does not pair up (`Finding.scope`). */
  scope?: 'document' | 'unpaired';
  /** How many places a document-wide finding covers. */
  count?: number;
  /** A gap with a number on one side (`PlanDiagnostic.besideNumber`). */
  besideNumber?: boolean;
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
    zh: (a) => a.scope === 'document'
      ? `全文数字与中文之间都加了空格（${a.count} 处）：应为“${a.expected}”，实为“${a.found}”；如有意如此，可在设置 workplan.hygiene.acceptDigitSpaces 中接受`
      : a.besideNumber
        ? `数字与中文之间有多余空格：应为“${a.expected}”，实为“${a.found}”`
        : `中文之间有多余空格：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => a.scope === 'document'
      ? `Spaces between numbers and Chinese text throughout the document (${a.count} places): expected "${a.expected}", found "${a.found}"; to keep them, set workplan.hygiene.acceptDigitSpaces`
      : a.besideNumber
        ? `Space between a number and Chinese text: expected "${a.expected}", found "${a.found}"`
        : `Space inside Chinese text: expected "${a.expected}", found "${a.found}"`,
  },
  'text.halfWidth': {
    zh: (a) => a.scope === 'document'
      ? `全文通篇使用半角标点（${a.count} 处）：应为全角“${a.expected}”，实为“${a.found}”；如有意如此，可在设置 workplan.hygiene.acceptHalfWidth 中接受`
      : a.scope === 'unpaired'
        ? `半角引号无法配对：本段 ${a.count} 个半角引号“${a.found}”前后不成对，需逐个改为全角的前引号或后引号`
        : `中文里用了半角标点：应为“${a.expected}”，实为“${a.found}”`,
    en: (a) => a.scope === 'document'
      ? `Half-width punctuation throughout the document (${a.count} places): expected full-width "${a.expected}", found "${a.found}"; to keep it, set workplan.hygiene.acceptHalfWidth`
      : a.scope === 'unpaired'
        ? `Half-width quotes that do not pair up: the ${a.count} quotes "${a.found}" of this paragraph do not pair; change each to an opening or a closing full-width quote by hand`
        : `Half-width punctuation in Chinese text: expected "${a.expected}", found "${a.found}"`,
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
  'fix.text.halfWidth.document': {
    zh: (a: MessageArgs) => `将全文半角标点改为全角（${a.count} 处）`, en: (a: MessageArgs) => `Make the document's half-width punctuation full-width (${a.count} places)`,
  },
  'fix.text.cjkSpace.document': {
    zh: (a: MessageArgs) => `删除全文数字与中文之间的空格（${a.count} 处）`, en: (a: MessageArgs) => `Remove the spaces between numbers and Chinese text (${a.count} places)`,
  },
  'fix.text.markerSpace': { zh: () => '删除序号后的空格', en: () => 'Remove the space after the marker' },
  'renumber.title': { zh: () => '工作计划：重新编号', en: () => 'Workplan: Renumber' },
  'renumber.nothing': { zh: () => '序号已经连续、写法规范，无需修改。', en: () => 'The numbering is in order and the markers are standard; nothing to change.' },
  'edge.ignored': {
    zh: (a: MessageArgs) => `工作计划：已忽略参数无效的 ${a.context} 消息`,
    en: (a: MessageArgs) => `Workplan: ignored a ${a.context} message with invalid parameters`,
  },
  'renumber.noDocument': { zh: () => '没有找到要重新编号的工作计划文档。', en: () => 'No work plan document to renumber.' },
  // The task breakdown table (任务分解表): its title, footer and columns, in the order of TASK_COLUMNS.
  'tasks.title': { zh: (a: MessageArgs) => `${a.context}任务分解表`, en: (a: MessageArgs) => `${a.context}: task breakdown` },
  'tasks.sheet': { zh: () => '任务分解表', en: () => 'Tasks' },
  'tasks.footer': { zh: () => '第 &P 页，共 &N 页', en: () => 'Page &P of &N' },
  'tasks.column.number': { zh: () => '序号', en: () => 'No.' },
  'tasks.column.section': { zh: () => '工作板块', en: () => 'Area' },
  'tasks.column.task': { zh: () => '重点任务', en: () => 'Key task' },
  'tasks.column.measure': { zh: () => '具体举措', en: () => 'Measure' },
  'tasks.column.content': { zh: () => '工作内容', en: () => 'Work' },
  'tasks.column.lead': { zh: () => '牵头单位', en: () => 'Lead unit' },
  'tasks.column.partners': { zh: () => '责任单位/配合单位', en: () => 'Responsible / supporting units' },
  'tasks.column.deadline': { zh: () => '完成时限', en: () => 'Deadline' },
  'tasks.column.targets': { zh: () => '量化指标', en: () => 'Targets' },
  // Last year's plan against this year's, in the CLI and the editor's comparison view.
  'compare.title': { zh: (a: MessageArgs) => `与上一年计划对比：${a.context}`, en: (a: MessageArgs) => `Compared with last year: ${a.context}` },
  'compare.old': { zh: () => '上一年', en: () => 'Last year' },
  'compare.new': { zh: () => '本年', en: () => 'This year' },
  'compare.continued': { zh: () => '延续', en: () => 'Continued' },
  'compare.added': { zh: () => '新增', en: () => 'New' },
  'compare.dropped': { zh: () => '取消', en: () => 'Dropped' },
  'compare.similarity': { zh: () => '相似度', en: () => 'Similarity' },
  'compare.targets': { zh: () => '指标变化', en: () => 'Targets changed' },
  'compare.none': { zh: () => '（无）', en: () => '(none)' },
  // The client's words for the two commands.
  'client.tasks.saveTitle': { zh: () => '导出任务分解表', en: () => 'Export the task breakdown table' },
  'client.tasks.xlsxFilter': { zh: () => 'Excel 工作簿', en: () => 'Excel workbook' },
  'client.tasks.csvFilter': { zh: () => 'CSV（UTF-8）', en: () => 'CSV (UTF-8)' },
  'client.tasks.exported': {
    zh: (a: MessageArgs) => `已导出任务分解表 ${a.context}（${a.found} 行）。`,
    en: (a: MessageArgs) => `Exported the task table ${a.context} (${a.found} rows).`,
  },
  'client.compare.planFilter': { zh: () => '工作计划', en: () => 'Work plans' },
  'client.compare.pickTitle': { zh: () => '没有找到上一年的计划，请选择一份', en: () => 'No plan of last year found: choose one' },
  'client.compare.pickLabel': { zh: () => '对比', en: () => 'Compare' },
  'related.title': { zh: () => '相关举措（其他计划中的同类举措）', en: () => 'Related measures in other plans' },
  'related.topic': { zh: (a: MessageArgs) => `同主题：${a.expected}`, en: (a: MessageArgs) => `Same topic: ${a.expected}` },
  'related.terms': { zh: (a: MessageArgs) => `共同关键词：${a.expected}`, en: (a: MessageArgs) => `Shared terms: ${a.expected}` },
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

/** Why a plan file could not be read, for whoever tried (the corpus, the comparison) to say in its own words. */
export type ReadFailure =
  | { kind: 'notFile' }
  | { kind: 'tooLarge'; limit: string }
  | { kind: 'undecodable' | 'unreadable' | 'failed'; reason: string }
  /** The corpus's indexing threads: stopped (the server is going, or they kept dying), or one stopped on this file. */
  | { kind: 'indexerStopped' }
  | { kind: 'indexerDied'; stop: ThreadStop };

/** Why an indexing thread stopped. */
export type ThreadStop = { kind: 'outOfMemory' } | { kind: 'exitCode'; code: number } | { kind: 'error'; message: string };

function threadStopText(s: ThreadStop, lang: Lang): string {
  switch (s.kind) {
    case 'outOfMemory':
      return lang === 'zh' ? '内存不足' : 'out of memory';
    case 'exitCode':
      return lang === 'zh' ? `退出码 ${s.code}` : `exit code ${s.code}`;
    default:
      return s.message;
  }
}

function readFailureText(f: ReadFailure, lang: Lang): string {
  switch (f.kind) {
    case 'notFile':
      return lang === 'zh' ? '不是文件' : 'not a file';
    case 'tooLarge':
      return lang === 'zh' ? `超过 ${f.limit} 上限` : `larger than ${f.limit}`;
    case 'undecodable':
      return lang === 'zh' ? `无法解码：${f.reason}` : `undecodable: ${f.reason}`;
    case 'failed':
      return lang === 'zh' ? `出错：${f.reason}` : `failed: ${f.reason}`;
    case 'indexerStopped':
      return lang === 'zh' ? '索引线程已停止' : 'the indexing threads are stopped';
    case 'indexerDied':
      return lang === 'zh' ? `索引线程在处理它时退出（${threadStopText(f.stop, lang)}）` : `the indexing thread stopped on it (${threadStopText(f.stop, lang)})`;
    default:
      return lang === 'zh' ? `无法读取：${f.reason}` : `unreadable: ${f.reason}`;
  }
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
  'symbols.untitled': notice(() => '（无标题）', () => '(untitled)'),
  'file.tooLarge': notice<{ name: string; size: string; limit: string }>(
    (a) => `工作计划：文件 ${a.name} 过大（${a.size}，上限 ${a.limit}），不做分析。`,
    (a) => `Workplan: ${a.name} is too large (${a.size}, limit ${a.limit}); it is not analysed.`,
  ),
  'parse.failed': notice<{ uri: string; error: string }>(
    (a) => `工作计划：解析 ${a.uri} 时出现内部错误，大纲暂时为空，请报告此问题：${a.error}`,
    (a) => `Workplan: an internal error while parsing ${a.uri} left its outline empty; please report it: ${a.error}`,
  ),
  'diagnostics.failed': notice<{ uri: string; error: string }>(
    (a) => `工作计划：${a.uri} 的诊断失败：${a.error}`,
    (a) => `Workplan: diagnostics of ${a.uri} failed: ${a.error}`,
  ),
  'diagnostics.more': notice<{ count: number; limit: number }>(
    (a) => `另有 ${a.count} 处问题未列出（每个文档最多列出 ${a.limit} 处，先列严重的）；运行 workplan check 可列出全部。`,
    (a) => `${a.count} more findings not listed (at most ${a.limit} per document, the most severe first); run workplan check to list them all.`,
  ),
  'related.progress.title': notice(() => '工作计划', () => 'Workplan'),
  'related.progress.indexing': notice(() => '正在建立相关举措索引', () => 'Indexing related measures'),
  'related.indexed': notice<{ plans: number; units: number; cached: number; parsed: number; skipped: number; ms: number }>(
    (a) => `相关举措索引：${a.plans} 份计划，${a.units} 个条目，${a.cached} 个取自缓存，${a.parsed} 个重新读取，跳过 ${a.skipped} 个文件，${a.ms} ms`,
    (a) => `Related-measures index: ${a.plans} plans, ${a.units} units, ${a.cached} from the cache, ${a.parsed} read, ${a.skipped} files skipped, ${a.ms} ms`,
  ),
  'related.cannotWatch': notice(() => '相关举措：客户端未能监视文件', () => 'Related measures: the client could not watch files'),
  'corpus.fileLimit': notice<{ limit: number }>(
    (a) => `相关举措：已达 ${a.limit} 个文件上限，其余不再索引`,
    (a) => `Related measures: ${a.limit}-file limit reached, the rest is not indexed`,
  ),
  'corpus.indexCap': notice<{ mb: number; file: string }>(
    (a) => `相关举措：索引已达内存上限 ${a.mb} MB，其余计划不再索引（从 ${a.file} 起）`,
    (a) => `Related measures: the index reached its memory cap of ${a.mb} MB; plans from ${a.file} on are left out`,
  ),
  'corpus.cannotIndex': notice<{ reason: string }>(
    (a) => `相关举措：无法索引：${a.reason}`,
    (a) => `Related measures: cannot index: ${a.reason}`,
  ),
  'corpus.threadStopped': notice<{ stop: ThreadStop; restarted: boolean }>(
    (a) => `相关举措：索引线程意外退出（${threadStopText(a.stop, 'zh')}），${a.restarted ? '已重启' : '不再重启'}`,
    (a) => `Related measures: an indexing thread stopped (${threadStopText(a.stop, 'en')}); ${a.restarted ? 'restarted' : 'not restarted'}`,
  ),
  'corpus.noCache': notice<{ reason: string }>(
    (a) => `相关举措：无法使用缓存：${a.reason}`,
    (a) => `Related measures: no cache: ${a.reason}`,
  ),
  'corpus.cacheUnwritable': notice<{ reason: string }>(
    (a) => `相关举措：无法写入缓存：${a.reason}`,
    (a) => `Related measures: cannot write the cache: ${a.reason}`,
  ),
  'corpus.missingFolder': notice<{ folder: string }>(
    (a) => `相关举措：文件夹不存在：${a.folder}`,
    (a) => `Related measures: no such folder: ${a.folder}`,
  ),
  'corpus.refused.disk': notice<{ folder: string }>(
    (a) => `工作计划：不为相关举措读取文件夹“${a.folder}”：它是整个磁盘的根目录。请在设置 workplan.corpus.paths 中只列出存放计划的文件夹。`,
    (a) => `Workplan: the folder "${a.folder}" is not read for related measures: it is the root of a disk. List only the folders that hold plans in workplan.corpus.paths.`,
  ),
  'corpus.refused.home': notice<{ folder: string }>(
    (a) => `工作计划：不为相关举措读取文件夹“${a.folder}”：它是或包含用户主目录，会读遍您的所有文件。请在设置 workplan.corpus.paths 中只列出存放计划的文件夹。`,
    (a) => `Workplan: the folder "${a.folder}" is not read for related measures: it is or holds your home folder, and would have every file you own read. List only the folders that hold plans in workplan.corpus.paths.`,
  ),
  'corpus.folderUnreadable': notice<{ folder: string; reason: string }>(
    (a) => `相关举措：无法读取文件夹 ${a.folder}：${a.reason}`,
    (a) => `Related measures: cannot read folder ${a.folder}: ${a.reason}`,
  ),
  'corpus.skipped': notice<{ file: string; why: ReadFailure }>(
    (a) => `相关举措：跳过 ${a.file}：${readFailureText(a.why, 'zh')}`,
    (a) => `Related measures: skipped ${a.file}: ${readFailureText(a.why, 'en')}`,
  ),
  'tasks.cannotRead': notice<{ name: string; why: ReadFailure }>(
    (a) => `工作计划：无法读取 ${a.name}：${readFailureText(a.why, 'zh')}`,
    (a) => `Workplan: cannot read ${a.name}: ${readFailureText(a.why, 'en')}`,
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

/** What the Word commands say: why a file cannot be read as a plan, and what an export did. */
export interface WordArgs {
  /** A file name or size, as the message needs. */
  file?: string;
  size?: string;
  limit?: string;
}

const WORD = {
  'word.tooLarge': {
    zh: (a: WordArgs) => `Word 文件过大（${a.size}，上限 ${a.limit}）`,
    en: (a: WordArgs) => `the Word file is too large (${a.size}, limit ${a.limit})`,
  },
  'word.notZip': {
    zh: () => '不是 Word 文档（.docx）：文件不是 zip 压缩包',
    en: () => 'not a Word document (.docx): the file is not a zip archive',
  },
  'word.damaged': {
    zh: () => 'Word 文档已损坏：zip 压缩包无法解开',
    en: () => 'the Word document is damaged: its zip archive cannot be read',
  },
  'word.notWord': {
    zh: () => '不是 Word 文档：压缩包中没有 word/document.xml（可能是 Excel、PowerPoint 或其他 zip 文件）',
    en: () => 'not a Word document: the archive has no word/document.xml (an Excel or PowerPoint file, or another zip?)',
  },
  'word.badXml': {
    zh: (a: WordArgs) => `Word 文档已损坏：${a.file} 不是有效的 XML`,
    en: (a: WordArgs) => `the Word document is damaged: ${a.file} is not well-formed XML`,
  },
  'word.encrypted': {
    zh: () => 'Word 文档设有打开密码（已加密），无法读取：请在 Word 中取消密码后另存为 .docx',
    en: () => 'the Word document is password-protected (encrypted): remove the password in Word and save it again as .docx',
  },
  'word.legacyDoc': {
    zh: () => '这是旧版 Word 97-2003 文档（.doc），无法读取：请在 Word 或 WPS 中另存为 .docx',
    en: () => 'this is an old Word 97-2003 document (.doc): save it as .docx in Word or WPS first',
  },
  'word.fixRefused': {
    zh: () => '--fix 不能改写 Word 文件，未写入任何内容：请在编辑器中打开（“工作计划：打开 Word 文档”）修改后再导出',
    en: () => '--fix does not rewrite Word files; nothing was written: open it in the editor (Workplan: Open Word Document), fix it there and export again',
  },
  'word.exported': { zh: (a: WordArgs) => `已导出 ${a.file}`, en: (a: WordArgs) => `Exported ${a.file}` },
  'word.openExported': { zh: () => '打开', en: () => 'Open' },
  'word.documents': { zh: () => 'Word 文档', en: () => 'Word documents' },
  'word.cannotOpen': { zh: (a: WordArgs) => `工作计划：无法打开 ${a.file}：`, en: (a: WordArgs) => `Workplan: cannot open ${a.file}: ` },
} satisfies Record<string, Record<Lang, (a: WordArgs) => string>>;

export type WordKey = keyof typeof WORD;

export function wordText(key: WordKey, lang: Lang, args: WordArgs = {}): string {
  return WORD[key][lang](args);
}

/**
 * What the command line says about a file it could not read or write, or has fixed: Chinese, then
 * English, on one line (`--lang` chooses the language of the diagnostics, not of these).
 */
const FILE_NOTES = {
  'read.missing': { zh: () => '无法读取：文件不存在', en: () => 'cannot read: no such file' },
  'read.directory': { zh: () => '无法读取：这是一个目录', en: () => 'cannot read: is a directory' },
  'read.permission': { zh: () => '无法读取：没有权限', en: () => 'cannot read: permission denied' },
  'read.notText': { zh: () => '无法读取：不是 UTF-8 或 GB18030 文本文件', en: (a: NoteArgs) => `cannot read: ${a.reason}` },
  'read.failed': { zh: () => '无法读取', en: (a: NoteArgs) => `cannot read: ${a.reason}` },
  'write.lossy': {
    zh: () => '含有无效的 UTF-8 字节，未写回（请先修正文件的编码）',
    en: () => 'invalid UTF-8 bytes: not written back, fix them first',
  },
  'write.roundTrip': {
    zh: (a: NoteArgs) => `第 ${a.offset} 字节起的内容按原编码写回会改变，未写回`,
    en: (a: NoteArgs) => `the bytes from offset ${a.offset} would not survive being written back in the file's encoding: not written back`,
  },
  'write.readOnly': { zh: () => '文件是只读的，未写回', en: () => 'the file is read-only: not written back' },
  'write.folder': {
    zh: (a: NoteArgs) => `无法在文件所在的文件夹中创建临时文件（${a.reason}），未写回`,
    en: (a: NoteArgs) => `cannot create a temporary file in its folder (${a.reason}): not written back`,
  },
  'write.changed': {
    zh: () => '检查期间文件被改动或移走，未写回（请重新运行）',
    en: () => 'the file changed or moved while it was being checked: not written back (run again)',
  },
  'write.failed': {
    zh: (a: NoteArgs) => `写入失败（${a.reason}），原文件未改动`,
    en: (a: NoteArgs) => `writing failed (${a.reason}); the file is as it was`,
  },
  fixed: { zh: (a: NoteArgs) => `已修复 ${a.count} 处`, en: (a: NoteArgs) => `fixed ${a.count}` },
} satisfies Record<string, Record<Lang, (a: NoteArgs) => string>>;

export interface NoteArgs {
  reason?: string;
  offset?: number;
  count?: number;
}

export type FileNoteKey = keyof typeof FILE_NOTES;

/** `file: 中文 / English`. */
export function fileNote(file: string, key: FileNoteKey, args: NoteArgs = {}): string {
  const note = FILE_NOTES[key];
  return `${file}: ${note.zh(args)} / ${note.en(args)}`;
}
