// The corpus on disk: which files are plans, how they are read off the request thread, the one rule
// for symbolic links, the roots refused, the persisted index and its caps, and a worker that dies.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { MessageChannel } from 'worker_threads';
import { CACHE_FORMAT, codeKey, loadManifest, loadTermTable, RecordFile, RecordStore, saveTermTable } from '../../server/src/corpus/cache';
import { Corpus, CorpusOptions, resolveFolders } from '../../server/src/corpus/corpus';
import { INDEXING_NICE, Jobs, Reply, runJob } from '../../server/src/corpus/corpusWorker';
import { findPlanFiles, isUnder, MAX_PLAN_BYTES, readPlanFile, resolveRoot, Root } from '../../server/src/corpus/files';
import { noticeText, ReadFailure } from '../../server/src/service/l10n/messages';
import { RankingWeights, RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { topicTerm } from '../../server/src/service/related/lexicon';
import { planRecord, recordBuffers } from '../../server/src/service/related/record';
import { queryTerms, unitsOf } from '../../server/src/service/related/units';
import { parsePlan } from '../../server/src/service/parse/parser';
import { seed, seeds } from '../helpers/seeds';

const WORKER = path.resolve(__dirname, '..', '..', 'server', 'src', 'corpus', 'corpusWorker.js');
const CRASHING_WORKER = path.resolve(__dirname, '..', 'helpers', 'crashingWorker.js');

async function root(dir: string): Promise<Root> {
  const r = await resolveRoot(dir);
  assert.ok(!('refused' in r), `${dir} refused`);
  return r;
}

const uriOf = (file: string) => pathToFileURL(file).href;

const planRecordOf = (text: string) => planRecord(parsePlan(text), text);

/**
 * A corpus over `roots`, synced; the caller disposes of it. One worker unless asked: plans then arrive,
 * and their terms are interned, in the same order every run, and answers compare (ties among terms go by id).
 */
async function synced(roots: string[], options: CorpusOptions = {}, logged: string[] = []) {
  const corpus = new Corpus(new RelatedIndex(), (m) => logged.push(noticeText(m, 'en')), { workers: 1, ...options });
  await corpus.setRoots([], roots);
  const result = await corpus.sync();
  return { corpus, result, logged };
}

/** What a reader sees for every unit of 五角场 asked against the index. */
function answers(index: RelatedIndex): string[] {
  const s = seed('五角场');
  return unitsOf(parsePlan(s.text)).map((u) =>
    index
      .search(queryTerms(u), { limit: 5 })
      .map((h: RelatedHit) => `${path.basename(h.unit.doc.uri)}#${h.unit.line} ${h.score.toFixed(9)} ${h.sharedTerms.join('·')} ${h.sharedTopics.join('·')}`)
      .join(' | '),
  );
}

async function until(pred: () => boolean, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

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

  it('finds *.txt, *.md and *.plan breadth first, skipping dot-folders and node_modules, a link back up the tree once, up to a limit', async () => {
    const found = (await findPlanFiles([await root(dir)], 100, () => undefined)).map((f) => path.relative(dir, f.path));
    assert.deepStrictEqual(found, ['a.txt', 'b.MD', 'big.txt', 'binary.txt', 'c.plan', 'gbk.txt', path.join('sub', 'd.txt'), path.join('sub', 'deeper', 'e.txt')]);
    assert.strictEqual((await findPlanFiles([await root(dir)], 3, () => undefined)).length, 3);
    const logged: string[] = [];
    assert.deepStrictEqual(await findPlanFiles([{ path: path.join(dir, 'missing'), real: path.join(dir, 'missing') }], 10, (m) => logged.push(noticeText(m, 'en'))), []);
    assert.ok(logged[0].includes('ENOENT'), logged.join());
  });

  it('reads UTF-8 and GB18030 alike, and says why it skips a binary or oversized file', async () => {
    const read = (name: string) => runJob({ kind: 'file', real: path.join(dir, name), name }, undefined);
    const utf8 = await read('a.txt');
    const gbk = await read('gbk.txt');
    assert.ok('record' in utf8 && 'record' in gbk);
    assert.deepStrictEqual([utf8.record.titles, utf8.record.ranges], [gbk.record.titles, gbk.record.ranges]);
    assert.ok(utf8.record.titles.includes("招商引资，挖掘更大潜力"), utf8.record.titles.join());
    assert.strictEqual(utf8.record.fingerprint, gbk.record.fingerprint);
    const why = (file: string, failure: ReadFailure, lang: 'zh' | 'en') => noticeText({ key: 'corpus.skipped', args: { file, why: failure } }, lang);
    const binary = await read('binary.txt');
    assert.ok('skipped' in binary && why('binary.txt', binary.skipped, 'en').includes('binary'), JSON.stringify(binary));
    const big = await read('big.txt');
    assert.ok('skipped' in big && why('big.txt', big.skipped, 'zh').includes('超过 5 MB'), JSON.stringify(big));
    // The comparison with last year reads a plan file the same way, through a link too.
    const linked = await readPlanFile(path.join(dir, 'sub', 'loop', 'gbk.txt'));
    const direct = await readPlanFile(path.join(dir, 'a.txt'));
    assert.ok('text' in linked && 'text' in direct && linked.text === direct.text);
    const binaryText = await readPlanFile(path.join(dir, 'binary.txt'));
    assert.ok('skipped' in binaryText && why('binary.txt', binaryText.skipped, 'en').includes('binary'), JSON.stringify(binaryText));
  });

  it('knows what lies under a root, and not in a skipped folder', () => {
    assert.ok(isUnder('/w', '/w/a/b.txt'));
    assert.ok(!isUnder('/w', '/wx/b.txt') && !isUnder('/w', '/w') && !isUnder('/w', '/w/node_modules/b.txt') && !isUnder('/w', '/w/.git/b.txt'));
  });

  it('takes setting folders as absolute, home-relative (~) or relative to the first workspace folder', () => {
    assert.deepStrictEqual(resolveFolders(['/abs/x', '~/plans', 'rel/y', '', 3, null], '/ws'), ['/abs/x', path.join(os.homedir(), 'plans'), '/ws/rel/y']);
    assert.deepStrictEqual(resolveFolders('not a list', '/ws'), []);
  });

  it('syncs a root into the index off the request thread: plans in, the skipped ones logged, a removed root out again', async () => {
    const { corpus, result, logged } = await synced([dir]);
    try {
      // a, b, c, gbk, d, e are the same plan under six names; big and binary are skipped.
      assert.strictEqual(result.plans, 6);
      assert.strictEqual(result.skipped, 2);
      assert.strictEqual(result.parsed, 6);
      assert.ok(logged.some((m) => m.includes('binary.txt')) && logged.some((m) => m.includes('big.txt')), logged.join('\n'));
      assert.ok(corpus.index.document(uriOf(path.join(dir, 'gbk.txt'))));
      // The same plan indexed in this thread gives the same answers.
      const here = new RelatedIndex();
      for (const name of ['a.txt', 'b.MD', 'c.plan', 'gbk.txt', 'sub/d.txt', 'sub/deeper/e.txt']) here.setDocument(uriOf(path.join(dir, name)), seed('江苏路').text, { name: path.basename(name) });
      assert.deepStrictEqual(answers(corpus.index), answers(here));
      await corpus.setRoots([], []);
      assert.strictEqual((await corpus.sync()).plans, 0);
    } finally {
      await corpus.dispose();
    }
  });
});

describe('related measures: symbolic links, one rule on the first scan and on every change', () => {
  let base: string;
  let dir: string;
  let outside: string;
  before(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'workplan-links-'));
    dir = path.join(base, 'root');
    outside = path.join(base, 'outside');
    mkdirSync(path.join(dir, 'inner'), { recursive: true });
    mkdirSync(path.join(outside, 'folder'), { recursive: true });
    writeFileSync(path.join(dir, '江苏路计划.txt'), seed('江苏路').text);
    writeFileSync(path.join(dir, 'inner', '新华路计划.txt'), seed('新华路').text);
    writeFileSync(path.join(outside, '五角场计划.txt'), seed('五角场').text);
    writeFileSync(path.join(outside, 'folder', '华阳路计划.txt'), seed('华阳路街道2025年工作计划').text);
    symlinkSync(path.join(outside, '五角场计划.txt'), path.join(dir, 'link-out.txt'));
    symlinkSync(path.join(outside, 'folder'), path.join(dir, 'link-out-dir'));
    symlinkSync(path.join(dir, '江苏路计划.txt'), path.join(dir, 'link-in.txt'));
    symlinkSync(path.join(dir, 'inner'), path.join(dir, 'link-in-dir'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('scan: a link that stays inside the root is followed, each real file indexed once; one that leads out never', async () => {
    const found = await findPlanFiles([await root(dir)], 100, () => undefined);
    assert.deepStrictEqual(found.map((f) => path.relative(dir, f.path)).sort(), ['inner/新华路计划.txt', '江苏路计划.txt'].map((p) => path.normalize(p)).sort());
  });

  it('change events: a link made after the first scan is followed only where the scan would follow it', async () => {
    const { corpus } = await synced([dir]);
    try {
      const index = corpus.index;
      assert.strictEqual(index.documentCount, 2);
      // A link to a plan outside the root, created after start and reported by the client.
      const late = path.join(dir, 'late-link.txt');
      symlinkSync(path.join(outside, '五角场计划.txt'), late);
      await corpus.fileChanged(uriOf(late), false);
      assert.strictEqual(index.document(uriOf(late)), undefined, 'not followed out of the root');
      // Reported under the link that points outside already present since the scan.
      await corpus.fileChanged(uriOf(path.join(dir, 'link-out-dir', '华阳路计划.txt')), false);
      assert.strictEqual(index.documentCount, 2);
      // A second link to a file already indexed adds no second plan.
      const again = path.join(dir, 'again.txt');
      symlinkSync(path.join(dir, 'inner', '新华路计划.txt'), again);
      await corpus.fileChanged(uriOf(again), false);
      assert.strictEqual(index.document(uriOf(again)), undefined);
      assert.strictEqual(index.documentCount, 2);
      // A plan replaced by a link that leads out leaves the index.
      const plan = path.join(dir, '江苏路计划.txt');
      unlinkSync(plan);
      symlinkSync(path.join(outside, '五角场计划.txt'), plan);
      await corpus.fileChanged(uriOf(plan), false);
      assert.strictEqual(index.document(uriOf(plan)), undefined);
      assert.strictEqual(index.documentCount, 1);
      unlinkSync(plan);
      writeFileSync(plan, seed('江苏路').text);
    } finally {
      await corpus.dispose();
    }
  });
});

describe('related measures: roots refused', () => {
  it('refuses a filesystem root and a folder that is or holds the home folder; takes a folder inside home', async () => {
    const home = os.homedir();
    assert.deepStrictEqual(await resolveRoot(path.parse(home).root), { refused: 'disk' });
    assert.deepStrictEqual(await resolveRoot(home), { refused: 'home' });
    assert.deepStrictEqual(await resolveRoot(path.join(home, '.')), { refused: 'home' });
    if (path.dirname(home) !== path.parse(home).root) assert.deepStrictEqual(await resolveRoot(path.dirname(home)), { refused: 'home' });
    assert.deepStrictEqual(await resolveRoot(path.join(os.tmpdir(), 'no-such-folder-workplan')), { refused: 'missing' });
    const inside = mkdtempSync(path.join(home, '.workplan-test-'));
    try {
      assert.ok(!('refused' in (await resolveRoot(inside))));
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  });

  it('leaves refused roots out of the corpus and says which', async () => {
    const corpus = new Corpus(new RelatedIndex(), () => undefined);
    try {
      const refused = await corpus.setRoots([], ['/', os.homedir()]);
      assert.deepStrictEqual(refused.map((r) => r.refused), ['disk', 'home']);
      assert.strictEqual((await corpus.sync()).plans, 0);
    } finally {
      await corpus.dispose();
    }
  });
});

describe('related measures: the persisted index', () => {
  let dir: string;
  let cacheFolder: string;
  const names = ['江苏路计划.txt', '新华路计划.txt', '五角场计划.txt', 'README.md'];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'workplan-cached-'));
    cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'workplan-cache-'));
    for (const [i, name] of names.entries()) {
      const file = path.join(dir, name);
      if (name === 'README.md') writeFileSync(file, '# Notes\n\n1. Not a plan.\n');
      else copyFileSync(seed(['江苏路', '新华路', '五角场'][i]).path, file);
      // Written well before they are read: size and mtime may vouch for them (see RACY_MS).
      const old = new Date(Date.now() - 60_000);
      utimesSync(file, old, old);
    }
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  const recordFiles = () => readdirSync(path.join(cacheFolder, 'related-index')).filter((f) => f.endsWith('.rec'));
  /** The answers after a first sync, which leaves the cache folder filled. */
  const answersOfColdSync = async () => {
    const cold = await synced([dir], { cacheFolder });
    const coldAnswers = answers(cold.corpus.index);
    await cold.corpus.dispose();
    return coldAnswers;
  };

  it('a restart reads only what changed; the rest comes from the cache with the same answers', async () => {
    const cold = await synced([dir], { cacheFolder });
    const coldAnswers = answers(cold.corpus.index);
    await cold.corpus.dispose();
    assert.deepStrictEqual([cold.result.plans, cold.result.cached, cold.result.parsed], [3, 0, 4]);
    assert.strictEqual(recordFiles().length, 4, 'three plans and the note that is none');

    const warm = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([warm.result.plans, warm.result.cached, warm.result.parsed], [3, 4, 0]);
    assert.deepStrictEqual(answers(warm.corpus.index), coldAnswers);
    await warm.corpus.dispose();

    writeFileSync(path.join(dir, '新华路计划.txt'), seed('华阳路街道2025年工作计划').text);
    const changed = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([changed.result.cached, changed.result.parsed], [3, 1]);
    assert.ok(changed.corpus.index.document(uriOf(path.join(dir, '新华路计划.txt')))!.metadata.place === '华阳路街道');
    await changed.corpus.dispose();
    assert.strictEqual(recordFiles().length, 4, 'the record of the old content is collected');
  });

  it('stores a record whole though its buffers are handed to another thread before the file is written', async () => {
    const store = new RecordStore(path.join(cacheFolder, 'records'), 'key');
    const text = seed('江苏路').text;
    const record = planRecord(parsePlan(text), text, 'a.txt');
    const copy = structuredClone(record);
    const file = store.encode('hash', 'a.txt', record);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(record, recordBuffers(record));
    port1.close();
    port2.close();
    assert.strictEqual(record.unitTerms.length, 0, 'the buffers went with the message');
    store.write(file);
    assert.deepStrictEqual(await store.load('hash', 'a.txt'), copy);
  });

  it('makes the records folder on its first write, and again after someone removed it', async () => {
    const folder = path.join(cacheFolder, 'made-later', 'records');
    const store = new RecordStore(folder, 'key');
    const text = seed('江苏路').text;
    const record = planRecord(parsePlan(text), text, 'a.txt');
    const copy = structuredClone(record);
    store.write(store.encode('hash', 'a.txt', record));
    assert.deepStrictEqual(await store.load('hash', 'a.txt'), copy);
    rmSync(folder, { recursive: true });
    store.write(store.encode('hash', 'b.txt', null));
    assert.strictEqual(await store.load('hash', 'b.txt'), null);
  });

  it("a worker posts each record in the order its job came, before the record's cache write, and settles once the writes are done", async () => {
    const events: string[] = [];
    const store = {
      load: async () => undefined,
      encode: (_hash: string, name: string) => ({ file: name, parts: [] }),
      write: ({ file }: RecordFile) => {
        events.push(`write ${file}`);
        if (file === names[0]) throw new Error('disk full');
      },
    } as unknown as RecordStore;
    const jobs = new Jobs(store, (_id, reply: Reply) => events.push(`post ${'record' in reply ? reply.record.name : 'no record'}`));
    for (const name of names) jobs.add(0, { kind: 'file', real: path.join(dir, name), name });
    await jobs.settled();
    const expected = names.flatMap((name, i) => [`post ${i < 3 ? name : 'no record'}`, `write ${name}`]);
    assert.deepStrictEqual(events, expected, 'a failed write does not stop the next job');
  });

  it('ignores a corrupt, truncated or foreign cache file and rebuilds it, never trusting it', async () => {
    const coldAnswers = await answersOfColdSync();
    const files = recordFiles().map((f) => path.join(cacheFolder, 'related-index', f));
    const damage = [
      (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 9), Buffer.from([b[b.length - 9] ^ 0x40]), b.subarray(b.length - 8)]), // one bit flipped
      (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), // cut short by a crash
      (b: Buffer) => Buffer.concat([Buffer.from('PK\u0003\u0004'), b.subarray(4)]), // another program's file
      () => Buffer.alloc(0),
    ];
    files.forEach((f, i) => writeFileSync(f, damage[i % damage.length](readFileSync(f))));
    const manifest = path.join(cacheFolder, 'related-index', 'manifest');
    const warm = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([warm.result.plans, warm.result.cached, warm.result.parsed], [3, 0, 4]);
    assert.deepStrictEqual(answers(warm.corpus.index), coldAnswers);
    await warm.corpus.dispose();

    writeFileSync(manifest, readFileSync(manifest).subarray(0, 40));
    const again = await synced([dir], { cacheFolder });
    // No manifest to trust: each file is read and hashed, and its (rebuilt) record found by content.
    assert.deepStrictEqual([again.result.plans, again.result.cached, again.result.parsed], [3, 4, 0]);
    await again.corpus.dispose();
  });

  it('saves the index’s terms as a table a restart reads first: records then come with numbers, not strings, and answer the same', async () => {
    const coldAnswers = await answersOfColdSync();
    const cache = path.join(cacheFolder, 'related-index');
    const key = codeKey(WORKER);
    const manifest = await loadManifest(cache, key);
    const table = await loadTermTable(cache, key, manifest.terms!);
    assert.ok(table && table.length > 1000, 'the seeds’ terms, topics aside');

    // What a worker posts for a plan the table knows: a number for each term, no string.
    const [file, entry] = [...manifest.files].find(([f]) => f.endsWith('江苏路计划.txt'))!;
    const job = { kind: 'file' as const, real: file, name: path.basename(file), known: { ...entry, trusted: true, indexed: false }, terms: manifest.terms };
    const reply = await runJob(job, new RecordStore(cache, key));
    assert.ok('record' in reply && reply.cached && reply.record.known);
    const { known, terms: others } = reply.record;
    const fromCache = (await new RecordStore(cache, key).load(entry.hash, path.basename(file)))!;
    fromCache.terms.forEach((term, t) => assert.strictEqual(known[t] >= 0 ? table[known[t]] : others.shift(), term));
    assert.ok(others.length === 0 && fromCache.terms.filter((_, t) => known[t] < 0).every((t) => !table.includes(t)), 'topic terms only go as strings');

    // The index takes no number it did not hand out.
    const stray = planRecordOf('一、开展象棋比赛\n');
    stray.known = new Int32Array(stray.terms.length).fill(1 << 30);
    assert.throws(() => new RelatedIndex().addRecord('untitled:stray', stray), RangeError);

    // A term added to the index before the table is read (a document opened first) moves every id.
    const index = new RelatedIndex();
    index.addRecord('untitled:first', planRecordOf('一、开展“楓林杯”象棋比赛\n'));
    const corpus = new Corpus(index, () => undefined, { workers: 1, cacheFolder });
    await corpus.setRoots([], [dir]);
    assert.deepStrictEqual([(await corpus.sync()).cached, index.removeDocument('untitled:first')], [4, true]);
    assert.deepStrictEqual(answers(index), coldAnswers);
    await corpus.dispose();

    const warm = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([warm.result.cached, warm.result.parsed], [4, 0]);
    assert.deepStrictEqual(answers(warm.corpus.index), coldAnswers);
    await warm.corpus.dispose();
  });

  it('ignores a term table that is damaged, foreign, not what its name says, or not a set of terms: records then come as strings', async () => {
    const coldAnswers = await answersOfColdSync();
    const cache = path.join(cacheFolder, 'related-index');
    const key = codeKey(WORKER);
    const name = (await loadManifest(cache, key)).terms!;
    const file = path.join(cache, name);
    const good = readFileSync(file);
    const table = (await loadTermTable(cache, key, name))!;
    // Tables as bytes: a sync collects the files no manifest names.
    const other = readFileSync(path.join(cache, await saveTermTable(cache, key, table.slice(1))));
    const foreign = readFileSync(path.join(cache, await saveTermTable(cache, 'another key', table)));
    const damaged: [string, Buffer][] = [
      ['one bit flipped', Buffer.concat([good.subarray(0, good.length - 3), Buffer.from([good[good.length - 3] ^ 1]), good.subarray(good.length - 2)])],
      ['cut short', good.subarray(0, good.length >> 1)],
      ['another table under its name', other],
      ['another code’s key', foreign],
    ];
    for (const [why, damage] of damaged) {
      writeFileSync(file, damage);
      assert.strictEqual(await loadTermTable(cache, key, name), undefined, why);
      const warm = await synced([dir], { cacheFolder });
      assert.deepStrictEqual([warm.result.cached, warm.result.parsed], [4, 0], why);
      assert.deepStrictEqual(answers(warm.corpus.index), coldAnswers, why);
      await warm.corpus.dispose();
      writeFileSync(file, good);
    }
    assert.strictEqual(await loadTermTable(cache, 'another key', name), undefined, 'foreign');
    for (const terms of [[...table, table[0]], [...table, topicTerm(0)], [...table, '']]) {
      assert.strictEqual(await loadTermTable(cache, key, await saveTermTable(cache, key, terms)), undefined, 'a term twice, a topic, an empty term');
    }
  });

  it('ignores a cache of the format before this one and rebuilds it', async () => {
    const coldAnswers = await answersOfColdSync();
    const cache = path.join(cacheFolder, 'related-index');
    // The format number follows the magic (8 bytes) and the kind (1); the checksum covers the payload only.
    for (const f of readdirSync(cache)) {
      const bytes = readFileSync(path.join(cache, f));
      bytes.writeUInt32LE(CACHE_FORMAT - 1, 9);
      writeFileSync(path.join(cache, f), bytes);
    }
    const old = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([old.result.plans, old.result.cached, old.result.parsed], [3, 0, 4]);
    assert.deepStrictEqual(answers(old.corpus.index), coldAnswers);
    await old.corpus.dispose();
    const rebuilt = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([rebuilt.result.cached, rebuilt.result.parsed], [4, 0]);
    await rebuilt.corpus.dispose();
  });

  it('reads a file again when a change could hide behind the same size and mtime', async () => {
    const file = path.join(dir, '新华路计划.txt');
    const now = new Date();
    utimesSync(file, now, now);
    const mtime = statSync(file).mtimeMs;
    const cold = await synced([dir], { cacheFolder });
    await cold.corpus.dispose();
    // Rewritten within the same timestamp, same length: only the content hash can tell.
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('新华路街道', '新华东街道');
    assert.strictEqual(Buffer.byteLength(edited), Buffer.byteLength(text));
    writeFileSync(file, edited);
    utimesSync(file, now, now);
    assert.strictEqual(statSync(file).mtimeMs, mtime);
    const warm = await synced([dir], { cacheFolder });
    assert.deepStrictEqual([warm.result.cached, warm.result.parsed], [3, 1]);
    assert.strictEqual(warm.corpus.index.document(uriOf(file))!.metadata.place, '新华东街道');
    await warm.corpus.dispose();
  });

  it('keeps topic evidence unweighted: records from the cache rank under other weights as a fresh parse does', async () => {
    const cold = await synced([dir], { cacheFolder });
    const defaultAnswers = answers(cold.corpus.index);
    await cold.corpus.dispose();
    const weights: RankingWeights = { topic: 0.6, topicSaturation: 2, topicMin: 1, expansion: 0.25, generic: 1 };
    const weighted = async (options: CorpusOptions) => {
      // One worker, as in synced().
      const corpus = new Corpus(new RelatedIndex(weights), () => undefined, { ...options, workers: 1 });
      try {
        await corpus.setRoots([], [dir]);
        const { cached } = await corpus.sync();
        const onTopics = unitsOf(parsePlan(seed('五角场').text)).filter((u) => corpus.index.search(queryTerms(u), { limit: 5 }).some((h) => h.sharedTopics.length > 0));
        return { cached, answers: answers(corpus.index), onTopics: onTopics.length };
      } finally {
        await corpus.dispose();
      }
    };
    const fromCache = await weighted({ cacheFolder });
    const fresh = await weighted({});
    assert.deepStrictEqual([fromCache.cached, fresh.cached], [4, 0]);
    assert.deepStrictEqual(fromCache.answers, fresh.answers);
    assert.notDeepStrictEqual(fromCache.answers, defaultAnswers, 'the weights change the ranking');
    assert.ok(fromCache.onTopics > 10, 'answers on shared topics, from topics cached');
  });

  it('takes records made by other code for foreign: a changed worker reads everything again', async () => {
    const cold = await synced([dir], { cacheFolder });
    await cold.corpus.dispose();
    const otherWorker = path.join(path.dirname(WORKER), 'corpusWorker.other.js');
    writeFileSync(otherWorker, readFileSync(WORKER, 'utf8') + '\n// another build\n');
    try {
      const other = await synced([dir], { cacheFolder, workerScript: otherWorker });
      assert.deepStrictEqual([other.result.plans, other.result.cached, other.result.parsed], [3, 0, 4]);
      await other.corpus.dispose();
    } finally {
      unlinkSync(otherWorker);
    }
  });

  it('has a key that changes with the lexicon and the normalisation: the worker bundle holds them and needs nothing else', async function () {
    this.timeout(60000);
    const repo = path.resolve(__dirname, '..', '..', '..');
    const shipped = path.join(repo, 'server', 'out', 'corpusWorker.js');
    // Nothing of the project or of OpenCC is loaded from outside the bundle whose hash is the key.
    const required = [...readFileSync(shipped, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.ok(required.length > 0 && required.every((m) => builtinModules.includes(m)), required.join());
    const out = mkdtempSync(path.join(os.tmpdir(), 'workplan-worker-build-'));
    /** The worker bundled as scripts/build.mjs bundles it, with one source file edited; its cache key. */
    const keyWith = async (name: string, edit: (source: string) => string = (x) => x) => {
      const outfile = path.join(out, `${name}.js`);
      const patch = { name: 'edit', setup: (b: esbuild.PluginBuild) => b.onLoad({ filter: new RegExp(`related[/\\\\]${name}\\.ts$`) }, (a) => ({ contents: edit(readFileSync(a.path, 'utf8')), loader: 'ts' })) };
      await esbuild.build({ entryPoints: [path.join(repo, 'server', 'src', 'corpus', 'corpusWorker.ts')], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'silent', plugins: [patch] });
      return codeKey(outfile);
    };
    try {
      const key = await keyWith('topics');
      assert.strictEqual(await keyWith('terms'), key, 'the same code, the same key');
      assert.notStrictEqual(await keyWith('topics', (src) => src.replace("'双招双引', ", "'双招双引', '招商大使', ")), key, 'a term added to the lexicon');
      assert.notStrictEqual(await keyWith('normalize', (src) => src.replace('.toLowerCase()', '')), key, 'the normalisation changed');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('related measures: worker threads and caps', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'workplan-workers-'));
    for (const [name, fragment] of [
      ['a江苏路.txt', '江苏路'],
      ['crash.txt', '新华路'],
      ['z五角场.txt', '五角场'],
    ]) {
      writeFileSync(path.join(dir, name), seed(fragment).text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('swaps the plans of a bulk read in batches, though the worker sends them one at a time, with the answers of plans swapped in alone', async () => {
    const bulk = mkdtempSync(path.join(os.tmpdir(), 'workplan-bulk-'));
    try {
      // Twenty plans of some 5,000 to 20,000 postings: a batch (50,000) holds several.
      for (const s of seeds()) for (let copy = 0; copy < 4; copy++) writeFileSync(path.join(bulk, `${copy}-${path.basename(s.path)}`), s.text);
      const run = async (holdMs: number) => {
        const index = new RelatedIndex();
        const sizes: number[] = [];
        const alone = index.addRecordInSteps.bind(index);
        const batch = index.addRecordsInSteps.bind(index);
        index.addRecordInSteps = (uri, record) => (sizes.push(1), alone(uri, record));
        index.addRecordsInSteps = (entries) => (sizes.push(entries.length), batch(entries));
        const corpus = new Corpus(index, () => undefined, { workers: 1, holdMs });
        await corpus.setRoots([], [bulk]);
        const result = await corpus.sync();
        await corpus.dispose();
        return { sizes, result, answers: answers(index) };
      };
      // Held until a batch is full or every file is read: only the last batch may be short, or a plan left alone.
      const held = await run(60_000);
      assert.strictEqual(held.result.plans, 20);
      assert.strictEqual(held.sizes.reduce((a, b) => a + b, 0), 20);
      assert.ok(held.sizes.slice(0, -1).every((n) => n >= 2), `batches ${held.sizes}`);
      assert.ok(held.sizes.length <= 8, `batches ${held.sizes}`);
      const unheld = await run(0);
      assert.deepStrictEqual(held.answers, unheld.answers);
    } finally {
      rmSync(bulk, { recursive: true, force: true });
    }
  });

  it('indexing threads run at a lower priority than the request thread (Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    // Field 19 of a thread's stat, counted after its name, which may hold spaces.
    const niceOf = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
    const { corpus } = await synced([dir]);
    try {
      const nices = readdirSync('/proc/self/task').map(niceOf);
      assert.strictEqual(niceOf(String(process.pid)), 0, 'the request thread keeps its priority');
      assert.ok(nices.includes(INDEXING_NICE), `no thread at nice ${INDEXING_NICE}: ${nices.join(' ')}`);
    } finally {
      await corpus.dispose();
    }
  });

  it('ends a sync with its records in the cache in a process that nothing else keeps alive (idle workers let it exit)', () => {
    const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'workplan-alone-'));
    try {
      const script = `
        const { Corpus } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'server', 'src', 'corpus', 'corpus.js'))});
        const { RelatedIndex } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'server', 'src', 'service', 'related', 'index.js'))});
        const corpus = new Corpus(new RelatedIndex(), () => {}, { cacheFolder: ${JSON.stringify(cacheFolder)}, workers: 1 });
        corpus.setRoots([], [${JSON.stringify(dir)}]).then(() => corpus.sync()).then((r) => console.log('synced', r.plans));`;
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
      assert.strictEqual(run.stdout.trim(), 'synced 3', run.stderr);
      assert.strictEqual(readdirSync(path.join(cacheFolder, 'related-index')).filter((f) => f.endsWith('.rec')).length, 3);
    } finally {
      rmSync(cacheFolder, { recursive: true, force: true });
    }
  });

  it('a worker that dies is logged and replaced: the plans around the one that killed it are indexed, open documents too', async () => {
    const { corpus, result, logged } = await synced([dir], { workerScript: CRASHING_WORKER });
    try {
      assert.deepStrictEqual([result.plans, result.skipped], [2, 1]);
      assert.ok(logged.some((m) => m.includes('indexing thread stopped')), logged.join('\n'));
      assert.ok(logged.some((m) => m.includes('crash.txt') && m.includes('skipped')), logged.join('\n'));
      const uri = 'untitled:草稿';
      corpus.opened(uri, seed('华阳路街道2025年工作计划').text);
      await until(() => !!corpus.index.document(uri));
    } finally {
      await corpus.dispose();
    }
  });

  it('leaves plans out once the index reaches its memory cap, and says so once', async () => {
    const probe = await synced([dir], { maxIndexBytes: 1 });
    try {
      assert.strictEqual(probe.result.plans, 0);
      assert.strictEqual(probe.logged.filter((m) => m.includes('memory cap')).length, 1, probe.logged.join('\n'));
      // Open documents are the user's own work: never capped.
      probe.corpus.opened('untitled:x', seed('江苏路').text);
      await until(() => !!probe.corpus.index.document('untitled:x'));
    } finally {
      await probe.corpus.dispose();
    }
  });

  it('is ready once the first text of an open document is indexed, though newer texts keep coming', async () => {
    const corpus = new Corpus(new RelatedIndex(), () => undefined);
    try {
      await corpus.setRoots([], []);
      // A long plan, a new text of it every few milliseconds: some version is always waiting to be indexed.
      const plan = seeds().map((s) => s.text).join('\n').repeat(4);
      let typed = 0;
      corpus.opened('untitled:typing', plan);
      const typing = setInterval(() => corpus.opened('untitled:typing', `${plan}\n${++typed}`), 5);
      try {
        await corpus.sync();
        assert.ok(await corpus.whenReady(10000), 'requests would wait until typing stops');
      } finally {
        clearInterval(typing);
      }
    } finally {
      await corpus.dispose();
    }
  });

  it('indexes the newest text of an open document, and none once it is closed', async () => {
    const corpus = new Corpus(new RelatedIndex(), () => undefined);
    try {
      await corpus.setRoots([], []);
      await corpus.sync();
      const uri = 'untitled:plan';
      const versions = seeds().map((s) => s.text);
      for (const text of versions) corpus.opened(uri, text);
      assert.ok(await corpus.whenReady(10000));
      await until(() => corpus.index.document(uri)?.fingerprint === new RelatedIndex().setDocument('x', versions[versions.length - 1]).fingerprint);
      corpus.opened(uri, versions[0]);
      await corpus.closed(uri);
      await new Promise((r) => setTimeout(r, 300));
      assert.strictEqual(corpus.index.document(uri), undefined, 'a reply for a closed document is dropped');
    } finally {
      await corpus.dispose();
    }
  });
});

describe('related measures: the corpus setting in the manifest', () => {
  it('declares workplan.corpus.paths a restricted setting in untrusted workspaces, and machine-overridable', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.deepStrictEqual(trust.restrictedConfigurations, ['workplan.corpus.paths']);
    assert.ok(/^%.+%$/.test(trust.description));
    assert.strictEqual(manifest.contributes.configuration.properties['workplan.corpus.paths'].scope, 'machine-overridable');
  });
});
