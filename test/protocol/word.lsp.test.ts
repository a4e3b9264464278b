// The Word requests over stdio, as the editor's commands send them: a plan's text to a .docx and back.
import * as assert from 'assert';
import { strToU8 } from 'fflate';
import { renderOutline } from '../../server/src/service/features/renderOutline';
import { parsePlan } from '../../server/src/service/parse/parser';
import { importDocx } from '../../server/src/word/import';
import { EXPORT_DOCX_REQUEST, ExportDocxResult, IMPORT_DOCX_REQUEST, ImportDocxResult } from '../../server/src/word/protocol';
import { LspClient } from '../helpers/lspClient';
import { seed } from '../helpers/seeds';
import { NUMBERED_PLAN, numberedDocx, twinText } from '../helpers/word';

describe('protocol: Word requests', function () {
  this.timeout(30000);
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.stop());

  it('exports the text it is sent as a .docx, which reads back as the same outline', async function () {
    const { text } = seed('江苏路');
    const result = await client.connection.sendRequest<ExportDocxResult>(EXPORT_DOCX_REQUEST, { text, file: '/plans/江苏路.txt' });
    const back = importDocx(Buffer.from(result.data, 'base64')).text;
    assert.deepStrictEqual(parsePlan(back).nodes.map((n) => n.title), parsePlan(text).nodes.map((n) => n.title));
  });

  it('opens a numbered .docx as plan text, and answers a bad one with the reason for the client to word', async function () {
    const data = Buffer.from(await numberedDocx(NUMBERED_PLAN)).toString('base64');
    const result = await client.connection.sendRequest<ImportDocxResult>(IMPORT_DOCX_REQUEST, { data });
    assert.ok('text' in result);
    assert.strictEqual(renderOutline(parsePlan(result.text)), renderOutline(parsePlan(twinText(NUMBERED_PLAN))));
    const bad = await client.connection.sendRequest<ImportDocxResult>(IMPORT_DOCX_REQUEST, { data: Buffer.from(strToU8('plain text')).toString('base64') });
    assert.deepStrictEqual(bad, { error: { key: 'word.notZip', args: {} } });
  });
});
