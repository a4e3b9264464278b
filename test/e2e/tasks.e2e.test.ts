// The task table and the year-over-year comparison in a real VS Code (code-server in Debian's
// chromium), through the UI a user sees; screenshots in test-results/e2e/.
import * as assert from 'assert';
import { Workbook } from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers/seeds';
import { PLAN_2024, PLAN_2025 } from '../helpers/taskPlans';
import { until } from './processes';
import { RealEditor } from './realEditor';
import { activeTab, cursorLine, openFile, runCommand, screenshot } from './workbench';

const VSIX = path.join(ROOT, 'workplan.vsix');

describe('tasks in a real VS Code (code-server + chromium)', function () {
  let root: string;
  let workspace: string;
  let editor: RealEditor;

  before(async function () {
    const missing = RealEditor.missingSetup();
    assert.ok(!missing, missing);
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    root = mkdtempSync(path.join(os.tmpdir(), 'workplan-e2e-tasks-'));
    workspace = path.join(root, 'workspace');
    mkdirSync(workspace);
    for (const plan of [PLAN_2024, PLAN_2025]) copyFileSync(plan, path.join(workspace, path.basename(plan)));
    editor = new RealEditor(root);
    editor.installExtension(VSIX);
    await editor.start(workspace);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && editor?.page) {
      await screenshot(editor.page, `failed-tasks-${this.currentTest.title.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async function () {
    await editor?.stop();
    if (root && process.env.KEEP_E2E !== '1') rmSync(root, { recursive: true, force: true });
  });

  it('exports the task table of the open plan to an xlsx the user names', async function () {
    const { page } = editor;
    const name = path.basename(PLAN_2025);
    await openFile(page, name);
    await runCommand(page, '导出任务分解表');
    // code-server's save dialog is a quick input holding the proposed path: the plan's name as .xlsx.
    const input = page.locator('.quick-input-widget input');
    await until('the save dialog to propose the plan’s name', async () => (await input.inputValue()).endsWith(name.replace(/\.txt$/, '.xlsx')), 30000);
    await screenshot(page, 'tasks-1-save-dialog');
    await page.keyboard.press('Enter');
    const saved = path.join(workspace, name.replace(/\.txt$/, '.xlsx'));
    await until('the workbook to be written', () => existsSync(saved), 30000);
    await page.locator('.notifications-toasts', { hasText: '已导出任务分解表' }).waitFor({ timeout: 15000 });
    await screenshot(page, 'tasks-2-exported');
    const workbook = new Workbook();
    await until('the workbook to be complete', async () => workbook.xlsx.readFile(saved).then(() => true, () => false), 10000);
    const sheet = workbook.worksheets[0];
    assert.strictEqual(sheet.getCell('A1').value, '青石桥街道2025年工作计划任务分解表');
    assert.strictEqual(sheet.rowCount, 2 + 14, 'a title, a header and one row per task');
    assert.deepStrictEqual([sheet.getCell('D3').value, sheet.getCell('F3').value], ['深化平台招商', '经发办']);
  });

  it('compares the plan with last year’s from the workspace, side by side, each task linking to its line', async function () {
    const { page } = editor;
    await openFile(page, path.basename(PLAN_2025));
    // Without the side bar the two years have the room to stand side by side.
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, '与上一年计划对比');
    // The view is a webview: a frame of its own inside the workbench.
    const view = await until(
      'the comparison view',
      async () => {
        for (const frame of page.frames()) if (await frame.locator('h2', { hasText: '与上一年计划对比' }).count()) return frame;
        return undefined;
      },
      30000,
    );
    const text = (await view.locator('table').textContent()) ?? '';
    for (const expected of ['延续（12）', '新增（2）', '取消（3）', '强化平台招商', '深化平台招商', '走访重点企业150家', '走访重点企业200家', path.basename(PLAN_2024)]) {
      assert.ok(text.includes(expected), `the view shows ${expected}`);
    }
    await screenshot(page, 'tasks-3-compare');
    await view.locator('a[data-line]', { hasText: '盘活楼宇空间' }).click();
    await activeTab(page, path.basename(PLAN_2024)).waitFor({ timeout: 15000 });
    await until('the cursor on the dropped task’s line', async () => (await cursorLine(page)) === 9, 10000);
    await screenshot(page, 'tasks-4-compare-link-opened');
  });
});
