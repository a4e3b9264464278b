import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { tmpdir } from 'os';
import * as path from 'path';
import { CLI, runCli as run } from '../helpers/cli';
import { seed, seeds } from '../helpers/seeds';

const C = seed('新华路').text;
/** Seed 新华路 with a section dropped (一、三、四、五、) and one full-width （二） among (一). */
const BROKEN = C.replace('二、强化服务思维', '三、强化服务思维').replace('三、强化精细思维', '四、强化精细思维').replace('四、强化底线思维', '五、强化底线思维')
  .replace('(二)扎实开展', '（二）扎实开展');

/** The numbered items of a plan with one section: `markers(k)` writes the k-th. */
function sixty(marker: (k: number) => string): string {
  return '一、总体要求\n\n' + Array.from({ length: 60 }, (_, k) => `${marker(k + 1)}第${k + 1}项工作。推进落实。\n`).join('');
}

describe('cli: workplan check', function () {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-check-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, bytes: Buffer | string): string {
    writeFileSync(path.join(dir, name), bytes);
    return name;
  }

  it('checks a UTF-8 file with a damaged byte but does not write the fixes back over it, and exits 2', () => {
    const bytes = Buffer.concat([Buffer.from(BROKEN, 'utf8'), Buffer.from([0xe4, 0xb8])]);
    const file = write('截断.txt', bytes);
    const r = run(['check', '--fix', '--no-hygiene', file], dir);
    assert.deepStrictEqual(r.stderr.split('\n').filter(Boolean), ['截断.txt: 含有无效的 UTF-8 字节，未写回（请先修正文件的编码） / invalid UTF-8 bytes: not written back, fix them first']);
    assert.ok(readFileSync(path.join(dir, file)).equals(bytes), 'the file is left as it was');
    assert.match(r.stdout, /^截断\.txt:7:1: warning numbering\.skipped /m, 'the findings of the text on disk');
    assert.strictEqual(r.status, 2);
  });

  it('prints file:line:col: severity code message, one line each', () => {
    const file = write('计划.txt', BROKEN);
    const r = run(['check', '--no-hygiene', file], dir);
    assert.deepStrictEqual(r.stdout.split('\n').filter(Boolean), [
      '计划.txt:4:1: warning marker.width 序号括号全角半角不统一：应为“(二)”，实为“（二）”',
      '计划.txt:7:1: warning numbering.skipped 序号不连续：此处应为“二、”，实为“三、”',
    ]);
    assert.strictEqual(r.status, 0);
    const en = run(['check', '--no-hygiene', '--lang', 'en', file], dir);
    assert.match(en.stdout, /^计划\.txt:7:1: warning numbering\.skipped Numbering skips: expected "二、", found "三、"$/m);
  });

  it('checks the seeds without a numbering diagnostic', () => {
    const r = run(['check', ...seeds().map((s) => s.path)], dir);
    assert.strictEqual(r.status, 0);
    const codes = new Set(r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[2]));
    assert.deepStrictEqual([...codes].sort(), ['heading.merged', 'heading.split', 'text.brokenLine', 'text.cjkSpace', 'text.halfWidth', 'text.markerSpace']);
  });

  it('fixes a GB18030 file with CRLF in place, in GB18030 with CRLF', () => {
    const file = write('gbk.txt', iconv.encode(BROKEN.replace(/\n/g, '\r\n'), 'gb18030'));
    const r = run(['check', '--fix', '--no-hygiene', file], dir);
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stdout, '', 'nothing left to report');
    assert.strictEqual(r.stderr, 'gbk.txt: 已修复 4 处 / fixed 4\n', 'three numbers and one bracket pair: four markers rewritten');
    assert.ok(readFileSync(path.join(dir, file)).equals(iconv.encode(C.replace(/\n/g, '\r\n'), 'gb18030')));
  });

  it('fixes a UTF-8 file and keeps its BOM', () => {
    const file = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BROKEN, 'utf8')]));
    assert.strictEqual(run(['check', '--fix', file], dir).status, 0);
    assert.ok(readFileSync(path.join(dir, file)).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(C, 'utf8')])));
  });

  it('prints the fixes as a unified diff with --dry-run and writes nothing', () => {
    const bytes = iconv.encode(BROKEN.replace(/\n/g, '\r\n'), 'gb18030');
    const file = write('dry.txt', bytes);
    const r = run(['check', '--dry-run', file], dir);
    assert.strictEqual(r.status, 0);
    const changed = r.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l)).map((l) => l.slice(0, 9).replace('\r', ''));
    assert.deepStrictEqual(changed, ['-（二）扎实开展精', '+(二)扎实开展精', '-三、强化服务思维', '+二、强化服务思维', '-四、强化精细思维', '+三、强化精细思维', '-五、强化底线思维', '+四、强化底线思维']);
    assert.match(r.stdout, /^--- dry\.txt\n\+\+\+ dry\.txt\n/m);
    assert.ok(readFileSync(path.join(dir, file)).equals(bytes));
  });

  it('reports JSON with --json', () => {
    const file = write('json.txt', iconv.encode(BROKEN, 'gb18030'));
    const r = run(['check', '--json', '--no-hygiene', file], dir);
    const [result] = JSON.parse(r.stdout);
    assert.deepStrictEqual([result.file, result.encoding], ['json.txt', 'gb18030']);
    assert.deepStrictEqual(result.diagnostics[1], {
      line: 7, column: 1, endLine: 7, endColumn: 3, severity: 'warning', code: 'numbering.skipped',
      message: '序号不连续：此处应为“二、”，实为“三、”', expected: '二、', found: '三、', fixable: true, safeFix: true,
    });
  });

  it('exits 1 while an error-level diagnostic remains, 0 once --fix has removed it', () => {
    const file = write('error.txt', BROKEN);
    const args = ['check', '--severity', 'numbering.skipped=error', file];
    const r = run(args, dir);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /^error\.txt:7:1: error numbering\.skipped /m);
    assert.strictEqual(run([...args.slice(0, 1), '--fix', ...args.slice(1)], dir).status, 0);
    assert.strictEqual(run(args, dir).status, 0);
  });

  it('exits 2 on a missing or binary file with a message in Chinese first, and checks the other files', () => {
    const good = write('good.txt', BROKEN);
    const binary = write('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    const r = run(['check', '--no-hygiene', 'missing.txt', binary, good], dir);
    assert.strictEqual(r.status, 2);
    assert.deepStrictEqual(r.stderr.split('\n').filter(Boolean), [
      'missing.txt: 无法读取：文件不存在 / cannot read: no such file',
      'binary.txt: 无法读取：不是 UTF-8 或 GB18030 文本文件 / cannot read: binary data, not a text file',
    ]);
    assert.match(r.stdout, /^good\.txt:7:1: warning numbering\.skipped /m);
  });

  it('stops quietly when its reader closes the pipe early (`| head`)', () => {
    const files = Array(8).fill(seeds().map((s) => JSON.stringify(s.path)).join(' ')).join(' ');
    const r = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check ${files} | head -1; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.strictEqual(r.status, 0);
  });

  it('exits 2 with the usage on a bad option', () => {
    const r = run(['check', '--colour', 'x.txt'], dir);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /^未知选项 \/ unknown option: --colour\n用法 Usage:\n/);
  });
});

/**
 * A user file permissions bind. Root may write anything, so as root the CLI runs as `nobody`
 * (setpriv, else runuser); the files it must not write are then owned by root.
 */
const UNPRIVILEGED: { wrap: string[]; uid: number; gid: number } | string = (() => {
  if (process.getuid?.() !== 0) return { wrap: [], uid: process.getuid!(), gid: process.getgid!() };
  const uid = Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout);
  const gid = Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout);
  for (const wrap of [['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'], ['runuser', '-u', 'nobody', '--']]) {
    if (spawnSync(wrap[0], [...wrap.slice(1), process.execPath, '-e', '0']).status === 0) return { wrap, uid, gid };
  }
  return 'running as root, and neither setpriv nor runuser can run node as nobody';
})();

describe('cli: files it cannot write back', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'workplan-unwritable-'));
    chmodSync(dir, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, bytes: Buffer | string): string {
    writeFileSync(path.join(dir, name), bytes);
    return name;
  }

  it('refuses a BOM followed by GB18030 bytes: untouched, never "fixed", exit 2 whatever the findings', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(BROKEN, 'gb18030')]);
    const file = write('bom-gb.txt', bytes);
    const good = write('good.txt', BROKEN);
    const r = run(['check', '--fix', '--no-hygiene', '--severity', 'numbering.skipped=error', file, good], dir);
    assert.deepStrictEqual(r.stderr.split('\n').filter(Boolean), [
      'bom-gb.txt: 含有无效的 UTF-8 字节，未写回（请先修正文件的编码） / invalid UTF-8 bytes: not written back, fix them first',
      'good.txt: 已修复 4 处 / fixed 4',
    ]);
    assert.ok(readFileSync(path.join(dir, file)).equals(bytes));
    assert.match(r.stdout, /^bom-gb\.txt:7:1: error numbering\.skipped /m, 'reported from the text on disk');
    assert.strictEqual(readFileSync(path.join(dir, good), 'utf8'), C);
    assert.strictEqual(r.status, 2);
    const json = JSON.parse(run(['check', '--fix', '--json', '--no-hygiene', file], dir).stdout);
    assert.deepStrictEqual([json[0].fixed, typeof json[0].error, json[0].diagnostics.length > 0], [undefined, 'string', true]);
  });

  it('says with --dry-run that a file would be refused, and exits as --fix would', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BROKEN.repeat(2), 'utf8'), Buffer.from([0xb8]), Buffer.from(BROKEN, 'utf8')]);
    const file = write('stray.txt', bytes);
    const r = run(['check', '--dry-run', '--no-hygiene', file], dir);
    assert.match(r.stderr, /^stray\.txt: 含有无效的 UTF-8 字节，未写回/);
    assert.match(r.stdout, /^-三、强化服务思维/m);
    assert.strictEqual(r.status, 2);
    assert.ok(readFileSync(path.join(dir, file)).equals(bytes));
  });

  it('numbers sixty items 1 to 60 and counts the markers it rewrote', () => {
    const file = write('sixty.txt', sixty(() => '1.'));
    const r = run(['check', '--fix', file], dir);
    assert.strictEqual(r.stderr, 'sixty.txt: 已修复 59 处 / fixed 59\n');
    assert.strictEqual(readFileSync(path.join(dir, file), 'utf8'), sixty((k) => `${k}.`));
    assert.strictEqual(run(['check', '--fix', file], dir).stderr, '', 'nothing left to fix');
  });

  it('skips a file over the size limit (ulimit -f) with one line, leaves it whole and checks the others', () => {
    const big = write('big.txt', BROKEN.repeat(4));
    const good = write('good.txt', BROKEN);
    const r = spawnSync('bash', ['-c', 'ulimit -f 16; exec "$0" "$@"', process.execPath, CLI, 'check', '--fix', '--no-hygiene', big, good], { cwd: dir, encoding: 'utf8' });
    assert.deepStrictEqual(r.stderr.split('\n').filter(Boolean), [
      'big.txt: 写入失败（EFBIG），原文件未改动 / writing failed (EFBIG); the file is as it was',
      'good.txt: 已修复 4 处 / fixed 4',
    ]);
    assert.strictEqual(readFileSync(path.join(dir, big), 'utf8'), BROKEN.repeat(4));
    assert.strictEqual(readFileSync(path.join(dir, good), 'utf8'), C);
    assert.deepStrictEqual(readdirSync(dir).sort(), ['big.txt', 'good.txt'], 'no temporary file left');
    assert.strictEqual(r.status, 2);
  });

  it('skips a read-only file and a file in a read-only folder with one line each, and fixes the files after them', function () {
    if (typeof UNPRIVILEGED === 'string') {
      console.log(`      skipped: ${UNPRIVILEGED}`);
      return this.skip();
    }
    const { wrap, uid, gid } = UNPRIVILEGED;
    // The CLI is one bundled file: a copy in the test folder is readable wherever the repository is.
    copyFileSync(CLI, path.join(dir, 'cli.js'));
    const readOnly = write('read-only.txt', BROKEN);
    mkdirSync(path.join(dir, 'locked'));
    const locked = write(path.join('locked', 'plan.txt'), BROKEN);
    const good = write('good.txt', BROKEN);
    for (const f of ['.', readOnly, locked, good]) chownSync(path.join(dir, f), uid, gid);
    chmodSync(path.join(dir, readOnly), 0o444);
    // The folder: its own user's, but closed to new files; as root, root's.
    if (wrap.length) chownSync(path.join(dir, 'locked'), 0, 0);
    chmodSync(path.join(dir, 'locked'), 0o555);
    const command = [...wrap, process.execPath, path.join(dir, 'cli.js'), 'check', '--fix', '--no-hygiene', readOnly, locked, good];
    const r = spawnSync(command[0], command.slice(1), { cwd: dir, encoding: 'utf8' });
    chmodSync(path.join(dir, 'locked'), 0o755);
    assert.deepStrictEqual(r.stderr.split('\n').filter(Boolean), [
      'read-only.txt: 文件是只读的，未写回 / the file is read-only: not written back',
      `${locked}: 无法在文件所在的文件夹中创建临时文件（EACCES），未写回 / cannot create a temporary file in its folder (EACCES): not written back`,
      'good.txt: 已修复 4 处 / fixed 4',
    ]);
    assert.strictEqual(readFileSync(path.join(dir, readOnly), 'utf8'), BROKEN);
    assert.strictEqual(readFileSync(path.join(dir, locked), 'utf8'), BROKEN);
    assert.strictEqual(readFileSync(path.join(dir, good), 'utf8'), C);
    assert.match(r.stdout, /^read-only\.txt:7:1: warning numbering\.skipped /m);
    assert.strictEqual(r.status, 2);
  });
});
