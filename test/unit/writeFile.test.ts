import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readWithSnapshot, replaceFile, writeWhole, WriteError } from '../../server/src/io/writeFile';

describe('writing a file back', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-write-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string, mode = 0o644) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    chmodSync(p, mode);
    return p;
  };

  it('replaces the file with its mode, and leaves no temporary file', () => {
    const p = file('plan.txt', '一、甲\n', 0o640);
    const { snapshot } = readWithSnapshot(p);
    replaceFile(snapshot, Buffer.from('一、乙\n'));
    assert.strictEqual(readFileSync(p, 'utf8'), '一、乙\n');
    assert.strictEqual(statSync(p).mode & 0o777, 0o640);
    assert.deepStrictEqual(readdirSync(dir), ['plan.txt']);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const target = file('plan.txt', '一、甲\n');
    const link = path.join(dir, 'link.txt');
    symlinkSync(target, link);
    replaceFile(readWithSnapshot(link).snapshot, Buffer.from('一、乙\n'));
    assert.strictEqual(readFileSync(target, 'utf8'), '一、乙\n');
    assert.ok(readdirSync(dir, { withFileTypes: true }).find((d) => d.name === 'link.txt')!.isSymbolicLink());
  });

  it('does not write over a file changed since it was read, even to the same size', () => {
    const p = file('plan.txt', '一、甲\n');
    const { snapshot } = readWithSnapshot(p);
    writeFileSync(p, '一、丙\n');
    assert.throws(() => replaceFile(snapshot, Buffer.from('一、乙\n')), (e: unknown) => e instanceof WriteError && e.failure === 'changed');
    assert.strictEqual(readFileSync(p, 'utf8'), '一、丙\n');
    assert.deepStrictEqual(readdirSync(dir), ['plan.txt']);
  });

  it('leaves the original whole and no temporary file when the disk takes no more (ulimit -f)', () => {
    const big = '一、甲。'.repeat(20000);
    const p = file('big.txt', big);
    // 4 blocks of 1 KiB: the 240 KB file was written before the limit, its replacement cannot be.
    const script = `const w = require(${JSON.stringify(path.join(__dirname, '..', '..', 'server', 'src', 'io', 'writeFile.js'))});
      try { w.replaceFile(w.readWithSnapshot(${JSON.stringify(p)}).snapshot, Buffer.from('一、乙。'.repeat(20000))); }
      catch (e) { console.log(e.failure, e.code); }`;
    const r = spawnSync('bash', ['-c', 'ulimit -f 4; exec "$0" "$@"', process.execPath, '-e', script], { encoding: 'utf8' });
    assert.strictEqual(r.stdout.trim(), 'io EFBIG', r.stderr);
    assert.strictEqual(readFileSync(p, 'utf8'), big);
    assert.deepStrictEqual(readdirSync(dir), ['big.txt']);
  });

  it('writes a file of its own whole, new or over the old one, and leaves what was there and no temporary file when it cannot', async () => {
    const p = path.join(dir, 'manifest');
    await writeWhole(p, Buffer.from('甲'));
    await writeWhole(p, Buffer.from('乙'));
    assert.strictEqual(readFileSync(p, 'utf8'), '乙');
    assert.deepStrictEqual(readdirSync(dir), ['manifest']);
    // A folder where the file should go: the rename fails, the folder stays as it was.
    const taken = path.join(dir, 'taken');
    mkdirSync(path.join(taken, 'inside'), { recursive: true });
    await assert.rejects(writeWhole(taken, Buffer.from('丙')));
    assert.deepStrictEqual(readdirSync(dir).sort(), ['manifest', 'taken']);
    assert.deepStrictEqual(readdirSync(taken), ['inside']);
  });
});
