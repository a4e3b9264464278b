// The editor's Word commands: export the active plan as a .docx in the layout of GB/T 9704, and open
// a .docx as plan text in a new untitled document. The server converts (lsp/word.ts); this side picks
// the files, reads and writes them through the workspace's file system, and reports.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { langOf, noticeText, WordArgs, WordKey, wordText } from '../../server/src/service/l10n/messages';
import {
  EXPORT_DOCX_REQUEST,
  ExportDocxResult,
  IMPORT_DOCX_REQUEST,
  ImportDocxResult,
  MAX_DOCX_BYTES,
  megabytes,
} from '../../server/src/word/protocol';

function say(key: WordKey, args?: WordArgs): string {
  return wordText(key, langOf(vscode.env.language), args);
}

/**
 * `workplan.exportDocx [plan] [target]`: the plan (by default the active editor's, unsaved edits
 * included) written as a .docx at `target` (by default where the save dialog says).
 */
async function exportDocx(client: LanguageClient, plan?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const doc = plan ? await vscode.workspace.openTextDocument(plan) : active?.languageId === 'workplan' ? active : undefined;
  if (!doc) {
    void vscode.window.showInformationMessage(noticeText({ key: 'client.openPlanFirst' }, langOf(vscode.env.language)));
    return undefined;
  }
  const name = path.basename(doc.fileName).replace(/\.[^.]*$/, '') || 'plan';
  target ??= await vscode.window.showSaveDialog({
    defaultUri: doc.isUntitled ? undefined : vscode.Uri.joinPath(doc.uri, '..', `${name}.docx`),
    filters: { [say('word.documents')]: ['docx'] },
  });
  if (!target) return undefined;
  const result = await client.sendRequest<ExportDocxResult>(EXPORT_DOCX_REQUEST, { text: doc.getText(), file: doc.fileName });
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  void vscode.window.showInformationMessage(say('word.exported', { file: path.basename(target.path) }), say('word.openExported')).then((choice) => {
    if (choice) void vscode.env.openExternal(target);
  });
  return target;
}

/** `workplan.openDocx [file]`: a .docx (by default chosen in the open dialog) as plan text in a new untitled document. */
async function openDocx(client: LanguageClient, file?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  file ??= (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [say('word.documents')]: ['docx', 'docm'] } }))?.[0];
  if (!file) return undefined;
  const name = path.basename(file.path);
  const fail = (key: WordKey, args?: WordArgs) => void vscode.window.showErrorMessage(say('word.cannotOpen', { file: name }) + say(key, args));
  // Refused before reading: the file would travel to the server whole.
  const { size } = await vscode.workspace.fs.stat(file);
  if (size > MAX_DOCX_BYTES) return fail('word.tooLarge', { size: megabytes(size), limit: megabytes(MAX_DOCX_BYTES) });
  const data = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('base64');
  const result = await client.sendRequest<ImportDocxResult>(IMPORT_DOCX_REQUEST, { data });
  if ('error' in result) return fail(result.error.key, result.error.args);
  const doc = await vscode.workspace.openTextDocument({ language: 'workplan', content: result.text });
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function registerWordCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('workplan.exportDocx', (plan?: vscode.Uri, target?: vscode.Uri) => exportDocx(client, plan, target)),
    vscode.commands.registerCommand('workplan.openDocx', (file?: vscode.Uri) => openDocx(client, file)),
  );
}
