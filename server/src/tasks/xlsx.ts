// The task table as an Excel workbook a person would print: the plan's title across the top, a
// frozen header that repeats on every printed page, wrapped text in bordered cells, column widths
// for Chinese text, A4 landscape fitted to the page width, page numbers in the footer.
// exceljs is loaded only when a workbook is written: the build puts it in a file of its own
// (server/out/exceljs.js), so the server and the CLI start without reading its 1.2 MB.
import { Lang, uiText } from '../service/l10n/messages';
import { rowCells, TASK_COLUMNS, TaskColumn, TaskTable, taskTableOf } from '../service/tasks/rows';

/** Widths in Excel's character units (an ideograph takes about two); they add up to about one A4 landscape width. */
export const COLUMN_WIDTHS: Record<TaskColumn, number> = {
  number: 10, section: 14, task: 16, measure: 16, content: 40, lead: 12, partners: 14, deadline: 12, targets: 22,
};
/** Rows above the tasks: the title and the header. */
export const HEADER_ROWS = 2;
const A4 = 9;
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';
/** Points per line of 10-point text, and the cell's padding: Excel and LibreOffice do not size wrapped rows they are given. */
const LINE_HEIGHT = 13.5;
const ROW_PADDING = 4;

/**
 * Width units of a 10-point ideograph or full-width sign: Excel draws one about 13 px wide against its
 * 7 px unit, 1.9 units (LibreOffice's stand-in for 宋体 about 1.55). Reckoning a little over leaves a
 * row a little tall where too little would cut its last line off.
 */
const IDEOGRAPH_UNITS = 2.1;

/** Lines a text takes in a column `width` units wide. */
export function linesIn(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (const ch of paragraph) units += ch.charCodeAt(0) >= 0x2e80 ? IDEOGRAPH_UNITS : 1;
    // One unit of the width is the cell's padding.
    lines += Math.max(1, Math.ceil(units / (width - 1)));
  }
  return lines;
}

export async function taskXlsx(table: TaskTable, lang: Lang = 'zh'): Promise<Uint8Array> {
  const { Workbook } = await import('./exceljs.js');
  const workbook = new Workbook();
  workbook.creator = 'Workplan';
  const sheet = workbook.addWorksheet(uiText('tasks.sheet', lang), {
    views: [{ state: 'frozen', ySplit: HEADER_ROWS, activeCell: `A${HEADER_ROWS + 1}` }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROWS}:${HEADER_ROWS}`,
    },
    headerFooter: { oddFooter: `&C${uiText('tasks.footer', lang)}` },
  });
  sheet.columns = TASK_COLUMNS.map((c) => ({ key: c, width: COLUMN_WIDTHS[c] }));

  const title = sheet.getRow(1);
  title.getCell(1).value = uiText('tasks.title', lang, { expected: '', found: '', context: table.title });
  sheet.mergeCells(1, 1, 1, TASK_COLUMNS.length);
  title.height = 32;
  title.getCell(1).font = { name: FONT, size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const header = sheet.getRow(HEADER_ROWS);
  header.values = TASK_COLUMNS.map((c) => uiText(`tasks.column.${c}`, lang));
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });

  for (const row of table.rows) {
    // Cells are written as text: `1.10` or `3-5` must not turn into a number or a date.
    const cells = rowCells(row);
    const added = sheet.addRow(cells);
    added.height = Math.max(...cells.map((text, c) => linesIn(text, COLUMN_WIDTHS[TASK_COLUMNS[c]]))) * LINE_HEIGHT + ROW_PADDING;
    for (let c = 1; c <= TASK_COLUMNS.length; c++) {
      const cell = added.getCell(c);
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c === 1 ? 'center' : 'left' };
      cell.border = BORDER;
    }
  }
  sheet.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS, column: TASK_COLUMNS.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The workbook as an export format of `workplan export` (cli/export.ts's ExportFormat). */
export const xlsxFormat = {
  extension: '.xlsx',
  write(plan: { file: string; text: string }): Promise<Uint8Array> {
    return taskXlsx(taskTableOf(plan.text, plan.file));
  },
};
