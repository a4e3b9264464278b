import * as assert from 'assert';
import { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LARGE_DOCUMENT } from '../../server/src/lsp/checks';
import { readSettings } from '../../server/src/service/checks/settings';
import { LanguageService } from '../../server/src/service/languageService';
import { LspClient, Notification } from '../helpers/lspClient';
import { seed, seeds } from '../helpers/seeds';

/** Every seed after the other, again and again: numbering that restarts at each seed, thousands of findings. */
function bigPlan(chars: number): string {
  const all = seeds().map((s) => s.text).join('\n');
  return all.repeat(Math.ceil(chars / all.length));
}

/** Settings of the client's, which the thread must apply as the request thread does. */
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

  it('publishes what the request thread would', async () => {
    const uri = client.uri('large.plan');
    await client.open(uri, big);
    const pushed = (await client.pushedDiagnostics(uri, 1, 30_000)) as Diagnostic[];
    assert.ok(pushed.length > 0);
    assert.deepStrictEqual(pushed, expected(uri, big));
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
    assert.ok(report.items.length > 0);
  });
});
