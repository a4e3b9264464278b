// `workplan check FILE...`: the pre-submission check on the command line. Reads UTF-8 (with or
// without BOM) and GB18030, prints `file:line:col: severity code message` or JSON, and with --fix
// writes the safe fixes back in the file's own encoding and line endings.
import { createTwoFilesPatch } from 'diff';
import { readFileSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_CODES, PlanDiagnostic, SAFE_FIX_CODES } from '../service/checks/codes';
import { computeDiagnostics } from '../service/checks/diagnostics';
import { safeFixEdits } from '../service/checks/fixes';
import { applyEdits } from '../service/checks/markerForms';
import { decodePlan, Encoding, UnreadableError } from '../io/encoding';
import { diagnosticMessage, Lang } from '../service/l10n/messages';
import { parsePlan } from '../service/parse/parser';
import { readSettings, WorkplanSettings } from '../service/checks/settings';
import { parseCommandArgs, UsageError } from './args';

export const CHECK_USAGE = `  workplan check [选项 options] FILE...   提交前检查序号与文本 / check numbering and text before submission
      --json                 以 JSON 输出 / machine-readable output
      --fix                  就地应用安全修复（序号与标记） / apply the safe fixes (numbering and markers) in place
      --dry-run              只打印修复的 diff，不写文件 / print the fixes as a unified diff, write nothing
      --lang zh|en           消息语言，默认中文 / message language, Chinese by default
      --severity CODE=LEVEL  调整某代码的级别（error|warning|information|hint|off） / severity of a code
      --marker-width auto|full|half, --allow-level-skip, --no-hygiene
  退出码 exit status: 0 无错误 no error; 1 仍有 error 级问题 an error-level diagnostic remains; 2 无法读取 unreadable input`;

interface Options {
  files: string[];
  json: boolean;
  fix: boolean;
  dryRun: boolean;
  lang: Lang;
  settings: WorkplanSettings;
}

export function parseCheckArgs(argv: string[]): Options {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    fix: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    lang: { type: 'string' },
    severity: { type: 'string', multiple: true },
    'marker-width': { type: 'string' },
    'allow-level-skip': { type: 'boolean' },
    'no-hygiene': { type: 'boolean' },
  });
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en: ${lang}`);
  const severity: Record<string, string> = {};
  for (const s of values.severity ?? []) {
    const [code, level] = s.split('=');
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code) || !['error', 'warning', 'information', 'hint', 'off'].includes(level)) {
      throw new UsageError(`--severity 应为 CODE=LEVEL / expects CODE=LEVEL: ${s}`);
    }
    severity[code] = level;
  }
  const section: Record<string, unknown> = { 'diagnostics.severity': severity };
  if (values['marker-width'] !== undefined) section.markerWidth = values['marker-width'];
  if (values['allow-level-skip']) section.allowLevelSkip = true;
  if (values['no-hygiene']) section['hygiene.enabled'] = false;
  if (!positionals.length) throw new UsageError('没有给出文件 / no file given');
  return { files: positionals, json: !!values.json, fix: !!values.fix, dryRun: !!values['dry-run'], lang, settings: readSettings(section) };
}

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const bytes = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** Why a file cannot be read, Chinese first. */
function unreadable(file: string, e: unknown): string {
  if (e instanceof UnreadableError) return `${file}: 无法读取：不是 UTF-8 或 GB18030 文本文件 / cannot read: ${e.message}`;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: 无法读取：文件不存在 / cannot read: no such file`;
  if (code === 'EISDIR') return `${file}: 无法读取：这是一个目录 / cannot read: is a directory`;
  if (code === 'EACCES') return `${file}: 无法读取：没有权限 / cannot read: permission denied`;
  return `${file}: 无法读取 / cannot read: ${code ?? String(e)}`;
}

interface FileResult {
  file: string;
  encoding?: Encoding;
  error?: string;
  fixed?: number;
  /** With --dry-run --json: the diff that --fix would apply. */
  diff?: string;
  diagnostics?: ReturnType<typeof toJson>[];
}

function toJson(doc: TextDocument, d: PlanDiagnostic, lang: Lang) {
  const start = doc.positionAt(d.span.start);
  const end = doc.positionAt(d.span.end);
  return {
    line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
    severity: d.severity, code: d.code, message: diagnosticMessage(d.code, d, lang), expected: d.expected, found: d.found,
    fixable: !!d.edits, safeFix: !!d.edits && SAFE_FIX_CODES.has(d.code),
  };
}

/** Runs the check; returns the exit status. Writes to the given streams so tests can run it in-process too. */
export function runCheck(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): number {
  let opts: Options;
  try {
    opts = parseCheckArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`${e.message}\n用法 Usage:\n${CHECK_USAGE}\n`);
    return 2;
  }
  let status = 0;
  const results: FileResult[] = [];
  for (const file of opts.files) {
    let decoded: ReturnType<typeof decodePlan>;
    try {
      decoded = decodePlan(readFileSync(file));
    } catch (e) {
      const message = unreadable(file, e);
      err.write(message + '\n');
      results.push({ file, error: message });
      status = 2;
      continue;
    }
    let text = decoded.text;
    const result: FileResult = { file, encoding: decoded.encoding };
    if (opts.fix || opts.dryRun) {
      // The same one pass as the editor's renumber; `fixed` counts the markers it rewrites.
      const model = parsePlan(text);
      const edits = safeFixEdits(model, computeDiagnostics(model, opts.settings), opts.settings);
      const fixed = { text: applyEdits(text, edits), fixed: edits.length };
      result.fixed = fixed.fixed;
      if (fixed.text !== text) {
        const patch = () => createTwoFilesPatch(file, file, text, fixed.text, '', '', { context: 3 });
        if (opts.dryRun && opts.json) result.diff = patch();
        else if (opts.dryRun) out.write(patch());
        else if (decoded.lossy) err.write(`${file}: 含有无效的 UTF-8 字节，未写回 / invalid UTF-8 bytes: not written back, fix them first\n`);
        else writeFileSync(file, encode(fixed.text, decoded.encoding));
      }
      if (!opts.dryRun && !opts.json && fixed.fixed) err.write(`${file}: 已修复 ${fixed.fixed} 处 / fixed ${fixed.fixed}\n`);
      text = fixed.text;
    }
    const doc = TextDocument.create('file:///check', 'workplan', 1, text);
    const diagnostics = computeDiagnostics(parsePlan(text), opts.settings).map((d) => toJson(doc, d, opts.lang));
    if (diagnostics.some((d) => d.severity === 'error') && status === 0) status = 1;
    result.diagnostics = diagnostics;
    results.push(result);
    if (!opts.json && !opts.dryRun) {
      for (const d of diagnostics) out.write(`${file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}\n`);
    }
  }
  if (opts.json) out.write(JSON.stringify(results, null, 2) + '\n');
  return status;
}
