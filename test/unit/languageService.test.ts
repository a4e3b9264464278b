import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { seed } from '../helpers/seeds';

describe('language service', () => {
  it('parses once per document version and shares the model between features', () => {
    const service = new LanguageService();
    const s = seed('江苏路');
    const v1 = TextDocument.create('file:///a.txt', 'workplan', 1, s.text);
    const model = service.getModel(v1);
    service.getDocumentSymbols(v1);
    service.getFoldingRanges(v1);
    assert.strictEqual(service.getModel(v1), model, 'same version, same model');
    const v2 = TextDocument.update(v1, [{ text: '\n' }], 2);
    assert.notStrictEqual(service.getModel(v2), model, 'a new version is parsed anew');
    service.close(v2.uri);
    assert.notStrictEqual(service.getModel(v2), service.getModel(TextDocument.create('file:///b.txt', 'workplan', 2, v2.getText())));
  });
});
