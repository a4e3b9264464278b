// The corpus over stdio: the first hover after start has its links, a restart with a cache folder
// reads nothing again, a disk root or home folder is refused with a message, a symlink that leads out
// of the workspace stays out even when reported after start, and requests are answered while a large
// plan is indexed.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { LspClient, Notification } from '../helpers/lspClient';
import { seed, seeds } from '../helpers/seeds';

/** The index's log line, in the client's language: Chinese, as these clients name no locale. */
const indexLog = (n: Notification) => n.method === 'window/logMessage' && /相关举措索引/.test(n.params.message);

/** Hovers the first measure about 招商 in 江苏路's plan, opened just now. */
async function firstHover(client: LspClient): Promise<string> {
  const s = seed('江苏路');
  const uri = pathToFileURL(s.path).href;
  await client.open(uri, s.text);
  const line = s.text.split('\n').findIndex((l) => l.includes('招商引资'));
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
  return hover ? (hover.contents as MarkupContent).value : '';
}

function plans(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  seeds().slice(0, count).forEach((s, i) => writeFileSync(path.join(dir, `计划${i}.txt`), s.text.replace(/^.*$/m, `第${i}街道 2026 年工作计划`)));
}

describe('protocol: the corpus', function () {
  this.timeout(60000);
  const made: string[] = [];
  const temp = (prefix: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('answers the first hover after start with links: it waits for the shipped plans', async () => {
    const client = await LspClient.start({});
    try {
      const md = await firstHover(client);
      assert.ok(/\]\(file:[^)]*#L\d+/.test(md), md);
    } finally {
      await client.stop();
    }
  });

  it('keeps the index in a cache folder: a restart reads no plan again, and hovers as before', async () => {
    const workspace = temp('workplan-cached-ws-');
    const cacheFolder = temp('workplan-cache-');
    plans(workspace, 3);
    const folders = [{ uri: pathToFileURL(workspace).href, name: 'ws' }];
    const runs: { log: string; hover: string }[] = [];
    for (let run = 0; run < 2; run++) {
      const client = await LspClient.start({}, { cacheFolder }, undefined, folders);
      try {
        assert.ok((await firstHover(client)).includes('](file:'));
        const log = (await client.waitFor(indexLog, 30000)).params.message as string;
        // Asked again once every plan is in: the answer of the whole corpus.
        const s = seed('江苏路');
        const line = s.text.split('\n').findIndex((l) => l.includes('招商引资'));
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: pathToFileURL(s.path).href }, position: { line, character: 4 } });
        runs.push({ log, hover: (hover.contents as MarkupContent).value });
      } finally {
        await client.stop();
      }
    }
    // 3 workspace plans and 4 seeds (the open one is the editor's): all read the first time, none the second.
    assert.ok(/，0 个取自缓存，7 个重新读取/.test(runs[0].log), runs[0].log);
    assert.ok(/，7 个取自缓存，0 个重新读取/.test(runs[1].log), runs[1].log);
    assert.strictEqual(runs[1].hover, runs[0].hover);
  });

  it('refuses a disk root and the home folder as corpus folders, and says so', async () => {
    const client = await LspClient.start({ workspace: { configuration: true } });
    client.settings = { corpus: { paths: [path.parse(os.homedir()).root, '~'] } };
    try {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const log = (n: Notification) => indexLog(n) && n.params.message.includes('：5 份计划');
      await client.waitFor((n) => client.notifications.filter(indexLog).length >= 2 && log(n), 30000);
      const warnings = client.notifications.filter((n) => n.method === 'window/showMessage' && n.params.type === 2).map((n) => n.params.message as string);
      assert.ok(warnings.some((m) => m.includes('整个磁盘的根目录')), warnings.join('\n'));
      assert.ok(warnings.some((m) => m.includes(os.homedir()) && m.includes('用户主目录')), warnings.join('\n'));
      // Told once per folder, however often the settings change.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitFor(() => client.notifications.filter(indexLog).length >= 3, 30000);
      assert.strictEqual(client.notifications.filter((n) => n.method === 'window/showMessage').length, 2);
    } finally {
      await client.stop();
    }
  });

  it('keeps a symlink that leads out of the workspace out, when it is made and reported after start', async () => {
    const workspace = temp('workplan-link-ws-');
    const outside = temp('workplan-link-out-');
    // Lone measures in bold, the evidence the parser takes for a run-in measure.
    const secret = ['秘密镇 2026 年工作计划', '一、守护秘密家园', '**建好秘密驿站。**在镇外的文件夹里，不属于工作区。'].join('\n');
    const mine = ['本镇 2026 年工作计划', '一、守护绿色家园', '**建好零工驿站。**开展失业人员排摸和职业技能培训。'].join('\n');
    writeFileSync(path.join(outside, '秘密计划.txt'), secret);
    const client = await LspClient.start({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, undefined, undefined, [
      { uri: pathToFileURL(workspace).href, name: 'ws' },
    ]);
    try {
      await client.waitFor(indexLog, 30000);
      const link = path.join(workspace, '链接计划.txt');
      symlinkSync(path.join(outside, '秘密计划.txt'), link);
      const own = path.join(workspace, '本镇计划.txt');
      writeFileSync(own, mine);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: pathToFileURL(link).href, type: 1 },
          { uri: pathToFileURL(own).href, type: 1 },
        ],
      });
      const deadline = Date.now() + 20000;
      while (!(await client.request<SymbolInformation[]>('workspace/symbol', { query: '建好零工驿站' })).length) {
        assert.ok(Date.now() < deadline, 'the plan inside the workspace is indexed');
        await new Promise((r) => setTimeout(r, 50));
      }
      // The link was reported first: by now it has been dealt with, and left out.
      assert.deepStrictEqual(await client.request<SymbolInformation[]>('workspace/symbol', { query: '建好秘密驿站' }), []);
    } finally {
      await client.stop();
    }
  });

  it('answers requests while a plan of megabytes is indexed', async () => {
    const workspace = temp('workplan-big-plan-');
    const body = seeds()
      .map((s) => s.text.replace(/^.*$/m, ''))
      .join('\n');
    const sections: string[] = ['大镇 2026 年工作计划'];
    for (let k = 0; sections.join('\n').length < 1_000_000; k++) sections.push(`${'一二三四五六七八九'[k % 9]}、第${k}部分`, body);
    writeFileSync(path.join(workspace, '大计划.txt'), sections.join('\n'));
    const client = await LspClient.start({}, undefined, undefined, [{ uri: pathToFileURL(workspace).href, name: 'big' }]);
    try {
      const md = await firstHover(client);
      assert.ok(md.includes('](file:'), 'the shipped plans answer');
      const uri = pathToFileURL(seed('江苏路').path).href;
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
      assert.ok(!client.notifications.some(indexLog), 'answered before the large plan was indexed');
      await client.waitFor(indexLog, 60000);
    } finally {
      await client.stop();
    }
  });
});
