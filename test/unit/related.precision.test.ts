// Ranking quality on the labelled related pairs between the seeds (test/fixtures/related-pairs.json).
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/service/parse/parser';
import { evaluate, findUnit, loadLabels, loadUnseen, precision, seedIndex, sharedPlansDir } from '../helpers/relatedPairs';
import { ROOT } from '../helpers/seeds';

describe('related measures: precision on the labelled pairs', () => {
  const index = seedIndex();

  it('every label names a unit of its seed', () => {
    const missing = loadLabels().filter((l) => !findUnit(parsePlan(l.seed.text), l.title));
    assert.deepStrictEqual(missing.map((l) => `${l.seed.name}: ${l.title}`), []);
  });

  it('every unseen question names labelled topics, and the split names its plans', () => {
    const labels = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'related-pairs.json'), 'utf8'));
    const topics = new Set(labels.topics.map((t: { topic: string }) => t.topic));
    const plans = new Set(labels.unseen.map((u: { plan: string }) => u.plan));
    assert.ok(plans.size >= 15 && labels.unseen.length >= 40, 'at least 40 questions from other provinces');
    assert.deepStrictEqual(labels.unseen.flatMap((u: { topics: string[] }) => u.topics).filter((t: string) => !topics.has(t)), []);
    assert.deepStrictEqual(labels.split.testPlans.filter((p: string) => !plans.has(p)), []);
    assert.ok(loadLabels().some((l) => l.half === 'test') && loadLabels().some((l) => l.half === 'tune'));
  });

  it('every unseen question still reads as labelled in shared/plans (skipped where the folder is absent, as in CI)', function () {
    const dir = sharedPlansDir();
    if (!dir) this.skip();
    const queries = loadUnseen(dir!);
    assert.strictEqual(queries.length, JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'related-pairs.json'), 'utf8')).unseen.length);
    assert.ok(queries.filter((q) => q.unit).length >= 40, 'at least 40 questions the parser finds');
  });

  it('precision at 3 is at least 0.8 over the queries of the issue\'s topics', function () {
    const results = evaluate(index);
    const p = precision(results);
    const all = evaluate(index, { all: true });
    // Printed so a run records the figure; the wider set (every labelled topic as a query) is for comparison.
    console.log(`      precision@3 = ${p.toFixed(3)} over ${results.length} queries (every topic as a query: ${precision(all).toFixed(3)} over ${all.length})`);
    assert.ok(results.length >= 60, `only ${results.length} queries`);
    assert.ok(p >= 0.8, `precision at 3 is ${p.toFixed(3)}`);
  });

  it('never answers with a unit of the plan asked about', () => {
    for (const r of evaluate(index, { all: true })) {
      assert.ok(r.top.every((h) => h.uri !== r.uri), r.name);
    }
  });
});
