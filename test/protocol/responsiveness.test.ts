import * as assert from 'assert';
import { Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lspClient';
import { seed, seeds } from '../helpers/seeds';

describe('protocol: a huge single-line plan does not stall the server', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({});
    // The seeds indexed first: the hover below must find related measures in them.
    await client.waitFor((n) => n.method === 'window/logMessage' && n.params.message.includes('相关举措索引'), 20000);
  });
  after(async () => client.stop());

  it('keeps answering other documents after a 1 MB one-line plan is opened and indexed', async () => {
    // A PDF pasted whole: a heading and every seed on one line, repeated to 1 MB: one section's body. The related-measures index used to
    // hand such a line to ICU's word segmenter in one piece, which took minutes and blocked every request.
    const flattened = seeds().map((s) => s.text.replace(/\s+/g, ' ')).join(' ');
    const huge = '一、总体要求。' + flattened.repeat(Math.ceil(1_000_000 / flattened.length));
    await client.open(client.uri('huge.txt'), huge);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: client.uri('huge.txt') } });
    const small = seed('新华路');
    const uri = client.uri(small.name);
    await client.open(uri, small.text);
    // Give the debounced re-index time to start on the huge document, then ask for a hover elsewhere.
    await new Promise((r) => setTimeout(r, 1500));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } });
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    // A real answer: the heading under the cursor, with measures of the other seeds linked.
    assert.ok(hover && MarkupContent.is(hover.contents), JSON.stringify(hover));
    assert.strictEqual(hover.range?.start.line, 2);
    const links = [...hover.contents.value.matchAll(/\]\((file:[^)#]+)#L[\d,L-]+[ )]/g)].map((m) => decodeURIComponent(m[1]));
    assert.ok(links.length > 0 && links.every((l) => !l.includes('新华路')), links.join('\n'));
  });
});
