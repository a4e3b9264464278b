import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LARGE_DOCUMENT } from '../../server/src/lsp/checks';
import { computeDiagnostics, MAX_PUBLISHED } from '../../server/src/service/checks/diagnostics';
import { readSettings } from '../../server/src/service/checks/settings';
import { LanguageService } from '../../server/src/service/languageService';
import { parsePlan } from '../../server/src/service/parse/parser';
import { runCli } from '../helpers/cli';
import { LspClient, Notification } from '../helpers/lspClient';
import { seed, seeds } from '../helpers/seeds';

/** Every seed after the other, again and again: numbering that restarts at each seed, thousands of findings. */
function bigPlan(chars: number): string {
  const all = seeds().map((s) => s.text).join('\n');
  return all.repeat(Math.ceil(chars / all.length));
}

/** Merged headings are errors here: the few of them must be among the findings kept. */
const OPTIONS = { workplan: { diagnostics: { severity: { 'heading.merged': 'error' } } } };
const SETTINGS = readSettings(OPTIONS.workplan);

/** What the request thread would publish for `text`, computed in this process by the same service. */
function expected(uri: string, text: string): Diagnostic[] {
  return new LanguageService().getLspDiagnostics(TextDocument.create(uri, 'workplan', 1, text), SETTINGS, 'zh');
}

const published = (client: LspClient, uri: string) => client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);

describe('protocol: a large document is checked off the request thread', function () {
  this.timeout(60_000);
  const big = bigPlan(4 * LARGE_DOCUMENT);
  let client: LspClient;
  before(async () => (client = await LspClient.start({}, OPTIONS)));
  after(async () => client.stop());

  it('publishes what the request thread would: the most severe first, at most MAX_PUBLISHED, then how many more; the CLI lists them all', async () => {
    const all = computeDiagnostics(parsePlan(big), SETTINGS);
    const errors = all.filter((d) => d.severity === 'error').length;
    assert.ok(all.length > MAX_PUBLISHED + 100 && errors > 0, `${all.length} findings, ${errors} errors`);
    const uri = client.uri('large.plan');
    await client.open(uri, big);
    const pushed = (await client.pushedDiagnostics(uri, 1, 30_000)) as Diagnostic[];
    assert.deepStrictEqual(pushed, expected(uri, big));
    assert.strictEqual(pushed.length, MAX_PUBLISHED + 1);
    assert.strictEqual(pushed.filter((d) => d.severity === 1).length, errors, 'every error is kept');
    const kept = pushed.slice(0, -1).map((d) => d.range.start.line * 1e6 + d.range.start.character);
    assert.deepStrictEqual(kept, [...kept].sort((a, b) => a - b), 'in document order');
    const more = pushed[MAX_PUBLISHED];
    assert.strictEqual(more.message, `另有 ${all.length - MAX_PUBLISHED} 处问题未列出（每个文档最多列出 ${MAX_PUBLISHED} 处，先列严重的）；运行 workplan check 可列出全部。`);
    assert.strictEqual(more.code, undefined, 'no code: no quick fix is looked for');

    const dir = mkdtempSync(path.join(tmpdir(), 'workplan-large-'));
    try {
      writeFileSync(path.join(dir, 'large.txt'), big);
      const cli = runCli(['check', '--severity', 'heading.merged=error', 'large.txt'], dir);
      assert.strictEqual(cli.stdout.split('\n').filter((l) => l.startsWith('large.txt:')).length, all.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes the newest version last, never an older one after it', async () => {
    const uri = client.uri('edited.plan');
    await client.open(uri, big);
    await client.pushedDiagnostics(uri, 1, 30_000);
    // Changes a little past the push delay apart: each push finds the previous one still being checked.
    let text = big;
    for (let version = 2; version <= 6; version++) {
      text = `${version}、${text}`;
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${version}、` }]);
      await new Promise((r) => setTimeout(r, 230));
    }
    await client.pushedDiagnostics(uri, 6, 30_000);
    // Anything still on its way would come now.
    await new Promise((r) => setTimeout(r, 1000));
    const versions = published(client, uri).map((n) => n.params.version as number);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), versions.join(' '));
    assert.strictEqual(versions.at(-1), 6);
    assert.deepStrictEqual(published(client, uri).at(-1)!.params.diagnostics, expected(uri, text));
  });

  it('drops a closed document\'s check: nothing is published for it after the empty list of its closing', async () => {
    const uri = client.uri('closed.plan');
    await client.open(uri, big);
    await new Promise((r) => setTimeout(r, 230));
    await client.close(uri);
    await client.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.length === 0);
    await new Promise((r) => setTimeout(r, 1500));
    const last: Notification = published(client, uri).at(-1)!;
    assert.deepStrictEqual(last.params.diagnostics, []);
  });
});

describe('protocol: a request that comes while a large document is checked is answered first', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => (client = await LspClient.start({ textDocument: { diagnostic: {} } })));
  after(async () => client.stop());

  it('answers an outline of a small plan before the pulled diagnostics of a large one', async () => {
    const bigUri = client.uri('large.plan');
    const small = seed('新华路');
    const smallUri = client.uri(small.name);
    await client.open(smallUri, small.text);
    await client.open(bigUri, bigPlan(10 * LARGE_DOCUMENT));
    const order: string[] = [];
    const pulled = client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: bigUri } }).then((r) => (order.push('diagnostics'), r));
    const outline = client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } }).then((r) => (order.push('outline'), r));
    const [report, symbols] = await Promise.all([pulled, outline]);
    assert.deepStrictEqual(order, ['outline', 'diagnostics']);
    assert.ok(symbols.length > 0);
    assert.strictEqual(report.items.length, MAX_PUBLISHED + 1);
  });
});
