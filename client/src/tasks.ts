// The editor's commands for the task table and the year-over-year comparison. The server writes the
// table and compares the plans; here the user picks files and sees the comparison side by side in a
// webview whose every task links to its line. Words come from the message catalogue, in the editor's language.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Lang, langOf, noticeText, uiText, UiKey } from '../../server/src/service/l10n/messages';

// The wire format of the server's requests (server/src/lsp/tasks.ts).
const TASK_TABLE_REQUEST = 'workplan/taskTable';
const PREVIOUS_PLAN_REQUEST = 'workplan/previousPlan';
const COMPARE_REQUEST = 'workplan/compare';

interface TaskTableResult {
  data: string;
  rows: number;
}

interface TaskRef {
  line: number;
  title: string;
}

interface CompareResult {
  oldUri: string;
  newUri: string;
  oldName: string;
  newName: string;
  summary: {
    continued: { old: TaskRef; new: TaskRef; similarity: number; changedTargets: { old: string; new: string }[] }[];
    new: TaskRef[];
    dropped: TaskRef[];
  };
}

function lang(): Lang {
  return langOf(vscode.env.language);
}

function say(key: UiKey, context = '', found = ''): string {
  return uiText(key, lang(), { expected: '', found, context });
}

function activePlan(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'workplan') return doc;
  void vscode.window.showInformationMessage(noticeText({ key: 'client.openPlanFirst' }, lang()));
  return undefined;
}

/** The plan's own name with another extension, in its folder (or the workspace's, for an unsaved plan). */
function besidePlan(doc: vscode.TextDocument, extension: string): vscode.Uri | undefined {
  const base = doc.uri.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '') + extension;
  if (doc.uri.scheme !== 'untitled') return vscode.Uri.joinPath(doc.uri, '..', base);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, base);
}

async function exportTaskTable(client: LanguageClient): Promise<void> {
  const doc = activePlan();
  if (!doc) return;
  let target = await vscode.window.showSaveDialog({
    defaultUri: besidePlan(doc, '.xlsx'),
    filters: { [say('client.tasks.xlsxFilter')]: ['xlsx'], [say('client.tasks.csvFilter')]: ['csv'] },
    title: say('client.tasks.saveTitle'),
  });
  if (!target) return;
  const format = /\.csv$/i.test(target.path) ? 'csv' : 'xlsx';
  if (!/\.(csv|xlsx)$/i.test(target.path)) target = target.with({ path: `${target.path}.xlsx` });
  const result = await client.sendRequest<TaskTableResult | null>(TASK_TABLE_REQUEST, { uri: doc.uri.toString(), format, locale: vscode.env.language });
  if (!result) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
  const name = target.path.replace(/^.*\//, '');
  void vscode.window.showInformationMessage(say('client.tasks.exported', name, String(result.rows)));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The comparison as a page: one table, last year on the left, this year on the right. */
function comparisonHtml(result: CompareResult, webview: vscode.Webview): string {
  const { summary } = result;
  const words = (key: UiKey) => escapeHtml(say(key));
  const nonce = crypto.randomBytes(16).toString('base64');
  const link = (side: 'old' | 'new', t: TaskRef) =>
    `<a href="#" data-side="${side}" data-line="${t.line}"><span class="line">${t.line}</span> ${escapeHtml(t.title)}</a>`;
  const section = (key: UiKey, count: number, rows: string[]) =>
    `<tr class="section"><th colspan="3">${words(key)}（${count}）</th></tr>` +
    (rows.length ? rows.join('') : `<tr><td colspan="3" class="none">${words('compare.none')}</td></tr>`);
  const continued = summary.continued.map((c) => {
    const targets = c.changedTargets.map((t) => `<div class="target">${words('compare.targets')}：${escapeHtml(t.old)} → <b>${escapeHtml(t.new)}</b></div>`).join('');
    return `<tr><td>${link('old', c.old)}</td><td class="sim">${c.similarity.toFixed(2)}</td><td>${link('new', c.new)}${targets}</td></tr>`;
  });
  const added = summary.new.map((t) => `<tr class="added"><td></td><td></td><td>${link('new', t)}</td></tr>`);
  const dropped = summary.dropped.map((t) => `<tr class="dropped"><td>${link('old', t)}</td><td></td><td></td></tr>`);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid var(--vscode-panel-border); padding: 4px 6px; text-align: left; vertical-align: top; }
  thead th { position: sticky; top: 0; background: var(--vscode-editor-background); }
  tr.section th { padding-top: 14px; font-size: 1.05em; }
  td.sim, thead th:nth-child(2) { text-align: center; white-space: nowrap; }
  td.sim { color: var(--vscode-descriptionForeground); }
  td:first-child, td:last-child { width: 46%; }
  tr.added td:last-child { background: var(--vscode-diffEditor-insertedTextBackground); }
  tr.dropped td:first-child { background: var(--vscode-diffEditor-removedTextBackground); }
  .line { color: var(--vscode-editorLineNumber-foreground); font-variant-numeric: tabular-nums; }
  .target { margin-top: 2px; color: var(--vscode-descriptionForeground); }
  .none { color: var(--vscode-descriptionForeground); }
  a { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a:hover { text-decoration: underline; }
</style></head>
<body>
<h2>${escapeHtml(say('compare.title', result.newName))}</h2>
<table>
<thead><tr><th>${words('compare.old')}：${escapeHtml(result.oldName)}</th><th>${words('compare.similarity')}</th><th>${words('compare.new')}：${escapeHtml(result.newName)}</th></tr></thead>
<tbody>
${section('compare.continued', summary.continued.length, continued)}
${section('compare.added', summary.new.length, added)}
${section('compare.dropped', summary.dropped.length, dropped)}
</tbody></table>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a[data-line]');
    if (!a) return;
    event.preventDefault();
    vscode.postMessage({ side: a.dataset.side, line: Number(a.dataset.line) });
  });
</script>
</body></html>`;
}

async function compareWithLastYear(client: LanguageClient): Promise<void> {
  const doc = activePlan();
  if (!doc) return;
  const previous = await client.sendRequest<{ uri: string } | null>(PREVIOUS_PLAN_REQUEST, { uri: doc.uri.toString() });
  let oldUri = previous ? vscode.Uri.parse(previous.uri) : undefined;
  if (!oldUri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      defaultUri: doc.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(doc.uri, '..'),
      filters: { [say('client.compare.planFilter')]: ['txt', 'md', 'plan'] },
      openLabel: say('client.compare.pickLabel'),
      title: say('client.compare.pickTitle'),
    });
    oldUri = picked?.[0];
  }
  if (!oldUri) return;
  let result: CompareResult;
  try {
    result = await client.sendRequest<CompareResult>(COMPARE_REQUEST, { oldUri: oldUri.toString(), newUri: doc.uri.toString() });
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return;
  }
  const panel = vscode.window.createWebviewPanel('workplan.compare', say('compare.title', result.newName), vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = comparisonHtml(result, panel.webview);
  const uris = { old: vscode.Uri.parse(result.oldUri), new: vscode.Uri.parse(result.newUri) };
  panel.webview.onDidReceiveMessage(async (message: { side?: unknown; line?: unknown }) => {
    const uri = message.side === 'old' ? uris.old : message.side === 'new' ? uris.new : undefined;
    if (!uri || typeof message.line !== 'number' || message.line < 1) return;
    const at = new vscode.Position(message.line - 1, 0);
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
  });
}

export function registerTaskCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('workplan.exportTaskTable', () => exportTaskTable(client)),
    vscode.commands.registerCommand('workplan.compareWithLastYear', () => compareWithLastYear(client)),
  );
}
