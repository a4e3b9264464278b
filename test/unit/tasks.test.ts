import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parsePlan } from '../../server/src/service/parse/parser';
import { bestAssignment, changedTargets, comparePlans, PAIR_THRESHOLD } from '../../server/src/service/tasks/compare';
import { readFields, withoutAttributions } from '../../server/src/service/tasks/fields';
import { CONTENT_MAX, shorten, taskTable } from '../../server/src/service/tasks/rows';
import { seed, seeds } from '../helpers/seeds';
import { PLAN_2024, PLAN_2025 } from '../helpers/taskPlans';

function tableOf(file: string) {
  return taskTable(parsePlan(readFileSync(file, 'utf8')), path.basename(file));
}

const targets = (text: string) => readFields(text).targets.map((t) => t.text);

describe('tasks: fields named in a task’s text', () => {
  it('reads lead and partner units from labels, in either width and script', () => {
    assert.deepStrictEqual(readFields('牵头单位：社区办  配合单位：自治办、平安办  时间节点：第一季度'), {
      lead: ['社区办'], partners: ['自治办', '平安办'], deadline: ['第一季度'], targets: [],
    });
    assert.deepStrictEqual(readFields('推进改造。牵头单位:经发办;配合单位:规划建设办。完成时限:2024年10月底前。').lead, ['经发办']);
    assert.deepStrictEqual(readFields('【責任部門】街道經發辦 完成時限：長期堅持'), { lead: ['街道經發辦'], partners: [], deadline: ['長期堅持'], targets: [] });
    // 责任单位 leads where nothing else does, and stands beside a named lead otherwise.
    assert.deepStrictEqual(readFields('责任单位：城建办').lead, ['城建办']);
    const both = readFields('牵头单位：党建办；责任单位：各社区、自治办');
    assert.deepStrictEqual([both.lead, both.partners], [['党建办'], ['各社区', '自治办']]);
  });

  it('reads `（XX牵头）`, `由XX负责` and `XX牵头，YY配合`', () => {
    const paren = readFields('优化营商环境（区发改委牵头，各社区配合，6月底前完成）');
    assert.deepStrictEqual([paren.lead, paren.partners, paren.deadline], [['区发改委'], ['各社区'], ['6月底前']]);
    assert.deepStrictEqual(readFields('加强队伍建设(牽頭:黨建辦)').lead, ['黨建辦']);
    assert.deepStrictEqual(readFields('建立服务专员制度，由营商服务中心负责。').lead, ['营商服务中心']);
    assert.deepStrictEqual(readFields('由街道统一负责，按月通报。').lead, ['街道']);
    const by = readFields('由街道经发办牵头，各社区配合，做好走访。');
    assert.deepStrictEqual([by.lead, by.partners], [['街道经发办'], ['各社区']]);
    const clause = readFields('划分微网格。党建办牵头，各居委会、城管中队配合。');
    assert.deepStrictEqual([clause.lead, clause.partners], [['党建办'], ['各居委会', '城管中队']]);
    // Two stations named as one: split only where every part is a unit.
    assert.deepStrictEqual(readFields('由第一、第二网格工作站牵头开展联动。').lead, ['第一、第二网格工作站']);
  });

  it('names no unit where the text names none', () => {
    for (const text of ['由居民自治负责，长期坚持。', '形成“街道牵头,三所联动”的服务企业思路', '积极配合公安机关开展治安巡逻', '强化平台招商。积极融入招商工作体系。']) {
      const f = readFields(text);
      assert.deepStrictEqual([f.lead, f.partners], [[], []], text);
    }
  });

  it('reads deadlines as plans write them', () => {
    const deadline = (text: string) => readFields(text).deadline;
    assert.deepStrictEqual(deadline('年底前完成'), ['年底前']);
    assert.deepStrictEqual(deadline('6月底前完成方案，10月份前全面建成'), ['6月底前', '10月份前']);
    assert.deepStrictEqual(deadline('2025年10月前投入使用'), ['2025年10月前']);
    assert.deepStrictEqual(deadline('力争2025年底前完成'), ['2025年底前']);
    assert.deepStrictEqual(deadline('第一季度完成摸底'), ['第一季度']);
    assert.deepStrictEqual(deadline('全年开展巡查，长期坚持。'), ['全年', '长期坚持']);
    assert.deepStrictEqual(deadline('六月底前完成评估'), ['六月底前']);
    assert.deepStrictEqual(deadline('到2027年建成15分钟生活圈'), ['到2027年']);
    // A labelled deadline is the deadline; dates elsewhere in the text are not.
    assert.deepStrictEqual(deadline('6月底前启动。时间节点：12月31日前'), ['12月31日前']);
    // A month alone is when something starts, not a deadline.
    assert.deepStrictEqual(deadline('3月启动申报，2024年完成43幢楼宇调查'), []);
  });

  it('reads quantified targets with their units and the words that say what is counted', () => {
    assert.deepStrictEqual(targets('全年新增就业岗位1000个，完成税收5亿元，走访重点企业200家，覆盖率达95%以上。'), [
      '新增就业岗位1000个', '完成税收5亿元', '走访重点企业200家', '覆盖率达95%以上',
    ]);
    assert.deepStrictEqual(targets('力争新增1,000个就业岗位，年底前引进企业30家。'), ['新增1,000个就业岗位', '引进企业30家']);
    assert.deepStrictEqual(targets('完成１２０户适老化改造'), ['完成120户适老化改造']);
    assert.deepStrictEqual(readFields('完成税收5亿元').targets[0], { text: '完成税收5亿元', value: 5, unit: '亿元', key: '完成税收#亿元' });
    assert.deepStrictEqual(targets('盘点辖区内38 幢楼宇'), ['盘点辖区内38幢楼宇']);
  });

  it('takes no year, month, duration, ordinal, name or survey for a target', () => {
    assert.deepStrictEqual(
      targets('2025年3个月内完成第3期培训，提供24小时服务，融入“1+11+17+X”招商体系，做好全国1%人口抽样调查，5个工作日办结。'),
      [],
    );
  });

  it('drops from a text what only attributes it', () => {
    assert.strictEqual(withoutAttributions('优化营商环境（区发改委牵头，各社区配合）'), '优化营商环境');
    assert.strictEqual(withoutAttributions('推进改造（2025年10月前完成）'), '推进改造');
    assert.strictEqual(withoutAttributions('新增岗位1000个。责任部门：社区服务办。时间节点：全年。'), '新增岗位1000个。');
    // A parenthesis that says something else stays.
    assert.strictEqual(withoutAttributions('建设驿站（含2个示范点）'), '建设驿站（含2个示范点）');
  });
});

describe('tasks: the task table', () => {
  it('has one row per leaf of a constructed plan, placed by its sections and filled from its text', () => {
    const table = tableOf(PLAN_2024);
    assert.strictEqual(table.title, '青石桥街道2024年工作计划');
    assert.strictEqual(table.rows.length, 15);
    const [first, , third] = table.rows;
    assert.deepStrictEqual(
      { number: first.number, section: first.section, task: first.task, measure: first.measure, lead: first.lead, partners: first.partners, deadline: first.deadline },
      { number: '一.（一）.1', section: '聚焦经济发展，稳住增长基本盘', task: '精准招商引资', measure: '强化平台招商', lead: ['经发办'], partners: ['各社区'], deadline: ['全年', '年底前'] },
    );
    assert.strictEqual(first.content, '依托街道招商服务中心，走访重点企业150家，全年新增注册企业80家。', 'the attribution has a column of its own');
    assert.deepStrictEqual(first.targets.map((t) => t.text), ['走访重点企业150家', '新增注册企业80家']);
    assert.deepStrictEqual([third.lead, third.partners, third.deadline], [['经发办'], ['规划建设办'], ['2024年10月底前']]);
    // Cells stay empty where the plan names nothing.
    const drill = table.rows.find((r) => r.title === '化解矛盾纠纷')!;
    assert.deepStrictEqual([drill.lead, drill.partners, drill.deadline], [[], [], []]);
  });

  it('numbers a half-width `(一)` the standard way and keeps a unit named on a section for the tasks under it', () => {
    const text = '一、民生保障\n(二)养老服务（民政科牵头，2025年底前完成）\n1.新建长者食堂。新建长者食堂2个。\n2.推进适老化改造。由社区服务办负责，完成改造150户。\n';
    const rows = taskTable(parsePlan(text)).rows;
    assert.deepStrictEqual(rows.map((r) => r.number), ['一.（二）.1', '一.（二）.2']);
    assert.strictEqual(rows[0].task, '养老服务');
    assert.deepStrictEqual([rows[0].lead, rows[0].deadline], [['民政科'], ['2025年底前']]);
    assert.deepStrictEqual([rows[1].lead, rows[1].deadline], [['社区服务办'], ['2025年底前']]);
    // A period in a heading's own words is what the section is about, not the tasks' deadline.
    const review = taskTable(parsePlan('一、上半年工作回顾\n（一）经济运行\n1.招商引资。走访企业50家。\n')).rows;
    assert.deepStrictEqual(review[0].deadline, []);
  });

  it('makes every leaf of every seed a row, in document order, with a numbering path of its own', () => {
    for (const s of seeds()) {
      const model = parsePlan(s.text);
      const rows = taskTable(model, s.name).rows;
      const leaves = model.nodes.filter((n) => n.children.length === 0);
      assert.deepStrictEqual(rows.map((r) => r.node), leaves, s.name);
      assert.strictEqual(new Set(rows.map((r) => r.number)).size, rows.length, `${s.name}: numbers are unique`);
      for (const r of rows) {
        assert.ok(r.section, `${s.name} line ${r.node.line + 1} has a section`);
        assert.ok([...r.content].length <= CONTENT_MAX + 2, `${s.name} line ${r.node.line + 1}: content is shortened`);
      }
    }
    const wujiaochang = taskTable(parsePlan(seed('五角场').text)).rows;
    assert.deepStrictEqual(
      wujiaochang.slice(0, 2).map((r) => [r.number, r.task, r.measure]),
      [['一.（一）.1', '做大增量,强力招商引资', '着力发展在线经济'], ['一.（一）.2', '做大增量,强力招商引资', '合力引入招商资源']],
    );
    assert.deepStrictEqual(taskTable(parsePlan(seed('江苏路').text)).rows.slice(0, 2).map((r) => r.number), ['一.一是', '一.二是']);
    // A two-level section: the (一) heading is the task itself.
    const xinhua = taskTable(parsePlan(seed('新华路').text)).rows[0];
    assert.deepStrictEqual([xinhua.number, xinhua.task, xinhua.measure], ['一.（一）', '紧抓机遇巩固优势,推动项目提质增效', '']);
  });

  it('shortens a long text after its last whole sentence, else its last clause', () => {
    const sentence = '推进老旧小区综合改造。';
    assert.strictEqual(shorten(sentence.repeat(20), 30), sentence.repeat(2) + '……');
    const clauses = '聚焦沿街商铺和老旧小区，'.repeat(10);
    assert.strictEqual(shorten(clauses, 30), '聚焦沿街商铺和老旧小区，聚焦沿街商铺和老旧小区' + '……');
    assert.strictEqual(shorten('短句。', 30), '短句。');
  });
});

describe('tasks: last year against this year', () => {
  it('pairs reworded tasks one to one, lists the new and the dropped, and shows changed targets', () => {
    const result = comparePlans(tableOf(PLAN_2024), tableOf(PLAN_2025));
    assert.deepStrictEqual(
      result.continued.map((c) => [c.old.title, c.new.title]),
      [
        ['强化平台招商', '深化平台招商'],
        ['优化营商服务', '做优营商服务'],
        ['稳定就业岗位', '稳岗扩岗促就业'],
        ['扶持创业项目', '扶持创业项目'],
        ['新建社区食堂', '扩大长者食堂覆盖'],
        ['推进适老化改造', '推进适老化改造'],
        ['推进老旧小区改造', '推进老旧小区改造'],
        ['加装电梯', '加装电梯'],
        ['做实微网格', '做实微网格'],
        ['提升热线办理质效', '提升12345热线办理质效'],
        ['开展安全隐患排查', '排查整治安全隐患'],
        ['化解矛盾纠纷', '多元化解矛盾纠纷'],
      ],
    );
    assert.deepStrictEqual(result.added.map((r) => r.title), ['培育数字经济', '建设认知障碍友好社区']);
    assert.deepStrictEqual(result.dropped.map((r) => r.title), ['盘活楼宇空间', '整治群租问题', '开展防汛演练']);
    for (const c of result.continued) assert.ok(c.similarity >= PAIR_THRESHOLD && c.similarity <= 1, `${c.old.title}: ${c.similarity}`);
    assert.deepStrictEqual(result.continued[0].changedTargets, [
      { old: '走访重点企业150家', new: '走访重点企业200家' },
      { old: '新增注册企业80家', new: '新增注册企业100家' },
    ]);
    // Reworded around the number: paired by its unit.
    assert.deepStrictEqual(result.continued[9].changedTargets, [{ old: '12345热线工单按时办结率达98%', new: '工单按时办结率达99%' }]);
  });

  it('pairs every task of a seed with itself, among many alike', () => {
    const table = taskTable(parsePlan(seed('华阳路街道2025年工作计划').text));
    const result = comparePlans(table, table);
    assert.deepStrictEqual(result.continued.map((c) => [c.old, c.new]), table.rows.map((r) => [r, r]));
    for (const c of result.continued) assert.ok(c.similarity > 0.999, c.old.title);
  });

  it('leaves two unrelated plans unpaired', () => {
    const result = comparePlans(tableOf(PLAN_2024), taskTable(parsePlan(seed('答卷').text)));
    assert.deepStrictEqual(result.continued, []);
  });

  it('chooses the pairs with the largest total similarity where a greedy choice would strand a task', () => {
    // Greedy takes 0.6 first and leaves row 1 with 0.1; the best total pairs across: 0.55 + 0.5.
    assert.deepStrictEqual(bestAssignment([[0.6, 0.55], [0.5, 0.1]], 2), [1, 0]);
    assert.deepStrictEqual(bestAssignment([[0.2, 0.9, 0.1]], 3), [1]);
  });

  it('reports a target as changed only where its number changed', () => {
    const t = (text: string) => readFields(text).targets;
    assert.deepStrictEqual(changedTargets(t('走访企业150家，新建食堂3个'), t('新建食堂3个，走访重点企业200家')), [{ old: '走访企业150家', new: '走访重点企业200家' }]);
    assert.deepStrictEqual(changedTargets(t('走访企业150家'), t('培训200人')), []);
  });
});
