// Starts the Workplan language server and registers the commands the server does not own.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { allocatorEnv, serverV8Flags } from './allocator';
import { langOf, Notice, noticeText } from '../../server/src/service/l10n/messages';
import { registerTaskCommands } from './tasks';
import { registerWordCommands } from './word';

let client: LanguageClient | undefined;

/** In the editor's display language, which the client also passes to the server as its locale. */
function say(notice: Notice): string {
  return noticeText(notice, langOf(vscode.env.language));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  // The memory settings for a large corpus (allocator.ts); the client's own environment is kept.
  const env = allocatorEnv();
  const flags = serverV8Flags();
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: flags } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...flags, '--nolazy', '--inspect=6009'] } },
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
  client = new LanguageClient('workplan', say({ key: 'client.name' }), serverOptions, clientOptions);
  registerWordCommands(context, client);

  context.subscriptions.push(
    vscode.commands.registerCommand('workplan.openAsPlan', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(say({ key: 'client.openTextFirst' }));
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'workplan');
    }),
    // The server answers textDocument/references on a heading or measure with the related units of
    // other plans; this shows them in the peek view.
    vscode.commands.registerCommand('workplan.findRelated', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'workplan') {
        void vscode.window.showInformationMessage(say({ key: 'client.openPlanFirst' }));
        return;
      }
      const { uri } = editor.document;
      const position = editor.selection.active;
      // The reference provider command asks for the declaration too: the heading under the cursor is no related measure.
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
      const locations = found?.filter((l) => !(l.uri.toString() === uri.toString() && l.range.contains(position)));
      if (!locations?.length) {
        void vscode.window.showInformationMessage(say({ key: 'client.noRelated' }));
        return;
      }
      await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
      return locations;
    }),
  );

  registerTaskCommands(context, client);
  // A shipped plan opened from a hover link or a reference is there to be read: read-only in this
  // session, unless the user opened its folder. (Hover links must stay file: URIs, the only scheme
  // of ours VS Code keeps in an untrusted hover, so no read-only scheme of our own can carry them.)
  const shipped = context.asAbsolutePath('seeds') + path.sep;
  const readOnlyIfShipped = (editor: vscode.TextEditor | undefined) => {
    const uri = editor?.document.uri;
    if (uri?.scheme !== 'file' || !uri.fsPath.startsWith(shipped) || vscode.workspace.getWorkspaceFolder(uri)) return;
    vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession').then(undefined, () => undefined);
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(readOnlyIfShipped));
  readOnlyIfShipped(vscode.window.activeTextEditor);

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
