// The labelled related pairs (test/fixtures/related-pairs.json) and precision at k over them.
import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { OutlineModel } from '../../server/src/service/model';
import { parsePlan } from '../../server/src/service/parse/parser';
import { RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { PlanUnit, queryTerms, unitsOf } from '../../server/src/service/related/units';
import { ROOT, Seed, seeds } from './seeds';

interface Labels {
  topics: { topic: string; query?: boolean; units: [string, string][] }[];
}

export interface LabelledUnit {
  seed: Seed;
  uri: string;
  /** Title without whitespace. */
  title: string;
  topics: string[];
  /** In a topic whose units are queries. */
  query: boolean;
}

export interface QueryResult {
  query: LabelledUnit;
  relevant: LabelledUnit[];
  top: RelatedHit[];
  hits: number;
}

const key = (uri: string, title: string) => `${uri}\n${title.replace(/\s+/g, '')}`;

export function seedUri(s: Seed): string {
  return pathToFileURL(s.path).toString();
}

/** The seeds in an index, under their file URIs and names. */
export function seedIndex(): RelatedIndex {
  const index = new RelatedIndex();
  for (const s of seeds()) index.setDocument(seedUri(s), s.text, { name: s.name });
  return index;
}

export function loadLabels(): LabelledUnit[] {
  const labels = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'related-pairs.json'), 'utf8')) as Labels;
  const byKey = new Map<string, LabelledUnit>();
  for (const { topic, query, units } of labels.topics) {
    for (const [fragment, title] of units) {
      const matches = seeds().filter((s) => s.name.includes(fragment));
      if (matches.length !== 1) throw new Error(`label ${fragment}: ${matches.length} seeds match`);
      const seed = matches[0];
      const k = key(seedUri(seed), title);
      const unit = byKey.get(k) ?? { seed, uri: seedUri(seed), title: title.replace(/\s+/g, ''), topics: [], query: false };
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
 * Asks the index about every labelled unit with at least `k` related units in other seeds (only the
 * query topics' units unless `all`); a result is a hit when it shares any topic with the question.
 */
export function evaluate(index: RelatedIndex, options: { k?: number; all?: boolean } = {}): QueryResult[] {
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
    const top = index.search(queryTerms(unit), { exclude: (d) => d.uri === query.uri, limit: k });
    const wanted = new Set(relevant.map((r) => key(r.uri, r.title)));
    const hits = top.filter((h) => wanted.has(key(h.unit.doc.uri, h.unit.title))).length;
    results.push({ query, relevant, top, hits });
  }
  return results;
}

export function precision(results: QueryResult[], k = 3): number {
  return results.reduce((s, r) => s + r.hits / k, 0) / results.length;
}
