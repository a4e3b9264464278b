import * as assert from 'assert';
import { DocumentSymbol, FoldingRange, SelectionRange } from 'vscode-languageserver-types';
import { assertFixture } from '../helpers/fixtures';
import { LspClient } from '../helpers/lspClient';
import { seed, seeds } from '../helpers/seeds';

function renderSymbols(symbols: DocumentSymbol[], depth = 0): string {
  return symbols
    .map((s) => `${'  '.repeat(depth)}${s.kind} ${s.name} [${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}] sel[${s.selectionRange.start.line}:${s.selectionRange.start.character}-${s.selectionRange.end.line}:${s.selectionRange.end.character}]\n${renderSymbols(s.children ?? [], depth + 1)}`)
    .join('');
}

describe('protocol: outline, folding and selection ranges over stdio', function () {
  let client: LspClient;
  // A client that announces nothing, like Neovim 0.7: the server still answers folding.
  before(async () => (client = await LspClient.start({})));
  after(async () => client.stop());

  it('declares every capability in the initialize result', () => {
    const caps = client.initializeResult.capabilities;
    assert.strictEqual(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.selectionRangeProvider);
  });

  for (const s of seeds()) {
    it(`answers documentSymbol and foldingRange for ${s.name}`, async () => {
      const uri = client.uri(s.name);
      await client.open(uri, s.text);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assertFixture(`symbols/${s.name}`, renderSymbols(symbols));
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assertFixture(`folding/${s.name}`, folds.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ' ' + f.kind : ''}`).join('\n') + '\n');
    });
  }

  it('folds the covering notice as one block and every section with a body', async () => {
    const s = seed('华阳路街道2025年工作计划');
    const uri = client.uri(s.name);
    await client.open(uri, s.text);
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepStrictEqual(folds[0], { startLine: 0, endLine: 6, kind: 'region' });
    assert.ok(folds.some((f) => f.startLine === 12 && f.endLine === 28), 'section 一、 folds through its last body line');
    assert.ok(folds.every((f) => f.endLine > f.startLine));
  });

  it('expands selection from a measure to its section, the parent section and the whole document', async () => {
    const s = seed('五角场');
    const uri = client.uri(s.name);
    await client.open(uri, s.text);
    // Line 9 (0-based 8) is the body of the measure 着力发展在线经济 under (一) under 一、.
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 8, character: 3 }] });
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = sel; r; r = r.parent) chain.push(`${r.range.start.line}-${r.range.end.line}`);
    assert.deepStrictEqual(chain, ['7-10', '5-15', '2-51', '0-170']);
  });
});
