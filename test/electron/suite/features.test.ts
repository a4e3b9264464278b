// The extension's features through the vscode API, inside a real editor's extension host (VS Code
// via @vscode/test-electron, or code-server). The workspace is the one createPlanWorkspace writes.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { expectedOutline, firstSectionFold, measureOn, OutlineEntry, planWorkspaceAt, seedPlaces } from '../../helpers/planWorkspace';
import { seed } from '../../helpers/seeds';

/** Polls `probe` until it returns something truthy, failing with `what` after `timeoutMs`. */
async function until<T>(what: string, probe: () => Thenable<T | undefined> | T | undefined, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function workspace() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace written by createPlanWorkspace');
  return planWorkspaceAt(folder.uri.fsPath);
}

async function open(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  assert.strictEqual(doc.languageId, 'workplan', `${path.basename(file)} opens as a plan`);
  return doc;
}

/** Asks a provider command until the server, started on activation, answers. */
function ask<T>(command: string, ...args: unknown[]): Promise<T> {
  return until(`${command} to answer`, async () => {
    const result = await vscode.commands.executeCommand<T>(command, ...args);
    return Array.isArray(result) && result.length === 0 ? undefined : result;
  });
}

describe('Workplan through the vscode API', function () {
  this.timeout(60000);

  it('gives the outline of a seed as document symbols', async function () {
    const doc = await open(workspace().seedPath('五角场'));
    const symbols = await ask<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const listed: OutlineEntry[] = [];
    const walk = (list: vscode.DocumentSymbol[], depth: number) => {
      for (const s of list) {
        listed.push({ depth, name: s.name });
        walk(s.children, depth + 1);
      }
    };
    walk(symbols, 1);
    assert.deepStrictEqual(listed, expectedOutline(seed('五角场').text));
  });

  it('folds the first section of a seed', async function () {
    const doc = await open(workspace().seedPath('新华路'));
    const ranges = await ask<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const fold = firstSectionFold(seed('新华路').text);
    assert.ok(
      ranges.some((r) => r.start === fold.startLine && r.end === fold.endLine),
      `a range ${fold.startLine}-${fold.endLine} among ${JSON.stringify(ranges)}`,
    );
  });

  it('reports the injected numbering fault, and its quick fix gives back the original text', async function () {
    const { fault } = workspace();
    const doc = await open(fault.path);
    const numbering = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'workplan' && String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('numbering.'));
    const [diagnostic, ...more] = await until('a numbering diagnostic', () => (numbering().length ? numbering() : undefined));
    assert.strictEqual(more.length, 0, 'one fault, one diagnostic');
    assert.strictEqual(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code, 'numbering.skipped');
    assert.strictEqual(diagnostic.range.start.line, fault.line);
    if (vscode.env.language.startsWith('zh')) assert.match(diagnostic.message, /[\u4e00-\u9fff]/, `a Chinese message: ${diagnostic.message}`);
    assert.ok(diagnostic.message.includes(fault.expected) && diagnostic.message.includes(fault.found), diagnostic.message);

    // The last argument asks VS Code to resolve the actions' edits (servers may send them lazily).
    const actions = await ask<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => a.edit && (a.diagnostics ?? [diagnostic]).some((d) => d.message === diagnostic.message));
    assert.ok(fix, `a quick fix for the diagnostic among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix applies');
    assert.strictEqual(doc.getText(), fault.original);
    await until('the numbering diagnostic to clear', () => numbering().length === 0);
    // Leave the file as it was written for the next run in the same workspace.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('hovers a measure title with related measures from another street and a link to open them', async function () {
    const plan = seed('五角场');
    const doc = await open(workspace().seedPath('五角场'));
    const measure = measureOn(plan.text, '招商');
    const character = doc.lineAt(measure.line).text.indexOf(measure.title);
    const hovers = await ask<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(measure.line, character + 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const places = seedPlaces();
    const here = places.get(plan.name);
    const others = [...new Set(places.values())].filter((p) => p && p !== here && text.includes(p));
    assert.ok(others.length > 0, `the hover names a street other than ${here}: ${text}`);
    assert.match(text, /\]\(file:[^)\s]+#L\d+,\d+-L\d+,\d+[ )]/, 'a file: link with the heading to select');
  });

  it('finds related measures without the measure under the cursor, which the reference provider lists first', async function () {
    const plan = seed('五角场');
    const doc = await open(workspace().seedPath('五角场'));
    const measure = measureOn(plan.text, '招商');
    const position = new vscode.Position(measure.line, doc.lineAt(measure.line).text.indexOf(measure.title) + 1);
    const all = await ask<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position);
    assert.ok(all.some((l) => l.uri.toString() === doc.uri.toString() && l.range.contains(position)), 'the provider command asks for the declaration');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(position, position);
    // The command answers with what it showed in the peek view.
    const shown = await vscode.commands.executeCommand<vscode.Location[] | undefined>('workplan.findRelated');
    await vscode.commands.executeCommand('closeReferenceSearch');
    assert.ok(shown && shown.length > 0, 'related measures shown');
    assert.ok(shown.every((l) => !(l.uri.toString() === doc.uri.toString() && l.range.contains(position))), 'not the measure under the cursor');
  });

  it('exports a plan as a .docx with the command, and opens a .docx as a new untitled plan with the same outline', async function () {
    const plan = workspace().seedPath('华阳路街道2025年工作');
    const target = vscode.Uri.file(path.join(os.tmpdir(), `workplan-export-${process.pid}.docx`));
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('workplan.exportDocx', vscode.Uri.file(plan), target);
      assert.strictEqual(written?.toString(), target.toString());
      assert.deepStrictEqual([...(await vscode.workspace.fs.readFile(target)).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip');
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('workplan.openDocx', target);
      assert.ok(doc?.isUntitled, 'a new untitled document');
      assert.strictEqual(doc.languageId, 'workplan');
      assert.strictEqual(vscode.window.activeTextEditor?.document, doc, 'shown in the editor');
      const symbols = await ask<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      const listed: OutlineEntry[] = [];
      const walk = (list: vscode.DocumentSymbol[], depth: number) => list.forEach((s) => (listed.push({ depth, name: s.name }), walk(s.children, depth + 1)));
      walk(symbols, 1);
      assert.deepStrictEqual(listed, expectedOutline(seed('华阳路街道2025年工作').text));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
