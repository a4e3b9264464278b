import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { unifiedDiff } from '../../server/src/cli/editDiff';
import { applyEdits, OffsetEdit } from '../../server/src/service/checks/markerForms';

/** An edit replacing the first `find` after `from` in `text`. */
function edit(text: string, find: string, newText: string, from = 0): OffsetEdit {
  const start = text.indexOf(find, from);
  assert.ok(start >= 0, find);
  return { start, end: start + find.length, newText };
}

const lines = (n: number, eol = '\n') => Array.from({ length: n }, (_, k) => `第${k + 1}行`).join(eol) + eol;

describe('check --dry-run: the diff of the edits', () => {
  it('shows three lines around each edit and joins edits closer than that into one hunk', () => {
    const text = lines(30);
    const diff = unifiedDiff('plan.txt', text, [edit(text, '第5行', '第五行'), edit(text, '第9行', '第九行'), edit(text, '第25行', '第二十五行')]);
    assert.strictEqual(diff, [
      '--- plan.txt', '+++ plan.txt',
      '@@ -2,11 +2,11 @@', ' 第2行', ' 第3行', ' 第4行', '-第5行', '+第五行', ' 第6行', ' 第7行', ' 第8行', '-第9行', '+第九行', ' 第10行', ' 第11行', ' 第12行',
      '@@ -22,7 +22,7 @@', ' 第22行', ' 第23行', ' 第24行', '-第25行', '+第二十五行', ' 第26行', ' 第27行', ' 第28行', '',
    ].join('\n'));
  });

  it('is a patch that `patch` applies, CRLF and a last line without a break included', function () {
    if (spawnSync('patch', ['--version']).status !== 0) return this.skip();
    const dir = mkdtempSync(path.join(tmpdir(), 'workplan-diff-'));
    try {
      for (const text of [lines(12, '\r\n'), lines(8).slice(0, -1), '第1行\n']) {
        const edits = [edit(text, '第1行', '一'), ...(text.includes('第8行') ? [edit(text, '第8行', '八')] : [])];
        writeFileSync(path.join(dir, 'plan.txt'), text);
        writeFileSync(path.join(dir, 'fix.diff'), unifiedDiff('plan.txt', text, edits));
        const r = spawnSync('patch', ['--binary', '-s', '-p0', '-i', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
        assert.strictEqual(r.status, 0, r.stdout + r.stderr);
        assert.strictEqual(readFileSync(path.join(dir, 'plan.txt'), 'utf8'), applyEdits(text, edits), JSON.stringify(text));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is empty without edits', () => {
    assert.strictEqual(unifiedDiff('plan.txt', lines(3), []), '');
  });
});
