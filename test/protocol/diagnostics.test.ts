import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../helpers/lspClient';
import { SEEDS_DIR, seed } from '../helpers/seeds';

const C = seed('新华路').text;
/** Seed 新华路 with one section dropped: 一、三、四、五、. */
const SKIPPED = C.replace('二、强化服务思维', '三、强化服务思维').replace('三、强化精细思维', '四、强化精细思维').replace('四、强化底线思维', '五、强化底线思维');
const PULL = { textDocument: { diagnostic: {} } };

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'workplan', 1, text), edits);
}

function numbering(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => String(d.code).startsWith('numbering.'));
}

describe('protocol: diagnostics pushed to a client that cannot pull them', function () {
  let client: LspClient;
  before(async () => (client = await LspClient.start({})));
  after(async () => client.stop());

  it('declares code actions and the renumber command but no diagnostic provider', () => {
    const caps = client.initializeResult.capabilities;
    assert.strictEqual(caps.diagnosticProvider, undefined);
    assert.deepStrictEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.workplan']);
    assert.deepStrictEqual(caps.executeCommandProvider.commands, ['workplan.renumber']);
    assert.strictEqual(caps.textDocumentSync.willSaveWaitUntil, true);
  });

  it('publishes on open and again after every change', async () => {
    const uri = client.uri('push.plan');
    await client.open(uri, SKIPPED);
    const first = numbering((await client.pushedDiagnostics(uri, 1)) as Diagnostic[]);
    assert.deepStrictEqual(first.map((d) => [d.code, d.source, d.severity, d.message]), [['numbering.skipped', 'workplan', 2, '序号不连续：此处应为“二、”，实为“三、”']]);
    const line = C.split('\n').findIndex((l) => l.startsWith('二、强化服务思维'));
    assert.deepStrictEqual(first[0].range, { start: { line, character: 0 }, end: { line, character: 2 } });
    assert.strictEqual((first[0].data as { expected: string }).expected, '二、');
    await client.change(uri, [{ text: C }]);
    assert.deepStrictEqual(numbering((await client.pushedDiagnostics(uri, 2)) as Diagnostic[]), []);
  });

  it('takes its settings from initializationOptions and didChangeConfiguration', async () => {
    const configured = await LspClient.start({}, { workplan: { hygiene: { enabled: false } } });
    try {
      const uri = configured.uri('configured.plan');
      await configured.open(uri, SKIPPED);
      const pushed = (await configured.pushedDiagnostics(uri, 1)) as Diagnostic[];
      assert.ok(pushed.length > 0 && pushed.every((d) => !String(d.code).startsWith('text.')));
      const before = configured.notifications.length;
      await configured.connection.sendNotification('workspace/didChangeConfiguration', { settings: { workplan: { diagnostics: { severity: { 'numbering.skipped': 'error' } } } } });
      const again = await configured.waitFor((n) => configured.notifications.indexOf(n) >= before && n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
      assert.strictEqual(numbering(again.params.diagnostics)[0].severity, 1);
      assert.ok((again.params.diagnostics as Diagnostic[]).some((d) => String(d.code).startsWith('text.')), 'the new settings replace the old');
    } finally {
      await configured.stop();
    }
  });
});

describe('protocol: diagnostics pulled by a client that can', function () {
  let client: LspClient;
  before(async () => (client = await LspClient.start({ ...PULL, workspace: { configuration: true } })));
  after(async () => client.stop());

  it('declares a diagnostic provider and answers textDocument/diagnostic', async () => {
    assert.deepStrictEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'workplan', interFileDependencies: false, workspaceDiagnostics: false });
    const uri = client.uri('pull.plan');
    await client.open(uri, SKIPPED);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(numbering(report.items).map((d) => d.code), ['numbering.skipped']);
  });

  it('asks workspace/configuration for the document and applies what it gets', async () => {
    client.settings = { diagnostics: { severity: { 'numbering.skipped': 'error', 'text.halfWidth': 'off' } } };
    const uri = client.uri('pull-configured.plan');
    await client.open(uri, SKIPPED);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.strictEqual(numbering(report.items)[0].severity, 1);
    assert.ok(!report.items.some((d: Diagnostic) => d.code === 'text.halfWidth'));
    const asked = client.serverRequests.find((r) => r.method === 'workspace/configuration' && r.params.items[0].scopeUri === uri);
    assert.deepStrictEqual(asked?.params.items, [{ scopeUri: uri, section: 'workplan' }]);
    client.settings = null;
  });

  it('offers the quick fix that gives back the original text, and a fix-all for the hygiene family', async () => {
    const uri = client.uri('fix.plan');
    await client.open(uri, SKIPPED);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const fault = numbering(report.items)[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: fault.range, context: { diagnostics: [fault] } });
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['从此处起重新编号（改为“二、”，其后各项顺延）', 'quickfix', true],
      ['工作计划：重新编号', 'source.fixAll.workplan', undefined],
    ]);
    assert.strictEqual(apply(SKIPPED, actions[0].edit!.changes![uri]), C);
    // A plan in half-width punctuation throughout: one finding, whose fix counts the marks it changes.
    const [whole, ...others] = report.items.filter((d: Diagnostic) => d.code === 'text.halfWidth');
    assert.deepStrictEqual(others, []);
    const changed = (await quickFixes(uri, whole))[0];
    const count = changed.edit!.changes![uri].length;
    assert.ok(count > 100, `${count} marks`);
    assert.deepStrictEqual(changed.title, `将全文半角标点改为全角（${count} 处）`);
    assert.ok(!apply(SKIPPED, changed.edit!.changes![uri]).includes('强化改革思维,'));
  });

  it('offers a fix-all beside a single half-width mark in a mixed plan, counting the marks it changes', async () => {
    const uri = client.uri('mixed.plan');
    const D = seed('江苏路').text;
    const mixed = D.replace('关键一年，', '关键一年,').replace('强领导下，', '强领导下,').replace('想为指导，', '想为指导,');
    await client.open(uri, mixed);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const commas = report.items.filter((d: Diagnostic) => d.code === 'text.halfWidth');
    assert.deepStrictEqual(commas.map((d: Diagnostic) => d.range.end.character - d.range.start.character), [1, 1, 1], 'one finding per mark, on the mark');
    const actions = await quickFixes(uri, commas[0]);
    assert.deepStrictEqual(actions.map((a) => a.title), ['改为全角“，”', '修复本文件全部半角标点（3 处）']);
    assert.strictEqual(apply(mixed, actions[1].edit!.changes![uri]), D);
  });

  async function quickFixes(uri: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  }

  it('renumbers the whole document as source.fixAll.workplan and through workspace/executeCommand', async () => {
    const uri = client.uri('renumber.plan');
    await client.open(uri, SKIPPED);
    const [action, ...rest] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.workplan'] },
    });
    assert.deepStrictEqual([action.title, action.kind, rest.length], ['工作计划：重新编号', 'source.fixAll.workplan', 0]);
    assert.strictEqual(apply(SKIPPED, action.edit!.changes![uri]), C);
    await client.request('workspace/executeCommand', { command: 'workplan.renumber', arguments: [uri] });
    const applied = client.serverRequests.filter((r) => r.method === 'workspace/applyEdit').pop()!;
    assert.strictEqual(applied.params.label, '工作计划：重新编号');
    assert.strictEqual(apply(SKIPPED, applied.params.edit.changes[uri]), C);
  });

  it('renumbers on save only when workplan.renumberOnSave is on', async () => {
    const uri = client.uri('save.plan');
    await client.open(uri, SKIPPED);
    const off = await client.request<TextEdit[]>('textDocument/willSaveWaitUntil', { textDocument: { uri }, reason: 1 });
    assert.deepStrictEqual(off, []);
    client.settings = { renumberOnSave: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const on = await client.request<TextEdit[]>('textDocument/willSaveWaitUntil', { textDocument: { uri }, reason: 1 });
    assert.strictEqual(apply(SKIPPED, on), C);
    client.settings = null;
  });
});

describe('protocol: an English client', function () {
  it('gets its messages and titles in English', async () => {
    const client = await LspClient.start(PULL, undefined, 'en-US');
    try {
      const uri = client.uri('english.plan');
      await client.open(uri, SKIPPED);
      const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      const fault = numbering(report.items)[0];
      assert.strictEqual(fault.message, 'Numbering skips: expected "二、", found "三、"');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: fault.range, context: { diagnostics: [fault] } });
      assert.ok(actions.some((a) => a.title === 'Workplan: Renumber'));
    } finally {
      await client.stop();
    }
  });
});

describe('protocol: a plan shipped with the extension is read, not checked', function () {
  const shipped = pathToFileURL(seed('新华路').path).href;

  it('answers no diagnostics for a shipped seed opened from a link, and all of them where its folder is a workspace folder', async () => {
    // A folder of its own: the temporary folder itself may hold this clone, and then the seeds too.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'workplan-ws-'));
    const outside = await LspClient.start(PULL, undefined, undefined, [{ uri: pathToFileURL(elsewhere).href, name: 'elsewhere' }]);
    const inside = await LspClient.start(PULL, undefined, undefined, [{ uri: pathToFileURL(SEEDS_DIR).href, name: 'seeds' }]);
    try {
      const diagnose = async (client: LspClient) => {
        await client.open(shipped, SKIPPED);
        return (await client.request('textDocument/diagnostic', { textDocument: { uri: shipped } })).items as Diagnostic[];
      };
      assert.deepStrictEqual(await diagnose(outside), []);
      assert.deepStrictEqual(numbering(await diagnose(inside)).map((d) => d.code), ['numbering.skipped']);
      // Any other file with the same text is checked as ever.
      const copy = outside.uri('copy.plan');
      await outside.open(copy, SKIPPED);
      assert.deepStrictEqual(numbering((await outside.request('textDocument/diagnostic', { textDocument: { uri: copy } })).items).map((d) => d.code), ['numbering.skipped']);
    } finally {
      await outside.stop();
      await inside.stop();
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
