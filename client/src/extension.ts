// Starts the Workplan language server and registers the commands the server does not own.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'workplan' },
      { scheme: 'untitled', language: 'workplan' },
    ],
    synchronize: { configurationSection: 'workplan' },
    initializationOptions: {
      // Read once at start: the server needs the limit before the first document opens.
      maxFileSize: vscode.workspace.getConfiguration('workplan').get<number>('maxFileSize'),
      // Where the server keeps its related-measures index between sessions: this workspace's storage, else the extension's.
      cacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath,
    },
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      // `workplan.renumber` run from the palette has no argument: it means the active editor's document.
      executeCommand: (command, args, next) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        return next(command, args.length || !active ? args : [active]);
      },
    },
  };
  client = new LanguageClient('workplan', '工作计划 Workplan', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('workplan.openAsPlan', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('请先打开一个文本文件。Open a text file first.'));
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'workplan');
    }),
    // The server answers textDocument/references on a heading or measure with the related units of
    // other plans; this shows them in the peek view.
    vscode.commands.registerCommand('workplan.findRelated', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'workplan') {
        void vscode.window.showInformationMessage(vscode.l10n.t('请先打开一份工作计划。Open a work plan first.'));
        return;
      }
      const { uri } = editor.document;
      const position = editor.selection.active;
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
      if (!locations?.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('光标处的标题或举措没有找到相关举措。No related measures for the heading or measure at the cursor.'));
        return;
      }
      await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
    }),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
