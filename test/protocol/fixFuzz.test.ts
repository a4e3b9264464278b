// The one fix path, tried on many plans: `workplan check --fix` and the editor's renumber command give
// the same bytes, a second application changes nothing, and nothing but marker and run-in characters
// changes. Then byte-level damage in each encoding: after --fix, every byte outside the fixed markers
// is as it was, or the file is untouched. WORKPLAN_FUZZ_PLANS sets how many plans (`npm run fuzz`: thousands),
// WORKPLAN_FUZZ_SEED replays a run.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import { decodePlan, Encoding } from '../../server/src/io/encoding';
import { computeDiagnostics } from '../../server/src/service/checks/diagnostics';
import { safeFixEdits } from '../../server/src/service/checks/fixes';
import { applyEdits, OffsetEdit } from '../../server/src/service/checks/markerForms';
import { DEFAULT_SETTINGS, MarkerWidthSetting } from '../../server/src/service/checks/settings';
import { OutlineModel } from '../../server/src/service/model';
import { parsePlan } from '../../server/src/service/parse/parser';
import { EditGenerator, fuzzSeed, PlainDocument, Random } from '../helpers/fuzz';
import { LspClient } from '../helpers/lspClient';
import { ROOT, seeds } from '../helpers/seeds';

const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
const PLANS = Number(process.env.WORKPLAN_FUZZ_PLANS ?? 45);
const WIDTHS: MarkerWidthSetting[] = ['auto', 'full', 'half'];

/** Runs `check --fix` over `files` in batches (a command line has a length limit); returns stderr. */
function fixWithCli(files: string[], args: string[]): string {
  let stderr = '';
  for (let k = 0; k < files.length; k += 400) {
    const r = spawnSync(process.execPath, [CLI, 'check', '--fix', ...args, ...files.slice(k, k + 400)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.ok(r.status !== null && r.status <= 2, `the CLI ended with ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
    assert.ok(!/\n\s+at /.test(r.stderr), `no stack trace: ${r.stderr.slice(0, 2000)}`);
    stderr += r.stderr;
  }
  return stderr;
}

/** Every marker and run-in of the outline, as spans of the text. */
function itemSpans(model: OutlineModel): { start: number; end: number }[] {
  return model.nodes.flatMap((n) => (n.marker ? [n.marker.span] : n.enumerator ? [n.enumerator.span] : []));
}

/**
 * Whether each edit lies inside one marker or run-in, as the parser reads the text before the edits
 * or after them: renumbering can make the parser take a marker after a sentence end for a heading
 * (`…。（三)` once the numbers before it count up to 二), and the fixes then write that marker too.
 */
function insideItems(text: string, edits: OffsetEdit[]): boolean {
  const before = itemSpans(parsePlan(text));
  const after = itemSpans(parsePlan(applyEdits(text, edits)));
  let shift = 0;
  return edits.every((e) => {
    const start = e.start + shift;
    shift += e.newText.length - (e.end - e.start);
    return before.some((s) => s.start <= e.start && e.end <= s.end) || after.some((s) => s.start <= start && start + e.newText.length <= s.end);
  });
}

/** A seed with `count` random edits of the fuzz test's kinds (markers, fragments, breaks, deletions). */
function mutatedPlan(r: Random, texts: string[], lines: string[]): string {
  const doc = new PlainDocument(r.pick(texts));
  const gen = new EditGenerator(r, lines, 60000, 500);
  for (let k = 1 + r.int(12); k > 0; k--) for (const c of gen.next(doc)) doc.apply(c);
  return doc.text;
}

describe('the one fix path, on the seeds and on mutated plans', function () {
  const seed = fuzzSeed();
  this.timeout(Math.max(120000, PLANS * 400));
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-fixpath-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`gives the same bytes from --fix and the editor's renumber, once and for all, markers only (seed ${seed})`, async () => {
    const r = new Random(seed);
    const texts = seeds().map((s) => s.text);
    const lines = texts.flatMap((t) => t.split(/\r?\n/)).filter((l) => l.trim());
    for (const width of WIDTHS) {
      const folder = path.join(dir, width);
      mkdirSync(folder);
      const count = Math.ceil(PLANS / WIDTHS.length);
      const files = Array.from({ length: count }, (_, k) => {
        const file = path.join(folder, `plan-${k}.txt`);
        writeFileSync(file, k < texts.length ? texts[k] : mutatedPlan(r, texts, lines));
        return file;
      });
      // What each plan reads as from disk (a lone surrogate of the mutations is written as U+FFFD).
      const originals = files.map((f) => decodePlan(readFileSync(f)).text);
      fixWithCli(files, ['--marker-width', width]);
      const client = await LspClient.start({}, { markerWidth: width });
      try {
        for (let k = 0; k < files.length; k++) {
          const fail = (why: string) => assert.fail(`seed ${seed}, ${files[k]} (markerWidth ${width}): ${why}\n  replay: WORKPLAN_FUZZ_SEED=${seed} WORKPLAN_FUZZ_PLANS=${PLANS} npm test`);
          const uri = pathToFileURL(files[k] + '.editor').toString();
          await client.open(uri, originals[k]);
          const before = client.serverRequests.length;
          await client.request('workspace/executeCommand', { command: 'workplan.renumber', arguments: [uri] });
          const applied = client.serverRequests.slice(before).find((q) => q.method === 'workspace/applyEdit');
          const edits: TextEdit[] = applied?.params.edit.changes[uri] ?? [];
          const doc = TextDocument.create(uri, 'workplan', 1, originals[k]);
          const editor = TextDocument.applyEdits(doc, edits);
          await client.close(uri);
          if (!readFileSync(files[k]).equals(Buffer.from(editor, 'utf8'))) fail('the CLI wrote other bytes than the editor renumbered to');
          const offsets = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
          if (!insideItems(originals[k], offsets)) fail('an edit reaches outside the markers and run-ins');
          if (width === 'auto' && k < texts.length && edits.length) fail('a seed was changed');
        }
      } finally {
        await client.stop();
      }
      const fixedBytes = files.map((f) => readFileSync(f));
      const again = fixWithCli(files, ['--marker-width', width]);
      assert.ok(!again.includes('已修复'), `seed ${seed}: a second --fix changed ${again.split('\n').find((l) => l.includes('已修复'))}`);
      files.forEach((f, k) => assert.ok(readFileSync(f).equals(fixedBytes[k]), `seed ${seed}: ${f} changed on a second --fix`));
    }
  });
});

/** Where each UTF-16 unit of the text starts in `bytes`, by the runtime's own streaming decoder (not the CLI's). */
function unitOffsets(bytes: Buffer, encoding: Encoding): number[] {
  const decoder = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8', { ignoreBOM: true });
  const offsets: number[] = [];
  let charStart = encoding === 'utf-8-bom' ? 3 : 0;
  for (let b = charStart; b < bytes.length; b++) {
    const out = decoder.decode(bytes.subarray(b, b + 1), { stream: true });
    for (let u = 0; u < out.length; u++) offsets.push(charStart);
    if (out.length) charStart = b + 1;
  }
  offsets.push(bytes.length);
  return offsets;
}

/** Random damage to a file's bytes: flipped, inserted and deleted bytes, the GB18030 sequences that do not round-trip, a cut. */
function damage(r: Random, bytes: Buffer): Buffer {
  const out = [...bytes];
  for (let k = r.int(4); k > 0; k--) {
    const at = r.int(out.length + 1);
    switch (r.int(6)) {
      case 0: out[Math.min(at, out.length - 1)] = r.int(256); break;
      case 1: out.splice(at, 0, r.int(256)); break;
      case 2: out.splice(at, 1); break;
      case 3: out.splice(at, 0, ...r.pick([[0x80], [0xa3, 0xa0], [0xfe, 0x59], [0xe4, 0xb8], [0xff]])); break;
      case 4: out.length = Math.max(1, at); break;
      default: break; // Left whole: most files keep every byte, and their fixes are written.
    }
  }
  return Buffer.from(out);
}

const ENCODINGS: [string, (text: string) => Buffer][] = [
  ['utf-8', (t) => Buffer.from(t, 'utf8')],
  ['utf-8-bom', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
  ['gb18030', (t) => iconv.encode(t, 'gb18030')],
  ['crlf', (t) => Buffer.from(t.replace(/\r?\n/g, '\r\n'), 'utf8')],
];

describe('check --fix on damaged bytes in every encoding', function () {
  const seed = fuzzSeed();
  this.timeout(Math.max(120000, PLANS * 300));
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'workplan-bytes-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every byte outside the fixed markers, or leaves the file untouched (seed ${seed})`, () => {
    const r = new Random(seed);
    const texts = seeds().map((s) => s.text);
    const lines = texts.flatMap((t) => t.split(/\r?\n/)).filter((l) => l.trim());
    const files: { file: string; bytes: Buffer }[] = [];
    for (let k = 0; k < PLANS; k++) {
      // A few kilobytes of a mutated plan: small enough to map byte by byte below.
      const plan = mutatedPlan(r, texts, lines);
      const from = plan.lastIndexOf('\n', r.int(plan.length)) + 1;
      const text = plan.slice(from, from + 1500 + r.int(4000)).replace(/[\ud800-\udfff]/g, '');
      const [name, encode] = r.pick(ENCODINGS);
      const bytes = damage(r, encode(text));
      const file = path.join(dir, `${k}-${name}.txt`);
      writeFileSync(file, bytes);
      files.push({ file, bytes });
    }
    fixWithCli(files.map((f) => f.file), []);
    let written = 0;
    for (const { file, bytes } of files) {
      const after = readFileSync(file);
      if (after.equals(bytes)) continue;
      const fail = (why: string) => assert.fail(`seed ${seed}, ${file}: ${why}\n  replay: WORKPLAN_FUZZ_SEED=${seed} WORKPLAN_FUZZ_PLANS=${PLANS} npm test`);
      written++;
      const before = decodePlan(bytes);
      if (before.lossy) fail('a file with bytes that are not text was written');
      const model = parsePlan(before.text);
      const edits = safeFixEdits(model, computeDiagnostics(model, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
      if (!insideItems(before.text, edits)) fail('an edit reaches outside the markers and run-ins');
      const fixed = applyEdits(before.text, edits);
      if (decodePlan(after).text !== fixed) fail('the file does not read as the fixed text');
      if (before.encoding === 'utf-8-bom' && !after.subarray(0, 3).equals(bytes.subarray(0, 3))) fail('the BOM is gone');
      // Each stretch between edits: the same bytes before and after, found by a decoder of its own.
      const at0 = unitOffsets(bytes, before.encoding);
      const at1 = unitOffsets(after, before.encoding);
      let shift = 0;
      let done = 0;
      for (const e of [...edits, { start: before.text.length, end: before.text.length, newText: '' }]) {
        const kept0 = bytes.subarray(at0[done], at0[e.start]);
        const kept1 = after.subarray(at1[done + shift], at1[e.start + shift]);
        if (!kept0.equals(kept1)) fail(`the bytes from offset ${at0[done]} changed`);
        shift += e.newText.length - (e.end - e.start);
        done = e.end;
      }
    }
    assert.ok(written > 0, 'some files had fixes written');
  });
});
