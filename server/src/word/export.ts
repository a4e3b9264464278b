// A plan written as a Word document in the layout of GB/T 9704-2012 (党政机关公文格式): A4, the
// margins and 22 lines of 28 characters of §5.2, title in 小标宋 二号, text in 仿宋 三号, headings in 黑体 / 楷体 /
// 仿宋 by level (§7.3.3) with Word outline levels for the navigation pane, page numbers `— 1 —` at the
// outside edge of the foot (§7.5), issuer and date as §7.3.5.2 places them. Written with `docx`.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImportedXmlComponent,
  IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import * as path from 'path';
import { Block, CHARS_PER_LINE, layOut, Run, RunStyle } from './layout';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** A4 and the margins of GB/T 9704 §5.2.1 (天头 37 mm, 订口 28 mm; the text block 156 × 225 mm). */
const PAGE = { width: twips(210), height: twips(297), top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
const LINES_PER_PAGE = 22;
/** 三号 and 二号 in half-points. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
/** 4 号, the page number's size (§7.5). */
const PAGE_NUMBER_SIZE = 28;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The line grid (w:docGrid): 22 lines to the text block's height. */
const LINE_PITCH = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / LINES_PER_PAGE);
const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;
/**
 * 28 characters a line: each character of 三号 (16 pt) set 0.25 pt closer (w:spacing, in twips), not
 * a character grid (linesAndChars with a negative charSpace), which LibreOffice lays out by putting
 * every ideograph wider than a grid cell across two cells: 17 characters a line instead of 28.
 */
const CHAR_SPACING = Math.floor(CHAR_PITCH) - BODY_SIZE * 10;
/** The page number's rule sits 7 mm below the text block (§7.5): the footer's baseline a little lower. */
const FOOTER_DISTANCE = twips(35 - 7 - 3);

/** A font as the standard names it, and the names it goes by where that one is missing. */
interface FontName {
  name: string;
  alternatives: string[];
  /** PANOSE of the standard's font: lets Word pick a like face where none of the names is installed. */
  panose?: string;
}

const FONTS = {
  title: { name: '方正小标宋简体', alternatives: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC'] },
  fangsong: { name: '仿宋_GB2312', alternatives: ['仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'Noto Serif CJK SC'], panose: '02010609030101010101' },
  heiti: { name: '黑体', alternatives: ['SimHei', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC'], panose: '02010609060101010101' },
  kaiti: { name: '楷体_GB2312', alternatives: ['楷体', 'KaiTi', 'STKaiti', '华文楷体', 'Kaiti SC', 'AR PL UKai CN', 'Noto Serif CJK SC'], panose: '02010609030101010101' },
  song: { name: '宋体', alternatives: ['SimSun', 'STSong', 'Songti SC', 'Noto Serif CJK SC'], panose: '02010600030101010101' },
  latin: { name: 'Times New Roman', alternatives: ['Liberation Serif', 'Tinos'], panose: '02020603050405020304' },
} satisfies Record<string, FontName>;

function font(eastAsia: FontName, latin: FontName = FONTS.latin) {
  return { eastAsia: eastAsia.name, ascii: latin.name, hAnsi: latin.name, cs: latin.name };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The font table: each font with its other names (w:altName, a comma-separated list, ECMA-376
 * §17.8.3.1), GB2312's character set and a PANOSE, so that Word, WPS and LibreOffice on Windows,
 * macOS and Linux find a like face when the standard's own is not installed.
 */
function fontTable(): string {
  const entries = Object.values(FONTS).map((f: FontName) => {
    const cjk = f !== FONTS.latin;
    return `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.alternatives.join(','))}"/>` +
      (f.panose ? `<w:panose1 w:val="${f.panose}"/>` : '') +
      `<w:charset w:val="${cjk ? '86' : '00'}"/><w:family w:val="${cjk ? 'modern' : 'roman'}"/><w:pitch w:val="${cjk ? 'fixed' : 'variable'}"/></w:font>`;
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

/**
 * The title's style, written out: one grid line a title line, exactly, off the grid (w:snapToGrid,
 * which docx does not write for a paragraph), or a face taller than 小标宋 takes two lines in LibreOffice.
 */
function titleStyle(): string {
  const f = FONTS.title;
  const latin = FONTS.latin.name;
  return `<w:style w:type="paragraph" w:styleId="GwTitle"><w:name w:val="公文标题 Document title"/><w:basedOn w:val="GwCentred"/>` +
    `<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="${LINE_PITCH}" w:lineRule="exact"/></w:pPr>` +
    `<w:rPr><w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:cs="${latin}" w:eastAsia="${escapeXml(f.name)}"/><w:sz w:val="${TITLE_SIZE}"/><w:szCs w:val="${TITLE_SIZE}"/></w:rPr></w:style>`;
}

/** Character styles of the heading levels (§7.3.3): 黑体, 楷体, 仿宋 bold, 仿宋. */
const RUN_STYLE_ID: Record<RunStyle, string | undefined> = { body: undefined, level1: 'GwLevel1', level2: 'GwLevel2', level3: 'GwLevel3', level4: 'GwLevel4' };

function textRuns(runs: Run[], extra: IRunOptions = {}): ParagraphChild[] {
  return runs.map((r) => new TextRun({ text: r.text, style: RUN_STYLE_ID[r.style], bold: r.bold || undefined, ...extra }));
}

const NO_INDENT = { firstLine: 0, firstLineChars: 0 };

function paragraphOf(block: Exclude<Block, { kind: 'table' }>): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ style: 'GwTitle', children: textRuns(block.runs), pageBreakBefore: block.pageBreakBefore || undefined });
    case 'number':
      return new Paragraph({ style: 'GwCentred', children: textRuns(block.runs) });
    case 'addressee':
      return new Paragraph({ style: 'GwFlush', children: textRuns(block.runs) });
    case 'signature':
      return block.leftChars !== undefined
        ? new Paragraph({ style: 'GwFlush', alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: Math.round(block.leftChars * CHAR_PITCH) }, children: textRuns(block.runs) })
        : new Paragraph({ style: 'GwFlush', alignment: AlignmentType.RIGHT, indent: { ...NO_INDENT, right: Math.round(block.rightChars * CHAR_PITCH) }, children: textRuns(block.runs) });
    case 'blank':
      return new Paragraph({ style: 'GwFlush' });
    case 'body':
      return new Paragraph({ children: textRuns(block.runs), outlineLevel: block.outlineLevel });
  }
}

function tableOf(rows: string[][]): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((row) => new TableRow({
      children: Array.from({ length: columns }, (_, c) => new TableCell({ children: [new Paragraph({ style: 'GwFlush', children: [new TextRun(row[c] ?? '')] })] })),
    })),
  });
}

/** `— 1 —` in 4 号 宋体, one character in from the outside edge: right on odd pages, left on even ones. */
function pageNumberFooter(alignment: typeof AlignmentType.RIGHT | typeof AlignmentType.LEFT): Footer {
  const indent = Math.round(CHAR_PITCH);
  return new Footer({
    children: [
      new Paragraph({
        style: 'GwFlush',
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { ...NO_INDENT, right: indent } : { ...NO_INDENT, left: indent },
        // An exact height keeps the number off the text grid, at the footer distance.
        spacing: { line: PAGE_NUMBER_SIZE * 10 + 80, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.song, FONTS.song), size: PAGE_NUMBER_SIZE })],
      }),
    ],
  });
}

/** The document in the layout of GB/T 9704; `file` names the plan where its text has no title. */
export async function exportDocx(plan: { file: string; text: string }): Promise<Uint8Array> {
  const { blocks, model } = layOut(plan.text);
  const children = blocks.map((b) => (b.kind === 'table' ? tableOf(b.rows) : paragraphOf(b)));
  // Word ends a document with a paragraph: one after a closing table, as Word itself would add.
  if (blocks[blocks.length - 1]?.kind === 'table') children.push(paragraphOf({ kind: 'blank' }));
  const body = font(FONTS.fangsong);
  const doc = new Document({
    title: model.metadata.title ?? path.basename(plan.file).replace(/\.[^.]*$/, ''),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: body, size: BODY_SIZE, sizeComplexScript: BODY_SIZE, characterSpacing: CHAR_SPACING, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Normal', name: 'Normal', quickFormat: true,
          run: { font: body, size: BODY_SIZE, characterSpacing: CHAR_SPACING },
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLineChars: 200, firstLine: BODY_SIZE * 20 } },
        },
        { id: 'GwFlush', name: '公文无缩进 Flush', basedOn: 'Normal', paragraph: { indent: NO_INDENT } },
        { id: 'GwCentred', name: '公文居中 Centred', basedOn: 'GwFlush', paragraph: { alignment: AlignmentType.CENTER } },
      ],
      importedStyles: [ImportedXmlComponent.fromXmlString(titleStyle())],
      characterStyles: [
        { id: 'GwLevel1', name: '一级标题 Level 1', quickFormat: true, run: { font: font(FONTS.heiti) } },
        { id: 'GwLevel2', name: '二级标题 Level 2', quickFormat: true, run: { font: font(FONTS.kaiti) } },
        { id: 'GwLevel3', name: '三级标题 Level 3', quickFormat: true, run: { font: body, bold: true } },
        { id: 'GwLevel4', name: '四级标题 Level 4', quickFormat: true, run: { font: body } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: FOOTER_DISTANCE, header: twips(15) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}
