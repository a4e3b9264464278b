// LSP wiring of the task table and the year-over-year comparison: custom requests the client's
// commands send (no capability is needed for them; client/src/tasks.ts declares the same wire format).
// The table is written here, in the server, which holds the parsed plan; the client saves the bytes
// where the user chose and draws the comparison in the user's language.
import { fileURLToPath } from 'url';
import { Connection, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { PlanRead, readPlanFile } from '../corpus/files';
import { LanguageService } from '../service/languageService';
import { Lang, langOf, noticeText } from '../service/l10n/messages';
import { planMetadata } from '../service/related/units';
import { comparePlans, ComparisonSummary, previousPlan, summarize } from '../service/tasks/compare';
import { taskTable, taskTableOf } from '../service/tasks/rows';
import { taskCsv } from '../tasks/csv';
import { taskXlsx } from '../tasks/xlsx';

export const TASK_TABLE_REQUEST = 'workplan/taskTable';
export const PREVIOUS_PLAN_REQUEST = 'workplan/previousPlan';
export const COMPARE_REQUEST = 'workplan/compare';

export interface TaskTableParams {
  uri: string;
  format: 'xlsx' | 'csv';
  /** The editor's display language (`zh-cn`, `en`). */
  locale?: string;
}

export interface TaskTableResult {
  /** The file's bytes in base64. */
  data: string;
  rows: number;
}

/** Last year's plan of the same place, as the related index knows it. */
export interface PreviousPlanResult {
  uri: string;
  name: string;
}

export interface CompareParams {
  oldUri: string;
  newUri: string;
}

export interface CompareResult {
  oldUri: string;
  newUri: string;
  oldName: string;
  newName: string;
  summary: ComparisonSummary;
}

function fileName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

export function listenTasks(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService, lang: () => Lang): void {
  /** An open plan's text, else its file's; a request error that says why not, Chinese first. */
  async function textOf(uri: string): Promise<string> {
    const open = documents.get(uri);
    if (open) return open.getText();
    const read: PlanRead = uri.startsWith('file:') ? await readPlanFile(fileURLToPath(uri)) : { skipped: { kind: 'notFile' } };
    if ('skipped' in read) throw new ResponseError(1, noticeText({ key: 'tasks.cannotRead', args: { name: fileName(uri), why: read.skipped } }, lang()));
    return read.text;
  }

  connection.onRequest(TASK_TABLE_REQUEST, async ({ uri, format, locale }: TaskTableParams): Promise<TaskTableResult | null> => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const lang: Lang = langOf(locale);
    const table = taskTable(service.getModel(doc), fileName(uri));
    const bytes = format === 'csv' ? new TextEncoder().encode(taskCsv(table, lang)) : await taskXlsx(table, lang);
    return { data: Buffer.from(bytes).toString('base64'), rows: table.rows.length };
  });

  connection.onRequest(PREVIOUS_PLAN_REQUEST, ({ uri }: { uri: string }): PreviousPlanResult | null => {
    const doc = documents.get(uri);
    if (!doc) return null;
    const found = previousPlan(planMetadata(service.getModel(doc), fileName(uri)), service.related.documents());
    return found ? { uri: found.uri, name: found.name ?? fileName(found.uri) } : null;
  });

  connection.onRequest(COMPARE_REQUEST, async ({ oldUri, newUri }: CompareParams): Promise<CompareResult> => {
    const [before, after] = await Promise.all([oldUri, newUri].map(async (uri) => taskTableOf(await textOf(uri), fileName(uri))));
    return { oldUri, newUri, oldName: fileName(oldUri), newName: fileName(newUri), summary: summarize(comparePlans(before, after)) };
  });
}
