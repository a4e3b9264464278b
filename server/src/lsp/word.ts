// The Word conversions behind the editor's commands, as custom requests: they run here, beside the
// parser, so the client bundle stays small and other editors can ask too. The converters are loaded
// on the first request, not at start-up: docx is half the server bundle and most sessions never use
// it (esbuild makes each import() a module initialised on first use).
import { Connection, RequestType } from 'vscode-languageserver/node';
import {
  EXPORT_DOCX_REQUEST,
  ExportDocxParams,
  ExportDocxResult,
  IMPORT_DOCX_REQUEST,
  ImportDocxParams,
  ImportDocxResult,
} from '../word/protocol';

const EXPORT_DOCX = new RequestType<ExportDocxParams, ExportDocxResult, void>(EXPORT_DOCX_REQUEST);
const IMPORT_DOCX = new RequestType<ImportDocxParams, ImportDocxResult, void>(IMPORT_DOCX_REQUEST);

export function listenWordRequests(connection: Connection): void {
  connection.onRequest(EXPORT_DOCX, async ({ text, file }) => {
    const { exportDocx } = await import('../word/export.js');
    return { data: Buffer.from(await exportDocx({ text, file })).toString('base64') };
  });
  connection.onRequest(IMPORT_DOCX, async ({ data }) => {
    const { importDocx, WordError } = await import('../word/import.js');
    try {
      return { text: importDocx(Buffer.from(data, 'base64')).text };
    } catch (e) {
      if (e instanceof WordError) return { error: { key: e.key, args: e.args } };
      throw e;
    }
  });
}
