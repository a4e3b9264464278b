// A plan as a task breakdown table (任务分解表): one row per leaf of the outline (measure, run-in or
// lowest heading), placed by its sections and filled with what its text says (see fields.ts).
//
// 序号 is the outline's own numbering path, levels joined by `.`: `一.（二）.3`. Each marker is written
// in its standard full-width form without punctuation (`(二)`, `（二）、` and `㈡` are all `（二）`), a
// run-in by its word (`一是`), and a measure or unnumbered heading, which the plan does not number,
// by its place among its unnumbered siblings (`一.（一）.2` is the second measure under （一）).
import { formatMarker } from '../checks/markerForms';
import { OutlineModel, OutlineNode } from '../model';
import { parsePlan } from '../parse/parser';
import { oneLine, planMetadata } from '../related/units';
import { headingFields, readFields, TaskFields, withoutAttributions } from './fields';

export interface TaskRow extends TaskFields {
  node: OutlineNode;
  /** The leaf's own title, one line. */
  title: string;
  /** The leaf's own text in full, one line. */
  body: string;
  /** 序号: the numbering path. */
  number: string;
  /** 工作板块: the level-1 section. */
  section: string;
  /** 重点任务: the level-2 section. */
  task: string;
  /** 具体举措: level 3 and below, down to the leaf. */
  measure: string;
  /** 工作内容: the leaf's own text, shortened at a sentence or clause end. */
  content: string;
}

export interface TaskTable {
  /** The plan's title, or its place and year, or its file name. */
  title: string;
  rows: TaskRow[];
}

/** The table's columns in order; their names are `tasks.column.*` in the message catalogue. */
export const TASK_COLUMNS = ['number', 'section', 'task', 'measure', 'content', 'lead', 'partners', 'deadline', 'targets'] as const;
export type TaskColumn = (typeof TASK_COLUMNS)[number];

/** A row's cells as text, in the order of TASK_COLUMNS: units joined by `、`, deadlines and targets by `；`. */
export function rowCells(row: TaskRow): string[] {
  return [row.number, row.section, row.task, row.measure, row.content, row.lead.join('、'), row.partners.join('、'), row.deadline.join('；'), row.targets.map((t) => t.text).join('；')];
}

/** Characters of 工作内容 in a printed cell: about five lines of a column 30 characters wide. */
export const CONTENT_MAX = 150;
const SENTENCE_END = /[。！？；!?;]/;
const CLAUSE_END = /[，、：,:]/;
const ELLIPSIS = '……';
const LEVEL_SEPARATOR = '.';
const MEASURE_SEPARATOR = ' / ';

/** `text` cut after its last whole sentence (else clause) within `max` characters. */
export function shorten(text: string, max = CONTENT_MAX): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const lastEnd = (end: RegExp) => {
    for (let i = max - 1; i > 0; i--) if (end.test(chars[i])) return i;
    return -1;
  };
  const sentence = lastEnd(SENTENCE_END);
  if (sentence > 0) return chars.slice(0, sentence + 1).join('') + ELLIPSIS;
  // A clause end is dropped: `…，……` reads badly.
  const clause = lastEnd(CLAUSE_END);
  return chars.slice(0, clause > 0 ? clause : max).join('') + ELLIPSIS;
}

function numberOf(node: OutlineNode, siblings: OutlineNode[]): string {
  if (node.marker) return formatMarker(node.marker.family, node.marker.value, { open: '（', close: '）', punctuation: '' });
  if (node.enumerator) return node.enumerator.text.slice(0, node.enumerator.text.length - node.enumerator.punctuation.length);
  const unnumbered = siblings.filter((s) => !s.marker && !s.enumerator);
  return String(unnumbered.indexOf(node) + 1);
}

function ancestry(node: OutlineNode): OutlineNode[] {
  const chain: OutlineNode[] = [];
  for (let n: OutlineNode | undefined = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

/** What a section's heading says, read once for all the tasks under it. */
interface Heading {
  title: string;
  fields?: TaskFields;
}

function rowOf(model: OutlineModel, node: OutlineNode, headings: Map<OutlineNode, Heading>): TaskRow {
  const heading = (n: OutlineNode): Heading => {
    let h = headings.get(n);
    if (!h) headings.set(n, (h = { title: oneLine(withoutAttributions(n.title)) }));
    return h;
  };
  const attributed = (n: OutlineNode): TaskFields => (heading(n).fields ??= headingFields(oneLine(n.title)));
  const titleOf = (n: OutlineNode) => heading(n).title;
  const chain = ancestry(node);
  const number = chain.map((n) => numberOf(n, n.parent ? n.parent.children : model.roots)).join(LEVEL_SEPARATOR);
  const body = oneLine(node.bodySpans.map((s) => model.text.slice(s.start, s.end)).join('\n'));
  const fields = readFields(`${oneLine(node.title)}。${body}`);
  // A unit or deadline a section's heading attributes holds for the tasks under it that name none.
  for (const ancestor of chain.slice(0, -1).reverse()) {
    const inherited = attributed(ancestor);
    if (!fields.lead.length && !fields.partners.length) {
      fields.lead = [...inherited.lead];
      fields.partners = [...inherited.partners];
    }
    if (!fields.deadline.length) fields.deadline = [...inherited.deadline];
  }
  return {
    node,
    title: titleOf(node),
    body,
    number,
    section: chain[0] ? titleOf(chain[0]) : '',
    task: chain[1] ? titleOf(chain[1]) : '',
    measure: chain.slice(2).map(titleOf).join(MEASURE_SEPARATOR),
    content: shorten(withoutAttributions(body)),
    ...fields,
  };
}

/** The task table of a plan; `fileName` names it where the text has no title. */
export function taskTable(model: OutlineModel, fileName?: string): TaskTable {
  const meta = planMetadata(model, fileName);
  const headings = new Map<OutlineNode, Heading>();
  const title = meta.title ?? (meta.place && meta.year ? `${meta.place}${meta.year}年工作计划` : fileName?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') ?? '');
  return { title: oneLine(title), rows: model.nodes.filter((n) => n.children.length === 0).map((n) => rowOf(model, n, headings)) };
}

/** The task table of a plan's text. */
export function taskTableOf(text: string, fileName?: string): TaskTable {
  return taskTable(parsePlan(text), fileName);
}
