// `npm run bench`: Workplan's parse + outline + folding + diagnostics against vscode-markdown-languageservice
// on the same content as Markdown headings, and a bare line scan as the floor; heap after 10k edits;
// server start-up to the first answer; bundle sizes. Medians of several runs. `--json` prints JSON.
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import MarkdownIt from 'markdown-it';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver';
import type { IMdParser, ITextDocument, IWorkspace } from 'vscode-markdown-languageservice' with { 'resolution-mode': 'import' };
import { DocumentSync } from '../server/src/lsp/documentSync';
import { LanguageService } from '../server/src/service/languageService';
import { parsePlan } from '../server/src/service/parse/parser';
import { DEFAULT_SETTINGS } from '../server/src/service/checks/settings';
import { computeDiagnostics } from '../server/src/service/checks/diagnostics';
import { EditGenerator, PlainDocument, Random } from '../test/helpers/fuzz';
import { LspClient } from '../test/helpers/lspClient';
import { ROOT, seeds } from '../test/helpers/seeds';
import { serverV8Flags } from '../client/src/allocator';
import { PARSER_BEFORE, parserBundles } from './parserBuilds';
import { planOfSize } from './sizedPlan';

const KB = 1024;
const MB = 1024 * KB;
const SIZES = [{ label: '20 KB', bytes: 20 * KB, runs: 51 }, { label: '1 MB', bytes: MB, runs: 9 }, { label: '10 MB', bytes: 10 * MB, runs: 5 }];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Warm-up before timing, at least as many runs as are timed and at least WARM_UP_MS of them: the
 * timings are of optimised code, as in an editing session where the server parses on every keystroke.
 * (Fifty runs of a 20 KB plan leave much of either service unoptimised.) Warm-up runs get negative `k`.
 */
const WARM_UP_MS = 1000;
async function warmUp(runs: number, fn: (k: number) => unknown): Promise<void> {
  const until = performance.now() + WARM_UP_MS;
  for (let k = -1; k >= -runs || performance.now() < until; k--) await fn(k);
}

/** The same content with each heading the parser found written as a Markdown heading of its depth. */
function asMarkdown(text: string): string {
  const model = parsePlan(text);
  const depthOf = new Map<number, number>();
  for (const n of model.nodes) if (n.kind === 'heading' || n.kind === 'unnumbered') depthOf.set(n.line, n.depth);
  const lines: string[] = [];
  for (let i = 0; i < model.lines.count; i++) {
    const text = model.lines.text(i);
    lines.push(depthOf.has(i) ? '#'.repeat(Math.min(6, depthOf.get(i)!)) + ' ' + text : text);
  }
  return lines.join('\n');
}

/**
 * The floor: what any line-based outline must do. Read every character once to find the line breaks
 * (LF, CRLF, CR, as LSP counts lines) and test each line's start for a marker.
 */
const MARKER_AT = /[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[\u2460-\u2473])/y;
function bareScan(text: string): number {
  let markers = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    MARKER_AT.lastIndex = start;
    if (MARKER_AT.test(text)) markers++;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return markers;
}

/** vscode-markdown-languageservice is an ES module: imported at run time. */
async function markdownService() {
  const { createLanguageService, githubSlugifier } = await import('vscode-markdown-languageservice');
  const md = new MarkdownIt();
  const parser: IMdParser = { slugifier: githubSlugifier, tokenize: async (doc) => md.parse(doc.getText(), {}) };
  const never = new Emitter<never>().event;
  const workspace: IWorkspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: never,
    onDidCreateMarkdownDocument: never,
    onDidDeleteMarkdownDocument: never,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  return createLanguageService({ workspace, parser, logger: { level: 0, log() {} } });
}

interface SizeResult {
  size: string;
  bytes: number;
  lines: number;
  /** `diagnostics` is NaN where computing them threw (`diagnosticsError`). */
  workplan: { parse: number; outline: number; folding: number; diagnostics: number; total: number; symbols: number; diagnosticsError?: string };
  markdown: { total: number; symbols: number };
  scan: number;
  /** The scan ratios are medians of each round's ratio (Workplan and the scan run side by side). */
  ratioMarkdown: number;
  /** Like for like: parse + outline + folding, what the Markdown service does, without diagnostics. */
  ratioMarkdownOutline: number;
  ratioScan: number;
  /** Parse + outline + folding against the scan. */
  ratioScanOutline: number;
}

async function measureSize(label: string, bytes: number, runs: number): Promise<SizeResult> {
  const text = planOfSize(bytes);
  const markdown = asMarkdown(text);
  // A new version per run, so no cache (ours or the Markdown service's) answers from an earlier run.
  const docs = (prefix: string, content: string) => (k: number) => TextDocument.create(`file:///${prefix}${k}.md`, 'markdown', k + 2, content);
  const planDoc = docs('plan', text);
  const mdDoc = docs('md', markdown);

  let symbolCount = 0;
  let diagnosticsError: string | undefined;
  /** Parse, outline, folding and diagnostics of a new service: the times of each phase in ms. */
  const workplanRun = (k: number) => {
    const service = new LanguageService();
    const doc = planDoc(k);
    const t0 = performance.now();
    service.getModel(doc);
    const t1 = performance.now();
    const symbols = service.getDocumentSymbols(doc);
    const t2 = performance.now();
    service.getFoldingRanges(doc);
    const t3 = performance.now();
    try {
      if (!diagnosticsError) service.getLspDiagnostics(doc, DEFAULT_SETTINGS, 'zh');
    } catch (e) {
      diagnosticsError = String(e);
    }
    const t4 = performance.now();
    symbolCount = countSymbols(symbols);
    return { parse: t1 - t0, outline: t2 - t1, folding: t3 - t2, diagnostics: t4 - t3, outlineOnly: t3 - t0, total: t4 - t0 };
  };
  const mdService = await markdownService();
  const token = new CancellationTokenSource().token;
  let mdSymbols = 0;
  const markdownRun = async (k: number) => {
    const doc: ITextDocument = mdDoc(k);
    const [symbols] = await Promise.all([mdService.getDocumentSymbols(doc, {}, token), mdService.getFoldingRanges(doc, token)]);
    mdSymbols = countSymbols(symbols);
  };
  await warmUp(runs, workplanRun);
  await warmUp(runs * 3, () => bareScan(text));

  // Workplan and the scan are timed side by side, round after round: a shared machine's speed
  // drifts over seconds, and a ratio of times taken together is steadier than one of medians taken
  // apart. The scan allocates nothing, so it leaves no garbage for Workplan's runs to collect; the
  // Markdown service does, and is timed after them.
  const parts = { parse: [] as number[], outline: [] as number[], folding: [] as number[], diagnostics: [] as number[], outlineOnly: [] as number[], total: [] as number[] };
  const scans: number[] = [];
  const scanRatios = { total: [] as number[], outline: [] as number[] };
  for (let k = 0; k < runs; k++) {
    const wp = workplanRun(k);
    for (const key of Object.keys(parts) as (keyof typeof parts)[]) parts[key].push(wp[key]);
    const scan = median([0, 1, 2].map(() => {
      const t0 = performance.now();
      bareScan(text);
      return performance.now() - t0;
    }));
    scans.push(scan);
    scanRatios.total.push(wp.total / scan);
    scanRatios.outline.push(wp.outlineOnly / scan);
  }
  await warmUp(runs, markdownRun);
  const mdTimes: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await markdownRun(k);
    mdTimes.push(performance.now() - t);
  }
  mdService.dispose();
  return {
    size: label,
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length,
    workplan: {
      parse: median(parts.parse), outline: median(parts.outline), folding: median(parts.folding),
      diagnostics: diagnosticsError ? NaN : median(parts.diagnostics), total: median(parts.total), symbols: symbolCount, diagnosticsError,
    },
    markdown: { total: median(mdTimes), symbols: mdSymbols },
    scan: median(scans),
    ratioMarkdown: median(parts.total) / median(mdTimes),
    ratioMarkdownOutline: median(parts.outlineOnly) / median(mdTimes),
    ratioScan: median(scanRatios.total),
    ratioScanOutline: median(scanRatios.outline),
  };
}

function countSymbols(symbols: { children?: unknown[] }[]): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols((s.children ?? []) as { children?: unknown[] }[]), 0);
}

/** Heap before and after 10k edits to one open document, each followed by outline and folding, as typing does. */
function heapAfterEdits(edits: number): { before: number; after: number; edits: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (scripts/bench.mjs does)');
  const sync = new DocumentSync();
  const service = new LanguageService();
  const text = seeds()[0].text;
  let doc = sync.create('file:///edited.plan', 'workplan', 1, text);
  const r = new Random(10);
  const lines = seeds().flatMap((s) => s.text.split('\n')).filter((l) => l.trim());
  const gen = new EditGenerator(r, lines, text.length * 2, text.length);
  const plain = new PlainDocument(text);
  const step = (k: number) => {
    const changes = gen.next(plain);
    for (const c of changes) plain.apply(c);
    doc = sync.update(doc, changes, k + 2);
    service.getDocumentSymbols(doc);
    service.getFoldingRanges(doc);
    service.getLspDiagnostics(doc, DEFAULT_SETTINGS, 'zh');
  };
  // The first thousand edits fill what any steady state holds (compiled code, caches); then measure.
  for (let k = 0; k < 1000; k++) step(k);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 1000; k < 1000 + edits; k++) step(k);
  gc();
  return { before, after: process.memoryUsage().heapUsed, edits };
}

/**
 * Diagnostics of a plan that is one long faulty sequence (`一、` over and over: every marker after the
 * first repeats a number), which the numbering check once read again from each fault. Per size, the
 * median ms and ms per thousand markers: flat per marker when the check is linear.
 */
function faultySequence(): { size: string; markers: number; ms: number; msPerThousand: number }[] {
  const line = '一、加强党建工作\n';
  return [100 * KB, MB].map((bytes) => {
    const markers = Math.floor(bytes / Buffer.byteLength(line));
    const model = parsePlan(line.repeat(markers));
    const times = [0, 1, 2, 3, 4].map(() => {
      const t = performance.now();
      computeDiagnostics(model, DEFAULT_SETTINGS);
      return performance.now() - t;
    });
    const ms = median(times);
    return { size: bytes >= MB ? '1 MB' : '100 KB', markers, ms, msPerThousand: (ms / markers) * 1000 };
  });
}

/**
 * A flattened plan at its worst: one line of `一、甲。` repeated, every marker a heading found after a
 * sentence end. Median ms of parsing 10,000 and 100,000 markers, and ms per thousand: flat when the
 * parser is linear in them (no recursion, no rescanning of the line).
 */
function oneLinePlans(): { markers: number; ms: number; msPerThousand: number }[] {
  return [10000, 100000].map((markers) => {
    const text = '一、甲。'.repeat(markers);
    parsePlan(text);
    const times = [0, 1, 2, 3, 4].map(() => {
      const t = performance.now();
      parsePlan(text);
      return performance.now() - t;
    });
    const ms = median(times);
    return { markers, ms, msPerThousand: (ms / markers) * 1000 };
  });
}

/** Rounds of the side-by-side timing against the parser before the passes, and timed batches in each process (bench/parseChild.ts). */
const AGAINST_BEFORE = [{ label: '20 KB', bytes: 20 * KB, rounds: 10, runs: 10 }, { label: '1 MB', bytes: MB, rounds: 10, runs: 5 }, { label: '10 MB', bytes: 10 * MB, rounds: 8, runs: 3 }];

interface AgainstBefore {
  size: string;
  /** Median over the rounds of each process's least CPU per parse, ms. */
  nowCpuMs: number;
  beforeCpuMs: number;
  ratioCpu: number;
  ratioWall: number;
}

/**
 * Today's parser against the one before the passes (issue 12: no slower per byte), each in processes
 * of its own, taking turns round after round: in one process each would pay for the other's garbage.
 * `flags` are the node flags of those processes: the young generation they set decides what the
 * collector copies, which is most of what separates the two parsers on large plans.
 */
function againstBefore(bundles: ReturnType<typeof parserBundles>, flags: string[]): AgainstBefore[] | string {
  if (!bundles.before) return bundles.missing!;
  const child = path.join(__dirname, 'parseChild.js');
  const time = (bundle: string, bytes: number, runs: number): { cpuMs: number; wallMs: number } => {
    const run = spawnSync(process.execPath, [...flags, child, bundle, String(bytes), String(runs)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`timing ${bundle} failed: ${run.stderr}`);
    return JSON.parse(run.stdout);
  };
  return AGAINST_BEFORE.map(({ label, bytes, rounds, runs }) => {
    const now: { cpuMs: number; wallMs: number }[] = [];
    const before: { cpuMs: number; wallMs: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      // Which goes first alternates: the second of a pair may find the machine warmer or busier.
      if (r % 2) before.push(time(bundles.before!, bytes, runs));
      now.push(time(bundles.now, bytes, runs));
      if (!(r % 2)) before.push(time(bundles.before!, bytes, runs));
    }
    const cpu = (xs: typeof now) => median(xs.map((x) => x.cpuMs));
    const wall = (xs: typeof now) => median(xs.map((x) => x.wallMs));
    return { size: label, nowCpuMs: cpu(now), beforeCpuMs: cpu(before), ratioCpu: cpu(now) / cpu(before), ratioWall: wall(now) / wall(before) };
  });
}

function beforeLine(before: AgainstBefore[] | string, flags: string): string {
  if (typeof before === 'string') return `parse against the parser before the passes (${PARSER_BEFORE}), ${flags}: left out, ${before}`;
  return (
    `parse against the parser before the passes (${PARSER_BEFORE}), ${flags}, each bundled alone and timed in processes of its own, taking turns ` +
    "(median over the rounds of each process's least CPU per parse, every thread; goal ≤ 1.00): " +
    before.map((b) => `${b.size} ${b.nowCpuMs.toPrecision(3)} / ${b.beforeCpuMs.toPrecision(3)} ms = ${b.ratioCpu.toFixed(2)}${b.ratioCpu <= 1 ? ' ✓' : ' ✗'} (wall ${b.ratioWall.toFixed(2)})`).join('; ')
  );
}

async function startUp(runs: number): Promise<number> {
  const text = seeds()[0].text;
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const client = await LspClient.start({});
    const uri = client.uri('startup.plan');
    await client.open(uri, text);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    times.push(performance.now() - t);
    await client.stop();
  }
  return median(times);
}

function bundleSizes(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const dir of ['client/out', 'server/out']) {
    for (const f of readdirSync(path.join(ROOT, dir))) if (f.endsWith('.js')) sizes[`${dir}/${f}`] = statSync(path.join(ROOT, dir, f)).size;
  }
  return sizes;
}

async function main(): Promise<void> {
  // The start-up row would wait for ever on a server that is not built.
  if (!existsSync(path.join(ROOT, 'server', 'out', 'server.js'))) throw new Error('server/out/server.js is missing: `npm run build` first (`npm run bench` does)');
  const json = process.argv.includes('--json');
  const sizes: SizeResult[] = [];
  for (const s of SIZES) sizes.push(await measureSize(s.label, s.bytes, s.runs));
  const faulty = faultySequence();
  const oneLine = oneLinePlans();
  const parsers = parserBundles();
  const before = againstBefore(parsers, []);
  // Every parse in the product runs in the server (request, diagnostics and indexing threads), started with these.
  const beforeAsServer = againstBefore(parsers, serverV8Flags());
  const heap = heapAfterEdits(10000);
  const startup = await startUp(7);
  const bundles = bundleSizes();
  if (json) {
    process.stdout.write(JSON.stringify({ sizes, againstBefore: before, againstBeforeAsServer: beforeAsServer, faultySequence: faulty, oneLinePlan: oneLine, heap, startupMs: startup, bundles }, null, 2) + '\n');
    return;
  }
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
  const rows = sizes.map((s) => [
    s.size, String(s.lines), ms(s.workplan.parse), ms(s.workplan.outline), ms(s.workplan.folding), ms(s.workplan.diagnostics),
    ms(s.workplan.total), ms(s.markdown.total), ms(s.scan), s.ratioMarkdown.toFixed(2) + (s.ratioMarkdown <= 0.25 ? ' ✓' : ' ✗'),
    s.ratioMarkdownOutline.toFixed(2) + (s.ratioMarkdownOutline <= 0.25 ? ' ✓' : ' ✗'),
    s.ratioScan.toFixed(1) + (s.ratioScan <= 3 ? ' ✓' : ' ✗'),
    s.ratioScanOutline.toFixed(1) + (s.ratioScanOutline <= 3 ? ' ✓' : ' ✗'),
  ]);
  const head = ['size', 'lines', 'parse', 'outline', 'folding', 'diagn.', 'workplan', 'markdown', 'scan', 'wp/md ≤0.25', 'no diagn./md', 'wp/scan ≤3', 'no diagn./scan'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  const out = [
    'parse + outline + folding + diagnostics (ms, median) vs vscode-markdown-languageservice symbols + folding on the same',
    'content as Markdown headings, and a bare scan (every character read once for line breaks, each line start tested for a marker)',
    line(head),
    ...rows.map(line),
    '',
    beforeLine(before, "node's default flags"),
    beforeLine(beforeAsServer, `the flags the server is started with (${serverV8Flags().join(' ')})`),
    'diagnostics of one faulty sequence (`一、` repeated): ' + faulty.map((f) => `${f.size} (${f.markers} markers) ${ms(f.ms)} ms, ${f.msPerThousand.toFixed(2)} ms per 1000`).join('; '),
    'parse of a one-line plan (`一、甲。` repeated): ' + oneLine.map((f) => `${f.markers} markers ${ms(f.ms)} ms, ${f.msPerThousand.toFixed(2)} ms per 1000`).join('; '),
    `heap after ${heap.edits} edits on one document: ${(heap.before / MB).toFixed(1)} MB before, ${(heap.after / MB).toFixed(1)} MB after (${((heap.after - heap.before) / MB).toFixed(2)} MB)`,
    `server start-up to the first documentSymbol answer: ${startup.toFixed(0)} ms (median of 7)${startup < 300 ? ' ✓' : ' ✗'} (goal < 300 ms)`,
    'bundles: ' + Object.entries(bundles).map(([f, n]) => `${f} ${(n / KB).toFixed(0)} KB`).join(', '),
  ];
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exitCode = 1;
});
