// `workplan check FILE...`: the pre-submission check on the command line. Reads UTF-8 (with or
// without BOM) and GB18030, prints `file:line:col: severity code message` or JSON, and with --fix
// writes the safe fixes back in the file's own encoding and line endings: atomically, only if every
// byte outside the fixed markers comes out as it was, and only if nobody changed the file meanwhile.
// A file that cannot be read or written gets one line on stderr; the others are checked all the same.
// Reads Word documents too, naming their paragraphs (`file.docx:¶12: …`), and never writes them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_CODES, PlanDiagnostic, SAFE_FIX_CODES } from '../service/checks/codes';
import { computeDiagnostics } from '../service/checks/diagnostics';
import { safeFixEdits } from '../service/checks/fixes';
import { applyEdits, OffsetEdit } from '../service/checks/markerForms';
import { Decoded, encodeEdited, Encoding, NotWritableError } from '../io/encoding';
import { PlanSource, planFromBytes } from '../io/readPlanText';
import { readWithSnapshot, replaceFile, Snapshot, WriteError } from '../io/writeFile';
import { diagnosticMessage, fileNote, Lang, wordText } from '../service/l10n/messages';
import { readSettings, WorkplanSettings } from '../service/checks/settings';
import { parseCommandArgs, UsageError } from './args';
import { unifiedDiff } from './editDiff';
import { parseReported, unreadable } from './notes';

export const CHECK_USAGE = `  workplan check [选项 options] FILE...   提交前检查序号与文本 / check numbering and text before submission
      --json                 以 JSON 输出 / machine-readable output
      --fix                  就地应用安全修复（序号与标记） / apply the safe fixes (numbering and markers) in place
      --dry-run              只打印修复的 diff，不写文件 / print the fixes as a unified diff, write nothing
      --lang zh|en           消息语言，默认中文 / message language, Chinese by default
      --severity CODE=LEVEL  调整某代码的级别（error|warning|information|hint|off） / severity of a code
      --marker-width auto|full|half, --allow-level-skip, --no-hygiene
  退出码 exit status:
      0  没有 error 级问题 / no error-level diagnostic
      1  磁盘上的文件仍有 error 级问题 / an error-level diagnostic remains in a file as it is on disk
      2  有文件无法读取或无法写回（或用法错误），其余文件照常检查 / a file could not be read or written back
         (or bad usage); the other files are still checked`;

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

/** One line for a file whose fixes were not written back, Chinese first. */
function unwritten(file: string, e: unknown): string {
  if (e instanceof NotWritableError) return e.reason === 'lossy' ? fileNote(file, 'write.lossy') : fileNote(file, 'write.roundTrip', { offset: e.byteOffset });
  if (!(e instanceof WriteError)) throw e;
  if (e.failure === 'readOnly') return fileNote(file, 'write.readOnly');
  if (e.failure === 'folder') return fileNote(file, 'write.folder', { reason: e.code ?? '' });
  if (e.failure === 'changed') return fileNote(file, 'write.changed');
  return fileNote(file, 'write.failed', { reason: e.code ?? '' });
}

interface FileResult {
  file: string;
  encoding?: Encoding;
  /** `docx` for a Word document. */
  format?: 'docx';
  /** Why the file could not be read, or its fixes not written back. */
  error?: string;
  /** With --fix: the markers rewritten in the file on disk. */
  fixed?: number;
  /** With --dry-run --json: the diff that --fix would apply. */
  diff?: string;
  diagnostics?: ReturnType<typeof toJson>[];
}

/** The Word paragraph a line comes from; a blank line between two paragraphs belongs to the next. */
function paragraphAt(paragraphOfLine: number[], line: number): number {
  for (let l = line; l < paragraphOfLine.length; l++) if (paragraphOfLine[l]) return paragraphOfLine[l];
  for (let l = Math.min(line, paragraphOfLine.length) - 1; l >= 0; l--) if (paragraphOfLine[l]) return paragraphOfLine[l];
  return 0;
}

function toJson(doc: TextDocument, d: PlanDiagnostic, lang: Lang, paragraphOfLine?: number[]) {
  const start = doc.positionAt(d.span.start);
  const end = doc.positionAt(d.span.end);
  return {
    ...(paragraphOfLine ? { paragraph: paragraphAt(paragraphOfLine, start.line) } : {}),
    line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
    severity: d.severity, code: d.code, message: diagnosticMessage(d.code, d, lang), expected: d.expected, found: d.found,
    fixable: !!d.edits, safeFix: !!d.edits && SAFE_FIX_CODES.has(d.code),
  };
}

/**
 * Writes the file's fixes back; returns why it could not, or undefined once written. The bytes are
 * built and checked before anything touches the disk.
 */
function writeBack(file: string, bytes: Uint8Array, snapshot: Snapshot, decoded: Decoded, edits: OffsetEdit[], dryRun: boolean): string | undefined {
  try {
    const fixed = encodeEdited(bytes, decoded, edits);
    if (!dryRun) replaceFile(snapshot, fixed);
    return undefined;
  } catch (e) {
    return unwritten(file, e);
  }
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
  let failed = false;
  let errors = false;
  const results: FileResult[] = [];
  for (const file of opts.files) {
    let read: ReturnType<typeof readWithSnapshot>;
    let source: PlanSource;
    try {
      read = readWithSnapshot(file);
      source = planFromBytes(file, read.bytes);
    } catch (e) {
      const message = unreadable(file, e);
      err.write(message + '\n');
      results.push({ file, error: message });
      failed = true;
      continue;
    }
    if (source.kind === 'word' && opts.fix && !opts.dryRun) {
      const message = `${file}: ${wordText('word.fixRefused', 'zh')} / ${wordText('word.fixRefused', 'en')}`;
      err.write(message + '\n');
      results.push({ file, format: 'docx', error: message });
      failed = true;
      continue;
    }
    // What is reported is the text on disk: the fixed text once it is written, else the text as read.
    let text = source.text;
    let model = parseReported(file, text, err);
    let diagnostics = computeDiagnostics(model, opts.settings);
    const result: FileResult = source.kind === 'word' ? { file, format: 'docx' } : { file, encoding: source.encoding };
    if (opts.fix || opts.dryRun) {
      const edits = safeFixEdits(model, diagnostics, opts.settings);
      if (edits.length) {
        if (opts.dryRun) {
          const diff = unifiedDiff(file, text, edits);
          if (opts.json) result.diff = diff;
          else out.write(diff);
        }
        // A Word document is only ever shown its diff (--fix was refused above).
        const problem = source.kind === 'text' ? writeBack(file, read.bytes, read.snapshot, source, edits, opts.dryRun) : undefined;
        if (problem) {
          err.write(problem + '\n');
          result.error = problem;
          failed = true;
        } else if (!opts.dryRun) {
          result.fixed = edits.length;
          if (!opts.json) err.write(fileNote(file, 'fixed', { count: edits.length }) + '\n');
          text = applyEdits(text, edits);
          model = parseReported(file, text, err);
          diagnostics = computeDiagnostics(model, opts.settings);
        }
      }
    }
    const doc = TextDocument.create('file:///check', 'workplan', 1, text);
    // The safe fixes rewrite markers only: the text keeps its lines, and they their paragraphs.
    const paragraphs = source.kind === 'word' ? source.paragraphOfLine : undefined;
    const reported = diagnostics.map((d) => toJson(doc, d, opts.lang, paragraphs));
    if (reported.some((d) => d.severity === 'error')) errors = true;
    result.diagnostics = reported;
    results.push(result);
    if (!opts.json && !opts.dryRun) {
      for (const d of reported) out.write(`${file}:${d.paragraph !== undefined ? `¶${d.paragraph}` : `${d.line}:${d.column}`}: ${d.severity} ${d.code} ${d.message}\n`);
    }
  }
  if (opts.json) out.write(JSON.stringify(results, null, 2) + '\n');
  return failed ? 2 : errors ? 1 : 0;
}
