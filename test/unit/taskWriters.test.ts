import * as assert from 'assert';
import { Workbook } from 'exceljs';
import { readFileSync } from 'fs';
import { uiText } from '../../server/src/service/l10n/messages';
import { rowCells, TASK_COLUMNS, taskTableOf } from '../../server/src/service/tasks/rows';
import { csvField, csvFormat, taskCsv } from '../../server/src/tasks/csv';
import { COLUMN_WIDTHS, HEADER_ROWS, linesIn, taskXlsx, xlsxFormat } from '../../server/src/tasks/xlsx';
import { seed } from '../helpers/seeds';
import { PLAN_2024 as PLAN, parseCsv } from '../helpers/taskPlans';
const HEADER = TASK_COLUMNS.map((c) => uiText(`tasks.column.${c}`, 'zh'));

describe('tasks: the xlsx workbook', () => {
  it('reads back cell by cell: title, header, one row per task, frozen header, widths, print set-up, borders', async () => {
    const text = readFileSync(PLAN, 'utf8');
    const table = taskTableOf(text, PLAN);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsxFormat.write({ file: PLAN, text })) as any);
    const sheet = workbook.worksheets[0];
    assert.strictEqual(sheet.name, '任务分解表');
    // The title row spans the table.
    assert.strictEqual(sheet.getCell('A1').value, '青石桥街道2024年工作计划任务分解表');
    assert.strictEqual(sheet.getCell('I1').master.address, 'A1');
    assert.strictEqual(sheet.getCell('A1').font.bold, true);
    assert.deepStrictEqual((sheet.getRow(HEADER_ROWS).values as unknown[]).slice(1), HEADER);
    assert.strictEqual(sheet.rowCount, HEADER_ROWS + table.rows.length);
    table.rows.forEach((row, i) => {
      const cells = (sheet.getRow(HEADER_ROWS + 1 + i).values as unknown[]).slice(1).map((v) => v ?? '');
      // Empty cells read back as missing; the rest is the row as written.
      assert.deepStrictEqual(cells.concat(Array(TASK_COLUMNS.length - cells.length).fill('')), rowCells(row), `row ${i + 1}`);
    });
    assert.deepStrictEqual(sheet.getRow(HEADER_ROWS + 1).getCell(6).value, '经发办');
    assert.deepStrictEqual(sheet.getRow(HEADER_ROWS + 1).getCell(9).value, '走访重点企业150家；新增注册企业80家');
    // A person prints it: frozen header repeated on every page, A4 landscape one page wide.
    assert.deepStrictEqual([sheet.views[0].state, (sheet.views[0] as { ySplit?: number }).ySplit], ['frozen', HEADER_ROWS]);
    assert.deepStrictEqual(sheet.columns.map((c) => c.width), TASK_COLUMNS.map((c) => COLUMN_WIDTHS[c]));
    const setup = sheet.pageSetup;
    assert.deepStrictEqual(
      [setup.paperSize, setup.orientation, setup.fitToPage, setup.fitToWidth, setup.fitToHeight, setup.printTitlesRow],
      [9, 'landscape', true, 1, 0, `${HEADER_ROWS}:${HEADER_ROWS}`],
    );
    assert.match(sheet.headerFooter.oddFooter ?? '', /&P.*&N/);
    for (const address of ['A2', 'I2', `A${sheet.rowCount}`, `E${sheet.rowCount}`]) {
      const cell = sheet.getCell(address);
      assert.deepStrictEqual(['top', 'left', 'bottom', 'right'].map((s) => (cell.border as Record<string, { style?: string }>)[s]?.style), ['thin', 'thin', 'thin', 'thin'], address);
      assert.strictEqual(cell.alignment.wrapText, true, address);
    }
  });

  it('writes every leaf of a seed as a row, text kept as text', async () => {
    const plan = seed('华阳路街道2025年工作计划');
    const table = taskTableOf(plan.text, plan.name);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await taskXlsx(table)) as any);
    const sheet = workbook.worksheets[0];
    assert.strictEqual(sheet.rowCount - HEADER_ROWS, table.rows.length);
    assert.strictEqual(sheet.getCell(`A${HEADER_ROWS + 1}`).value, '一.（一）.1');
    assert.strictEqual(sheet.getCell('A1').value, `${table.title}任务分解表`);
  });

  it('gives each row the height of its longest cell, wrapped', async () => {
    assert.strictEqual(linesIn('字'.repeat(18), COLUMN_WIDTHS.content), 1);
    assert.strictEqual(linesIn('字'.repeat(19), COLUMN_WIDTHS.content), 2);
    assert.strictEqual(linesIn('x'.repeat(39) + '\n' + 'y', COLUMN_WIDTHS.content), 2);
    const plan = seed('华阳路街道2025年工作计划');
    const table = taskTableOf(plan.text, plan.name);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await taskXlsx(table)) as any);
    const sheet = workbook.worksheets[0];
    table.rows.forEach((row, i) => {
      const lines = Math.max(...rowCells(row).map((text, c) => linesIn(text, COLUMN_WIDTHS[TASK_COLUMNS[c]])));
      assert.ok(sheet.getRow(HEADER_ROWS + 1 + i).height >= lines * 13, `row ${i + 1} holds its ${lines} lines`);
    });
    assert.ok(new Set(table.rows.map((_, i) => sheet.getRow(HEADER_ROWS + 1 + i).height)).size > 1, 'rows differ in height');
  });

  it('names the columns in English for an English editor', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await taskXlsx({ title: 'T', rows: [] }, 'en')) as any);
    assert.deepStrictEqual((workbook.worksheets[0].getRow(HEADER_ROWS).values as unknown[]).slice(1, 3), ['No.', 'Area']);
  });
});

describe('tasks: the CSV file', () => {
  it('is UTF-8 with a BOM and CRLF, and parses back as RFC 4180 into the header and the rows', async () => {
    // The 华阳路 plan writes half-width `,` and `"` inside its text: fields that must be quoted.
    const plan = seed('华阳路街道2025年工作计划');
    const bytes = await csvFormat.write({ file: plan.path, text: plan.text });
    assert.deepStrictEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
    const table = taskTableOf(plan.text, plan.name);
    assert.deepStrictEqual(parseCsv(text), [HEADER, ...table.rows.map(rowCells)]);
    assert.ok(table.rows.some((r) => rowCells(r).some((c) => c.includes('"') || c.includes(','))), 'the seed exercises quoting');
  });

  it('quotes what RFC 4180 asks and keeps a formula from running', () => {
    assert.strictEqual(csvField('走访企业'), '走访企业');
    assert.strictEqual(csvField('打造"硅巷",推动'), '"打造""硅巷"",推动"');
    assert.strictEqual(csvField('两行\n文字'), '"两行\n文字"');
    assert.strictEqual(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.strictEqual(taskCsv({ title: '', rows: [] }, 'en'), `\ufeff${TASK_COLUMNS.map((c) => csvField(uiText(`tasks.column.${c}`, 'en'))).join(',')}\r\n`);
  });
});
