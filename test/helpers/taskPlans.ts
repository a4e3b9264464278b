// The two years of one plan written for the task-table and comparison tests, and a CSV reader.
import * as assert from 'assert';
import * as path from 'path';
import { ROOT } from './seeds';

export const TASKS_DIR = path.join(ROOT, 'test', 'fixtures', 'tasks');
export const PLAN_2024 = path.join(TASKS_DIR, '青石桥街道2024年工作计划.txt');
export const PLAN_2025 = path.join(TASKS_DIR, '青石桥街道2025年工作计划.txt');

/** RFC 4180 read back: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.ok(!quoted && field === '' && row.length === 0, 'the file ends with a complete record and CRLF');
  return rows;
}
