// Wires the pure language service to LSP. Runs inside VS Code (IPC) or standalone: `node server/out/server.js --stdio`.
import {
  createConnection,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { syncedDocuments } from './documentSync';
import { LanguageService } from './service/languageService';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(syncedDocuments);
const service = new LanguageService();

connection.onInitialize((_params: InitializeParams): InitializeResult => {
  // Every capability is declared here, statically: older clients ignore dynamic registration.
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: '工作计划' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
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

documents.onDidClose(({ document }) => service.close(document.uri));

documents.listen(connection);
connection.listen();
