// `npm run bench`: the Word conversions. Export (plan text → .docx) and import (.docx → plan text) of
// each seed and of a 1 MB plan, medians of several runs after a warm-up; the size of the .docx and
// the heap one 1 MB export allocates; over LSP, the first export of a session (which loads
// the converters) and the next. `--json` prints JSON.
import { performance } from 'perf_hooks';
import { exportDocx } from '../server/src/word/export';
import { importDocx } from '../server/src/word/import';
import { EXPORT_DOCX_REQUEST } from '../server/src/word/protocol';
import { LspClient } from '../test/helpers/lspClient';
import { seeds } from '../test/helpers/seeds';

const KB = 1024;
const MB = 1024 * KB;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function time(runs: number, fn: () => unknown): Promise<number> {
  for (let k = 0; k < Math.max(2, runs >> 1); k++) await fn();
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

interface Row {
  plan: string;
  textKB: number;
  docxKB: number;
  exportMs: number;
  importMs: number;
}

async function measure(plan: string, text: string, runs: number): Promise<Row> {
  const docx = await exportDocx({ file: plan, text });
  return {
    plan,
    textKB: Buffer.byteLength(text) / KB,
    docxKB: docx.length / KB,
    exportMs: await time(runs, () => exportDocx({ file: plan, text })),
    importMs: await time(runs, () => importDocx(docx)),
  };
}

/** The seeds one after another until the text reaches `bytes`: a plan as long as any office writes, and longer. */
function longPlan(bytes: number): string {
  const all = seeds().map((s) => s.text).join('\n');
  return all.repeat(Math.ceil(bytes / Buffer.byteLength(all))).slice(0, bytes / 3);
}

/** Heap in use right after a 1 MB export, before a collection, over the heap before it: about what one export allocates. */
async function heapOfExport(text: string): Promise<number> {
  collect();
  const before = process.memoryUsage().heapUsed;
  await exportDocx({ file: 'long.txt', text });
  return (process.memoryUsage().heapUsed - before) / MB;
}

async function overLsp(): Promise<{ firstMs: number; nextMs: number }> {
  const client = await LspClient.start();
  try {
    const { text } = seeds()[0];
    const ask = async () => {
      const t = performance.now();
      await client.connection.sendRequest(EXPORT_DOCX_REQUEST, { text, file: 'plan.txt' });
      return performance.now() - t;
    };
    const firstMs = await ask();
    const next: number[] = [];
    for (let k = 0; k < 5; k++) next.push(await ask());
    return { firstMs, nextMs: median(next) };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const s of seeds()) rows.push(await measure(s.name, s.text, 9));
  const long = longPlan(MB);
  rows.push(await measure('1 MB', long, 3));
  const heapMB = await heapOfExport(long);
  const lsp = await overLsp();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ rows, heapOf1MBExportMB: heapMB, lsp }, null, 2) + '\n');
    return;
  }
  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  const head = ['plan', 'text KB', 'docx KB', 'export ms', 'import ms'];
  const cells = rows.map((r) => [r.plan, f(r.textKB), f(r.docxKB), f(r.exportMs), f(r.importMs)]);
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  process.stdout.write([
    'Word export and import (median ms)',
    line(head),
    ...cells.map(line),
    `heap allocated by one 1 MB export (in use after it, before a collection): ${heapMB.toFixed(1)} MB`,
    `over LSP: first workplan/exportDocx of a session (loads docx) ${lsp.firstMs.toFixed(0)} ms, then ${lsp.nextMs.toFixed(0)} ms`,
  ].join('\n') + '\n');
}

void main();
