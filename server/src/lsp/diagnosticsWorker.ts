// A worker thread that computes a large document's diagnostics off the request thread: it parses the
// text, runs the checks and converts the findings to LSP diagnostics, exactly as the request thread
// would (the same LanguageService call). Bundled as its own entry: server/out/diagnosticsWorker.js.
import { parentPort } from 'worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../service/languageService';
import { Lang } from '../service/l10n/messages';
import { WorkplanSettings } from '../service/checks/settings';

export interface DiagnosticsJob {
  id: number;
  uri: string;
  text: string;
  settings: WorkplanSettings;
  lang: Lang;
}

export interface DiagnosticsReply {
  id: number;
  diagnostics?: Diagnostic[];
  /** A check that threw: the request thread logs it. */
  error?: string;
  /** A parser bug that left the outline empty (the diagnostics are then those of an empty plan). */
  parseError?: string;
}

let parseError: string | undefined;
const service = new LanguageService({ onParseError: (_uri, e) => (parseError = e instanceof Error ? e.stack ?? e.message : String(e)) });

parentPort?.on('message', ({ id, uri, text, settings, lang }: DiagnosticsJob) => {
  parseError = undefined;
  let reply: DiagnosticsReply;
  try {
    reply = { id, diagnostics: service.getLspDiagnostics(TextDocument.create(uri, 'workplan', 0, text), settings, lang) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  // Nothing kept between jobs: the next text is another version.
  service.close(uri);
  parentPort!.postMessage({ ...reply, parseError });
});
