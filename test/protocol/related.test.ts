// Related measures over stdio: the corpus from the shipped seeds, a workspace folder and the
// `workplan.corpus.paths` setting; GB18030 and binary files; changes on disk; progress and watching.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Hover, Location, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lspClient';
import { seed } from '../helpers/seeds';

const WATCHING_CLIENT = {
  window: { workDoneProgress: true },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true }, workspaceFolders: true, configuration: true },
};

/** A plan of a street the seeds do not have, on waste sorting (垃圾分类) like several seeds. */
const GB_PLAN = [
  '测试镇 2026 年工作计划',
  '一、守护绿色家园',
  '（一）深化垃圾分类',
  '巩固垃圾分类实效。推进生活垃圾分类精品示范居住区建设，提高可回收物回收服务能级，落实林长制，开展巡林护绿。',
  '守护城市绿肺。开展口袋公园和街心绿地的日常养护，组织居民认养树木。',
].join('\r\n');

/** The same file after an edit on disk: the waste-sorting measure became one on the 12345 hotline. */
const GB_PLAN_EDITED = [
  '测试镇 2026 年工作计划',
  '一、守护绿色家园',
  '（一）办好市民热线',
  '压实热线工单首办责任。落实“12345”市民热线首办责任制，开展复杂工单精准研究，落实有效回访评价机制。',
  '提升诉求办理质效。建立诉求分类处置台账，每月通报办理情况。',
].join('\r\n');

const SETTING_PLAN = [
  '设置乡 2026 年工作要点',
  '一、稳就业促民生',
  '扩大就业服务圈。建设15分钟就业服务圈，开展失业人员排摸和职业技能培训，创建充分就业社区。',
  '做好困难群体帮扶。为零就业家庭成员提供公益性岗位，落实就业援助政策。',
].join('\n');

function hoverText(h: Hover | null): string {
  return h ? (h.contents as MarkupContent).value : '';
}

describe('protocol: related measures over stdio', function () {
  let client: LspClient;
  let workspace: string;
  let extra: string;
  let gbFile: string;
  let gbUri: string;

  async function symbols(query: string): Promise<SymbolInformation[]> {
    return client.request<SymbolInformation[]>('workspace/symbol', { query });
  }

  /** Polls workspace/symbol until `pred` holds: the watcher's effect is asynchronous (no fixed sleep). */
  async function until(query: string, pred: (s: SymbolInformation[]) => boolean): Promise<SymbolInformation[]> {
    const deadline = Date.now() + 10000;
    for (;;) {
      const found = await symbols(query);
      if (pred(found)) return found;
      if (Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'workplan-ws-'));
    extra = mkdtempSync(path.join(os.tmpdir(), 'workplan-extra-'));
    gbFile = path.join(workspace, '测试镇计划.txt');
    gbUri = pathToFileURL(gbFile).href;
    writeFileSync(gbFile, iconv.encode(GB_PLAN, 'gb18030'));
    writeFileSync(path.join(workspace, 'garbage.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    mkdirSync(path.join(workspace, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(workspace, 'node_modules', 'pkg', 'readme.txt'), GB_PLAN.replace('测试镇', '依赖镇'));
    mkdirSync(path.join(workspace, '.git'));
    writeFileSync(path.join(workspace, '.git', 'x.txt'), GB_PLAN.replace('测试镇', '仓库镇'));
    writeFileSync(path.join(workspace, 'README.md'), '# Notes\n\n1. Nothing here is a plan.\n2. Nor here.\n');
    writeFileSync(path.join(extra, '设置乡要点.md'), SETTING_PLAN);
    client = await LspClient.start(WATCHING_CLIENT, undefined, undefined, [{ uri: pathToFileURL(workspace).href, name: 'ws' }]);
    client.settings = { corpus: { paths: [extra] } };
    await client.waitFor((n) => n.method === 'window/logMessage' && n.params.message.includes('相关举措索引'), 20000);
  });

  after(async () => {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(extra, { recursive: true, force: true });
  });

  it('declares hover, references and workspace symbols statically', () => {
    const caps = client.initializeResult.capabilities;
    assert.strictEqual(caps.hoverProvider, true);
    assert.strictEqual(caps.referencesProvider, true);
    assert.strictEqual(caps.workspaceSymbolProvider, true);
  });

  it('shows work-done progress while the first index builds, and asks the client to watch plan files', () => {
    assert.ok(client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create'));
    const kinds = client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params.value.kind);
    assert.strictEqual(kinds[0], 'begin');
    assert.strictEqual(kinds[kinds.length - 1], 'end');
    const reg = client.serverRequests.find((r) => r.method === 'client/registerCapability');
    const watchers = reg?.params.registrations.find((r: any) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions.watchers;
    assert.ok(watchers?.some((w: any) => w.globPattern === '**/*.{txt,md,plan}'), JSON.stringify(reg));
    assert.ok(watchers?.some((w: any) => w.globPattern.baseUri === pathToFileURL(extra).href), 'the setting\'s folder too');
  });

  it('indexes the seeds, a GB18030 plan in the workspace and the setting\'s folder; skips binary files, node_modules and .git', async () => {
    assert.ok((await symbols('深化垃圾分类')).some((s) => s.location.uri === gbUri && s.containerName?.startsWith('测试镇 · 2026')));
    assert.ok((await symbols('扩大就业服务圈')).some((s) => s.containerName?.startsWith('设置乡 · 2026')));
    assert.ok((await symbols('强化平台招商')).some((s) => s.containerName?.startsWith('华阳路街道 · 2025')));
    const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message as string);
    assert.ok(logs.some((m) => m.includes('garbage.txt') && m.includes('跳过')), logs.join('\n'));
    assert.deepStrictEqual((await symbols('守护绿色家园')).map((s) => s.location.uri), [gbUri], 'not the copies in node_modules or .git');
    assert.ok(!(await symbols('Nothing here')).length, 'an English note is not a plan');
  });

  it('hovers a seed\'s measure with related units of other plans, never its own, and nothing on body text', async () => {
    const s = seed('五角场');
    const uri = pathToFileURL(s.path).href;
    await client.open(uri, s.text);
    const lines = s.text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('改良生态环境'));
    const md = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } }));
    assert.ok(md.includes(`](${gbUri}#L4,1-L4,9 `), md);
    assert.ok(md.includes('测试镇 · 2026'), md);
    assert.ok(!md.includes(`${uri}#L`), 'not the plan under the cursor');
    const body = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: line + 1, character: 4 } });
    assert.strictEqual(body, null);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line, character: 2 }, context: { includeDeclaration: false } });
    assert.ok(refs.some((r) => r.uri === gbUri && r.range.start.line === 3), JSON.stringify(refs));
    assert.ok(refs.every((r) => r.uri !== uri));
    await client.close(uri);
  });

  it('follows a plan changed on disk (didChangeWatchedFiles): the new measure in, the old one out', async () => {
    writeFileSync(gbFile, iconv.encode(GB_PLAN_EDITED, 'gb18030'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: gbUri, type: 2 }] });
    const found = await until('办好市民热线', (s) => s.length > 0);
    assert.deepStrictEqual(found.map((s) => s.location.uri), [gbUri]);
    assert.deepStrictEqual(await symbols('深化垃圾分类'), []);
    const s = seed('五角场');
    const uri = pathToFileURL(s.path).href;
    await client.open(uri, s.text);
    const line = s.text.split('\n').findIndex((l) => l.startsWith('提升热线工单办理质效'));
    const md = hoverText(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } }));
    assert.ok(md.includes('压实热线工单首办责任'), md);
    await client.close(uri);

    unlinkSync(gbFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: gbUri, type: 3 }] });
    assert.deepStrictEqual(await until('办好市民热线', (x) => x.length === 0), []);
  });

  it('follows a change of workplan.corpus.paths: the new folder in, the old one out', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'workplan-other-'));
    try {
      writeFileSync(path.join(other, '另一乡要点.txt'), SETTING_PLAN.replace('设置乡', '另一乡').replace('扩大就业服务圈', '建好零工驿站'));
      client.settings = { corpus: { paths: [other] } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.ok((await until('建好零工驿站', (s) => s.length > 0)).some((s) => s.containerName?.startsWith('另一乡 · 2026')));
      assert.deepStrictEqual(await until('扩大就业服务圈', (s) => !s.some((x) => x.containerName?.startsWith('设置乡'))).then((s) => s.filter((x) => x.containerName?.startsWith('设置乡'))), []);
    } finally {
      client.settings = { corpus: { paths: [extra] } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await until('扩大就业服务圈', (s) => s.some((x) => x.containerName?.startsWith('设置乡')));
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('indexes an open document as typed, and its file again once it is closed', async () => {
    const file = path.join(workspace, '草稿计划.txt');
    writeFileSync(file, SETTING_PLAN.replace('设置乡', '草稿镇'));
    const uri = pathToFileURL(file).href;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    assert.ok((await until('扩大就业服务圈', (s) => s.some((x) => x.location.uri === uri))).length);
    const draft = SETTING_PLAN.replace('设置乡', '草稿镇').replace('扩大就业服务圈', '打造就业驿站');
    await client.open(uri, draft);
    assert.ok((await until('打造就业驿站', (s) => s.length > 0)).some((x) => x.location.uri === uri));
    assert.ok(!(await symbols('扩大就业服务圈')).some((x) => x.location.uri === uri), 'the editor\'s text wins over the file');
    await client.close(uri);
    assert.ok((await until('扩大就业服务圈', (s) => s.some((x) => x.location.uri === uri))).length, 'back to the file on disk');
    assert.ok(!(await symbols('打造就业驿站')).length);
  });
});

describe('protocol: related measures on a large workspace', () => {
  it('answers requests while the first index is still building', async function () {
    this.timeout(60000);
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'workplan-big-'));
    const s = seed('华阳路街道2025年工作计划');
    for (let k = 0; k < 300; k++) writeFileSync(path.join(workspace, `plan${k}.txt`), s.text.replace('华阳路街道 2025 年工作计划', `第${k}街道 2025 年工作计划`));
    const client = await LspClient.start(WATCHING_CLIENT, undefined, undefined, [{ uri: pathToFileURL(workspace).href, name: 'big' }]);
    try {
      const isEnd = (n: { method: string; params: any }) => n.method === '$/progress' && n.params.value?.kind === 'end';
      await client.waitFor((n) => n.method === '$/progress' && n.params.value?.kind === 'report' && n.params.value.percentage >= 5, 30000);
      const uri = client.uri('open.plan');
      await client.open(uri, seed('江苏路').text);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
      assert.ok(!client.notifications.some(isEnd), 'answered before the index was complete');
      await client.waitFor(isEnd, 60000);
    } finally {
      await client.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

describe('protocol: related measures for a client without progress or watching', () => {
  it('builds the index without asking for progress or registering watchers, and logs in the client\'s language', async () => {
    const client = await LspClient.start({}, undefined, 'en');
    try {
      await client.waitFor((n) => n.method === 'window/logMessage' && n.params.message.includes('Related-measures index'), 20000);
      assert.ok(!client.serverRequests.some((r) => r.method === 'window/workDoneProgress/create' || r.method === 'client/registerCapability'));
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: '招商引资' });
      assert.ok(found.some((s) => s.containerName?.startsWith('江苏路街道 · 2024')), 'the seeds');
    } finally {
      await client.stop();
    }
  });
});
