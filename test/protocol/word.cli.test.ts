// The Word commands of the CLI, run as a user runs them: `workplan export --to docx`, and
// `outline` and `check` on Word files.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ROOT, seed } from '../helpers/seeds';

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
    assert.strictEqual(r.stderr, '计划.txt → 计划.docx\n');
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
    assert.match(format.stderr, /^不支持的格式 \/ unknown format: pdf（docx/);
    assert.match(run(['export', '计划.txt'], dir).stderr, /^缺少 --to \/ --to is required/);
    const missing = run(['export', '--to', 'docx', '没有.txt'], dir);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stderr, '没有.txt: 无法读取：文件不存在 / cannot read: no such file\n');
    const unwritable = run(['export', '--to', 'docx', '-o', 'no/such/folder/x.docx', '计划.txt'], dir);
    assert.strictEqual(unwritable.status, 2);
    assert.strictEqual(unwritable.stderr, 'no/such/folder/x.docx: 无法写入 / cannot write: ENOENT\n');
    const over = run(['export', '--to', 'docx', '-o', '计划.txt', '计划.txt'], dir);
    assert.strictEqual(over.status, 2);
    assert.strictEqual(readFileSync(path.join(dir, '计划.txt'), 'utf8'), '一、稳住经济\n');
    assert.deepStrictEqual(readdirSync(dir), ['计划.txt']);
  });
});
