// The posting lists' storage: slots carved from blocks the index owns, reused, packed and given back.
import * as assert from 'assert';
import { parsePlan } from '../../server/src/service/parse/parser';
import { RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { PostingBlocks, PostingSlot } from '../../server/src/service/related/postingBlocks';
import { queryTerms, unitsOf } from '../../server/src/service/related/units';
import { seedIndex, seedUri } from '../helpers/relatedPairs';
import { seed, seeds } from '../helpers/seeds';

/** Hits with their scores to the last bit. */
function exact(hits: RelatedHit[]): string[] {
  return hits.map((h) => `${h.unit.doc.uri}#${h.unit.line} ${h.unit.title} ${h.score} ${h.sharedTerms.join('·')} ${h.sharedTopics.join('·')}`);
}

/** Every seed in three folders: lists of many lengths, each grown run by run through many size classes. */
function tripledIndex(): RelatedIndex {
  const index = new RelatedIndex();
  for (const copy of ['a', 'b', 'c']) for (const s of seeds()) index.setDocument(`file:///${copy}/${encodeURIComponent(s.name)}`, s.text, { name: s.name });
  return index;
}

/** What the index answers to each unit of a seed: BM25 and topic postings of every list they touch. */
function answers(index: RelatedIndex): string[] {
  return unitsOf(parsePlan(seed('五角场').text)).flatMap((u) => {
    const q = queryTerms(u);
    return [...exact(index.search(q, { limit: 8 })), ...exact(index.searchByScan(q, { minSimilarity: 0.3 }))];
  });
}

function pack(index: RelatedIndex): void {
  const steps = index.compactInSteps();
  while (!steps.next().done);
}

/** Fills a slot's keys and codes with values of its own. */
function fill(slot: PostingSlot, mark: number): void {
  for (let i = 0; i < slot.capacity; i++) {
    slot.keys[i] = mark * 1_000_000 + i;
    slot.codes[i] = (mark * 7 + i) & 0xffff;
  }
}

function holds(slot: PostingSlot, mark: number): boolean {
  for (let i = 0; i < slot.capacity; i++) if (slot.keys[i] !== mark * 1_000_000 + i || slot.codes[i] !== ((mark * 7 + i) & 0xffff)) return false;
  return true;
}

describe('related measures: posting storage', () => {
  it('gives each list a slot of its own: no two slots share a byte, keys and codes alike', () => {
    const blocks = new PostingBlocks();
    const sizes = [1, 2, 3, 5, 8, 13, 21, 100, 1000, 5000, 60_000, 3, 3, 3];
    const slots = sizes.map((n, k) => (k % 3 === 2 ? blocks.allocateExact(n) : blocks.allocate(n)));
    slots.forEach((s, k) => {
      assert.ok(s.capacity >= sizes[k], `slot ${k} holds ${sizes[k]}`);
      fill(s, k);
    });
    slots.forEach((s, k) => assert.ok(holds(s, k), `slot ${k} kept its postings`));
  });

  it('grows by size classes about a fifth apart', () => {
    const blocks = new PostingBlocks();
    for (let n = 1; n <= 2_000_000; n = Math.ceil(n * 1.07)) {
      const c = blocks.capacityFor(n);
      assert.ok(c >= n && c <= Math.max(n + 2, Math.ceil(n * 1.25)), `${n} → ${c}`);
    }
  });

  it('reuses a freed slot for the next list of its class, and drops a block when its last slot goes', () => {
    const blocks = new PostingBlocks();
    const a = blocks.allocate(10);
    const b = blocks.allocate(10);
    const bytes = blocks.bytes;
    blocks.release(a);
    const c = blocks.allocate(9);
    assert.strictEqual(c.block, a.block);
    assert.strictEqual(c.offset, a.offset);
    assert.strictEqual(blocks.bytes, bytes, 'no new block');
    blocks.release(b);
    blocks.release(c);
    assert.strictEqual(blocks.blockCount, 0);
    assert.strictEqual(blocks.bytes, 0);

    const packed = [blocks.allocateExact(7), blocks.allocateExact(7)];
    assert.strictEqual(packed[0].block, packed[1].block, 'exact slots share a packing block');
    assert.strictEqual(packed[0].keys.length, 7);
    for (const s of packed) blocks.release(s);
    assert.strictEqual(blocks.blockCount, 0, 'a packing block emptied goes');
  });

  it('keeps every posting through growth and packing: the same answers, to the last bit, as before packing', () => {
    const index = tripledIndex();
    const before = answers(index);
    const held = index.postingStorage;
    pack(index);
    assert.deepStrictEqual(answers(index), before);
    const packed = index.postingStorage;
    assert.ok(packed.bytes < held.bytes, `${JSON.stringify(held)} → ${JSON.stringify(packed)}`);
    assert.strictEqual(packed.blocks, 1, 'one block of exactly the lists, the old ones all gone');
    // Packed twice: nothing moves.
    pack(index);
    assert.deepStrictEqual(index.postingStorage, packed);
    // Lists grown again after packing move out of their exact slots and keep every posting.
    const jiangsu = seed('江苏路');
    index.setDocument('file:///d/jiangsu.txt', jiangsu.text, { name: jiangsu.name });
    assert.ok(index.removeDocument('file:///d/jiangsu.txt'));
    assert.deepStrictEqual(answers(index), before);
  });

  it('frees the space of a removed plan: reused when it comes back, all of it when every plan goes', () => {
    const index = seedIndex();
    pack(index);
    const jiangsu = seed('江苏路');
    const cycle = () => {
      assert.ok(index.removeDocument(seedUri(jiangsu)));
      index.setDocument(seedUri(jiangsu), jiangsu.text, { name: jiangsu.name });
    };
    cycle();
    const once = index.postingStorage;
    for (let i = 0; i < 5; i++) cycle();
    assert.deepStrictEqual(index.postingStorage, once, 'the slots a removal freed are taken again');
    for (const s of seeds()) assert.ok(index.removeDocument(seedUri(s)));
    assert.deepStrictEqual(index.postingStorage, { bytes: 0, blocks: 0 });
  });
});
