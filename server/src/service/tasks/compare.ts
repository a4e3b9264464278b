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

function termsOf(row: TaskRow): Map<string, number> {
  const terms = new Map<string, number>();
  addTerms(row.title, TITLE_WEIGHT, terms);
  addTerms(row.body, BODY_WEIGHT, terms);
  for (const section of [row.section, row.task]) if (section !== row.title) addTerms(section, SECTION_WEIGHT, terms);
  return terms;
}

/** Term vectors weighted by inverse task frequency over both plans, unit length. */
function vectors(rows: TaskRow[]): Map<string, number>[] {
  const raw = rows.map(termsOf);
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

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return Math.min(1, dot);
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
  const oldVectors = all.slice(0, olds.length);
  const newVectors = all.slice(olds.length);
  const similarity = oldVectors.map((a) => newVectors.map((b) => cosine(a, b)));
  // Below the threshold a pair is worth nothing: no pairing is better than a poor one.
  const worth = (s: number) => (s >= threshold ? s : 0);
  const pairs: [number, number][] = [];
  if (olds.length <= news.length) {
    bestAssignment(similarity.map((r) => r.map(worth)), news.length).forEach((j, i) => pairs.push([i, j]));
  } else {
    const transposed = news.map((_, j) => olds.map((_, i) => worth(similarity[i][j])));
    bestAssignment(transposed, olds.length).forEach((i, j) => pairs.push([i, j]));
  }
  const continued = pairs
    .filter(([i, j]) => j >= 0 && i >= 0 && similarity[i][j] >= threshold)
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
