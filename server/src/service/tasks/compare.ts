// Last year's plan against this year's: which tasks go on (paired even when reworded), which are
// new, which were dropped, and which targets changed on a task that goes on (150家 → 200家).
//
// Tasks are the rows of the task table (the outline's leaves). Two tasks are as similar as the
// cosine of their terms (the related-measures terms of `addTerms`), each term weighted by how rare it
// is among the tasks of both plans, so `推进` and `加强` count for little. Pairs are one-to-one, chosen
// to make the sum of similarities largest (the Hungarian method): a greedy choice can take the pair
// another task needed and leave that task unpaired.
import type { DocumentMetadata } from '../model';
import type { IndexedDocument } from '../related/index';
import { addTerms } from '../related/terms';
import { Target } from './fields';
import { TaskRow, TaskTable } from './rows';

export interface ChangedTarget {
  old: string;
  new: string;
}

export interface ContinuedTask {
  old: TaskRow;
  new: TaskRow;
  /** 0..1, the cosine of their weighted terms. */
  similarity: number;
  changedTargets: ChangedTarget[];
}

export interface PlanComparison {
  continued: ContinuedTask[];
  added: TaskRow[];
  dropped: TaskRow[];
}

/**
 * Least similarity for two tasks to be one task continued. On test/fixtures/tasks (a plan written
 * over in its next year) reworded pairs score 0.44 and more and the closest wrong pair 0.26; two
 * streets' plans of one city (seeds 华阳路 2025 and 五角场 2023) pair like topics at 0.32 at most.
 */
export const PAIR_THRESHOLD = 0.35;
/** A title names the task; the body says how; the sections above say what about. */
const TITLE_WEIGHT = 2;
const BODY_WEIGHT = 1;
const SECTION_WEIGHT = 0.5;

/** Terms of a text counted once: the tasks of one section share its title, and tokenising is the costly part. */
function counter(): (text: string) => Map<string, number> {
  const counted = new Map<string, Map<string, number>>();
  return (text) => {
    let terms = counted.get(text);
    if (!terms) {
      terms = new Map();
      addTerms(text, 1, terms);
      counted.set(text, terms);
    }
    return terms;
  };
}

function termsOf(row: TaskRow, count: (text: string) => Map<string, number>): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const [term, n] of count(text)) terms.set(term, (terms.get(term) ?? 0) + n * weight);
  };
  add(row.title, TITLE_WEIGHT);
  add(row.body, BODY_WEIGHT);
  for (const section of [row.section, row.task]) if (section !== row.title) add(section, SECTION_WEIGHT);
  return terms;
}

/** Term vectors weighted by inverse task frequency over both plans, unit length. */
function vectors(rows: TaskRow[]): Map<string, number>[] {
  const count = counter();
  const raw = rows.map((row) => termsOf(row, count));
  const df = new Map<string, number>();
  for (const terms of raw) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return raw.map((terms) => {
    let norm = 0;
    for (const [term, tf] of terms) {
      const w = tf * Math.log(1 + rows.length / df.get(term)!);
      terms.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of terms) terms.set(term, w / norm);
    return terms;
  });
}

/** Cosines of every old vector with every new one, through the new vectors' postings: pairs that share no term cost nothing. */
function cosines(olds: Map<string, number>[], news: Map<string, number>[]): Float64Array[] {
  const postings = new Map<string, { j: number; w: number }[]>();
  news.forEach((v, j) => {
    for (const [term, w] of v) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ j, w });
    }
  });
  return olds.map((v) => {
    const row = new Float64Array(news.length);
    for (const [term, w] of v) for (const p of postings.get(term) ?? []) row[p.j] += w * p.w;
    for (let j = 0; j < row.length; j++) row[j] = Math.min(1, row[j]);
    return row;
  });
}

/**
 * Groups of old and new tasks linked by pairs at or above the threshold (connected components): the
 * best assignment of the whole is the best assignment of each group, and groups are small.
 */
function groups(similarity: Float64Array[], columns: number, threshold: number): { olds: number[]; news: number[] }[] {
  const parent = Array.from({ length: similarity.length + columns }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  similarity.forEach((row, i) => row.forEach((s, j) => {
    if (s >= threshold) parent[find(i)] = find(similarity.length + j);
  }));
  const byRoot = new Map<number, { olds: number[]; news: number[] }>();
  const group = (i: number) => {
    let g = byRoot.get(find(i));
    if (!g) byRoot.set(find(i), (g = { olds: [], news: [] }));
    return g;
  };
  similarity.forEach((_, i) => group(i).olds.push(i));
  for (let j = 0; j < columns; j++) group(similarity.length + j).news.push(j);
  return [...byRoot.values()].filter((g) => g.olds.length && g.news.length);
}

/**
 * The assignment of rows to columns (rows ≤ columns) with the largest total weight: the Hungarian
 * method with potentials, O(rows²·columns). Returns the column of each row.
 */
export function bestAssignment(weight: number[][], columns: number): number[] {
  const n = weight.length;
  const INF = Number.POSITIVE_INFINITY;
  // 1-based as in the textbook form; column 0 is the free row's virtual column.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(columns + 1);
  const rowOf = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Float64Array(columns + 1).fill(INF);
    const used = new Uint8Array(columns + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const cur = -weight[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0);
  }
  const assigned = new Array<number>(n).fill(-1);
  for (let j = 1; j <= columns; j++) if (rowOf[j]) assigned[rowOf[j] - 1] = j - 1;
  return assigned;
}

/**
 * Targets of a continued task whose numbers changed: matched by their words (`走访重点企业#家`), then a
 * lone remaining target of the same unit on each side (`走访企业150家` → `走访重点企业200家`).
 */
export function changedTargets(before: Target[], after: Target[]): ChangedTarget[] {
  const changes: ChangedTarget[] = [];
  const left = [...before];
  const right = [...after];
  const take = (a: Target, b: Target) => {
    left.splice(left.indexOf(a), 1);
    right.splice(right.indexOf(b), 1);
    if (a.value !== b.value) changes.push({ old: a.text, new: b.text });
  };
  for (const a of [...left]) {
    const b = right.find((t) => t.key === a.key);
    if (b) take(a, b);
  }
  for (const a of [...left]) {
    const sameUnit = right.filter((t) => t.unit === a.unit);
    if (sameUnit.length === 1 && left.filter((t) => t.unit === a.unit).length === 1) take(a, sameUnit[0]);
  }
  return changes;
}

export function comparePlans(before: TaskTable, after: TaskTable, threshold = PAIR_THRESHOLD): PlanComparison {
  const olds = before.rows;
  const news = after.rows;
  const all = vectors([...olds, ...news]);
  const similarity = cosines(all.slice(0, olds.length), all.slice(olds.length));
  // Below the threshold a pair is worth nothing: no pairing is better than a poor one.
  const worth = (i: number, j: number) => (similarity[i][j] >= threshold ? similarity[i][j] : 0);
  const pairs: [number, number][] = [];
  for (const g of groups(similarity, news.length, threshold)) {
    if (g.olds.length <= g.news.length) {
      const weight = g.olds.map((i) => g.news.map((j) => worth(i, j)));
      bestAssignment(weight, g.news.length).forEach((k, r) => pairs.push([g.olds[r], g.news[k]]));
    } else {
      const weight = g.news.map((j) => g.olds.map((i) => worth(i, j)));
      bestAssignment(weight, g.olds.length).forEach((k, r) => pairs.push([g.olds[k], g.news[r]]));
    }
  }
  const continued = pairs
    .filter(([i, j]) => i !== undefined && j !== undefined && similarity[i][j] >= threshold)
    .sort((a, b) => a[1] - b[1])
    .map(([i, j]) => ({ old: olds[i], new: news[j], similarity: similarity[i][j], changedTargets: changedTargets(olds[i].targets, news[j].targets) }));
  const pairedOld = new Set(continued.map((c) => c.old));
  const pairedNew = new Set(continued.map((c) => c.new));
  return { continued, added: news.filter((r) => !pairedNew.has(r)), dropped: olds.filter((r) => !pairedOld.has(r)) };
}

export interface TaskRef {
  /** 1-based line of the task's heading. */
  line: number;
  title: string;
}

/** The comparison as `workplan compare --json` prints it and the editor's view receives it. */
export interface ComparisonSummary {
  continued: { old: TaskRef; new: TaskRef; similarity: number; changedTargets: ChangedTarget[] }[];
  new: TaskRef[];
  dropped: TaskRef[];
}

function ref(row: TaskRow): TaskRef {
  return { line: row.node.line + 1, title: row.title };
}

export function summarize(comparison: PlanComparison): ComparisonSummary {
  return {
    continued: comparison.continued.map((c) => ({ old: ref(c.old), new: ref(c.new), similarity: Math.round(c.similarity * 1000) / 1000, changedTargets: c.changedTargets })),
    new: comparison.added.map(ref),
    dropped: comparison.dropped.map(ref),
  };
}

/** Kinds of document by how well they stand for last year's plan: a plan, its key points, then the rest. */
const KIND_ORDER = ['计划', '要点', undefined, '其他', '总结'];

/** The plan of the same place for the year before, among the related index's documents. */
export function previousPlan(plan: DocumentMetadata, documents: Iterable<IndexedDocument>): IndexedDocument | undefined {
  if (!plan.place || plan.year === undefined) return undefined;
  const candidates = [...documents].filter((d) => d.metadata.place === plan.place && d.metadata.year === plan.year! - 1);
  return candidates.sort((a, b) => KIND_ORDER.indexOf(a.metadata.kind) - KIND_ORDER.indexOf(b.metadata.kind))[0];
}
