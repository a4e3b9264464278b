// Reading Word documents as plan text: automatic numbering rendered as Word shows it (ECMA-376 §17.9),
// what is not body text left out, and bad input refused with a reason.
import * as assert from 'assert';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { computeDiagnostics } from '../../server/src/service/checks/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/service/checks/settings';
import { renderOutline } from '../../server/src/service/features/renderOutline';
import { diagnosticMessage } from '../../server/src/service/l10n/messages';
import { parsePlan } from '../../server/src/service/parse/parser';
import { importDocx, WordError } from '../../server/src/word/import';
import { MAX_DOCX_BYTES } from '../../server/src/word/protocol';
import { formatNumber } from '../../server/src/word/numbering';
import { handmadeDocx, lvl, NUMBERED_PLAN, numberedDocx, p, pack, TwinParagraph, twinText } from '../helpers/word';

function checks(text: string): string[] {
  return computeDiagnostics(parsePlan(text), DEFAULT_SETTINGS).map((d) => `${d.code} ${diagnosticMessage(d.code, d, 'zh')}`);
}

/** The lines of an import that hold text. */
async function lines(bytes: Promise<Uint8Array>): Promise<string[]> {
  return importDocx(await bytes).text.split('\n').filter(Boolean);
}

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof WordError, `a WordError, not ${e}`);
    return e.key;
  }
  assert.fail('no error');
}

describe('word import: automatic numbering', function () {
  it('reads a plan numbered by Word as its text twin with the markers typed: same text, outline and checks', async function () {
    const imported = importDocx(await numberedDocx(NUMBERED_PLAN));
    const twin = twinText(NUMBERED_PLAN);
    assert.strictEqual(imported.text, twin);
    assert.strictEqual(renderOutline(parsePlan(imported.text)), renderOutline(parsePlan(twin)));
    assert.strictEqual(parsePlan(twin).nodes.length, 13, 'the twin has an outline to compare');
    assert.deepStrictEqual(checks(imported.text), checks(twin));
  });

  it('checks a numbered Word file like its twin when the twin has a fault: a lone （一） and a run-in gap', async function () {
    const faulty: TwinParagraph[] = [
      ['', undefined, '青石街道2025年工作要点'],
      ['一、', 0, '稳住经济基本盘'],
      ['（一）', 1, '做实楼宇招商'],
      ['', undefined, '一是摸清底数。建立台账。三是用好平台。联合推介。'],
      ['二、', 0, '提升治理水平'],
    ];
    const imported = importDocx(await numberedDocx(faulty)).text;
    const found = checks(imported);
    assert.ok(found.some((c) => c.startsWith('numbering.lone')) && found.some((c) => c.startsWith('enumeration.gap')), found.join('\n'));
    assert.deepStrictEqual(found, checks(twinText(faulty)));
  });

  it('numbers each paragraph of the text by its Word paragraph, empty ones counted', async function () {
    const bytes = await handmadeDocx(p('标题') + p('') + p('第一段') + '<w:p><w:r><w:t>上</w:t><w:br/><w:t>下</w:t></w:r></w:p>');
    const { text, paragraphOfLine } = importDocx(bytes);
    assert.strictEqual(text, '标题\n\n第一段\n\n上\n下\n');
    assert.deepStrictEqual(paragraphOfLine, [1, 0, 3, 0, 4, 4]);
  });

  const LIST = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）');

  it('restarts a level after a higher one is used, and not with lvlRestart 0', async function () {
    const body = p('甲', 1) + p('子', 1, 1) + p('丑', 1, 1) + p('乙', 1) + p('寅', 1, 1);
    assert.deepStrictEqual(await lines(handmadeDocx(body, { numbering: `<w:abstractNum w:abstractNumId="0">${LIST}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` })),
      ['一、甲', '（一）子', '（二）丑', '二、乙', '（一）寅']);
    const never = lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）', { restart: 0 });
    assert.deepStrictEqual(await lines(handmadeDocx(body, { numbering: `<w:abstractNum w:abstractNumId="0">${never}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` })),
      ['一、甲', '（一）子', '（二）丑', '二、乙', '（三）寅']);
  });

  it('continues a list across instances of one definition, and restarts where an instance overrides the start', async function () {
    const numbering = `<w:abstractNum w:abstractNumId="0">${LIST}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    assert.deepStrictEqual(await lines(handmadeDocx(p('甲', 1) + p('乙', 2) + p('丙', 3) + p('丁', 3), { numbering })), ['一、甲', '二、乙', '一、丙', '二、丁']);
  });

  it('takes a level from lvlOverride where an instance replaces it, and starts where start says', async function () {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', { start: 3 })}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, 'decimal', '第%1条', { start: 5 })}</w:lvlOverride></w:num>`;
    assert.deepStrictEqual(await lines(handmadeDocx(p('甲', 1) + p('乙', 1) + p('丙', 2), { numbering })), ['三、甲', '四、乙', '第5条丙']);
  });

  it('numbers paragraphs through their style (heading styles linked to a list), and isLgl writes every level in decimal', async function () {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', { extra: '<w:pStyle w:val="H1"/>' })}` +
      `${lvl(1, 'chineseCounting', '%1.%2', { extra: '<w:pStyle w:val="H2"/><w:isLgl/>' })}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>`;
    const styles = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/></w:style>';
    const styled = (id: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${id}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    assert.deepStrictEqual(await lines(handmadeDocx(styled('H1', '总体要求') + styled('H2', '指导思想') + p('正文') + styled('H1', '主要任务'), { numbering, styles })),
      ['一、总体要求', '1.1指导思想', '正文', '二、主要任务']);
  });

  it('writes the number formats of Chinese plans as Word shows them', function () {
    assert.deepStrictEqual(
      ['chineseCounting', 'chineseLegalSimplified', 'ideographTraditional', 'decimalEnclosedCircle', 'decimalEnclosedParen', 'ideographEnclosedCircle', 'decimalFullWidth', 'upperRoman', 'lowerLetter'].map((f) => formatNumber(12, f)),
      ['十二', '拾贰', '12', '⑫', '⑿', '12', '１２', 'XII', 'l'],
    );
    assert.deepStrictEqual([formatNumber(3, 'ideographTraditional'), formatNumber(21, 'chineseCounting'), formatNumber(3, 'ideographEnclosedCircle')], ['丙', '二十一', '㈢']);
  });
});

describe('word import: what is not body text', function () {
  it('leaves out tables, headers, footers, comments, footnotes and tracked deletions, and keeps insertions', async function () {
    const doc = new Document({
      comments: { children: [{ id: 0, author: '审稿人', children: [new Paragraph('批注：这一句再斟酌')] }] },
      footnotes: { 1: { children: [new Paragraph('脚注：数据来自统计年报')] } },
      sections: [{
        headers: { default: new Header({ children: [new Paragraph('页眉：青石街道办事处')] }) },
        footers: { default: new Footer({ children: [new Paragraph('页脚：内部资料')] }) },
        children: [
          new Paragraph('一、稳住经济基本盘'),
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun('建立空置楼层台账'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new DeletedTextRun({ text: '，每周更新', id: 1, author: '审稿人', date: '2025-01-02T00:00:00Z' }),
              new InsertedTextRun({ text: '，每月更新', id: 2, author: '审稿人', date: '2025-01-02T00:00:00Z' }),
              new TextRun('。'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('表格：指标')] }), new TableCell({ children: [new Paragraph('目标值')] })] })] }),
          new Paragraph('二、提升基层治理水平'),
        ],
      }],
    });
    assert.deepStrictEqual(await lines(pack(doc)), ['一、稳住经济基本盘', '建立空置楼层台账，每月更新。', '二、提升基层治理水平']);
  });

  it('runs a heading on into its paragraph across a style separator, leaves out hidden text and field codes, and merges a paragraph whose mark was deleted', async function () {
    const body =
      '<w:p><w:pPr><w:rPr><w:vanish/><w:specVanish/></w:rPr></w:pPr><w:r><w:t>强化平台招商。</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>联动商会</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏的备注）</w:t></w:r><w:r><w:t>发力。</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>后半句。</w:t></w:r></w:p>';
    assert.deepStrictEqual(await lines(handmadeDocx(body)), ['强化平台招商。联动商会发力。', '第3页', '前半句，后半句。']);
  });
});

describe('word import: bad input', function () {
  it('refuses what is not a zip, a damaged zip, a zip that is not Word, an encrypted or old Word file, and one too large', function () {
    assert.strictEqual(reason(() => importDocx(strToU8('一、这是一份文本文件，不是 Word 文档。'))), 'word.notZip');
    assert.strictEqual(reason(() => importDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]))), 'word.damaged');
    assert.strictEqual(reason(() => importDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))), 'word.notWord');
    const ole = (stream: string) => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(Buffer.from(stream, 'utf16le'), 1024);
      return bytes;
    };
    assert.strictEqual(reason(() => importDocx(ole('EncryptedPackage'))), 'word.encrypted');
    assert.strictEqual(reason(() => importDocx(ole('WordDocument'))), 'word.legacyDoc');
    const large = new Uint8Array(50 * 1024 * 1024);
    large.set([0x50, 0x4b, 0x03, 0x04]);
    assert.ok(large.length > MAX_DOCX_BYTES);
    assert.strictEqual(reason(() => importDocx(large)), 'word.tooLarge');
  });

  it('refuses a Word file whose document is not well-formed XML, naming the part', function () {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
    try {
      importDocx(bytes);
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof WordError && e.key === 'word.badXml');
      assert.match(e.text('zh'), /Word 文档已损坏：word\/document\.xml 不是有效的 XML/);
      assert.match(e.text('en'), /word\/document\.xml is not well-formed XML/);
    }
  });
});
