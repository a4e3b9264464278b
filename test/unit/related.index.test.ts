// The related-measure core: terms, units, metadata and the per-document patched index.
import * as assert from 'assert';
import { parsePlan } from '../../server/src/service/parse/parser';
import { DEFAULT_WEIGHTS, RankingWeights, RelatedHit, RelatedIndex } from '../../server/src/service/related/index';
import { isGeneric, isLexiconTerm } from '../../server/src/service/related/lexicon';
import { TOPICS } from '../../server/src/service/related/topics';
import { pathToFileURL } from 'url';
import { addTerms, isBigram, termText } from '../../server/src/service/related/terms';
import { excerptOf, queryTerms, unitsOf } from '../../server/src/service/related/units';
import { seedIndex, seedUri } from '../helpers/relatedPairs';
import { SEEDS_DIR, seed, seeds } from '../helpers/seeds';

function termsOf(text: string): string[] {
  const m = new Map<string, number>();
  addTerms(text, 1, m);
  return [...m.keys()].map((t) => (isBigram(t) ? `~${termText(t)}` : t));
}

function render(hits: RelatedHit[]): string[] {
  return hits.map((h) => `${h.unit.doc.uri}#${h.unit.line} ${h.unit.title} ${h.score.toFixed(9)}`);
}

/** Hits with their scores to the last bit. */
function exact(hits: RelatedHit[]): string[] {
  return hits.map((h) => `${h.unit.doc.uri}#${h.unit.line} ${h.unit.title} ${h.score} ${h.sharedTerms.join('·')}`);
}

/** A question from a seed's unit, by title. */
function question(fragment: string, title: string): Map<string, number> {
  const unit = unitsOf(parsePlan(seed(fragment).text)).find((u) => u.title === title);
  assert.ok(unit, title);
  return queryTerms(unit);
}

describe('related measures: terms', () => {
  /** Terms as termsOf spells them, a readable bigram (a word to show) marked with `*`. */
  function marked(text: string): string[] {
    const m = new Map<string, number>();
    const words = new Set<string>();
    addTerms(text, 1, m, words);
    return [...m.keys()].map((t) => (isBigram(t) ? `~${termText(t)}` : t) + (words.has(t) ? '*' : ''));
  }

  it("cuts Chinese at the lexicon's words, longest first: a four-character word whole and by its bigrams, the pieces between by theirs, none across", () => {
    assert.ok(isLexiconTerm('精品小区') && isLexiconTerm('招商') && isLexiconTerm('养老') && !isLexiconTerm('平台'));
    assert.deepStrictEqual(marked('强化平台招商，推进精品小区建设'), ['~强化', '~化平', '~平台', '~招商*', '~推进*', '精品小区', '~精品', '~品小', '~小区', '~建设*']);
    // A piece of one character is a word of its own; two lone pieces are not joined (为老|服务 → no 老服).
    assert.deepStrictEqual(marked('养老和托育'), ['~养老*', '和', '~托育*']);
    assert.ok(!marked('为老服务').includes('~老服'), marked('为老服务').join(' '));
  });

  it('reads a word broken across lines or spaced by extraction, in Traditional or full-width characters, as the word', () => {
    const plain = marked('推进精品小区建设');
    assert.deepStrictEqual(marked('推进精品\n小区建设'), plain);
    assert.deepStrictEqual(marked('推进精品  小区建设'), plain);
    assert.deepStrictEqual(marked('推進精品小區建設'), plain);
    assert.deepStrictEqual(marked('ＡＢＣ１２３４５熱線'), marked('abc12345热线'));
  });

  it('takes Latin words and numbers whole (5G, 12.5, 1,000), drops a lone letter or digit, and never splits a surrogate pair', () => {
    assert.deepStrictEqual(marked('5G基站、12.5亿元、No.1、a、1,000户'), ['5g', '~基站*', '12.5', '~亿元*', 'no', '1,000', '户']);
    // An ideograph beyond the BMP is a word of its own; an emoji is no term.
    const astral = marked('𠮷野家餐饮😀服务');
    assert.deepStrictEqual(astral, ['𠮷', '~野家', '~家餐', '~餐饮', '~服务*']);
    const wellFormed = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
    assert.ok(termsOf('𠮷😀a𠮷').every((t) => wellFormed.test(t)), termsOf('𠮷😀a𠮷').join(' '));
  });

  it('reads through extraction damage: gaps between ideographs, full-width letters, **', () => {
    assert.deepStrictEqual(termsOf('营商 环境'), termsOf('营商环境'));
    assert.deepStrictEqual(termsOf('**１２３４５热线**'), termsOf('12345热线'));
    assert.ok(termsOf('落实“12345”热线首办责任制').includes('12345'));
  });
});

describe('related measures: units and metadata', () => {
  it('gives every seed its street, district, year and kind, from the text or else the file name', () => {
    const meta = Object.fromEntries([...seedIndex().documents()].map((d) => [d.name, { ...d.metadata, title: undefined }]));
    assert.deepStrictEqual(JSON.parse(JSON.stringify(meta)), {
      '杨浦区五角场街道2023年工作计划.txt': { kind: '计划', place: '五角场街道', year: 2023, district: '杨浦区' },
      '长宁区华阳路街道2025年基层治理答卷.txt': { kind: '其他', place: '华阳路街道', district: '长宁区', year: 2025 },
      '长宁区华阳路街道2025年工作计划.txt': { kind: '计划', place: '华阳路街道', year: 2025, district: '长宁区' },
      '长宁区新华路街道2025年工作计划.txt': { place: '新华路街道', year: 2025, district: '长宁区', kind: '计划' },
      '长宁区江苏路街道2024年工作计划.txt': { kind: '计划', place: '江苏路街道', year: 2024, district: '长宁区' },
    });
  });

  it('keeps a unit per heading, enumeration and measure, with its section path and a one-line excerpt', () => {
    const units = unitsOf(parsePlan(seed('五角场').text));
    const u = units.find((x) => x.title === '搭建商企服务平台')!;
    assert.deepStrictEqual(u.path, ['稳中求进,推动经济质效新提升', '做实服务,卯足发展后劲']);
    assert.strictEqual(excerptOf(u), '发挥五综管委办作用,定期召开政商(企)恳谈会,交流需求、促进合作、共谋发展。');
    const jiangsu = unitsOf(parsePlan(seed('江苏路').text));
    assert.ok(jiangsu.some((x) => x.node.kind === 'enumeration' && x.title === '招商引资，挖掘更大潜力'));
  });
});

describe('related measures: the index', () => {
  it('ranks by its postings exactly as a scan of every unit does', () => {
    const index = seedIndex();
    const exclude = (d: { uri: string }) => d.uri === seedUri(seed('五角场'));
    for (const title of ['用心用情为老服务', '提升热线工单办理质效', '驱动“三驾马车”良性运转']) {
      const q = question('五角场', title);
      assert.deepStrictEqual(render(index.search(q, { exclude })), render(index.searchByScan(q, { exclude })), title);
    }
  });

  it('skips only what cannot reach the top: every unit asked, with a limit and a least similarity, as the scan answers', () => {
    // Each seed three times (exact ties the pruning must not break differently), one copy edited and
    // one removed (bounds left stale by a removal stay bounds).
    const index = new RelatedIndex();
    for (const s of seeds()) for (const copy of ['a', 'b', 'c']) index.setDocument(`file:///${copy}/${encodeURIComponent(s.name)}`, s.text, { name: s.name });
    const jiangsu = seed('江苏路');
    index.setDocument(`file:///b/${encodeURIComponent(jiangsu.name)}`, jiangsu.text.replace(/招商/g, '引才'), { name: jiangsu.name });
    assert.ok(index.removeDocument(`file:///c/${encodeURIComponent(seed('华阳路街道2025年工作计划').name)}`));
    const asker = seed('五角场');
    const exclude = (d: { name?: string }) => d.name === asker.name;
    let pruned = 0;
    for (const unit of unitsOf(parsePlan(asker.text))) {
      const q = queryTerms(unit);
      for (const options of [{ limit: 5 }, { limit: 1, minSimilarity: 0.2 }, { minSimilarity: 0.15 }]) {
        const hits = index.search(q, { exclude, ...options });
        assert.deepStrictEqual(exact(hits), exact(index.searchByScan(q, { exclude, ...options })), `${unit.title} ${JSON.stringify(options)}`);
        if (options.limit === 5) pruned += hits.length;
      }
    }
    assert.ok(pruned > 100, 'the questions found something');
  });

  it('answers as the scan where many units come near the bar: exact copies, near-copies, excluded plans, the best added last', () => {
    const index = new RelatedIndex();
    const asker = seed('五角场');
    const others = seeds().filter((s) => s.name !== asker.name);
    const uri = (folder: string, k: number) => `file:///${folder}/${k}.txt`;
    // The other plans first, so that the bar is reached late in the keys a search walks.
    others.forEach((s, k) => index.setDocument(uri('weak', k), s.text, { name: s.name }));
    // Then the asker's plan again and again, each for another year (a plan of its own, not a version
    // of one): a third whole (ties), the rest each without one of its lines (near-equal scores),
    // every fifth excluded.
    const lines = asker.text.split('\n');
    const yearOf = (k: number, text: string) => text.replace('2023年工作计划', `${1990 + k}年工作计划`);
    const copies = 24;
    for (let k = 0; k < copies; k++) index.setDocument(uri('near', k), yearOf(k, k % 3 === 0 ? asker.text : lines.filter((_, i) => i !== 8 + 3 * k).join('\n')));
    // A plan removed among the first and a near-copy in its freed slot, among keys already walked.
    assert.ok(index.removeDocument(uri('weak', 1)));
    index.setDocument(uri('near', copies), yearOf(copies, lines.filter((_, i) => i !== 9).join('\n')));
    const exclude = (d: { uri: string }) => d.uri.startsWith('file:///near/') && Number(/(\d+)\.txt$/.exec(d.uri)![1]) % 5 === 0;
    let ties = 0;
    const units = unitsOf(parsePlan(asker.text));
    for (const unit of units.filter((_, i) => i % 8 === 0)) {
      const q = queryTerms(unit);
      for (const options of [{ limit: 5 }, { limit: 1 }, { limit: 3, minSimilarity: 0.3 }, { minSimilarity: 0.6 }]) {
        const hits = index.search(q, { exclude, ...options });
        assert.deepStrictEqual(exact(hits), exact(index.searchByScan(q, { exclude, ...options })), `${unit.title} ${JSON.stringify(options)}`);
        if (hits.length > 1 && hits[0].score === hits[1].score) ties++;
      }
    }
    assert.ok(ties > 5, `answers with tied scores: ${ties}`);
  });

  for (const lookupCost of [0, 4, 1e9]) {
    it(`answers as the scan block by block, the bar rising between blocks, and after edits move the units (lists summed rather than looked up at ${lookupCost} postings a unit)`, () => {
      // Blocks of 40 units: the seeds' plans span dozens, and the lists a block sums change as the bar
      // rises; at lookup cost 0 a block sums only the lists the bar needs, at 1e9 every list while a unit can reach it.
      const index = new RelatedIndex(undefined, { blockUnits: 40, lookupCost });
      const uri = (copy: string, name: string) => `file:///${copy}/${encodeURIComponent(name)}`;
      for (const s of seeds()) for (const copy of ['a', 'b']) index.setDocument(uri(copy, s.name), s.text, { name: s.name });
      const asker = seed('五角场');
      const exclude = (d: { uri: string }) => d.uri === uri('a', asker.name);
      const questions = unitsOf(parsePlan(asker.text)).filter((_, i) => i % 6 === 0).map(queryTerms);
      const compare = (when: string) => {
        for (const q of questions) {
          for (const options of [{ limit: 5 }, { limit: 1, minSimilarity: 0.2 }, { minSimilarity: 0.15 }, {}]) {
            assert.deepStrictEqual(exact(index.search(q, { exclude, ...options })), exact(index.searchByScan(q, { exclude, ...options })), `${when} ${JSON.stringify(options)}`);
          }
        }
      };
      compare('as built');
      // A plan twice as long in its slot (the units after it move), another gone, one more at the end.
      const jiangsu = seed('江苏路');
      index.setDocument(uri('b', jiangsu.name), `${jiangsu.text}\n${jiangsu.text.replace(/招商/g, '引才')}`, { name: jiangsu.name });
      assert.ok(index.removeDocument(uri('a', seed('新华路').name)));
      index.setDocument(uri('c', asker.name), asker.text.replace('2023年工作计划', '2030年工作计划'), { name: asker.name });
      compare('after edits');
    });
  }

  it('patches one document on replace and remove: the same answers as an index built afresh', () => {
    const patched = seedIndex();
    const jiangsu = seed('江苏路');
    const huayang = seed('华阳路街道2025年工作计划');
    // Replace 江苏路 with a version whose elderly-care measure is gone, and drop 华阳路's plan.
    const edited = jiangsu.text.replace(/\*\*二是用心用情[\s\S]*?(?=\*\*三是增色显特)/, '');
    assert.notStrictEqual(edited, jiangsu.text);
    patched.setDocument(seedUri(jiangsu), edited, { name: jiangsu.name });
    assert.ok(patched.removeDocument(seedUri(huayang)));
    assert.ok(!patched.removeDocument(seedUri(huayang)), 'a second removal is a no-op');

    const fresh = new RelatedIndex();
    for (const s of seeds()) {
      if (s.name === huayang.name) continue;
      fresh.setDocument(seedUri(s), s.name === jiangsu.name ? edited : s.text, { name: s.name });
    }
    // Slots differ (江苏路 was re-added), so compare what a user sees, not internal order of ties.
    const sorted = (hits: RelatedHit[]) => render(hits).sort();
    const q = question('五角场', '用心用情为老服务');
    assert.deepStrictEqual(sorted(patched.search(q)), sorted(fresh.search(q)));
    assert.strictEqual(patched.unitCount, fresh.unitCount);
    assert.ok(patched.search(q).every((h) => h.unit.doc.uri !== seedUri(huayang)));
    assert.ok(!patched.search(q).some((h) => h.unit.title === '用心用情，构建多维服务圈层'), 'the removed measure is gone');
  });

  it("names the shared words, the lexicon's first, then two characters that stood alone (为老), not bigrams inside a longer piece (心用)", () => {
    const index = seedIndex();
    const [top] = index.search(question('五角场', '积极推进双拥共建'), { exclude: (d) => d.name!.includes('五角场'), limit: 1 });
    assert.strictEqual(top.unit.title, '做好关心关爱');
    assert.deepStrictEqual(top.sharedTerms.slice(0, 3), ['双拥', '退役军人', '优抚']);
    assert.strictEqual(TOPICS[top.sharedTopics[0]].id, 'veterans');
    assert.ok(top.similarity > 0 && top.similarity <= 1);
    const [elderly] = index.search(question('五角场', '用心用情为老服务'), { exclude: (d) => d.name!.includes('五角场'), limit: 1 });
    assert.ok(!elderly.sharedTerms.includes('心用') && elderly.sharedTerms.includes('为老'), elderly.sharedTerms.join(' '));
  });

  it('shows no boilerplate, no word in more than one unit in twenty, and no bigram straddling two shown words (招商|引资 → 商引)', () => {
    const index = seedIndex();
    const hits = index.search(question('五角场', '做大增量,强力招商引资'), { exclude: (d) => d.name!.includes('五角场'), limit: 5 });
    const shown = hits.flatMap((h) => h.sharedTerms);
    assert.ok(shown.includes('招商') && shown.includes('引资'), shown.join(' '));
    for (const word of ['商引', '打造', '服务', '质量', '发展', '增长']) assert.ok(!shown.includes(word), `${word} in ${shown.join(' ')}`);
  });

  it('shows no word of government prose (generic.ts) as a shared term of any seed measure\'s related measures', () => {
    const index = seedIndex();
    let shown = 0;
    for (const s of seeds()) {
      for (const u of unitsOf(parsePlan(s.text))) {
        for (const hit of index.search(queryTerms(u), { exclude: (d) => d.name === s.name, limit: 3 })) {
          shown += hit.sharedTerms.length;
          for (const word of hit.sharedTerms) assert.ok(!isGeneric(word), `${word}: ${u.title} → ${hit.unit.title}`);
        }
      }
    }
    assert.ok(shown > 500, `${shown} shared terms shown`);
  });

  it('ranks a measure on the same topic in other words above one that shares a word on another topic', () => {
    const plans = [
      ['file:///p/a.txt', 'A街道2025年工作计划\n一、城市更新\n**推进既有住宅加装电梯。**在多层住宅推进加装电梯，方便居民上下楼。'],
      ['file:///p/b.txt', 'B街道2025年工作计划\n一、城市更新\n**推进旧住房成套改造。**完成老旧小区综合改造和精品小区建设，改善居住条件。'],
      ['file:///p/c.txt', 'C街道2025年工作计划\n一、安全生产\n**开展住宅电梯安全检查。**联合特种设备部门检查电梯维保，排查安全隐患。'],
    ];
    const ask = (weights?: RankingWeights) => {
      const index = new RelatedIndex(weights);
      for (const [uri, text] of plans) index.setDocument(uri, text);
      const unit = unitsOf(parsePlan(plans[0][1])).find((u) => u.title === '推进既有住宅加装电梯')!;
      return index.search(queryTerms(unit), { exclude: (d) => d.uri === plans[0][0] }).map((h) => h.unit.doc.uri);
    };
    assert.deepStrictEqual(ask({ ...DEFAULT_WEIGHTS, topic: 0, expansion: 0 })[0], 'file:///p/c.txt', 'words alone: the lift inspection');
    assert.deepStrictEqual(ask()[0], 'file:///p/b.txt', 'with topics: the other renewal measure');
  });

  /** A seed's answers to a one-measure question: title and the topics shared, best first. */
  function seedAnswers(measure: string): { title: string; topics: string[] }[] {
    const unit = unitsOf(parsePlan(`Q街道2025年工作计划\n一、社区工作\n${measure}`)).find((u) => u.node.kind === 'measure')!;
    return seedIndex().search(queryTerms(unit), { limit: 3 }).map((h) => ({ title: h.unit.title, topics: h.sharedTopics.map((t) => TOPICS[t].id) }));
  }

  it('links employment help by employment alone: 就业困难人员 are a job centre\'s group, not a case for relief', () => {
    const [first] = seedAnswers('**做好就业援助。**为就业困难人员开发公益性岗位。');
    // 坚持就业优先 names 就业困难人员 beside 低保困难家庭: only the latter is relief.
    assert.deepStrictEqual(first, { title: '坚持就业优先', topics: ['employment'] });
  });

  it('expands a question by its main topic, not by the whole vocabulary of a topic it mentions in passing', () => {
    const index = seedIndex();
    const ask = (text: string) => {
      const unit = unitsOf(parsePlan(text)).find((u) => u.node.kind === 'measure')!;
      return index.search(queryTerms(unit), { limit: 3 }).map((h) => ({ title: h.unit.title, topics: h.sharedTopics.map((t) => TOPICS[t].id) }));
    };
    const property = '精细化提升,业主自治助力社区焕新颜';
    // Streets and lanes, with property management named once: the seeds' city-appearance units answer.
    const lanes = ask('Q街道2025年工作计划\n一、城市管理\n**提升街巷面貌。**开展背街小巷整治，引入物业管理。');
    assert.ok(lanes.every((h) => h.topics.includes('city-appearance')), JSON.stringify(lanes));
    assert.ok(!lanes.some((h) => h.title === property), JSON.stringify(lanes));
    // Property management as the main topic, streets in passing: the property section still leads.
    const estates = ask('Q街道2025年工作计划\n一、社区治理\n**提升物业服务水平。**推动业主大会规范运作，开展物业服务质量评价，整治背街小巷。');
    assert.strictEqual(estates[0].title, property, JSON.stringify(estates));
  });

  it('can weigh words of government prose (夯实, 召开, 会议) below the words that say what a measure is about, never to nothing', () => {
    const meeting = ['file:///p/x.txt', 'X街道2025年工作计划\n一、其他\n**召开季度工作会议。**夯实工作基础，按时召开会议。'];
    const weather = ['file:///p/y.txt', 'Y街道2025年工作计划\n一、其他\n**新建气象站。**'];
    const unit = unitsOf(parsePlan('Z街道2025年工作计划\n一、其他\n**夯实气象观测基础。**召开工作会议，部署观测设备维护。'))[1];
    assert.strictEqual(unit.title, '夯实气象观测基础');
    const ask = (plans: string[][], generic: number) => {
      const index = new RelatedIndex({ ...DEFAULT_WEIGHTS, generic });
      for (const [uri, text] of plans) index.setDocument(uri, text);
      return index.search(queryTerms(unit), { limit: 1 }).map((h) => h.unit.title);
    };
    // Each plan says 夯实 and 召开 in one unit only: by their frequency the meeting's prose outweighs one shared 气象.
    assert.deepStrictEqual(ask([meeting, weather], 1), ['召开季度工作会议'], 'frequency alone: the meeting');
    assert.deepStrictEqual(ask([meeting, weather], 0.3), ['新建气象站']);
    assert.deepStrictEqual(ask([meeting], 0.3), ['召开季度工作会议'], 'with nothing closer, shared prose still links');
  });

  it('still ranks by words alone a measure the lexicon knows no topic for', () => {
    const index = new RelatedIndex();
    index.setDocument('file:///p/x.txt', 'X街道2025年工作计划\n一、其他\n**完善气象观测站点布局。**新建自动气象观测站两处。');
    index.setDocument('file:///p/y.txt', 'Y街道2025年工作计划\n一、其他\n**开展档案数字化。**');
    const unit = unitsOf(parsePlan('Z街道2025年工作计划\n一、其他\n**建设气象观测站。**维护自动气象观测设备。'))[1];
    assert.strictEqual(unit.title, '建设气象观测站');
    assert.deepStrictEqual([...queryTerms(unit).keys()].filter((t) => t.charCodeAt(0) === 2), [], 'no topic');
    const [top] = index.search(queryTerms(unit));
    assert.strictEqual(top.unit.doc.uri, 'file:///p/x.txt');
    assert.deepStrictEqual(top.sharedTopics, []);
  });

  it('leaves out the asking plan as it is indexed now: a copy (same text) while it is one, a version (same street, year and kind) while it is one', () => {
    const index = seedIndex();
    // No headline: the copies are one plan by their text alone.
    const body = seed('华阳路街道2025年工作计划').text.split('\n').slice(1).join('\n');
    const [mine, other, version] = ['file:///tmp/a/%E7%94%B2.txt', 'file:///tmp/b/%E4%B9%99.txt', 'file:///tmp/c/%E4%B8%99.txt'];
    index.setDocument(mine, body, { name: '甲.txt' });
    const unit = unitsOf(parsePlan(body)).find((u) => u.title === '强化平台招商')!;
    const found = (uri: string) => index.relatedTo(unit, mine, body, { limit: 5 }).some((h) => h.unit.doc.uri === uri);
    index.setDocument(other, body, { name: '乙.txt' });
    assert.ok(!found(other), 'a copy');
    index.setDocument(other, body.replace('强化平台招商', '强化平台的招商'), { name: '乙.txt' });
    assert.ok(found(other), 'edited, another plan');
    assert.ok(index.removeDocument(other));
    index.setDocument(other, body, { name: '乙.txt' });
    assert.ok(!found(other), 'a copy again');
    assert.ok(index.removeDocument(other));
    // Another text of the asking plan's street, year and kind: a version of it, until it says another year.
    const huayang = seed('华阳路街道2025年工作计划').text;
    const askerUnit = unitsOf(parsePlan(huayang)).find((u) => u.title === '强化平台招商')!;
    const draft = huayang.replace('强化平台招商', '强化平台的招商');
    const hits = () => index.relatedTo(askerUnit, other, huayang, { limit: 5 }).map((h) => h.unit.doc.uri);
    index.setDocument(version, draft, { name: '丙.txt' });
    assert.ok(!hits().includes(version) && !hits().includes(seedUri(seed('华阳路街道2025年工作计划'))), 'versions');
    index.setDocument(version, draft.replace(/2025/g, '2026'), { name: '丙.txt' });
    assert.ok(hits().includes(version), 'another year, another plan');
  });

  it('lists a plan found twice once, the copy in the workspace before the shipped one', () => {
    const index = seedIndex();
    const shipped = pathToFileURL(SEEDS_DIR).href;
    index.setShippedFolder(shipped);
    for (const s of seeds()) index.setDocument(`file:///workspace/${encodeURIComponent(s.name)}`, s.text, { name: s.name });
    const hits = index.search(question('五角场', '用心用情为老服务'), { exclude: (d) => d.name!.includes('五角场'), limit: 5 });
    assert.strictEqual(hits.length, 5);
    assert.ok(hits.every((h) => h.unit.doc.uri.startsWith('file:///workspace/')), hits.map((h) => h.unit.doc.uri).join('\n'));
    const places = hits.map((h) => `${h.unit.doc.metadata.place} ${h.unit.title}`);
    assert.strictEqual(new Set(places).size, places.length, 'no measure twice');
  });

  it('knows a shipped plan however its URI is written, and nothing beside the folder for it', () => {
    const index = new RelatedIndex();
    index.setShippedFolder('file:///c%3A/ext/seeds');
    assert.ok(index.isShippedUri('file:///C:/ext/seeds/%E6%B1%9F%E8%8B%8F%E8%B7%AF.txt'));
    assert.ok(index.isShippedUri('file:///c%3a/EXT/seeds/江苏路.txt'));
    assert.ok(!index.isShippedUri('file:///c%3A/ext/seeds-old/江苏路.txt'), 'a folder that only starts the same');
    assert.ok(!index.isShippedUri('untitled:100%') && !index.isShippedUri('file:///c%3A/ext/%E0%A4%A.txt'), 'a malformed escape is no error');
  });
});
