// Wires the pure language service to LSP. Runs inside VS Code (IPC) or standalone: `node server/out/server.js --stdio`.
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createConnection,
  InitializeParams,
  InitializeResult,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { URI, Utils } from 'vscode-uri';
import { Checks } from './checks';
import { DocumentSync, utf8Size } from './documentSync';
import { Edge } from './edge';
import { RelatedFeatures } from './related';
import { listenTasks } from './tasks';
import { listenWordRequests } from './word';
import { LanguageService } from '../service/languageService';
import { Lang, langOf, noticeText } from '../service/l10n/messages';

/** The client's language, for what the server says outside the features (which take it per request). */
let lang: Lang = 'zh';
const edge = new Edge(() => lang);
const connection = createConnection(ProposedFeatures.all, { messageStrategy: edge });
const sync = new DocumentSync();
const documents = new TextDocuments(sync);
// A parser bug leaves an empty outline, never a dead server: it goes to the client's log, with its stack.
const service = new LanguageService({
  onParseError: (uri, e) => connection.console.error(noticeText({ key: 'parse.failed', args: { uri, error: e instanceof Error ? e.stack ?? e.message : String(e) } }, lang)),
});

const checks = new Checks(connection, documents, service);
// The seeds ship beside the server: server/out/server.js → seeds/.
const seedsDir = path.join(__dirname, '..', '..', 'seeds');
service.related.setShippedFolder(pathToFileURL(seedsDir).href);
const related = new RelatedFeatures(connection, documents, service, seedsDir);
// The connection keeps one handler per notification: both features follow the settings.
connection.onDidChangeConfiguration((params) => {
  checks.settingsChanged(params);
  related.settingsChanged(params);
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  lang = langOf(params.locale);
  service.lang = lang;
  const maxMb = params.initializationOptions?.maxFileSize;
  if (typeof maxMb === 'number' && maxMb > 0) sync.maxFileSize = maxMb * 1024 * 1024;
  // Every capability is declared here, statically: older clients ignore dynamic registration.
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false }, willSaveWaitUntil: true },
      documentSymbolProvider: { label: noticeText({ key: 'symbols.label' }, lang) },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      ...checks.initialize(params),
      ...related.initialize(params),
    },
    serverInfo: { name: 'workplan', version: '0.1.0' },
  };
});

connection.onDocumentSymbol(({ textDocument }) => {
  const doc = documents.get(textDocument.uri);
  return doc ? service.getDocumentSymbols(doc) : null;
});

// Answered whether or not the client announced folding support (Neovim 0.7 does not).
connection.onFoldingRanges(({ textDocument }) => {
  const doc = documents.get(textDocument.uri);
  return doc ? service.getFoldingRanges(doc) : null;
});

connection.onSelectionRanges(({ textDocument, positions }) => {
  const doc = documents.get(textDocument.uri);
  return doc ? service.getSelectionRanges(doc, positions) : null;
});

// A file over the size limit is declined once per opening, with word of why its outline stays empty.
const declined = new Set<string>();
documents.onDidChangeContent(({ document }) => {
  const hidden = sync.hiddenText(document);
  if (hidden === undefined) return void declined.delete(document.uri);
  if (declined.has(document.uri)) return;
  declined.add(document.uri);
  const name = Utils.basename(URI.parse(document.uri));
  const size = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  void connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Warning,
    message: noticeText({ key: 'file.tooLarge', args: { name, size: size(utf8Size(hidden)), limit: size(sync.maxFileSize) } }, lang),
  });
});

documents.onDidClose(({ document }) => {
  declined.delete(document.uri);
  service.close(document.uri);
});

edge.listen(connection);
checks.listen();
related.listen();
listenTasks(connection, documents, service, () => lang);
listenWordRequests(connection);
documents.listen(connection);
connection.listen();
