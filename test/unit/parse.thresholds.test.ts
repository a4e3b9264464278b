// Each length the parser judges by (parse/thresholds.ts), with a case on either side of it: why it has its value.
import * as assert from 'assert';
import * as T from '../../server/src/service/parse/thresholds';
import { OutlineModel } from '../../server/src/service/model';
import { parse } from '../helpers/parse';

/** `n` distinct ideographs, so that no two measures look alike by accident. */
function ideographs(n: number, from = 0x4e00 + 0x100): string {
  return Array.from({ length: n }, (_, k) => String.fromCharCode(from + k * 7)).join('');
}

const BODY = '围绕辖区企业的实际需求，逐户走访了解情况，建立问题清单并限时办结，形成工作闭环。';

function titles(model: OutlineModel, kind?: string): string[] {
  return model.nodes.filter((n) => !kind || n.kind === kind).map((n) => n.title);
}

describe('parser thresholds (parse/thresholds.ts)', () => {
  it(`TITLE_STOP_WINDOW ${T.TITLE_STOP_WINDOW}: a first sentence this short is the title even where a gap comes first; a longer one gives way to a merge gap`, () => {
    const short = parse(`一、${ideographs(10)} ${ideographs(T.TITLE_STOP_WINDOW - 14)}。${BODY}\n`);
    assert.strictEqual(short.problems.length, 0);
    assert.strictEqual(short.nodes[0].title.length, T.TITLE_STOP_WINDOW - 3);
    const long = parse(`一、${ideographs(10)} ${ideographs(T.TITLE_STOP_WINDOW + 5)}。${BODY}\n`);
    assert.deepStrictEqual([long.problems[0]?.code, long.nodes[0].title], ['heading.merged', ideographs(10)]);
  });

  it(`TITLE_SCAN ${T.TITLE_SCAN}: a stop within it ends the title; past it the line is title and body without one`, () => {
    const within = parse(`一、${ideographs(T.TITLE_SCAN - 50)}。${BODY}\n`);
    assert.strictEqual(within.nodes[0].title.length, T.TITLE_SCAN - 50);
    const beyond = parse(`一、${ideographs(T.TITLE_SCAN + 20)}。${BODY}\n`);
    assert.strictEqual(beyond.nodes[0].title.length, T.TITLE_SCAN + 21 + BODY.length - 1);
  });

  it(`FIRST_CHILD_WINDOW ${T.FIRST_CHILD_WINDOW}: a flattened heading's first child is looked for this near its title's start`, () => {
    const near = parse(`一、${ideographs(20)} （一）${ideographs(6)}。${BODY}\n`);
    assert.deepStrictEqual(titles(near), [ideographs(20), ideographs(6)]);
    const far = parse(`一、${ideographs(T.FIRST_CHILD_WINDOW + 5)} （一）${ideographs(6)}。${BODY}\n`);
    assert.strictEqual(far.nodes.length, 1);
  });

  it(`MERGED_LINE_MIN ${T.MERGED_LINE_MIN}, MERGED_TITLE_MIN ${T.MERGED_TITLE_MIN}, MERGED_TITLE_MAX ${T.MERGED_TITLE_MAX}, MERGED_BODY_MIN ${T.MERGED_BODY_MIN}: where a gap ends a title`, () => {
    const merged = (title: number, body: number) => parse(`一、${ideographs(title)} ${ideographs(body, 0x5e00)}\n`).problems.length === 1;
    // A short line keeps its gap: `一、凝心聚力 实干笃行` is one title.
    assert.ok(!merged(10, T.MERGED_LINE_MIN - 10));
    assert.ok(merged(10, T.MERGED_LINE_MIN));
    assert.ok(!merged(T.MERGED_TITLE_MIN - 2, 60), 'a gap right after the marker is no title ending');
    assert.ok(merged(T.MERGED_TITLE_MAX - 2, 60));
    assert.ok(!merged(T.MERGED_TITLE_MAX + 3, 60), 'no title runs so long');
    assert.ok(!merged(25, T.MERGED_BODY_MIN - 1));
    assert.ok(merged(25, T.MERGED_BODY_MIN));
  });

  describe('measures', () => {
    /** A section whose paragraphs open with `firsts`, each followed by a longer body. */
    const section = (...firsts: string[]) => parse(`一、总体要求\n\n${firsts.map((f) => `${f}。${BODY}\n\n`).join('')}`);
    const measures = (...firsts: string[]) => titles(section(...firsts), 'measure');

    it(`MEASURE_MIN ${T.MEASURE_MIN}: a shorter sentence is no verb phrase`, () => {
      assert.deepStrictEqual(measures(ideographs(T.MEASURE_MIN - 1), ideographs(T.MEASURE_MIN - 1, 0x5e00)), []);
      assert.strictEqual(measures(ideographs(T.MEASURE_MIN), ideographs(T.MEASURE_MIN, 0x5e00)).length, 2);
    });

    it(`MEASURE_MAX ${T.MEASURE_MAX}: at a paragraph's start`, () => {
      assert.strictEqual(measures(ideographs(T.MEASURE_MAX), ideographs(T.MEASURE_MAX - 2, 0x5e00)).length, 2);
      assert.deepStrictEqual(measures(ideographs(T.MEASURE_MAX + 1), ideographs(T.MEASURE_MAX + 1, 0x5e00)), []);
    });

    it(`MEASURE_MAX_MID ${T.MEASURE_MAX_MID}: in the middle of a paragraph, where short body sentences are`, () => {
      const mid = (n: number) => titles(parse(`一、总体要求\n\n${ideographs(8)}。${BODY}${ideographs(n, 0x5e00)}。${BODY}\n`), 'measure').length;
      assert.strictEqual(mid(T.MEASURE_MAX_MID), 2);
      // Too long for the middle of a paragraph: no sibling, and the opener alone is no measure either.
      assert.strictEqual(mid(T.MEASURE_MAX_MID + 1), 0);
    });

    it(`MEASURE_MAX_BOLD ${T.MEASURE_MAX_BOLD}: bold marks a measure on its own, up to this length`, () => {
      const bold = (n: number) => titles(parse(`一、总体要求\n\n**${ideographs(n)}。**${BODY}\n`), 'measure').length;
      assert.strictEqual(bold(T.MEASURE_MAX_BOLD), 1);
      assert.strictEqual(bold(T.MEASURE_MAX_BOLD + 1), 0);
    });

    it(`MEASURE_FIRST_CLAUSE_MAX ${T.MEASURE_FIRST_CLAUSE_MAX}: one comma after a short first clause (擦亮金字招牌,实现人气引流)`, () => {
      const clause = (n: number) => measures(`${ideographs(n)}，${ideographs(4, 0x6000)}`, `${ideographs(n, 0x5e00)}，${ideographs(4, 0x6100)}`).length;
      assert.strictEqual(clause(T.MEASURE_FIRST_CLAUSE_MAX), 2);
      assert.strictEqual(clause(T.MEASURE_FIRST_CLAUSE_MAX + 1), 0);
    });

    it(`MEASURE_MAX_PARALLEL ${T.MEASURE_MAX_PARALLEL} and PARALLEL_PREFIX ${T.PARALLEL_PREFIX}: longer measures only in parallel (要坚持…，切实做到…)`, () => {
      const parallel = (prefix: string, n: number) =>
        measures(`${prefix}${ideographs(n - prefix.length - 9)}，${ideographs(8, 0x6000)}`, `${prefix}${ideographs(n - prefix.length - 9, 0x5e00)}，${ideographs(8, 0x6100)}`).length;
      assert.strictEqual(parallel('要坚持', T.MEASURE_MAX_PARALLEL), 2);
      assert.strictEqual(parallel('要坚持', T.MEASURE_MAX_PARALLEL + 1), 0);
      assert.strictEqual(parallel('要坚', T.MEASURE_MAX_PARALLEL), 0, 'two shared characters are too common (街道…)');
      // The shared words are read without quotes, spaces and emphasis before or between them.
      const written = (a: string, b: string) =>
        measures(`${a}${ideographs(12)}，${ideographs(8, 0x6000)}`, `${b}${ideographs(12, 0x5e00)}，${ideographs(8, 0x6100)}`).length;
      assert.strictEqual(written('“要坚持', '要 坚持'), 2);
      assert.strictEqual(written('“要坚持', '要 坚守'), 0);
      // prefixOf packs a prefix into one double, 16 bits a code unit: different prefixes differ only up to three.
      assert.ok(T.PARALLEL_PREFIX <= 3, 'a longer prefix needs another key than one number (inline.ts prefixOf)');
    });

    it(`MEASURE_ALIKE_SPREAD ${T.MEASURE_ALIKE_SPREAD}: siblings are written alike`, () => {
      assert.strictEqual(measures(ideographs(5), ideographs(5 + T.MEASURE_ALIKE_SPREAD, 0x5e00)).length, 2);
      assert.strictEqual(measures(ideographs(5), ideographs(5 + T.MEASURE_ALIKE_SPREAD + 1, 0x5e00)).length, 0);
    });
  });

  it(`RUN_IN_TITLE_MAX ${T.RUN_IN_TITLE_MAX}: a longer first sentence of a run-in is named by its first clause`, () => {
    const runIn = (n: number) => parse(`一、总体要求\n\n一是${ideographs(8)}，${ideographs(n - 8)}。二是推进。\n`).nodes[1].title;
    assert.strictEqual(runIn(T.RUN_IN_TITLE_MAX - 1).length, T.RUN_IN_TITLE_MAX);
    assert.strictEqual(runIn(T.RUN_IN_TITLE_MAX + 1), ideographs(8));
  });

  it(`UNNUMBERED_MIN ${T.UNNUMBERED_MIN} and UNNUMBERED_MAX ${T.UNNUMBERED_MAX}: a standalone line of this length heads a section of an unnumbered plan`, () => {
    // After a headline and a lead paragraph: the first standalone lines of an article are its title.
    const heading = (n: number) => parse(`\n某某纪实\n\n导语一段，说明情况。\n\n${ideographs(n)}\n\n${BODY}\n`).nodes.length;
    assert.strictEqual(heading(T.UNNUMBERED_MIN - 1), 0);
    assert.strictEqual(heading(T.UNNUMBERED_MIN), 1);
    assert.strictEqual(heading(T.UNNUMBERED_MAX), 1);
    assert.strictEqual(heading(T.UNNUMBERED_MAX + 1), 0);
  });

  it(`TITLE_MAX ${T.TITLE_MAX} and TITLE_LINES ${T.TITLE_LINES}: a title on up to three short lines`, () => {
    assert.strictEqual(parse(`中共某街道工作委员会\n某街道办事处\n2025年工作计划\n\n一、总体要求\n`).metadata.title, '中共某街道工作委员会 某街道办事处 2025年工作计划');
    assert.strictEqual(parse(`中共某街道\n工作委员会\n某街道办事处\n2025年工作计划\n\n一、总体要求\n`).metadata.title, undefined);
    // `某街道` and `2025年工作计划` take 12 characters.
    assert.ok(parse(`某街道${ideographs(T.TITLE_MAX - 12)}2025年工作计划\n\n一、总体要求\n`).metadata.title);
    assert.strictEqual(parse(`某街道${ideographs(T.TITLE_MAX - 11)}2025年工作计划\n\n一、总体要求\n`).metadata.title, undefined);
  });

  it(`NOTICE_HEAD_LINES ${T.NOTICE_HEAD_LINES}: letterhead and number above a notice's title`, () => {
    const notice = (head: number) => parse([...Array.from({ length: head }, (_, k) => `某某文件第${k + 1}行`), '关于印发《某街道2025年工作计划》的通知', '各社区：', '现印发给你们。', '某街道办事处', '2025年1月5日', '', '某街道2025年工作计划', '', '一、总体要求', ''].join('\n')).frontMatter;
    assert.ok(notice(T.NOTICE_HEAD_LINES - 1));
    assert.strictEqual(notice(T.NOTICE_HEAD_LINES + 1), undefined);
  });

  it(`SIGNATURE_DATE_MAX ${T.SIGNATURE_DATE_MAX} and SIGNATURE_ISSUER_MAX ${T.SIGNATURE_ISSUER_MAX}: the short lines that sign a plan`, () => {
    // Signed by the issuer: the signature starts at its line (a bare date at the very end signs alone).
    const signed = (issuer: string) => {
      const text = `一、总体要求\n\n做好工作。\n\n${issuer}\n2025年1月5日\n`;
      return parse(text).signature?.start === text.indexOf(issuer);
    };
    assert.ok(signed('某某街道办事处'));
    assert.ok(signed(`${ideographs(SIGNATURE_ISSUER_PAD)}街道办事处`));
    assert.ok(!signed(`${ideographs(SIGNATURE_ISSUER_PAD + 1)}街道办事处`));
    // A dated sentence is no date line: too long, whatever it ends with.
    const dated = (line: string) => parse(`一、总体要求\n\n做好工作。\n\n${line}\n`).signature !== undefined;
    assert.ok(dated('2025年1月5日'));
    assert.ok(!dated(`${ideographs(T.SIGNATURE_DATE_MAX - 8)}于2025年1月5日`));
  });

  it(`SPLIT_TITLE_LINES ${T.SPLIT_TITLE_LINES}: a marker alone on its line takes its title from so near below`, () => {
    assert.strictEqual(parse('一、\n\n推动经济发展\n').nodes[0].title, '推动经济发展');
    assert.strictEqual(parse('一、\n\n\n推动经济发展\n').nodes[0].title, '');
  });

  it(`CHUNK_LINE_MIN ${T.CHUNK_LINE_MIN}: a chunk number of a document site interrupts a long line mid-sentence`, () => {
    const chunk = (n: number) => parse(`一、总体要求\n\n${ideographs(n)}\n2、${ideographs(10)}。\n`).nodes.length;
    assert.strictEqual(chunk(T.CHUNK_LINE_MIN + 1), 1, 'read as part of the sentence');
    assert.strictEqual(chunk(T.CHUNK_LINE_MIN - 1), 2, 'a heading after a line without a stop');
  });

  it(`FRONT_MATTER_LINES ${T.FRONT_MATTER_LINES}: web-page residue is read no further`, () => {
    const rows = (n: number) => parse([...Array.from({ length: n }, (_, k) => `| 字段${k} | 值 |`), '某街道2025年工作计划', '一、总体要求', ''].join('\n')).metadata.title;
    assert.strictEqual(rows(T.FRONT_MATTER_LINES - 1), '某街道2025年工作计划');
    assert.strictEqual(rows(T.FRONT_MATTER_LINES + 1), undefined);
  });
});

/** Characters of an issuer's name before `街道办事处` (5) that bring it to SIGNATURE_ISSUER_MAX. */
const SIGNATURE_ISSUER_PAD = T.SIGNATURE_ISSUER_MAX - 5;
