// Word documents for the tests, written with the `docx` library: a plan whose markers are Word's
// automatic numbering, and its text twin with the same markers typed.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';

/** A paragraph of the twin: its typed marker (empty for none), Word's list level for it, and its text. */
export type TwinParagraph = [marker: string, level: number | undefined, text: string];

/** A plan we wrote for these tests: 青石街道, four levels, a run-in enumeration and a measure. */
export const NUMBERED_PLAN: TwinParagraph[] = [
  ['', undefined, '青石街道2025年工作要点'],
  ['', undefined, '2025年，青石街道将围绕“宜居青石”目标，统筹发展与治理，扎实办好各项民生实事。'],
  ['一、', 0, '稳住经济基本盘'],
  ['（一）', 1, '做实楼宇招商'],
  ['1.', 2, '摸清楼宇底数。建立空置楼层台账，每月更新一次。'],
  ['2.', 2, '用好招商平台'],
  ['（1）', 3, '对接区级招商中心，每季度联合举办推介会。'],
  ['（2）', 3, '建立企业服务专员制度。'],
  ['（二）', 1, '优化营商服务'],
  ['', undefined, '一是缩短办事时限。企业开办全流程一日办结。二是推行上门服务。为重点企业提供“一对一”帮办。'],
  ['二、', 0, '提升基层治理水平'],
  ['（一）', 1, '深化网格管理'],
  ['（二）', 1, '推进老旧小区改造'],
  ['', undefined, '完成三个小区的加装电梯和雨污分流工程。'],
  ['三、', 0, '办好民生实事'],
  ['', undefined, '新建社区食堂两家，扩大长者助餐覆盖面。'],
];

/** The numbering GB/T 9704 uses, as a Word list: 一、 （一） 1. （1）. */
export const PLAN_LIST = {
  reference: 'plan',
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
    { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
  ],
};

/** The text twin: paragraphs separated by a blank line, as the importer writes them. */
export function twinText(paragraphs: TwinParagraph[]): string {
  return paragraphs.map(([marker, , text]) => marker + text).join('\n\n') + '\n';
}

/** The same plan as a .docx, each marker made by Word's numbering instead of typed. */
export async function numberedDocx(paragraphs: TwinParagraph[], overrides: { path: string; data: string }[] = []): Promise<Uint8Array> {
  const doc = new Document({
    numbering: { config: [PLAN_LIST] },
    sections: [{
      children: paragraphs.map(([, level, text]) =>
        level === undefined ? new Paragraph({ text }) : new Paragraph({ text, numbering: { reference: PLAN_LIST.reference, level } })),
    }],
  });
  return Packer.toBuffer(doc, false, overrides);
}

/** A document written with docx, as bytes. */
export function pack(doc: Document, overrides: { path: string; data: string }[] = []): Promise<Uint8Array> {
  return Packer.toBuffer(doc, false, overrides);
}

/** The XML parts of a .docx by name. */
export function xmlParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(data);
  return parts;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * A .docx whose body, numbering and styles are the given WordprocessingML, for the corners of
 * ECMA-376 §17.9 that the library does not write (lvlRestart, isLgl, lvlOverride with a lvl,
 * numbering through a style); the package around them is the library's.
 */
export function handmadeDocx(body: string, parts: { numbering?: string; styles?: string } = {}): Promise<Uint8Array> {
  const overrides = [{ path: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W_NS}><w:body>${body}</w:body></w:document>` }];
  if (parts.numbering) overrides.push({ path: 'word/numbering.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}>${parts.numbering}</w:numbering>` });
  if (parts.styles) overrides.push({ path: 'word/styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${parts.styles}</w:styles>` });
  return pack(new Document({ sections: [{ children: [] }] }), overrides);
}

/** A body paragraph in list `numId` at level `ilvl` (or none). */
export function p(text: string, numId?: number, ilvl = 0): string {
  const numbering = numId === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`;
  return `<w:p>${numbering}<w:r><w:t>${text}</w:t></w:r></w:p>`;
}

/** A list level: `<w:lvl>` with its start, format, restart level and text, in the schema's order, and `extra` after them. */
export function lvl(ilvl: number, format: string, text: string, o: { start?: number; restart?: number; extra?: string } = {}): string {
  const restart = o.restart === undefined ? '' : `<w:lvlRestart w:val="${o.restart}"/>`;
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${o.start ?? 1}"/><w:numFmt w:val="${format}"/>${restart}${o.extra ?? ''}<w:lvlText w:val="${text}"/></w:lvl>`;
}
