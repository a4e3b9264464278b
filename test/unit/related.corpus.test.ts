// The corpus on disk: which files are plans, how they are read, and folder settings.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Corpus, resolveFolders } from '../../server/src/corpus/corpus';
import { findPlanFiles, isUnder, MAX_PLAN_BYTES, readPlanFile } from '../../server/src/corpus/files';
import { noticeText } from '../../server/src/service/l10n/messages';
import { RelatedIndex } from '../../server/src/service/related/index';
import { seed } from '../helpers/seeds';

describe('related measures: the corpus on disk', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'workplan-corpus-'));
    const plan = seed('江苏路').text;
    for (const f of ['a.txt', 'b.MD', 'c.plan', 'sub/d.txt', 'sub/deeper/e.txt', 'node_modules/x.txt', '.git/y.txt', '.hidden/z.txt', 'notes.docx', 'big.txt']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), f === 'big.txt' ? Buffer.alloc(MAX_PLAN_BYTES + 1, 0x41) : plan);
    }
    writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode(plan, 'gb18030'));
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds *.txt, *.md and *.plan breadth first, skipping dot-folders, node_modules and symlinks, up to a limit', async () => {
    const found = (await findPlanFiles(dir, 100, () => undefined)).map((f) => path.relative(dir, f));
    assert.deepStrictEqual(found, ['a.txt', 'b.MD', 'big.txt', 'binary.txt', 'c.plan', 'gbk.txt', path.join('sub', 'd.txt'), path.join('sub', 'deeper', 'e.txt')]);
    assert.strictEqual((await findPlanFiles(dir, 3, () => undefined)).length, 3);
    const logged: string[] = [];
    assert.deepStrictEqual(await findPlanFiles(path.join(dir, 'missing'), 10, (m) => logged.push(noticeText(m, 'en'))), []);
    assert.ok(logged[0].includes('ENOENT'), logged.join());
  });

  it('reads UTF-8 and GB18030 alike, and says why it skips a binary or oversized file', async () => {
    const utf8 = await readPlanFile(path.join(dir, 'a.txt'));
    const gbk = await readPlanFile(path.join(dir, 'gbk.txt'));
    assert.ok('text' in utf8 && 'text' in gbk && utf8.text === gbk.text);
    const binary = await readPlanFile(path.join(dir, 'binary.txt'));
    assert.ok('skipped' in binary && noticeText({ key: 'corpus.skipped', args: { file: 'binary.txt', why: binary.skipped } }, 'en').includes('binary'), JSON.stringify(binary));
    const big = await readPlanFile(path.join(dir, 'big.txt'));
    assert.ok('skipped' in big && noticeText({ key: 'corpus.skipped', args: { file: 'big.txt', why: big.skipped } }, 'zh').includes('超过 5 MB'), JSON.stringify(big));
  });

  it('knows what lies under a root, and not in a skipped folder', () => {
    assert.ok(isUnder('/w', '/w/a/b.txt'));
    assert.ok(!isUnder('/w', '/wx/b.txt') && !isUnder('/w', '/w') && !isUnder('/w', '/w/node_modules/b.txt') && !isUnder('/w', '/w/.git/b.txt'));
  });

  it('takes setting folders as absolute, home-relative (~) or relative to the first workspace folder', () => {
    assert.deepStrictEqual(resolveFolders(['/abs/x', '~/plans', 'rel/y', '', 3, null], '/ws'), ['/abs/x', path.join(os.homedir(), 'plans'), '/ws/rel/y']);
    assert.deepStrictEqual(resolveFolders('not a list', '/ws'), []);
  });

  it('syncs a root into the index: plans in, the skipped ones logged, a removed root out again', async () => {
    const index = new RelatedIndex();
    const logged: string[] = [];
    const corpus = new Corpus(index, (m) => logged.push(noticeText(m, 'en')));
    corpus.setRoots([dir]);
    const result = await corpus.sync();
    // a, b, c, gbk, d, e are the same plan under six names; big and binary are skipped.
    assert.strictEqual(result.plans, 6);
    assert.strictEqual(result.skipped, 2);
    assert.ok(logged.some((m) => m.includes('binary.txt')) && logged.some((m) => m.includes('big.txt')), logged.join('\n'));
    assert.ok(index.document(pathToFileURL(path.join(dir, 'gbk.txt')).href));
    corpus.setRoots([]);
    assert.strictEqual((await corpus.sync()).plans, 0);
  });
});
