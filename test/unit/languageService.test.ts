import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { URI, Utils } from 'vscode-uri';
import { seed } from '../helpers/seeds';

describe('language service', () => {
  it('parses once per text and shares the model between features', () => {
    const service = new LanguageService();
    const s = seed('江苏路');
    const v1 = TextDocument.create('file:///a.txt', 'workplan', 1, s.text);
    const model = service.getModel(v1);
    service.getDocumentSymbols(v1);
    service.getFoldingRanges(v1);
    assert.strictEqual(service.getModel(v1), model, 'same text, same model');
    const v2 = TextDocument.update(v1, [{ text: '\n' }], 2);
    assert.notStrictEqual(service.getModel(v2), model, 'a new text is parsed anew');
    service.close(v2.uri);
    assert.notStrictEqual(service.getModel(v2), service.getModel(TextDocument.create('file:///b.txt', 'workplan', 2, v2.getText())));
  });

  it('follows the text, not the version number the client gives it', () => {
    const service = new LanguageService();
    const first = TextDocument.create('file:///a.txt', 'workplan', 1, '一、甲\n');
    assert.strictEqual(service.getDocumentSymbols(first)[0].name, '一、甲');
    const reopened = TextDocument.create('file:///a.txt', 'workplan', 1, '一、乙\n');
    assert.strictEqual(service.getDocumentSymbols(reopened)[0].name, '一、乙', 'the same URI opened again with version 1');
    const sameVersion = TextDocument.update(reopened, [{ text: '一、丙\n' }], 1);
    assert.strictEqual(service.getDocumentSymbols(sameVersion)[0].name, '一、丙', 'a change that keeps its version');
  });
});

describe('document names from URIs (vscode-uri, which every name of a document goes through)', () => {
  const name = (uri: string) => Utils.basename(URI.parse(uri));
  it('decodes the last segment, and keeps a malformed escape as written instead of throwing', () => {
    assert.strictEqual(name('file:///home/%E8%AE%A1%E5%88%92.txt'), '计划.txt');
    assert.strictEqual(name('untitled:100%'), '100%');
    assert.strictEqual(name('file:///a/%E8%AE.txt'), '%E8%AE.txt');
  });
});
