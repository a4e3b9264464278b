// The topic lexicon (related/topics.ts) and how a unit's topics are read from its text.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/service/parse/parser';
import { GENERIC_WORDS } from '../../server/src/service/related/generic';
import { DEFAULT_WEIGHTS } from '../../server/src/service/related/index';
import { isLexiconTerm, topicTermsAsIndexTerms } from '../../server/src/service/related/lexicon';
import { normalizeText } from '../../server/src/service/related/normalize';
import { addTerms, TermTable, termText } from '../../server/src/service/related/terms';
import { TOPICS } from '../../server/src/service/related/topics';
import { unitsOf, unitTopics } from '../../server/src/service/related/units';
import { ROOT } from '../helpers/seeds';

const PLAN = readFileSync(path.join(ROOT, 'test', 'fixtures', 'related', '临江路街道2025年工作计划.txt'), 'utf8');
const TRADITIONAL = readFileSync(path.join(ROOT, 'test', 'fixtures', 'related', '臨江路街道2025年工作計劃.txt'), 'utf8');

function topicsOf(text: string): string[] {
  const hits = new TermTable().add(normalizeText(text)).topics;
  return [...hits.keys()].map((t) => TOPICS[t].id).sort();
}

/** The two strongest topics of each unit of a plan, by title. */
function strongest(text: string): Map<string, string[]> {
  return new Map(unitsOf(parsePlan(text)).map((u) => [u.title, [...unitTopics(u)].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([t]) => TOPICS[t].id)]));
}

describe('related measures: the topic lexicon', () => {
  it('holds 40 to 80 topics, each with a Chinese and an English name and several terms, no term in two topics', () => {
    assert.ok(TOPICS.length >= 40 && TOPICS.length <= 80, `${TOPICS.length} topics`);
    assert.strictEqual(new Set(TOPICS.map((t) => t.id)).size, TOPICS.length);
    const owner = new Map<string, string>();
    for (const t of TOPICS) {
      assert.ok(/[\u4e00-\u9fff]/.test(t.zh) && /^[a-z0-9 ',.-]+$/i.test(t.en), t.id);
      assert.ok(t.terms.length >= 4, `${t.id} has ${t.terms.length} terms`);
      for (const term of t.terms) {
        assert.strictEqual(normalizeText(term), term, `${term} is written as matching normalises it`);
        assert.ok(!owner.has(term), `${term} in ${owner.get(term)} and ${t.id}`);
        owner.set(term, t.id);
      }
    }
  });

  it('keeps words of government prose (generic.ts) out of the lexicon, each once and written as matching normalises it', () => {
    assert.strictEqual(new Set(GENERIC_WORDS).size, GENERIC_WORDS.length);
    for (const word of GENERIC_WORDS) {
      assert.strictEqual(normalizeText(word), word, word);
      assert.ok(!isLexiconTerm(word), `${word} is a lexicon term and a generic word`);
    }
  });

  it('lists only generic words the scan makes a term of, so each can match (新时代 gives only the bigrams 新时 and 时代)', () => {
    for (const word of GENERIC_WORDS) {
      const counted = new Map<string, number>();
      addTerms(word, 1, counted);
      const terms = [...counted.keys()].map(termText);
      assert.ok(terms.includes(word), `${word}: the scan makes ${terms.join(' ')}`);
    }
  });

  it('expands a question with its topic\'s terms, not with the pieces of them that are another topic\'s (社会消费品零售 → 消费)', () => {
    const expansion = (id: string) => [...topicTermsAsIndexTerms(TOPICS.findIndex((t) => t.id === id)).keys()].map(termText);
    const economy = expansion('economic-indicators');
    for (const word of ['纳统', '税收', '产值', '经济']) assert.ok(economy.includes(word), `${word} in ${economy.join(' ')}`);
    for (const word of ['消费', '零售', '预算']) assert.ok(!economy.includes(word), `${word}, a word of another topic, in ${economy.join(' ')}`);
    assert.ok(expansion('commerce').includes('消费'), 'the topic it belongs to keeps it');
  });

  it('counts the longest term at a position only: 闲置物业 is about buildings, not property management', () => {
    assert.deepStrictEqual(topicsOf('盘活闲置物业'), ['buildings-parks']);
    assert.deepStrictEqual(topicsOf('弘扬廉洁文化，建设法治文化阵地'), ['discipline', 'rule-of-law'], 'X文化 is about X, not about culture');
    assert.deepStrictEqual(topicsOf('加快推进林下经济发展'), ['industry'], 'a rural branch built up as an industry, not the economy as a whole');
    assert.deepStrictEqual(topicsOf('规范物业服务，指导业委会换届'), ['party-organization', 'property'].sort());
    assert.deepStrictEqual(topicsOf('推进经济持续健康发展'), [], 'a word every plan uses says nothing');
  });

  it('finds no topic in the edge between two words, nor in a set phrase that means something else', () => {
    assert.deepStrictEqual(topicsOf('定期召开工作会议，推进政务公开工作'), [], '召开|工作 and 公开|工作 hold 开工, not a project');
    assert.deepStrictEqual(topicsOf('守护好人民群众的安宁，用好人民建议'), ['consultation'], '守护|好人民 holds 好人, not civility');
    assert.deepStrictEqual(topicsOf('会议统筹协调处理重要事项'), [], '协调|处理 holds 调处, not a dispute');
    assert.deepStrictEqual(topicsOf('扮靓城市新风景'), [], '新|风景 holds 新风');
    assert.deepStrictEqual(topicsOf('营造干事创业的良好氛围'), ['cadres'], 'cadres\' drive, not jobs');
    assert.deepStrictEqual(topicsOf('以志愿活动为载体'), ['civility'], 'a vehicle, not premises');
    // The same words where they do name the topic.
    assert.deepStrictEqual(topicsOf('推动重大项目开工建设'), ['projects']);
    assert.deepStrictEqual(topicsOf('盘活闲置载体，强化载体招商'), ['buildings-parks']);
    assert.deepStrictEqual(topicsOf('落实未保工作站建设'), ['children']);
  });

  it('knows the words plans of any province use for the duties of a 街道 or 镇, in either script', () => {
    const cases: [string, string[], string][] = [
      ['坚持惩治腐败不停步，突出政治监督，以案促改', ['discipline'], 'corruption and oversight'],
      ['堅持懲治腐敗不停步', ['discipline'], 'the same in Traditional characters'],
      ['做好家庭医生签约，加强慢性病健康管理和疾控工作', ['health'], 'health care'],
      ['加强出租屋和外来务工人员服务管理', ['rental-population'], 'Guangdong says 出租屋'],
      ['开展街巷环境综合整治，清理卫生死角和小广告', ['city-appearance'], 'streets and lanes'],
      ['防范非法集资和金融风险', ['fraud-drugs'], 'financial fraud'],
      ['根治欠薪，开发公益性岗位', ['employment'], 'wages and jobs of public benefit'],
      ['推进殡葬改革，整治散埋乱葬', ['civility'], 'funeral reform'],
      ['加强燃气隐患排查', ['work-safety'], 'gas and hazards'],
      ['用好人民防空工程', ['veterans'], 'civil air defence'],
      ['地区ＧＤＰ稳步增长', ['economic-indicators'], 'full-width letters fold to gdp'],
      ['帮扶就业困难人员，做好就业援助', ['employment'], 'a job centre\'s group, not relief'],
      ['做好困难人员临时救助', ['assistance'], 'relief'],
      ['规上工业产值、限上零售额和营利性服务业营收均增长', ['economic-indicators'], 'figures of the economy, not industry or shops'],
      ['推动制造业转型升级', ['industry'], 'industry itself'],
      ['发展夜间经济，扩大消费', ['commerce'], 'shops and consumption'],
      ['引入公益基金会，培育公益组织', ['social-organizations'], 'charities and NGOs'],
    ];
    for (const [text, topics, why] of cases) assert.deepStrictEqual(topicsOf(text), topics, why);
  });

  it('reads no topic from a word that names one only in some phrases', () => {
    assert.deepStrictEqual(topicsOf('提升双创大赛的赛事水平'), ['innovation'], 'a contest of start-ups is no sport');
    assert.deepStrictEqual(topicsOf('举办全民体育赛事'), ['sports']);
    assert.deepStrictEqual(topicsOf('锦绣花园小区加装电梯'), ['urban-renewal'], 'a housing estate named 花园 is no greening');
    assert.deepStrictEqual(topicsOf('建设社区花园'), ['greening']);
    assert.deepStrictEqual(topicsOf('打造一站式矛盾纠纷调处中心'), ['disputes'], 'one-stop is said of every service');
    assert.deepStrictEqual(topicsOf('做好个人防护，提高居民防范意识'), [], '个人|防护 and 居民|防范 hold 人防 and 民防');
    assert.deepStrictEqual(topicsOf('培育新业态新模式'), [], 'new forms of business, not couriers');
    assert.deepStrictEqual(topicsOf('开设公益课程，举办公益集市'), [], 'free of charge: said of a service on any topic, not of charities');
    assert.deepStrictEqual(topicsOf('举办产业融合沙龙'), [], 'an event for firms of any trade, not industry work');
    assert.deepStrictEqual(topicsOf('推动乡村产业振兴，培育龙头企业，实施到户产业项目'), ['industry'], 'a town\'s industry work');
    assert.deepStrictEqual(topicsOf('发展现代农业，培育农业品牌'), ['industry'], 'farming built up as an industry');
    assert.deepStrictEqual(topicsOf('稳定粮食生产，做好春耕'), ['agriculture'], 'the duties of farming');
  });

  it('reads the topic of each measure of a plan of our own among its two strongest, in either script', () => {
    const expected = {
      做强招商引资: 'investment',
      强化产业链招商: 'investment',
      优化营商环境: 'business-environment',
      落实助企纾困政策: 'business-environment',
      推进旧住房改造: 'urban-renewal',
      完善为老服务: 'elderly',
      促进就业创业: 'employment',
      化解矛盾纠纷: 'disputes',
      推进全面从严治党: 'discipline',
    };
    const simplified = strongest(PLAN);
    for (const [title, topic] of Object.entries(expected)) assert.ok(simplified.get(title)?.includes(topic), `${title}: ${simplified.get(title)}`);
    assert.deepStrictEqual([...strongest(TRADITIONAL).values()], [...simplified.values()]);
  });

  it('counts a summary heading on its items\' topics as their average where it answers, their sum where it is asked about', () => {
    const plan = [
      '一、稳中求进，实干争先',
      '（一）做强招商引资',
      '开展以商招商。',
      '（二）做旺商圈消费',
      '发展夜间经济，扩大消费。',
      '（三）做优双创服务',
      '建设孵化器，培育科技企业。',
      '（四）做实企业服务',
      '走访企业，落实惠企政策。',
      '二、聚焦主业，做大增量',
      '（一）强化产业链招商',
      '开展以商招商。',
      '（二）深化以商招商',
      '引进企业落户。',
    ].join('\n');
    const units = new Map(unitsOf(parsePlan(plan)).map((u) => [u.title, u]));
    const investment = TOPICS.findIndex((t) => t.id === 'investment');
    const evidence = (title: string, asked: boolean) => unitTopics(units.get(title)!, new Map(), asked).get(investment) ?? 0;
    // topicMin is where a unit starts to be on a topic: one item in four on 招商 does not make the summary a 招商 section.
    const { topicMin } = DEFAULT_WEIGHTS;
    assert.ok(evidence('稳中求进，实干争先', false) < topicMin, `${evidence('稳中求进，实干争先', false)}`);
    assert.ok(evidence('聚焦主业，做大增量', false) >= topicMin, `${evidence('聚焦主业，做大增量', false)}`);
    // Asked about, a heading stands for its whole section.
    assert.strictEqual(evidence('稳中求进，实干争先', true), 4 * evidence('稳中求进，实干争先', false));
  });

  it('gives a heading the topics of the measures below it, and a measure none of its siblings\'', () => {
    const plan = [
      '一、稳中求进，实干争先',
      '（一）做强招商引资',
      '开展以商招商，全年引进企业20家。',
      '（二）走访企业解难题',
      '落实助企纾困政策，做好企业服务专员工作。',
      '二、凝心聚力，固本强基',
      '（一）推进全面从严治党',
      '落实一岗双责，开展警示教育。',
    ].join('\n');
    const units = new Map(unitsOf(parsePlan(plan)).map((u) => [u.title, new Set([...unitTopics(u).keys()].map((t) => TOPICS[t].id))]));
    assert.deepStrictEqual([...units.get('稳中求进，实干争先')!].sort(), ['business-environment', 'investment']);
    assert.deepStrictEqual([...units.get('凝心聚力，固本强基')!], ['discipline']);
    assert.ok(!units.get('做强招商引资')!.has('business-environment'), 'a sibling\'s topic');
    assert.ok(!units.get('推进全面从严治党')!.has('investment'), 'another section\'s topic');
  });
});
