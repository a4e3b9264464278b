// The labelled related pairs (test/fixtures/related-pairs.json) and precision at k over them: seed
// units asked about the other seeds, and units of real plans from other provinces (a folder outside
// the repository, see sharedPlansDir) asked about the seeds.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { URI, Utils } from 'vscode-uri';
import { OutlineModel } from '../../server/src/service/model';
import { parsePlan } from '../../server/src/service/parse/parser';
import { RankingWeights, RelatedIndex } from '../../server/src/service/related/index';
import { fingerprint } from '../../server/src/service/related/record';
import { PlanUnit, queryTerms, unitsOf } from '../../server/src/service/related/units';
import { ROOT, Seed, seeds } from './seeds';

export type Half = 'tune' | 'test';

/** A unit of a shared plan, named without copying its text: where its title starts, and a hash of the characters there. */
interface UnseenLabel {
  plan: string;
  /** 1-based line and UTF-16 column of the title's first character. */
  line: number;
  column: number;
  /** fingerprint() of the CHECK_CHARS characters from there: the plan still says what was read. */
  check: string;
  topics: string[];
}

interface Labels {
  topics: { topic: string; query?: boolean; units: [string, string][] }[];
  split: { test: [string, string][]; testPlans: string[] };
  unseen: UnseenLabel[];
}

export const CHECK_CHARS = 6;

export interface LabelledUnit {
  seed: Seed;
  uri: string;
  /** Title without whitespace. */
  title: string;
  topics: string[];
  /** In a topic whose units are queries. */
  query: boolean;
  half: Half;
}

/** What a ranker answers: units by plan and title. */
export interface Ranked {
  uri: string;
  title: string;
}

/** Something that ranks the units of the plans it holds for a question unit: the service, or a baseline. */
export interface Ranker {
  add(uri: string, text: string): void;
  remove(uri: string): void;
  /** The best `k` units of plans other than `uri`'s for `unit`. */
  top(unit: PlanUnit, uri: string, k: number): Ranked[];
}

export interface QueryResult {
  /** `seed title` or `plan:line:column`. */
  name: string;
  /** The question's plan. */
  uri: string;
  half: Half;
  topics: string[];
  relevant: number;
  top: Ranked[];
  /** Whether each of `top` is relevant, by rank. */
  relevantAt: boolean[];
  hits: number;
}

const key = (uri: string, title: string) => `${uri}\n${title.replace(/\s+/g, '')}`;

export function seedUri(s: Seed): string {
  return pathToFileURL(s.path).toString();
}

/** The seeds in an index, under their file URIs and names. */
export function seedIndex(weights?: RankingWeights): RelatedIndex {
  const index = new RelatedIndex(weights);
  for (const s of seeds()) index.setDocument(seedUri(s), s.text, { name: s.name });
  return index;
}

/** The related-measure service as a Ranker. */
export function serviceRanker(index: RelatedIndex): Ranker {
  return {
    add: (uri, text) => index.setDocument(uri, text, { name: Utils.basename(URI.parse(uri)) }),
    remove: (uri) => index.removeDocument(uri),
    top: (unit, uri, k) => index.search(queryTerms(unit), { exclude: (d) => d.uri === uri, limit: k }).map((h) => ({ uri: h.unit.doc.uri, title: h.unit.title })),
  };
}

function readLabels(): Labels {
  return JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'related-pairs.json'), 'utf8')) as Labels;
}

function seedNamed(fragment: string): Seed {
  const matches = seeds().filter((s) => s.name.includes(fragment));
  if (matches.length !== 1) throw new Error(`label ${fragment}: ${matches.length} seeds match`);
  return matches[0];
}

export function loadLabels(): LabelledUnit[] {
  const labels = readLabels();
  const test = new Set(labels.split.test.map(([fragment, title]) => key(seedUri(seedNamed(fragment)), title)));
  const byKey = new Map<string, LabelledUnit>();
  for (const { topic, query, units } of labels.topics) {
    for (const [fragment, title] of units) {
      const seed = seedNamed(fragment);
      const k = key(seedUri(seed), title);
      const unit = byKey.get(k) ?? { seed, uri: seedUri(seed), title: title.replace(/\s+/g, ''), topics: [], query: false, half: test.has(k) ? 'test' : 'tune' };
      unit.topics.push(topic);
      unit.query ||= query === true;
      byKey.set(k, unit);
    }
  }
  return [...byKey.values()];
}

/** The unit of `model` a label names, or undefined if no title matches. */
export function findUnit(model: OutlineModel, title: string): PlanUnit | undefined {
  return unitsOf(model).find((u) => u.title.replace(/\s+/g, '') === title);
}

/**
 * The folder of real plans from other provinces, kept beside the repository (`shared/plans` in a
 * parent folder, or WORKPLAN_SHARED_PLANS), or undefined where there is none (as in CI).
 */
export function sharedPlansDir(): string | undefined {
  const given = process.env.WORKPLAN_SHARED_PLANS;
  if (given) return existsSync(given) ? given : undefined;
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'plans');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface UnseenQuery {
  label: UnseenLabel;
  name: string;
  uri: string;
  text: string;
  half: Half;
  /** The unit whose heading holds the label's position; undefined while the parser finds none there. */
  unit?: PlanUnit;
}

/** The labelled units of the shared plans in `dir`; throws if a plan no longer says what was labelled. */
export function loadUnseen(dir: string): UnseenQuery[] {
  const labels = readLabels();
  const testPlans = new Set(labels.split.testPlans);
  const plans = new Map<string, { text: string; model: OutlineModel; lineStarts: number[] }>();
  return labels.unseen.map((label) => {
    let plan = plans.get(label.plan);
    if (!plan) {
      const text = readFileSync(path.join(dir, label.plan), 'utf8');
      const lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
      plans.set(label.plan, (plan = { text, model: parsePlan(text), lineStarts }));
    }
    const offset = plan.lineStarts[label.line - 1] + label.column - 1;
    const name = `${label.plan}:${label.line}:${label.column}`;
    if (fingerprint(plan.text.slice(offset, offset + CHECK_CHARS)) !== label.check) throw new Error(`${name} no longer reads as labelled`);
    const unit = unitsOf(plan.model).find((u) => u.node.headingSpan.start <= offset && offset < u.node.headingSpan.end);
    return { label, name, uri: pathToFileURL(path.join(dir, label.plan)).toString(), text: plan.text, half: testPlans.has(label.plan) ? 'test' : 'tune', unit };
  });
}

function score(question: Omit<QueryResult, 'relevant' | 'relevantAt' | 'hits'>, relevant: LabelledUnit[]): QueryResult {
  const wanted = new Set(relevant.map((r) => key(r.uri, r.title)));
  const relevantAt = question.top.map((h) => wanted.has(key(h.uri, h.title)));
  return { ...question, relevant: relevant.length, relevantAt, hits: relevantAt.filter(Boolean).length };
}

/**
 * Asks `ranker` (holding the seeds) about every labelled seed unit with at least `k` related units
 * in other seeds (only the query topics' units unless `all`); a result is a hit when it shares any
 * topic with the question.
 */
export function evaluateSeeds(ranker: Ranker, options: { k?: number; all?: boolean } = {}): QueryResult[] {
  const k = options.k ?? 3;
  const labels = loadLabels();
  const models = new Map<string, OutlineModel>();
  const results: QueryResult[] = [];
  for (const query of labels) {
    if (!query.query && !options.all) continue;
    const relevant = labels.filter((l) => l.uri !== query.uri && l.topics.some((t) => query.topics.includes(t)));
    if (relevant.length < k) continue;
    let model = models.get(query.uri);
    if (!model) models.set(query.uri, (model = parsePlan(query.seed.text)));
    const unit = findUnit(model, query.title);
    if (!unit) throw new Error(`no unit titled ${query.title} in ${query.seed.name}`);
    const top = ranker.top(unit, query.uri, k);
    results.push(score({ name: `${query.seed.name} ${query.title}`, uri: query.uri, half: query.half, topics: query.topics, top }, relevant));
  }
  return results;
}

/** Asks `ranker` (holding the seeds) about each found unseen unit, its plan added for the question. */
export function evaluateUnseen(ranker: Ranker, queries: UnseenQuery[], k = 3): QueryResult[] {
  const labels = loadLabels();
  return queries
    .filter((q) => q.unit)
    .map((q) => {
      const relevant = labels.filter((l) => l.topics.some((t) => q.label.topics.includes(t)));
      ranker.add(q.uri, q.text);
      const top = ranker.top(q.unit!, q.uri, k);
      ranker.remove(q.uri);
      return score({ name: q.name, uri: q.uri, half: q.half, topics: q.label.topics, top }, relevant);
    });
}

/** The seed evaluation through the service, as the precision test runs it. */
export function evaluate(index: RelatedIndex, options: { k?: number; all?: boolean } = {}): QueryResult[] {
  return evaluateSeeds(serviceRanker(index), options);
}

export function precision(results: QueryResult[], k = 3): number {
  return results.length ? results.reduce((s, r) => s + r.hits / k, 0) / results.length : NaN;
}
