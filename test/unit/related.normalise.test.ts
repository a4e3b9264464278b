// A plan's script (繁/简) and width (full/half) never decide what it matches: twins of one plan of our
// own (test/fixtures/related/, the Traditional one converted with OpenCC's s2tw and read through) rank
// alike, in both directions: asked about, and found.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/service/parse/parser';
import { RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { addTerms } from '../../server/src/service/related/terms';
import { queryTerms, unitsOf } from '../../server/src/service/related/units';
import { hasTraditional, toSimplified } from '../../server/src/service/text/simplified';
import { getWorkspaceSymbols } from '../../server/src/service/features/workspaceSymbols';
import { seedIndex } from '../helpers/relatedPairs';
import { ROOT } from '../helpers/seeds';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'related');
const SIMPLIFIED = readFileSync(path.join(FIXTURES, '临江路街道2025年工作计划.txt'), 'utf8');
const TRADITIONAL = readFileSync(path.join(FIXTURES, '臨江路街道2025年工作計劃.txt'), 'utf8');

/** The plan as pasted from a half-width source: ASCII punctuation and brackets, full-width digits. */
function otherWidth(text: string): string {
  const half: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '“': '"', '”': '"' };
  return text.replace(/[，：；（）“”]/g, (c) => half[c]).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** What a hit is, whatever the twin: the unit's place and its score. */
function ranking(hits: RelatedHit[]): string[] {
  return hits.map((h) => `${h.unit.doc.uri}#${h.unit.line} ${h.score.toFixed(9)}`);
}

function asked(index: RelatedIndex, text: string): string[][] {
  return unitsOf(parsePlan(text)).map((u) => ranking(index.search(queryTerms(u), { limit: 5 })));
}

describe('related measures: script and width', () => {
  it('the twins are the same plan in another script or width, unit for unit', () => {
    const titles = (text: string) => unitsOf(parsePlan(text)).map((u) => u.node.line);
    assert.ok(hasTraditional(TRADITIONAL));
    assert.strictEqual(toSimplified(SIMPLIFIED), SIMPLIFIED);
    assert.deepStrictEqual(titles(TRADITIONAL), titles(SIMPLIFIED));
    assert.deepStrictEqual(titles(otherWidth(SIMPLIFIED)), titles(SIMPLIFIED));
    assert.ok(unitsOf(parsePlan(SIMPLIFIED)).length >= 15);
  });

  it('reads 繁體 and full-width text as the terms of its 简体, half-width twin', () => {
    const terms = (text: string) => {
      const m = new Map<string, number>();
      addTerms(text, 1, m);
      return [...m.keys()].sort();
    };
    assert.deepStrictEqual(terms('雙招雙引，營商環境，為老服務'), terms('双招双引，营商环境，为老服务'));
    assert.deepStrictEqual(terms('ＡＢＣ１２３４５熱線'), terms('abc12345热线'));
  });

  it('a Traditional or half-width twin, asked about, finds what the Simplified plan finds, at the same scores', () => {
    const index = seedIndex();
    const simplified = asked(index, SIMPLIFIED);
    assert.ok(simplified.every((hits) => hits.length > 0), 'every unit finds something in the seeds');
    assert.deepStrictEqual(asked(index, TRADITIONAL), simplified);
    assert.deepStrictEqual(asked(index, otherWidth(SIMPLIFIED)), simplified);
  });

  it('a Traditional twin in the corpus is found where its Simplified twin would be', () => {
    const uri = 'file:///plans/twin.txt';
    const found = (text: string) => {
      const index = seedIndex();
      index.setDocument(uri, text);
      const twinHits: string[] = [];
      for (const doc of [...index.documents()].filter((d) => d.uri !== uri)) {
        for (const u of unitsOf(parsePlan(readFileSync(new URL(doc.uri), 'utf8')))) {
          const hits = index.search(queryTerms(u), { exclude: (d) => d === doc, limit: 5 });
          twinHits.push(ranking(hits.filter((h) => h.unit.doc.uri === uri)).join(' '));
        }
      }
      return twinHits;
    };
    const simplified = found(SIMPLIFIED);
    assert.ok(simplified.filter(Boolean).length >= 20, 'the plan is among the top five for many seed units');
    assert.deepStrictEqual(found(TRADITIONAL), simplified);
  });

  it('finds titles by their Simplified or Traditional characters alike', () => {
    const index = new RelatedIndex();
    index.setDocument('file:///plans/s.txt', SIMPLIFIED);
    index.setDocument('file:///plans/t.txt', TRADITIONAL);
    const names = (query: string) => getWorkspaceSymbols(query, index).map((s) => `${s.name} ${s.location.uri}`).sort();
    assert.deepStrictEqual(names('為老'), ['完善为老服务 file:///plans/s.txt', '完善為老服務 file:///plans/t.txt']);
    assert.deepStrictEqual(names('营商环境'), names('營商環境'));
    assert.strictEqual(names('营商环境').length, 2);
  });
});
