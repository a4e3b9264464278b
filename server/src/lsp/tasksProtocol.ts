// The custom requests of the task table and the comparison, shared by the server and the client
// (which imports only this file: it holds no code the client would bundle).
import type { ComparisonSummary } from '../service/tasks/compare';

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
  locale?: string;
}

export interface CompareResult {
  oldUri: string;
  newUri: string;
  oldName: string;
  newName: string;
  /** The view's words in the editor's language, from the message catalogue. */
  labels: Record<string, string>;
  summary: ComparisonSummary;
}
