import * as assert from 'assert';
import { Workbook } from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { COMPARE_REQUEST, CompareResult, PREVIOUS_PLAN_REQUEST, TASK_TABLE_REQUEST, TaskTableResult } from '../../server/src/lsp/tasks';
import { LspClient } from '../helpers/lspClient';
import { parseCsv, PLAN_2024, PLAN_2025 } from '../helpers/taskPlans';

describe('protocol: task table and comparison requests', function () {
  let dir: string;
  let client: LspClient;
  let oldUri: string;
  let newUri: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'workplan-tasks-lsp-'));
    for (const plan of [PLAN_2024, PLAN_2025]) copyFileSync(plan, path.join(dir, path.basename(plan)));
    [oldUri, newUri] = [PLAN_2024, PLAN_2025].map((p) => pathToFileURL(path.join(dir, path.basename(p))).href);
    client = await LspClient.start({}, undefined, 'zh-cn', [{ uri: pathToFileURL(dir).href, name: 'plans' }]);
    // The index's log line: bilingual here, in the client's language where the catalogue words it.
    await client.waitFor((n) => n.method === 'window/logMessage' && /相关举措索引|Related-measures index/.test(n.params.message), 20000);
    // This year's plan open with an edit not yet saved: the server compares what the editor shows.
    await client.open(newUri, readFileSync(PLAN_2025, 'utf8').replace('培育数字经济', '培育数字经济新业态'));
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds last year’s plan of the same place in the corpus', async () => {
    assert.deepStrictEqual(await client.connection.sendRequest(PREVIOUS_PLAN_REQUEST, { uri: newUri }), { uri: oldUri, name: path.basename(PLAN_2024) });
    // No plan of 2023 for the 2024 plan.
    await client.open(oldUri, readFileSync(PLAN_2024, 'utf8'));
    assert.strictEqual(await client.connection.sendRequest(PREVIOUS_PLAN_REQUEST, { uri: oldUri }), null);
    await client.close(oldUri);
  });

  it('compares the file on disk with the open document', async () => {
    const result = await client.connection.sendRequest<CompareResult>(COMPARE_REQUEST, { oldUri, newUri });
    assert.deepStrictEqual([result.oldName, result.newName], [path.basename(PLAN_2024), path.basename(PLAN_2025)]);
    assert.strictEqual(result.summary.continued.length, 12);
    assert.deepStrictEqual(result.summary.new.map((t) => t.title), ['培育数字经济新业态', '建设认知障碍友好社区']);
    assert.deepStrictEqual(result.summary.dropped.map((t) => t.title), ['盘活楼宇空间', '整治群租问题', '开展防汛演练']);
  });

  it('answers an unreadable plan with an error that says why, Chinese first', async () => {
    const missing = pathToFileURL(path.join(dir, '不存在.txt')).href;
    await assert.rejects(client.connection.sendRequest(COMPARE_REQUEST, { oldUri: missing, newUri }), /^Error: 工作计划：无法读取 不存在\.txt：无法读取：ENOENT/);
  });

  it('writes the open plan’s task table as xlsx and as CSV', async () => {
    const xlsx = await client.connection.sendRequest<TaskTableResult>(TASK_TABLE_REQUEST, { uri: newUri, format: 'xlsx', locale: 'zh-cn' });
    assert.strictEqual(xlsx.rows, 14);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.data, 'base64') as any);
    assert.strictEqual(workbook.worksheets[0].getCell('D5').value, '培育数字经济新业态');
    const csv = await client.connection.sendRequest<TaskTableResult>(TASK_TABLE_REQUEST, { uri: newUri, format: 'csv', locale: 'en' });
    const rows = parseCsv(Buffer.from(csv.data, 'base64').toString('utf8').replace(/^\ufeff/, ''));
    assert.deepStrictEqual([rows.length, rows[0][0], rows[3][3]], [15, 'No.', '培育数字经济新业态']);
  });
});
