import * as assert from 'assert';
import { Workbook } from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { tmpdir } from 'os';
import * as path from 'path';
import { runCli as run } from '../helpers/cli';
import { parseCsv, PLAN_2024, PLAN_2025 } from '../helpers/taskPlans';


describe('cli: workplan export and compare', function () {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-tasks-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exports an xlsx beside the plan by default, through the bundled exceljs, leaving no temporary file', async () => {
    copyFileSync(PLAN_2024, path.join(dir, '计划.txt'));
    const r = run(['export', '--to', 'xlsx', '计划.txt'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '计划.txt → 计划.xlsx\n');
    assert.deepStrictEqual(readdirSync(dir).sort(), ['计划.txt', '计划.xlsx']);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(path.join(dir, '计划.xlsx'));
    assert.strictEqual(workbook.worksheets[0].getCell('D3').value, '强化平台招商');
  });

  it('exports a GB18030 plan as CSV to -o', () => {
    writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode(readFileSync(PLAN_2024, 'utf8').replace(/\n/g, '\r\n'), 'gb18030'));
    const r = run(['export', '--to', 'csv', '-o', 'out.csv', 'gbk.txt'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const rows = parseCsv(readFileSync(path.join(dir, 'out.csv'), 'utf8').replace(/^\ufeff/, ''));
    assert.strictEqual(rows.length, 16);
    assert.deepStrictEqual(rows[1].slice(0, 4), ['一.（一）.1', '聚焦经济发展，稳住增长基本盘', '精准招商引资', '强化平台招商']);
  });

  it('says in Chinese, then English, what went wrong, file by file, and exits 2', () => {
    copyFileSync(PLAN_2024, path.join(dir, 'a.txt'));
    mkdirSync(path.join(dir, 'folder.xlsx'));
    writeFileSync(path.join(dir, 'folder.txt'), '一、标题\n');
    const r = run(['export', '--to', 'xlsx', 'missing.txt', 'a.txt', 'folder.txt'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^missing\.txt: 无法读取：文件不存在 \/ cannot read: no such file$/m);
    assert.match(r.stderr, /^folder\.xlsx: 无法写入：这是一个目录 \/ cannot write: is a directory$/m);
    assert.ok(existsSync(path.join(dir, 'a.xlsx')), 'the readable plan is exported all the same');
    assert.deepStrictEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    const usage = run(['export', '--to', 'pdf', 'a.txt'], dir);
    assert.strictEqual(usage.status, 2);
    assert.match(usage.stderr, /^未知格式 \/ unknown format: pdf/);
    assert.strictEqual(run(['export', 'a.txt'], dir).status, 2);
  });

  it('compares two years of a plan as JSON: continued pairs with similarity and changed targets, new, dropped', () => {
    const r = run(['compare', '--json', PLAN_2024, PLAN_2025], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(json), ['continued', 'new', 'dropped']);
    assert.deepStrictEqual(json.continued[0], {
      old: { line: 7, title: '强化平台招商' },
      new: { line: 7, title: '深化平台招商' },
      similarity: json.continued[0].similarity,
      changedTargets: [{ old: '走访重点企业150家', new: '走访重点企业200家' }, { old: '新增注册企业80家', new: '新增注册企业100家' }],
    });
    assert.ok(json.continued[0].similarity > 0.5 && json.continued[0].similarity < 1);
    assert.deepStrictEqual(json.new, [{ line: 9, title: '培育数字经济' }, { line: 18, title: '建设认知障碍友好社区' }]);
    assert.deepStrictEqual(json.dropped.map((t: { title: string }) => t.title), ['盘活楼宇空间', '整治群租问题', '开展防汛演练']);
    assert.strictEqual(readFileSync(PLAN_2024, 'utf8').split('\n')[json.dropped[0].line - 1].slice(0, 8), '3.盘活楼宇空间');
  });

  it('compares for a reader, Chinese first', () => {
    const r = run(['compare', PLAN_2024, PLAN_2025], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^延续 Continued \(12\)$/m);
    assert.match(r.stdout, /^ {2}7: 强化平台招商 {2}→ {2}7: 深化平台招商 {2}\(相似度 Similarity 0\.\d\d\)$/m);
    assert.match(r.stdout, /^ {6}指标变化 Targets changed: 走访重点企业150家 → 走访重点企业200家$/m);
    assert.match(r.stdout, /^新增 New \(2\)\n {2}9: 培育数字经济\n {2}18: 建设认知障碍友好社区$/m);
    assert.match(r.stdout, /^取消 Dropped \(3\)$/m);
    assert.strictEqual(run(['compare', PLAN_2024], dir).status, 2);
    assert.strictEqual(run(['compare', PLAN_2024, 'missing.txt'], dir).status, 2);
  });
});
