// Ranking quality on the labelled related pairs between the seeds (test/fixtures/related-pairs.json).
import * as assert from 'assert';
import { parsePlan } from '../../server/src/service/parse/parser';
import { evaluate, findUnit, loadLabels, precision, seedIndex } from '../helpers/relatedPairs';

describe('related measures: precision on the labelled pairs', () => {
  const index = seedIndex();

  it('every label names a unit of its seed', () => {
    const missing = loadLabels().filter((l) => !findUnit(parsePlan(l.seed.text), l.title));
    assert.deepStrictEqual(missing.map((l) => `${l.seed.name}: ${l.title}`), []);
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
      assert.ok(r.top.every((h) => h.unit.doc.uri !== r.query.uri), r.query.title);
    }
  });
});
