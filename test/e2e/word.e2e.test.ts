// The Word export of every seed opened in LibreOffice (scripts/setup-office.sh installs it): laid out
// on A4 in 22 lines of at most 28 characters, numbered `— N —` at the foot, its headings in their own
// faces. The first page of each is saved as a PNG in test-results/word/ for a person to look at.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parsePlan } from '../../server/src/service/parse/parser';
import { ROOT, seeds } from '../helpers/seeds';

const CLI = path.join(ROOT, 'server', 'out', 'cli.js');
const RESULTS = path.join(ROOT, 'test-results', 'word');
/** Draws the standard's font names, which Linux lacks, with like Debian faces. */
const FONTS_CONF = path.join(ROOT, 'scripts', 'office-fonts.conf');

function tool(name: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `${name} is missing: run scripts/setup-office.sh`);
  return r.stdout.trim();
}

function pdf(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

/** The non-empty lines of each page, as pdftotext lays them out. */
function pages(file: string): string[][] {
  return pdf('pdftotext', ['-layout', file, '-']).split('\f').filter((p) => p.trim()).map((p) => p.split('\n').filter((l) => l.trim()));
}

const ideographs = (line: string) => [...line].filter((c) => c.charCodeAt(0) >= 0x2e80).length;
/** A comma or stop that may not begin a line hangs past the last cell (避头尾 in LibreOffice's Asian typography). */
const hangs = (line: string) => /[，。、；：！？”’）》]$/.test(line.trim());

describe('the Word export in LibreOffice', function () {
  this.timeout(180000);
  let dir: string;
  const exported = seeds().map((s) => ({ seed: s, base: s.name.replace(/\.txt$/, '') }));

  before(function () {
    for (const name of ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo', 'pdffonts']) tool(name);
    dir = mkdtempSync(path.join(os.tmpdir(), 'workplan-word-e2e-'));
    for (const { seed, base } of exported) execFileSync(process.execPath, [CLI, 'export', '--to', 'docx', '-o', path.join(dir, `${base}.docx`), seed.path], { stdio: 'pipe' });
    // A profile of its own: no first-run dialogs, no clash with a LibreOffice the user has open.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...exported.map((e) => path.join(dir, `${e.base}.docx`))], {
      stdio: 'pipe',
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
    });
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    for (const { base } of exported) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path.join(dir, `${base}.pdf`), path.join(RESULTS, base)]);
    }
  });

  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('opens every seed on A4, numbered — N — at the foot of each page', function () {
    for (const { base } of exported) {
      const file = path.join(dir, `${base}.pdf`);
      assert.match(pdf('pdfinfo', [file]), /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/, base);
      pages(file).forEach((lines, i) => assert.strictEqual(lines[lines.length - 1].replace(/\s/g, ''), `—${i + 1}—`, `${base} page ${i + 1}`));
    }
  });

  it('sets 22 lines a full page and at most 28 characters a line, many lines full', function () {
    for (const { seed, base } of exported) {
      const all = pages(path.join(dir, `${base}.pdf`));
      // A page is full, 22 lines of text and the page number, unless it is the last or it opens with the title (and the blank line under it).
      const title = parsePlan(seed.text).metadata.title?.replace(/\s/g, '');
      all.forEach((lines, i) => {
        if (i > 0 && i < all.length - 1 && lines[0].replace(/\s/g, '') !== title) assert.strictEqual(lines.length - 1, 22, `${base} page ${i + 1}`);
      });
      for (const line of all.flat()) assert.ok(ideographs(line) <= (hangs(line) ? 29 : 28), `${base}: a line of ${ideographs(line)} characters: ${line}`);
      assert.ok(all.flat().filter((line) => ideographs(line) >= 28).length >= 3, `${base}: lines of 28 characters`);
    }
  });

  it('starts with the title and draws headings in their own faces', function () {
    const plan = exported.find((e) => e.seed.name.includes('五角场'))!;
    const file = path.join(dir, `${plan.base}.pdf`);
    assert.strictEqual(pages(file)[0][0].replace(/\s/g, ''), '五角场街道办事处2023年工作计划');
    // 小标宋 → a bold serif, 仿宋 → serif, 黑体 → sans, 楷体 → UKai (scripts/office-fonts.conf).
    const fonts = pdf('pdffonts', [file]);
    for (const face of [/NotoSerifCJK\w*-Bold/, /NotoSerifCJK\w*-Regular/, /NotoSansCJK/, /UKai/]) assert.match(fonts, face);
  });
});
