// The task table as CSV: UTF-8 with a BOM (Excel on Windows reads Chinese only with it), CRLF line
// ends and RFC 4180 quoting. A header row, then one row per task; no title row, so it stays a table.
import { Lang, uiText } from '../service/l10n/messages';
import { rowCells, TASK_COLUMNS, TaskTable, taskTableOf } from '../service/tasks/rows';

const BOM = '\ufeff';

/**
 * One field, quoted where RFC 4180 asks (a comma, a quote, a line break). A cell that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`: plan text is not to be run.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function taskCsv(table: TaskTable, lang: Lang = 'zh'): string {
  const lines = [TASK_COLUMNS.map((c) => uiText(`tasks.column.${c}`, lang)), ...table.rows.map(rowCells)];
  return BOM + lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The CSV as an export format of `workplan export` (cli/export.ts's ExportFormat). */
export const csvFormat = {
  extension: '.csv',
  async write(plan: { file: string; text: string }): Promise<Uint8Array> {
    return new TextEncoder().encode(taskCsv(taskTableOf(plan.text, plan.file)));
  },
};
