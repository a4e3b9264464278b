// The Word conversions behind the editor's commands, as custom requests: they run here, beside the
// parser, so the client bundle stays small and other editors can ask too.
import { Connection, RequestType } from 'vscode-languageserver/node';
import {
  EXPORT_DOCX_REQUEST,
  ExportDocxParams,
  ExportDocxResult,
  IMPORT_DOCX_REQUEST,
  ImportDocxParams,
  ImportDocxResult,
} from '../word/protocol';

// Loaded on the first request, not at start-up: docx is half the server bundle and most sessions never use it.
const exporter = () => require('../word/export') as typeof import('../word/export');
const importer = () => require('../word/import') as typeof import('../word/import');

const exportDocx = new RequestType<ExportDocxParams, ExportDocxResult, void>(EXPORT_DOCX_REQUEST);
const importDocx = new RequestType<ImportDocxParams, ImportDocxResult, void>(IMPORT_DOCX_REQUEST);

export function listenWordRequests(connection: Connection): void {
  connection.onRequest(exportDocx, async ({ text, file }) => {
    return { data: Buffer.from(await exporter().exportDocx({ text, file })).toString('base64') };
  });
  connection.onRequest(importDocx, ({ data }) => {
    const { importDocx: read, WordError } = importer();
    try {
      return { text: read(Buffer.from(data, 'base64')).text };
    } catch (e) {
      if (e instanceof WordError) return { error: { key: e.key, args: e.args } };
      throw e;
    }
  });
}
