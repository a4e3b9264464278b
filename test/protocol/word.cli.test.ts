// The Word commands of the CLI, run as a user runs them: `workplan export --to docx`, and
// `outline` and `check` on Word files.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { ROOT, seed } from '../helpers/seeds';
import { NUMBERED_PLAN, numberedDocx, twinText } from '../helpers/word';

const CLI = path.join(ROOT, 'server', 'out', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: workplan export', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .docx beside the plan, or where -o says, and leaves no temporary file', function () {
    writeFileSync(path.join(dir, '计划.txt'), seed('华阳路街道2025年工作计划').text);
    const r = run(['export', '--to', 'docx', '计划.txt'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '计划.txt → 计划.docx\n');
    assert.deepStrictEqual(readFileSync(path.join(dir, '计划.docx')).subarray(0, 4), Buffer.from('PK\x03\x04'));
    mkdirSync(path.join(dir, 'out'));
    assert.strictEqual(run(['export', '--to', 'docx', '-o', 'out/公文.docx', '计划.txt'], dir).status, 0);
    assert.ok(statSync(path.join(dir, 'out', '公文.docx')).size > 5000);
    assert.deepStrictEqual(readdirSync(dir).sort(), ['out', '计划.docx', '计划.txt']);
  });

  it('exits 2 with the reason, Chinese first, on a bad format, a missing file or an unwritable output, writing nothing', function () {
    writeFileSync(path.join(dir, '计划.txt'), '一、稳住经济\n');
    const format = run(['export', '--to', 'pdf', '计划.txt'], dir);
    assert.strictEqual(format.status, 2);
    assert.match(format.stderr, /^未知格式 \/ unknown format: pdf（可用 available: docx, xlsx, csv）/);
    assert.match(run(['export', '计划.txt'], dir).stderr, /^缺少 --to \/ --to is required/);
    const missing = run(['export', '--to', 'docx', '没有.txt'], dir);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stderr, '没有.txt: 无法读取：文件不存在 / cannot read: no such file\n');
    const unwritable = run(['export', '--to', 'docx', '-o', 'no/such/folder/x.docx', '计划.txt'], dir);
    assert.strictEqual(unwritable.status, 2);
    assert.strictEqual(unwritable.stderr, 'no/such/folder/x.docx: 无法写入：文件夹不存在 / cannot write: no such folder\n');
    const over = run(['export', '--to', 'docx', '-o', '计划.txt', '计划.txt'], dir);
    assert.strictEqual(over.status, 2);
    assert.strictEqual(readFileSync(path.join(dir, '计划.txt'), 'utf8'), '一、稳住经济\n');
    assert.deepStrictEqual(readdirSync(dir), ['计划.txt']);
  });
});

describe('cli: outline and check of Word files', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-word-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('outlines a Word file with automatic numbering like its text twin', async function () {
    writeFileSync(path.join(dir, '要点.docx'), await numberedDocx(NUMBERED_PLAN));
    writeFileSync(path.join(dir, '要点.txt'), twinText(NUMBERED_PLAN));
    const docx = run(['outline', '要点.docx'], dir);
    assert.strictEqual(docx.status, 0, docx.stderr);
    assert.strictEqual(docx.stdout.replace('要点.docx', ''), run(['outline', '要点.txt'], dir).stdout.replace('要点.txt', ''));
    assert.match(docx.stdout, /\n {2}\d+ heading （一）做实楼宇招商\n/);
  });

  it('checks a Word file naming paragraphs by number, and refuses --fix without writing', async function () {
    // Typed markers with one skipped, after an empty paragraph that still counts.
    const bytes = await numberedDocx([['', undefined, '青石街道2025年工作要点'], ['', undefined, ''], ['', undefined, '一、稳住经济'], ['', undefined, '三、提升治理']]);
    writeFileSync(path.join(dir, '要点.docx'), bytes);
    const r = run(['check', '要点.docx'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '要点.docx:¶4: warning numbering.skipped 序号不连续：此处应为“二、”，实为“三、”\n');
    const json = JSON.parse(run(['check', '--json', '要点.docx'], dir).stdout);
    assert.strictEqual(json[0].format, 'docx');
    assert.strictEqual(json[0].diagnostics[0].paragraph, 4);

    const fix = run(['check', '--fix', '要点.docx'], dir);
    assert.strictEqual(fix.status, 2);
    assert.match(fix.stderr, /^要点\.docx: --fix 不能改写 Word 文件，未写入任何内容.* \/ --fix does not rewrite Word files; nothing was written/);
    assert.ok(readFileSync(path.join(dir, '要点.docx')).equals(Buffer.from(bytes)), 'the Word file is as it was');
    assert.deepStrictEqual(readdirSync(dir), ['要点.docx']);
  });

  it('exits 2 on a bad Word file with the reason in Chinese, then English, and reads the other files', function () {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
    const large = Buffer.alloc(50 * 1024 * 1024);
    Buffer.from('PK\x03\x04').copy(large);
    writeFileSync(path.join(dir, '文本.docx'), '一、这不是 Word 文档\n');
    writeFileSync(path.join(dir, '表格.docx'), zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }));
    writeFileSync(path.join(dir, '加密.docx'), ole);
    writeFileSync(path.join(dir, '过大.docx'), large);
    writeFileSync(path.join(dir, '好.txt'), '一、稳住经济\n三、提升治理\n');
    for (const command of ['outline', 'check']) {
      const r = run([command, '文本.docx', '表格.docx', '加密.docx', '过大.docx', '好.txt'], dir);
      assert.strictEqual(r.status, 2);
      assert.deepStrictEqual(r.stderr.split('\n').filter(Boolean), [
        '文本.docx: 无法读取：不是 Word 文档（.docx）：文件不是 zip 压缩包 / cannot read: not a Word document (.docx): the file is not a zip archive',
        '表格.docx: 无法读取：不是 Word 文档：压缩包中没有 word/document.xml（可能是 Excel、PowerPoint 或其他 zip 文件） / cannot read: not a Word document: the archive has no word/document.xml (an Excel or PowerPoint file, or another zip?)',
        '加密.docx: 无法读取：Word 文档设有打开密码（已加密），无法读取：请在 Word 中取消密码后另存为 .docx / cannot read: the Word document is password-protected (encrypted): remove the password in Word and save it again as .docx',
        '过大.docx: 无法读取：Word 文件过大（50.0 MB，上限 20.0 MB） / cannot read: the Word file is too large (50.0 MB, limit 20.0 MB)',
      ]);
      assert.match(r.stdout, /好\.txt/);
    }
  });
});
