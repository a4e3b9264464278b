// The export to Word in the layout of GB/T 9704: what the document says (read back, it is the same
// outline) and how it is laid out (the values in its XML).
import * as assert from 'assert';
import { symbolName } from '../../server/src/service/features/documentSymbols';
import { parsePlan } from '../../server/src/service/parse/parser';
import { exportDocx } from '../../server/src/word/export';
import { importDocx } from '../../server/src/word/import';
import { layOut } from '../../server/src/word/layout';
import { seeds } from '../helpers/seeds';
import { xmlParts } from '../helpers/word';

/** An outline without line numbers: what survives a change of paragraphing. */
function outline(text: string): string[] {
  const model = parsePlan(text);
  return [JSON.stringify(model.metadata), ...model.nodes.map((n) => `${'  '.repeat(n.depth - 1)}${n.kind} ${symbolName(n)}`)];
}

/** The body's paragraphs: properties and the text of their runs. */
function paragraphs(documentXml: string): { props: string; text: string; xml: string }[] {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const xml = m[1] ?? '';
    return { xml, props: /<w:pPr>(.*?)<\/w:pPr>/.exec(xml)?.[1] ?? '', text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') };
  });
}

function style(stylesXml: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`).exec(stylesXml);
  assert.ok(m, `style ${id}`);
  return m[1];
}

/** A plan we wrote with the named faults: a covering notice, Markdown residue, a split marker, a broken line, page residue and a table. */
const NOTICE_PLAN = [
  '关于印发《青石街道2025年工作要点》的通知',
  '',
  '街道各科室、各社区居委会：',
  '',
  '现将《青石街道2025年工作要点》印发给你们，请结合实际认真抓好落实。',
  '',
  '附件：青石街道2025年重点项目表',
  '',
  '中共青石街道工作委员会 青石街道办事处 2025年1月20日',
  '',
  '青石街道2025年工作要点',
  '',
  '## 一、稳住经济基本盘',
  '',
  '**强化楼宇招商。**建立空置楼层台账，每月更新一次。',
  '',
  '（一）',
  '做实载体建设',
  '',
  '盘活存量载体，推动三幢老旧楼宇完成',
  '改造，新增办公面积两万平方米。',
  '',
  '- 3 -',
  '',
  '| 项目 | 目标 |',
  '| --- | --- |',
  '| 楼宇改造 | 3幢 |',
  '',
  '二、提升基层治理水平',
  '',
  '（一）深化网格管理。推动网格员下沉一线。',
  '',
].join('\n');

describe('word export: the same plan read back', function () {
  this.timeout(20000);

  for (const s of seeds()) {
    it(`exports ${s.name} and reads it back with the same outline and metadata`, async function () {
      const back = importDocx(await exportDocx({ file: s.path, text: s.text })).text;
      const expected = outline(s.text);
      assert.ok(expected.length > 10, 'the seed has an outline');
      assert.deepStrictEqual(outline(back), expected);
    });
  }

  it('writes a well-formed document from text with the special characters of XML, control characters and a lone surrogate', async function () {
    const text = '青石街道2025年工作要点\n\n一、稳住经济\n\n强化招商\u0001。建立台账\ud800，A&B<C>"D"。\n';
    const back = importDocx(await exportDocx({ file: '要点.txt', text })).text;
    assert.strictEqual(back, '青石街道2025年工作要点\n\n一、稳住经济\n\n强化招商。建立台账\ufffd，A&B<C>"D"。\n');
  });

  it('keeps markers as written, mends line breaks and drops only Markdown and page residue', async function () {
    const back = importDocx(await exportDocx({ file: '要点.txt', text: NOTICE_PLAN })).text;
    assert.deepStrictEqual(outline(back), outline(NOTICE_PLAN));
    const lines = back.split('\n').filter(Boolean);
    assert.ok(lines.includes('一、稳住经济基本盘'), 'no `##`');
    // The bold run-in measure comes back bold, as Markdown emphasis: its bold is its evidence for the outline.
    assert.ok(lines.includes('**强化楼宇招商。**建立空置楼层台账，每月更新一次。'), 'the bold lead as **…**');
    assert.ok(lines.includes('（一）做实载体建设'), 'the split marker joined to its title');
    assert.ok(lines.includes('盘活存量载体，推动三幢老旧楼宇完成改造，新增办公面积两万平方米。'), 'the broken line joined');
    assert.ok(!back.includes('- 3 -'), 'page residue dropped');
    assert.ok(!back.includes('楼宇改造'), 'the table is a Word table, which the import leaves out');
    assert.deepStrictEqual(lines.slice(-2), ['二、提升基层治理水平', '（一）深化网格管理。推动网格员下沉一线。']);
  });
});

describe('word export: the layout of GB/T 9704 in the XML', function () {
  this.timeout(20000);
  let parts: Record<string, string>;
  let body: ReturnType<typeof paragraphs>;
  before(async function () {
    parts = xmlParts(await exportDocx({ file: '要点.txt', text: NOTICE_PLAN }));
    body = paragraphs(parts['word/document.xml']);
  });

  it('sets A4, the margins 37/35/28/26 mm in twips, 22 lines a page and 28 characters a line', function () {
    const sect = /<w:sectPr>(.*?)<\/w:sectPr>/.exec(parts['word/document.xml'])![1];
    assert.match(sect, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(sect, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const pitch = Number(/<w:docGrid w:type="lines" w:linePitch="(\d+)"/.exec(sect)![1]);
    assert.strictEqual(Math.floor((16838 - 2098 - 1984) / pitch), 22);
    // Characters of 16 pt set closer by w:spacing (twips): 28 of them fill the 156 mm line and 29 do not.
    const spacing = Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(style(parts['word/styles.xml'], 'Normal'))![1]);
    const lineWidth = 11906 - 1587 - 1474;
    assert.ok(28 * (320 + spacing) <= lineWidth && 29 * (320 + spacing) > lineWidth, `spacing ${spacing}`);
  });

  it('sets the body in 仿宋_GB2312 三号, two characters indented, and the title in 小标宋 二号, centred', function () {
    const normal = style(parts['word/styles.xml'], 'Normal');
    assert.match(normal, /w:eastAsia="仿宋_GB2312"/);
    assert.match(normal, /<w:sz w:val="32"\/>/);
    assert.match(normal, /w:firstLineChars="200"/);
    const title = style(parts['word/styles.xml'], 'GwTitle');
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.match(style(parts['word/styles.xml'], 'GwCentred'), /<w:jc w:val="center"\/>/);
    assert.deepStrictEqual(body.filter((p) => p.props.includes('GwTitle')).map((p) => p.text), ['关于印发《青石街道2025年工作要点》的通知', '青石街道2025年工作要点']);
    assert.match(body.find((p) => p.text === '青石街道2025年工作要点')!.props, /<w:pageBreakBefore\/>/, 'the plan after its notice starts a page');
  });

  it('sets headings in 黑体 and 楷体 by level with Word outline levels, the rest of their paragraph in 仿宋', function () {
    assert.match(style(parts['word/styles.xml'], 'GwLevel1'), /w:eastAsia="黑体"/);
    assert.match(style(parts['word/styles.xml'], 'GwLevel2'), /w:eastAsia="楷体_GB2312"/);
    assert.match(style(parts['word/styles.xml'], 'GwLevel3'), /<w:b\/>/);
    const level = (text: string) => body.find((p) => p.text.startsWith(text))!;
    assert.match(level('一、稳住').props, /<w:outlineLvl w:val="0"\/>/);
    assert.match(level('一、稳住').xml, /<w:rStyle w:val="GwLevel1"\/>/);
    const merged = level('（一）深化网格管理');
    assert.match(merged.props, /<w:outlineLvl w:val="1"\/>/);
    assert.match(merged.xml, /<w:rStyle w:val="GwLevel2"\/><\/w:rPr><w:t[^>]*>（一）深化网格管理。<\/w:t><\/w:r><w:r><w:t[^>]*>推动网格员下沉一线。/);
    assert.match(level('强化楼宇招商').props, /<w:outlineLvl w:val="1"\/>/, 'a measure opening its paragraph is in the navigation pane');
    assert.match(level('强化楼宇招商').xml, /<w:b\/>/, 'bold as marked');
    assert.ok(!body.find((p) => p.text.startsWith('盘活'))!.props.includes('outlineLvl'), 'body text is not');
  });

  it('places addressees flush left, the attachment note after a blank line, and issuers and date per §7.3.5.2', function () {
    const i = body.findIndex((p) => p.text.startsWith('街道各科室'));
    assert.match(body[i].props, /GwFlush/);
    const note = body.findIndex((p) => p.text.startsWith('附件：'));
    assert.strictEqual(body[note - 1].text, '');
    const signature = body.slice(note + 1, note + 5);
    assert.deepStrictEqual(signature.map((p) => p.text), ['', '中共青石街道工作委员会', '青石街道办事处', '2025年1月20日']);
    const left = signature.slice(1).map((p) => Number(/w:left="(\d+)"/.exec(p.props)![1]));
    const char = (11906 - 1587 - 1474) / 28;
    assert.strictEqual(left[0], left[1], 'the issuers start together');
    assert.strictEqual(Math.round((left[0] + 11 * char) / char), 28 - 2, 'the longer issuer ends two characters from the margin');
    assert.strictEqual(Math.round((left[2] - left[0]) / char), 2, 'the date starts two characters to the right');
  });

  it('numbers pages `— 1 —` in 宋体 4 号 at the outside edge: right on odd pages, left on even ones', function () {
    assert.match(parts['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
    const rels = parts['word/_rels/document.xml.rels'];
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(parts['word/document.xml'])![1];
      return parts[`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)}`];
    };
    for (const [type, jc] of [['default', 'right'], ['even', 'left']]) {
      const xml = footer(type);
      assert.match(xml, new RegExp(`<w:jc w:val="${jc}"/>`));
      assert.match(xml, /— <\/w:t>.*PAGE.*<w:t[^>]*> —<\/w:t>/);
      assert.match(xml, /w:eastAsia="宋体"/);
      assert.match(xml, /<w:sz w:val="28"\/>/);
    }
  });

  it('names each font with fallbacks on Windows, macOS and Linux in the font table', function () {
    const table = parts['word/fontTable.xml'];
    const alt = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"`).exec(table)?.[1].split(',') ?? [];
    for (const [name, fallbacks] of [['仿宋_GB2312', ['FangSong', 'STFangsong', 'Noto Serif CJK SC']], ['黑体', ['SimHei', 'STHeiti', 'Noto Sans CJK SC']], ['楷体_GB2312', ['KaiTi', 'STKaiti']], ['方正小标宋简体', ['SimSun', 'Songti SC']]] as const) {
      for (const f of fallbacks) assert.ok(alt(name).includes(f), `${name} falls back to ${f}`);
    }
  });

  it('lays out a plan without a title or notice as body and headings only', function () {
    const { blocks } = layOut('一、稳住经济\n\n强化招商。建立台账。\n');
    assert.deepStrictEqual(blocks.map((b) => b.kind), ['body', 'body']);
  });
});
