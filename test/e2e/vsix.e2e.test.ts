// The packaged .vsix in a real VS Code (code-server in Debian's chromium), checked through the UI a
// user sees. `npm run test:e2e` builds and packages first; every step leaves a screenshot in test-results/e2e/.
import * as assert from 'assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createPlanWorkspace, expectedOutline, firstSectionFold, measureOn, OutlineEntry, PlanWorkspace, seedPlaces } from '../helpers/planWorkspace';
import { ROOT, seed } from '../helpers/seeds';
import { until } from './processes';
import { RealEditor } from './realEditor';
import { activeTab, cursorStatus, gotoLine, gutterRow, openFile, pointOfText, renderedLineNumbers, RESULTS, runCommand, screenshot } from './workbench';

const VSIX = path.join(ROOT, 'workplan.vsix');

describe('the .vsix in a real VS Code (code-server + chromium)', function () {
  let root: string;
  let editor: RealEditor;
  let ws: PlanWorkspace;

  before(async function () {
    const missing = RealEditor.missingSetup();
    assert.ok(!missing, missing);
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    rmSync(RESULTS, { recursive: true, force: true });
    root = mkdtempSync(path.join(os.tmpdir(), 'workplan-e2e-'));
    ws = createPlanWorkspace(path.join(root, 'workspace'));
    editor = new RealEditor(root);
    const installed = editor.installExtension(VSIX);
    // The install unpacked what users get: the bundled server and the sample plans.
    for (const file of ['server/out/server.js', 'client/out/extension.js', `seeds/${seed('五角场').name}`]) {
      assert.ok(existsSync(path.join(installed, file)), `the installed extension lacks ${file}`);
    }
    await editor.start(ws.dir);
  });

  afterEach(async function () {
    // A failed step leaves a picture of the screen it failed on.
    if (this.currentTest?.state === 'failed' && editor?.page) {
      await screenshot(editor.page, `failed-${this.currentTest.title.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async function () {
    await editor?.stop();
    if (root && process.env.KEEP_E2E !== '1') rmSync(root, { recursive: true, force: true });
  });

  it('shows the zh-CN name, description and icon in the Extensions view', async function () {
    const { page } = editor;
    const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    await runCommand(page, 'Extensions: Show Installed Extensions');
    const item = page.locator('.extension-list-item').filter({ has: page.locator('.name', { hasText: nls.displayName }) });
    await item.waitFor({ timeout: 30000 });
    assert.strictEqual(await item.locator('.description').textContent(), nls.description);
    await until('the icon to load', () => item.locator('img.icon').evaluate((img) => (img as any).complete && (img as any).naturalWidth === 128), 10000);
    // Its page shows the README and the changelog that were packaged.
    await item.click();
    await page.locator('.extension-editor .header .name', { hasText: nls.displayName }).waitFor({ timeout: 15000 });
    const readmeTitle = /^# (.+)$/m.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))![1];
    // The README renders in a webview, a frame of its own.
    await until(
      'the README on the extension page',
      async () => {
        for (const frame of page.frames()) if (await frame.locator('h1', { hasText: readmeTitle }).count()) return true;
        return false;
      },
      30000,
    );
    await screenshot(page, '0-extension');
    await page.keyboard.press('Control+W');
  });

  it('lists the headings of a seed in the Outline view, in order', async function () {
    const { page } = editor;
    const plan = seed('五角场');
    const expected = expectedOutline(plan.text);
    await openFile(page, plan.name);
    await runCommand(page, 'Explorer: Focus on Outline View');
    // Fold the file list so the Outline view has the side bar's height.
    const folders = page.locator('.pane-header[aria-label^="Explorer Section"][aria-expanded="true"]');
    if (await folders.count()) await folders.first().click();
    const rows = page.locator('.outline-pane .monaco-list-row');
    await until('the outline to list the first heading', async () => (await rows.first().locator('.label-name').textContent()) === expected[0].name, 30000);

    // The tree renders only the rows on screen: walk it with the keyboard, as a user would scroll.
    await rows.first().click();
    const focused = page.locator('.outline-pane .monaco-list-row.focused');
    const focusAt = (index: number) => until(`outline row ${index} to take the focus`, async () => Number(await focused.getAttribute('data-index')) === index, 5000);
    await page.keyboard.press('End');
    const count = await until('End to focus the last outline row', async () => Number(await focused.getAttribute('data-index')) + 1 || undefined, 5000);
    assert.ok(count > 1, 'the outline lists more than one row');
    await page.keyboard.press('Home');
    const listed: OutlineEntry[] = [];
    for (let index = 0; index < count; index++) {
      if (index > 0) await page.keyboard.press('ArrowDown');
      await focusAt(index);
      listed.push({ depth: Number(await focused.getAttribute('aria-level')), name: (await focused.locator('.label-name').textContent()) ?? '' });
    }
    await page.keyboard.press('Home');
    await screenshot(page, '1-outline');
    assert.deepStrictEqual(listed, expected);
  });

  it('collapses a section with its folding control', async function () {
    const { page } = editor;
    const plan = seed('新华路');
    const fold = firstSectionFold(plan.text);
    const [start, end] = [fold.startLine + 1, fold.endLine + 1];
    await openFile(page, plan.name);
    await gotoLine(page, start);
    const control = gutterRow(page, start).locator('.codicon-folding-expanded');
    await control.waitFor({ timeout: 30000 });
    const before = await renderedLineNumbers(page);
    assert.ok(before.includes(start + 1) && before.includes(end + 1), `lines ${start + 1} and ${end + 1} are shown before folding`);
    await control.click();
    await gutterRow(page, start).locator('.codicon-folding-collapsed').waitFor({ timeout: 10000 });
    const shown = await until('the folded lines to disappear', async () => {
      const lines = await renderedLineNumbers(page);
      return lines.some((n) => n > start && n <= end) ? undefined : lines;
    });
    await screenshot(page, '2-folding');
    assert.ok(shown.includes(start) && shown.includes(end + 1), `line ${start} and line ${end + 1} stay visible around the fold`);
  });

  it('shows a numbering warning for an injected fault in Problems, and its quick fix restores the text', async function () {
    const { page } = editor;
    const { fault } = ws;
    await openFile(page, path.basename(fault.path));
    await page.keyboard.press('Control+Shift+M');
    const problem = page
      .locator('.markers-panel .monaco-list-row')
      .filter({ has: page.locator('.marker-source', { hasText: /^workplan$/ }) })
      .filter({ has: page.locator('.marker-code', { hasText: 'numbering.skipped' }) });
    await problem.first().waitFor({ timeout: 30000 });
    await screenshot(page, '3-problems');
    assert.strictEqual(await problem.count(), 1, 'one fault, one diagnostic');
    const message = (await problem.locator('.marker-message').textContent()) ?? '';
    assert.match(message, /[\u4e00-\u9fff]/, `the message is Chinese: ${message}`);
    assert.ok(message.includes('三') && message.includes('四'), `the message names what was expected and found: ${message}`);
    assert.match((await problem.locator('.marker-line').textContent()) ?? '', new RegExp(`Ln ${fault.line + 1}, Col 1\\b`));

    await problem.click();
    await problem.locator('.markers-panel-action-quickfix:not(.disabled)').click({ timeout: 30000 });
    const fix = page.locator('.context-view .action-menu-item').first();
    await fix.waitFor();
    await screenshot(page, '4-quick-fix-menu');
    await fix.click();
    await problem.first().waitFor({ state: 'detached', timeout: 30000 });
    await page.keyboard.press('Control+S');
    await until('the fixed document to be saved', () => readFileSync(fault.path, 'utf8') === fault.original, 15000);
    await page.mouse.move(0, 0);
    await screenshot(page, '5-quick-fix-applied');
  });

  it('hovers a measure title with five related measures from other streets, all in view, and a link opens that plan with the measure selected', async function () {
    const { page } = editor;
    const plan = seed('五角场');
    const places = seedPlaces();
    const here = places.get(plan.name);
    const measure = measureOn(plan.text, '招商');
    await openFile(page, plan.name);
    await gotoLine(page, measure.line + 1);
    await page.keyboard.press('Escape');
    const point = await pointOfText(page, measure.line + 1, measure.title.slice(0, 2));
    const hover = page.locator('.monaco-hover:visible').filter({ hasText: '·' });
    await until(
      'a hover listing related measures',
      async () => {
        await page.mouse.move(point.x, point.y - 6);
        await page.mouse.move(point.x, point.y);
        return (await hover.count()) > 0;
      },
      30000,
    );
    await screenshot(page, '6-hover');
    const text = (await hover.first().textContent()) ?? '';
    const others = [...new Set(places.values())].filter((p) => p && p !== here && text.includes(p));
    assert.ok(others.length > 0, `the hover names a street other than ${here}: ${text}`);
    // Five measures, and the hover needs no scrolling to show them (a default 1400×900 window).
    const links = await hover.first().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.strictEqual(links.filter((href) => /^(file|vscode-remote):/.test(href)).length, 5, JSON.stringify(links));
    const scroll = await hover.first().locator('.monaco-scrollable-element').first().evaluate((el) => {
      const content = (el as any).firstElementChild;
      return { content: content.scrollHeight, shown: el.clientHeight };
    });
    assert.ok(scroll.content <= scroll.shown + 1, `the hover scrolls: ${JSON.stringify(scroll)}`);

    // A link to another street's plan, with the heading to select: #Lline,col-Lline,col.
    const target = links
      // The server links with file: URIs; code-server shows them as the remote's vscode-remote: URIs.
      .filter((href) => /^(file|vscode-remote):/.test(href))
      .map((href) => {
        // code-server shows the fragment's commas escaped (%2C); VS Code reads the fragment decoded.
        const m = /#L(\d+),(\d+)-L(\d+),(\d+)$/.exec(decodeURIComponent(href));
        return { href, file: path.basename(decodeURIComponent(new URL(href).pathname)), line: Number(m?.[1]), from: Number(m?.[2]), to: Number(m?.[4]) };
      })
      .find((l) => l.line > 0 && others.some((p) => l.file.includes(p.replace(/街道$|镇$/, ''))));
    assert.ok(target, `a link with #Lline,col-Lline,col to another street's plan among ${JSON.stringify(links)}`);
    await hover.first().locator(`a[data-href="${target.href}"], a[href="${target.href}"]`).first().click();
    await activeTab(page, target.file).waitFor({ timeout: 15000 });
    const expected = `Ln ${target.line}, Col ${target.to} (${target.to - target.from} selected)`;
    await until(`the heading selected: ${expected}`, async () => (await cursorStatus(page)) === expected, 10000);
    await screenshot(page, '7-hover-link-opened');
  });

  it("passes test/electron's vscode-API suite inside code-server's extension host", async function () {
    this.timeout(180000);
    const second = createPlanWorkspace(path.join(root, 'workspace-api'));
    const page = await editor.runExtensionTests(second.dir);
    const results = await until('the suite to write its results', () => existsSync(editor.extensionTestResults) && JSON.parse(readFileSync(editor.extensionTestResults, 'utf8')), 150000);
    await page.screenshot({ path: path.join(RESULTS, '8-extension-host-suite.png') });
    await page.close();
    const failed = results.outcomes.filter((o: { state: string }) => o.state !== 'passed');
    assert.strictEqual(results.language, 'zh-cn', 'the extension host runs in the zh-cn locale');
    assert.ok(results.outcomes.length >= 4, `the suite ran: ${JSON.stringify(results.outcomes)}`);
    assert.deepStrictEqual(failed, [], 'every vscode-API check passes');
  });
});
