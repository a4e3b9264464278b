// A plan's record counts its units' terms in numbers (TermTable, unitTermIds): it must hold exactly
// the terms, weights and order that counting in strings (addTerms, unitTerms) gives, on the seeds
// and on plans with the faults the format meets (Traditional characters, full width, flattened
// paragraphs, two levels, damaged extraction).
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/service/parse/parser';
import { topicOfTerm } from '../../server/src/service/related/lexicon';
import { TopicScan } from '../../server/src/service/related/lexiconWords';
import { IndexedDocument, RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { planRecord, PlanRecord } from '../../server/src/service/related/record';
import { normalizeText } from '../../server/src/service/related/normalize';
import { addTerms, TermTable } from '../../server/src/service/related/terms';
import { queryTerms, unitsOf, unitTerms } from '../../server/src/service/related/units';
import { ROOT, seeds } from '../helpers/seeds';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function plans(): { name: string; text: string }[] {
  const out = seeds().map((s) => ({ name: s.name, text: s.text }));
  for (const dir of ['plans', 'related']) {
    for (const f of readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.txt'))) {
      out.push({ name: f, text: readFileSync(path.join(FIXTURES, dir, f), 'utf8') });
    }
  }
  // Half-width letters and digits written full width, and a run of ideographs hundreds of characters long.
  out.push({ name: 'wide.txt', text: '一、优化营商环境\n（一）推进ＡＩ＋政务服务，１２３４５热线首办。' + '持续深化放管服改革优化服务'.repeat(30) + '。' });
  return out;
}

describe('related measures: records counted in numbers', () => {
  it('counts each text as addTerms does: the same terms in the same order, the same counts and readable bigrams', () => {
    let texts = 0;
    for (const { text } of plans()) {
      const table = new TermTable();
      for (const unit of unitsOf(parsePlan(text))) {
        for (const part of [unit.title, unit.body]) {
          const counts = new Map<string, number>();
          const words = new Set<string>();
          const total = addTerms(part, 1, counts, words);
          const got = table.add(normalizeText(part));
          assert.deepStrictEqual(
            [...got.ids].map((id, i) => [table.terms[id], got.counts[i]]),
            [...counts],
            part,
          );
          assert.strictEqual(got.total, total, part);
          assert.deepStrictEqual([...got.words].map((id) => table.terms[id]), [...words], part);
          texts++;
        }
      }
    }
    assert.ok(texts > 500, `${texts} texts`);
  });

  it('counts in one array for every table of the thread: tables taking turns count as addTerms does', () => {
    // Ids overlap across tables (each numbers from 0), so a count left behind by one would show in the next.
    const texts = seeds().map((s) => unitsOf(parsePlan(s.text)).flatMap((u) => [u.title, u.body]));
    const tables = texts.map(() => new TermTable());
    let counted = 0;
    for (let i = 0; texts.some((t) => i < t.length); i++) {
      texts.forEach((t, k) => {
        if (i >= t.length) return;
        const counts = new Map<string, number>();
        addTerms(t[i], 1, counts);
        const got = tables[k].add(normalizeText(t[i]));
        assert.deepStrictEqual(
          got.ids.map((id, j) => [tables[k].terms[id], got.counts[j]]),
          [...counts],
          t[i],
        );
        counted++;
      });
    }
    assert.ok(counted > 300, `${counted} texts`);
  });

  it('counts topics in the same pass as a topic scan does alone, where a lexicon term crosses from digits or letters into a run of ideographs too', () => {
    // 15分钟 starts on digits and runs into the ideographs after it, so the term scan meets the run
    // where the topic scan is already past; 侨 at a run's end is a place the term scan never looks;
    // gdp and 12345 are outside every run.
    const made = [
      '打造15分钟便民生活圈，GDP增长6%，１２３４５热线首办，服务华侨',
      '十五分钟生活圈15分钟15分钟生活圈；侨',
      'ＧＤＰ与gdp、12345与123456，侨联侨胞归侨。',
    ];
    const texts = [...made, ...plans().flatMap(({ text }) => unitsOf(parsePlan(text)).flatMap((u) => [u.title, u.body]))];
    let withTopics = 0;
    for (const text of texts) {
      const normalized = normalizeText(text);
      const alone = new Map<number, number>();
      new TopicScan(normalized, alone).upTo(normalized.length);
      const got = new TermTable().add(normalized).topics;
      assert.deepStrictEqual([...got], [...alone], text.slice(0, 80));
      if (alone.size) withTopics++;
    }
    assert.ok(withTopics > 300, `${withTopics} texts with topics`);
  });

  it('holds each unit’s terms and topics as unitTerms gives them, numbered in the order the units first name them', () => {
    for (const { name, text } of plans()) {
      const record = planRecord(parsePlan(text), text, name);
      // What the record must be, counted in strings from a model of its own.
      const expected: string[] = [];
      const seen = new Map<string, number>();
      const number = (term: string) => seen.get(term) ?? (seen.set(term, expected.length), expected.push(term) - 1);
      const readable = new Set<number>();
      unitsOf(parsePlan(text)).forEach((unit, u) => {
        const counts = new Map<string, number>();
        const words = new Set<string>();
        assert.strictEqual(record.lengths[u], unitTerms(unit, counts, words), `${name}: length of ${unit.title}`);
        for (const w of words) readable.add(number(w));
        const own = (from: number, to: number, ids: Int32Array, values: Float32Array | Float64Array) =>
          Array.from({ length: to - from }, (_, i) => [record.terms[ids[from + i]], values[from + i]]);
        const byNumber = (entries: [string, number][]) => entries.map(([t, v]) => [number(t), t, v] as const).sort((a, b) => a[0] - b[0]).map(([, t, v]) => [t, v]);
        const entries = [...counts];
        const textTerms = byNumber(entries.filter(([t]) => topicOfTerm(t) < 0).map(([t, v]) => [t, Math.fround(v)]));
        const topicTerms = byNumber(entries.filter(([t]) => topicOfTerm(t) >= 0));
        assert.deepStrictEqual(own(record.unitStarts[u], record.unitStarts[u + 1], record.unitTerms, record.unitTfs), textTerms, `${name}: terms of ${unit.title}`);
        assert.deepStrictEqual(own(record.topicStarts[u], record.topicStarts[u + 1], record.unitTopics, record.topicEvidence), topicTerms, `${name}: topics of ${unit.title}`);
      });
      assert.deepStrictEqual(record.terms, expected, name);
      assert.deepStrictEqual([...record.readable], [...readable].sort((a, b) => a - b), name);
    }
  });
});

describe('related measures: records added in a batch', () => {
  const records = (): { uri: string; record: PlanRecord }[] => plans().map(({ name, text }) => ({ uri: `file:///plans/${encodeURIComponent(name)}`, record: planRecord(parsePlan(text), text, name) }));
  const answers = (index: RelatedIndex) =>
    seeds().flatMap((s) =>
      unitsOf(parsePlan(s.text)).map((u) =>
        index
          .search(queryTerms(u), { limit: 5 })
          .map((h: RelatedHit) => `${h.unit.doc.uri}#${h.unit.line} ${h.score} ${h.sharedTerms.join('·')} ${h.sharedTopics.join(',')}`)
          .join('\n'),
      ),
    );
  const addAll = (index: RelatedIndex, entries: Parameters<RelatedIndex['addRecordsInSteps']>[0]) => {
    const steps = index.addRecordsInSteps(entries);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  };

  it('leaves the index as adding the records one by one does: the same answers to the last bit', () => {
    const one = new RelatedIndex();
    for (const { uri, record } of records()) one.addRecord(uri, record);
    const batched = new RelatedIndex();
    const all = records();
    const docs = [...addAll(batched, all.slice(0, 10)), ...addAll(batched, all.slice(10))];
    assert.ok(docs.every((d) => d !== undefined && !(d instanceof Error)));
    assert.strictEqual(batched.documentCount, one.documentCount);
    assert.strictEqual(batched.unitCount, one.unitCount);
    const expected = answers(one);
    assert.ok(expected.filter((a) => a).length > 100, 'questions with answers');
    assert.deepStrictEqual(answers(batched), expected);
  });

  it('swaps a batch in steps of bounded postings: searched between steps as before it, then as one by one', () => {
    const all = records();
    const one = new RelatedIndex();
    for (const { uri, record } of all) one.addRecord(uri, record);
    const stepped = new RelatedIndex(undefined, { stepWork: 500 });
    for (const { uri, record } of all.slice(0, 3)) stepped.addRecord(uri, record);
    const before = answers(stepped);
    const steps = stepped.addRecordsInSteps(all.slice(3));
    let count = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      // Every 20th step: answering after each of hundreds would take minutes.
      if (++count % 20 === 0) assert.deepStrictEqual(answers(stepped), before);
    }
    const postings = all.slice(3).reduce((n, e) => n + e.record.unitTerms.length, 0);
    assert.ok(count >= postings / 500, `steps: ${count} for ${postings} postings`);
    assert.deepStrictEqual(answers(stepped), answers(one));
  });

  it('leaves out a plan of a batch removed while it is staged, removes one swapped in meanwhile after it, and a stopped batch leaves no trace', () => {
    const all = records();
    // Removed while staged: as a record no longer wanted when the batch is swapped in (staged, so its
    // terms have ids, which order a question's terms of equal weight). Removed while its postings are
    // written: swapped in, then removed.
    const expected = (staged: boolean) => {
      const one = new RelatedIndex();
      if (staged) addAll(one, all.map((e, i) => (i === 1 ? { ...e, keep: () => false } : e)));
      else for (const { uri, record } of all) one.addRecord(uri, record);
      one.removeDocument(all[1].uri);
      return answers(one);
    };
    const pending = (index: RelatedIndex) => (index as unknown as { pending?: unknown }).pending !== undefined;
    for (const staged of [true, false]) {
      const index = new RelatedIndex(undefined, { stepWork: 500 });
      const steps = index.addRecordsInSteps(all);
      steps.next();
      if (!staged) while (!pending(index)) assert.ok(!steps.next().done);
      steps.next();
      assert.ok(pending(index) !== staged, 'removed while staged, or while written');
      assert.strictEqual(index.removeDocument(all[1].uri), !staged, 'indexed when removed');
      while (!steps.next().done);
      assert.strictEqual(index.document(all[1].uri), undefined);
      assert.strictEqual(index.documentCount, all.length - 1);
      assert.deepStrictEqual(answers(index), expected(staged));
    }
    // Stopped while its postings are written: the index as before, and it takes the same plans again as if fresh.
    const stopped = new RelatedIndex(undefined, { stepWork: 500 });
    const steps = stopped.addRecordsInSteps(all);
    while (!pending(stopped)) steps.next();
    steps.next();
    steps.return([]);
    assert.ok(!pending(stopped));
    assert.strictEqual(stopped.documentCount, 0);
    addAll(stopped, all);
    const one = new RelatedIndex();
    for (const { uri, record } of all) one.addRecord(uri, record);
    assert.deepStrictEqual(answers(stopped), answers(one));
  });

  it('leaves out a plan removed while the batch is gathered into runs, as one removed while staged', () => {
    const all = records();
    const pending = (index: RelatedIndex) => (index as unknown as { pending?: unknown }).pending !== undefined;
    // Steps until the postings are being written: the step before is the gathering's last.
    const dry = new RelatedIndex(undefined, { stepWork: 500 });
    const drySteps = dry.addRecordsInSteps(all);
    let calls = 0;
    while (!pending(dry)) {
      assert.ok(!drySteps.next().done);
      calls++;
    }
    const index = new RelatedIndex(undefined, { stepWork: 500 });
    const steps = index.addRecordsInSteps(all);
    for (let i = 0; i < calls - 1; i++) steps.next();
    assert.ok(!pending(index));
    assert.strictEqual(index.removeDocument(all[1].uri), false, 'not indexed yet');
    const docs = [...(function* () {
      for (;;) {
        const step = steps.next();
        if (step.done) return yield* step.value;
      }
    })()];
    assert.strictEqual(docs[1], undefined);
    assert.strictEqual(index.document(all[1].uri), undefined);
    assert.strictEqual(index.documentCount, all.length - 1);
    const one = new RelatedIndex();
    addAll(one, all.map((e, i) => (i === 1 ? { ...e, keep: () => false } : e)));
    assert.deepStrictEqual(answers(index), answers(one));
  });

  it('paces its steps: they start small, grow while quick, shrink while slow, within the work it was given', () => {
    const index = new RelatedIndex();
    const first = index.nextStepWork;
    index.paceSteps(1, 8);
    assert.strictEqual(index.nextStepWork, first * 2, 'a quick step doubles the next');
    for (let i = 0; i < 20; i++) index.paceSteps(1, 8);
    const most = index.nextStepWork;
    assert.ok(most > first);
    index.paceSteps(1, 8);
    assert.strictEqual(index.nextStepWork, most, 'never above the work given');
    index.paceSteps(30, 8);
    assert.strictEqual(index.nextStepWork, most / 2, 'a slow step halves the next');
    for (let i = 0; i < 20; i++) index.paceSteps(30, 8);
    assert.strictEqual(index.nextStepWork, first, 'never below the first');
    index.paceSteps(5, 8);
    assert.strictEqual(index.nextStepWork, first, 'a step near the target leaves it');
    const fine = new RelatedIndex(undefined, { stepWork: 40 });
    assert.strictEqual(fine.nextStepWork, 40);
    fine.paceSteps(1, 8);
    fine.paceSteps(30, 8);
    assert.strictEqual(fine.nextStepWork, 40, 'a small work given is the first and the least');
  });

  it('answers as one by one when the work of its steps changes between them', () => {
    const all = records();
    const one = new RelatedIndex();
    for (const { uri, record } of all) one.addRecord(uri, record);
    const paced = new RelatedIndex();
    let k = 0;
    for (const part of [all.slice(0, 1), all.slice(1)]) {
      const steps = paced.addRecordsInSteps(part);
      // Slow and quick in turn: the work moves at every step, in stage, gather and write alike.
      while (!steps.next().done) paced.paceSteps(k++ % 3 === 0 ? 30 : 1, 8);
    }
    assert.ok(k > 20, `steps: ${k}`);
    assert.deepStrictEqual(answers(paced), answers(one));
  });

  it('leaves out a record no longer wanted, and replaces a plan already indexed or one freed slot later, as one by one', () => {
    const all = records();
    const one = new RelatedIndex();
    for (const { uri, record } of all.slice(0, 4)) one.addRecord(uri, record);
    one.removeDocument(all[3].uri);
    one.addRecord(all[0].uri, all[5].record);
    for (const { uri, record } of all.slice(4)) one.addRecord(uri, record);
    const batched = new RelatedIndex();
    addAll(batched, all.slice(0, 4));
    // A freed slot and a plan replaced: the batch goes in plan by plan.
    batched.removeDocument(all[3].uri);
    const docs = addAll(batched, [{ uri: all[0].uri, record: all[5].record }, { uri: 'file:///gone.txt', record: all[6].record, keep: () => false }, ...all.slice(4)]);
    assert.strictEqual(docs[1], undefined);
    assert.ok((docs[0] as IndexedDocument).uri === all[0].uri);
    assert.strictEqual(batched.documentCount, one.documentCount);
    assert.deepStrictEqual(answers(batched), answers(one));
  });
});
