// What a user does in the VS Code workbench, as Playwright steps; every wait polls with a deadline.
import { mkdirSync } from 'fs';
import * as path from 'path';
import { Locator, Page } from 'playwright-core';
import { ROOT } from '../helpers/seeds';
import { until } from './processes';

export const RESULTS = path.join(ROOT, 'test-results', 'e2e');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Opens a quick input with `key`, types `text`, then clicks the row `pick` finds, or presses Enter when
 * none is given. Retried while the row is missing: commands and files register while the workbench starts.
 */
async function quickInput(page: Page, key: string, text: string, pick?: (rows: Locator) => Locator): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = pick?.(page.locator('.quick-input-widget .quick-input-list .monaco-list-row')).first();
  await until(
    `"${text}" in the quick input`,
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press(key);
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.insertText(text);
      await until(`the quick input to read "${text}"`, async () => (await input.inputValue()).endsWith(text), 5000);
      if (!row) return true;
      await row.waitFor({ timeout: 3000 });
      return true;
    },
    30000,
  );
  if (row) await row.click();
  else await page.keyboard.press('Enter');
}

/** Quick Open (Ctrl+P) the workspace file `name`; resolves when its tab is the active one. */
export async function openFile(page: Page, name: string): Promise<void> {
  await quickInput(page, 'Control+P', name, (rows) => rows.filter({ has: page.locator('.label-name', { hasText: name.replace(/\.[^.]*$/, '') }) }));
  await activeTab(page, name).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

export function activeTab(page: Page, name: string): Locator {
  return page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
}

/** Runs a command from the Command Palette by its English title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', title, (rows) => rows.filter({ hasText: title }));
}

/** Go to Line (Ctrl+G), 1-based. */
export async function gotoLine(page: Page, line: number): Promise<void> {
  await quickInput(page, 'Control+G', String(line));
  await until(`the cursor on line ${line}`, async () => (await cursorLine(page)) === line, 10000);
}

/** The line of the cursor, from the status bar's `Ln N, Col M`. */
export async function cursorLine(page: Page): Promise<number | undefined> {
  const texts = await page.locator('.statusbar-item').allTextContents();
  const match = texts.map((t) => /Ln (\d+), Col \d+/.exec(t)).find(Boolean);
  return match ? Number(match[1]) : undefined;
}

/** The status bar's cursor item, `Ln 12, Col 20 (8 selected)`, as text. */
export async function cursorStatus(page: Page): Promise<string | undefined> {
  const texts = await page.locator('.statusbar-item').allTextContents();
  return texts.map((t) => t.trim()).find((t) => /^Ln \d+, Col \d+/.test(t));
}

/** The gutter row (line number, folding control) of a 1-based line, if it is rendered. */
export function gutterRow(page: Page, line: number): Locator {
  return page
    .locator('.editor-instance .margin-view-overlays > div')
    .filter({ has: page.locator('.line-numbers', { hasText: new RegExp(`^${line}$`) }) });
}

/** 1-based numbers of the lines the active editor shows, top to bottom. */
export async function renderedLineNumbers(page: Page): Promise<number[]> {
  const numbers = await page.locator('.editor-instance .margin-view-overlays .line-numbers').allTextContents();
  return numbers.filter((t) => /^\d+$/.test(t.trim())).map(Number).sort((a, b) => a - b);
}

/**
 * Screen point in the middle of the first character of `text` on a 1-based line of the active editor,
 * found through the rendered text nodes of that line (the line must be on screen).
 */
export async function pointOfText(page: Page, line: number, text: string): Promise<{ x: number; y: number }> {
  const top = await gutterRow(page, line).evaluate((el) => (el as any).style.top as string);
  const point = await page.evaluate(
    ({ top, text }) => {
      // Runs in the page; the project compiles without the DOM library, so the page is reached untyped.
      const doc = (globalThis as any).document;
      const px = (el: any) => parseFloat(el.style.top);
      const all = (selector: string): any[] => [...doc.querySelectorAll(selector)];
      // With word wrap a line spans several view lines: those from its top to the next numbered line.
      const lineTop = parseFloat(top);
      const numbered = all('.editor-instance .margin-view-overlays > div')
        .filter((d) => /^\d+$/.test(d.textContent?.trim() ?? ''))
        .map(px)
        .sort((a, b) => a - b);
      const next = numbered.find((t) => t > lineTop) ?? Infinity;
      const segments = all('.editor-instance .view-lines .view-line')
        .filter((v) => px(v) >= lineTop && px(v) < next)
        .sort((a, b) => px(a) - px(b));
      for (const segment of segments) {
        const walker = doc.createTreeWalker(segment, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(text);
          if (at < 0) continue;
          const range = doc.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const rect = range.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
      }
      return null;
    },
    { top, text },
  );
  if (!point) throw new Error(`"${text}" is not rendered on line ${line}`);
  return point;
}
