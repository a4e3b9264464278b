// A large plan swapped into the index in steps: searches between steps answer as before it began,
// the last step swaps it in at once, and what happens between steps applies as if in sequence.
// Its staging (postings grouped by term) goes in steps too, and so does a batch of plans' swap.
import * as assert from 'assert';
import { parsePlan } from '../../server/src/service/parse/parser';
import { RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { planRecord } from '../../server/src/service/related/record';
import { queryTerms, unitsOf } from '../../server/src/service/related/units';
import { seedUri } from '../helpers/relatedPairs';
import { seed, seeds } from '../helpers/seeds';

/** Postings above which a plan goes in steps, low enough for the joined seeds (tens of thousands). */
const STEPPED = 1_000;
const BIG_URI = 'file:///big/合并计划.txt';

/** Every seed four times, one after another, as one plan of a street of its own: about 80,000 postings. */
function bigText(): string {
  const bodies = seeds().map((s) => s.text.split('\n').slice(1).join('\n'));
  return ['某某街道2030年工作计划', ...bodies, ...bodies, ...bodies, ...bodies].join('\n');
}

function bigRecord() {
  const text = bigText();
  return planRecord(parsePlan(text), text, '合并计划.txt');
}

/** Postings a step in the tests that step finely: many steps for the seeds. */
const FINE = 500;

function seeded(options: { stepWork?: number } = {}): RelatedIndex {
  const index = new RelatedIndex(undefined, { steppedPostings: STEPPED, ...options });
  for (const s of seeds()) index.setDocument(seedUri(s), s.text, { name: s.name });
  return index;
}

/** Hits with their scores to the last bit. */
function exact(hits: RelatedHit[]): string[] {
  return hits.map((h) => `${h.unit.doc.uri}#${h.unit.line} ${h.unit.title} ${h.score} ${h.sharedTerms.join('·')} ${h.sharedTopics.join('·')}`);
}

const QUESTIONS = unitsOf(parsePlan(seed('五角场').text)).map(queryTerms);

/** What the index answers to each question (by default every unit of a seed), by postings (top 5) and by a scan. */
function answers(index: RelatedIndex, questions = QUESTIONS): string[] {
  return questions.flatMap((q) => [...exact(index.search(q, { limit: 5 })), '|', ...exact(index.searchByScan(q, { minSimilarity: 0.3 }))]);
}

/**
 * Between the hundreds of steps of a commit, a different twentieth of the questions after each: every
 * step is searched and every question every twentieth step (all of them after every step took minutes).
 */
const ROTATION = 20;
const rotation = (k: number) => QUESTIONS.filter((_, i) => i % ROTATION === k % ROTATION);

/** The answers of `index` to each twentieth of the questions, for comparing with `rotation(k)` later. */
function answersByRotation(index: RelatedIndex): string[][] {
  return Array.from({ length: ROTATION }, (_, r) => answers(index, rotation(r)));
}

function isPending(index: RelatedIndex): boolean {
  return (index as unknown as { pending?: unknown }).pending !== undefined;
}

/** Runs `steps` to the end; `between(k)` after the k-th step while the plan's commit is pending. Returns how many such steps there were. */
function drive(index: RelatedIndex, steps: Generator<void, unknown>, between: (k: number) => void = () => undefined): number {
  let k = 0;
  while (!steps.next().done) if (isPending(index)) between(k++);
  return k;
}

describe('related measures: a large plan swapped in steps', () => {
  it('is searched only once whole: between steps the answers are those before it began, after them those of a one-step add', () => {
    const index = seeded();
    const before = answers(index);
    assert.ok(before.filter((a) => a !== '|').length > 100, 'questions with answers');
    const beforeByRotation = answersByRotation(index);
    const record = bigRecord();
    assert.ok(record.unitTerms.length > 3 * 20_000, `postings enough for several steps: ${record.unitTerms.length}`);
    const steps = drive(index, index.addRecordInSteps(BIG_URI, record), (k) => assert.deepStrictEqual(answers(index, rotation(k)), beforeByRotation[k % ROTATION]));
    assert.ok(steps >= 3, `steps while pending: ${steps}`);

    const once = new RelatedIndex();
    for (const s of seeds()) once.setDocument(seedUri(s), s.text, { name: s.name });
    once.addRecord(BIG_URI, bigRecord());
    const after = answers(index);
    assert.notDeepStrictEqual(after, before);
    assert.deepStrictEqual(after, answers(once));
    assert.strictEqual(index.unitCount, once.unitCount);
    for (const q of QUESTIONS) assert.deepStrictEqual(exact(index.search(q)), exact(index.searchByScan(q)));
  });

  it('leaves out a plan removed between steps and takes one added meanwhile: as if one after the other', () => {
    const huayang = seed('华阳路街道2025年工作计划');
    const jiangsu = seed('江苏路');
    const small = jiangsu.text.replace(/招商/g, '引才');
    // Another plan removed while the big one is pending; the search answers as that removal alone.
    const removedOnly = seeded();
    removedOnly.removeDocument(seedUri(huayang));
    const index = seeded();
    let added = false;
    drive(index, index.addRecordInSteps(BIG_URI, bigRecord()), (k) => {
      if (k === 0) {
        assert.ok(index.removeDocument(seedUri(huayang)));
        assert.deepStrictEqual(answers(index), answers(removedOnly));
      } else if (k === 1) {
        index.setDocument('file:///small/江苏路.txt', small);
        added = true;
      }
    });
    assert.ok(added, 'added between steps');
    const sequence = seeded();
    sequence.removeDocument(seedUri(huayang));
    sequence.addRecord(BIG_URI, bigRecord());
    sequence.setDocument('file:///small/江苏路.txt', small);
    assert.deepStrictEqual(answers(index), answers(sequence));
    assert.strictEqual(index.documentCount, sequence.documentCount);
  });

  it('ends absent when its own plan is removed between steps, replaced when its plan is set again, as it was when stopped', () => {
    const before = answers(seeded());
    const removed = seeded();
    drive(removed, removed.addRecordInSteps(BIG_URI, bigRecord()), (k) => k === 1 && assert.ok(!removed.removeDocument(BIG_URI), 'not yet indexed'));
    assert.strictEqual(removed.document(BIG_URI), undefined);
    assert.deepStrictEqual(answers(removed), before);

    const stopped = seeded();
    const steps = stopped.addRecordInSteps(BIG_URI, bigRecord());
    while (!isPending(stopped)) steps.next();
    steps.next();
    steps.return(undefined as never);
    assert.ok(!isPending(stopped));
    assert.strictEqual(stopped.document(BIG_URI), undefined);
    assert.deepStrictEqual(answers(stopped), before);
    // Its slot and lists are free again: the next plan goes in as into an index that never saw it.
    stopped.addRecord(BIG_URI, bigRecord());
    const once = seeded();
    once.addRecord(BIG_URI, bigRecord());
    assert.deepStrictEqual(answers(stopped), answers(once));

    // A seed replaced in steps by the big plan: the old text answers until the swap, then the new one only.
    const wujiao = seedUri(seed('五角场'));
    const replacedInSteps = seeded();
    const beforeByRotation = answersByRotation(seeded());
    drive(replacedInSteps, replacedInSteps.addRecordInSteps(wujiao, bigRecord()), (k) => assert.deepStrictEqual(answers(replacedInSteps, rotation(k)), beforeByRotation[k % ROTATION]));
    const replacedOnce = seeded();
    replacedOnce.addRecord(wujiao, bigRecord());
    assert.deepStrictEqual(answers(replacedInSteps), answers(replacedOnce));

    // Set again between steps: the pending plan is swapped in, then replaced.
    const reset = seeded();
    const jiangsu = seed('江苏路').text;
    drive(reset, reset.addRecordInSteps(BIG_URI, bigRecord()), (k) => k === 0 && reset.setDocument(BIG_URI, jiangsu));
    const resetOnce = seeded();
    resetOnce.addRecord(BIG_URI, bigRecord());
    resetOnce.setDocument(BIG_URI, jiangsu);
    assert.deepStrictEqual(answers(reset), answers(resetOnce));
  });

  it('stages in steps of bounded postings: searched between steps as before it began, then as a one-step add', () => {
    const index = seeded({ stepWork: FINE });
    const before = answers(index);
    const record = bigRecord();
    let steps = 0;
    let staging = 0;
    const gen = index.addRecordInSteps(BIG_URI, record);
    while (!gen.next().done) {
      steps++;
      if (!isPending(index)) staging++;
      // Every 40th step: answering after each of hundreds of steps would take minutes.
      if (steps % 40 === 0) assert.deepStrictEqual(answers(index), before);
    }
    // Counted, then placed, about FINE postings a step: more steps than postings over FINE before the commit.
    assert.ok(staging >= record.unitTerms.length / FINE, `staging steps: ${staging} for ${record.unitTerms.length} postings`);
    const once = seeded();
    once.addRecord(BIG_URI, bigRecord());
    assert.deepStrictEqual(answers(index), answers(once));
  });

  it('leaves out a plan removed or set again while it is staged: as if it had never been asked for', () => {
    const before = answers(seeded());
    const removed = seeded({ stepWork: FINE });
    const steps = removed.addRecordInSteps(BIG_URI, bigRecord());
    for (let k = 0; k < 10; k++) steps.next();
    assert.ok(!isPending(removed), 'still staging');
    assert.ok(!removed.removeDocument(BIG_URI), 'not yet indexed');
    while (!steps.next().done);
    assert.strictEqual(removed.document(BIG_URI), undefined);
    assert.deepStrictEqual(answers(removed), before);

    const jiangsu = seed('江苏路').text;
    const replaced = seeded({ stepWork: FINE });
    const again = replaced.addRecordInSteps(BIG_URI, bigRecord());
    for (let k = 0; k < 10; k++) again.next();
    replaced.setDocument(BIG_URI, jiangsu);
    while (!again.next().done);
    const only = seeded();
    only.setDocument(BIG_URI, jiangsu);
    assert.deepStrictEqual(answers(replaced), answers(only));
    assert.strictEqual(replaced.documentCount, only.documentCount);
  });

  it('keeps its pending postings through a compaction between steps', () => {
    const index = seeded();
    const before = answers(index);
    drive(index, index.addRecordInSteps(BIG_URI, bigRecord()), (k) => {
      if (k !== 0) return;
      const compact = index.compactInSteps();
      while (!compact.next().done);
      assert.deepStrictEqual(answers(index), before);
    });
    const once = seeded();
    once.addRecord(BIG_URI, bigRecord());
    assert.deepStrictEqual(answers(index), answers(once));
  });
});
