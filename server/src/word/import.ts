// A Word document (.docx) read as plan text: the body's paragraphs in order, each numbered paragraph
// with the label Word shows for it (numbering.xml, ECMA-376 §17.9). Tables, headers, footers,
// comments, footnotes, text boxes, field codes, hidden text and tracked deletions are not body text;
// tracked insertions are. Paragraphs are separated by a blank line, as the parser reads paragraphs.
import { unzipSync } from 'fflate';
import { SaxesParser, SaxesTagNS } from 'saxes';
import { Lang, WordArgs, WordKey, wordText } from '../service/l10n/messages';
import { MAX_DOCX_BYTES, megabytes } from './protocol';
import { AbstractNum, emptyDefinitions, Level, ListCounters, NumberingDefinitions, NumInstance } from './numbering';

/** Largest XML part unpacked, against archives that inflate without end. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export class WordError extends Error {
  constructor(
    readonly key: WordKey,
    readonly args: WordArgs = {},
  ) {
    super(wordText(key, 'en', args));
  }

  /** The reason in one language. */
  text(lang: Lang): string {
    return wordText(this.key, lang, this.args);
  }
}

export interface ImportedPlan {
  text: string;
  /** For each line of `text`, the 1-based number of the body paragraph it comes from; 0 for the blank lines between them. */
  paragraphOfLine: number[];
}

const W = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Starts like a zip archive (`PK`), what a .docx is. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b]);
}

/** An OLE compound file: a Word 97-2003 .doc, or an encrypted .docx. */
export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE);
}

/** Whether an OLE compound file holds an encrypted OOXML package (a stream named `EncryptedPackage`) rather than a .doc. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.length > MAX_DOCX_BYTES) throw new WordError('word.tooLarge', { size: megabytes(bytes.length), limit: megabytes(MAX_DOCX_BYTES) });
  if (isOle(bytes)) throw new WordError(isEncryptedPackage(bytes) ? 'word.encrypted' : 'word.legacyDoc');
  if (!isZip(bytes)) throw new WordError('word.notZip');
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new WordError('word.tooLarge', { size: megabytes(f.originalSize), limit: megabytes(MAX_PART_BYTES) });
        return true;
      },
    });
  } catch (e) {
    if (e instanceof WordError) throw e;
    throw new WordError('word.damaged');
  }
}

/** Elements of an XML part, one callback on opening and one on closing; text goes to `onText`. */
interface XmlHandlers {
  open(tag: SaxesTagNS): void;
  close(tag: SaxesTagNS): void;
  text?(text: string): void;
}

function readXml(parts: Record<string, Uint8Array>, name: string, handlers: XmlHandlers): void {
  const bytes = parts[name];
  if (!bytes) return;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => handlers.open(tag));
  parser.on('closetag', (tag) => handlers.close(tag));
  if (handlers.text) parser.on('text', handlers.text);
  try {
    parser.write(new TextDecoder('utf-8').decode(bytes)).close();
  } catch (e) {
    if (e instanceof WordError) throw e;
    throw new WordError('word.badXml', { file: name });
  }
}

function isW(tag: SaxesTagNS, local: string): boolean {
  return tag.local === local && W.has(tag.uri);
}

/** A WordprocessingML attribute (w:val …) of a tag. */
function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === local && (W.has(a.uri) || a.uri === '')) return a.value;
  }
  return undefined;
}

/** An on/off property (w:vanish, w:isLgl …): on unless its w:val says otherwise. */
function isOn(tag: SaxesTagNS): boolean {
  const v = attr(tag, 'val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

function int(v: string | undefined): number | undefined {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Targets of a part's relationships by type (the last segment of the type URI), resolved against the part's folder. */
function relationships(parts: Record<string, Uint8Array>, relsName: string, baseFolder: string): Map<string, string> {
  const targets = new Map<string, string>();
  readXml(parts, relsName, {
    open(tag) {
      if (tag.local !== 'Relationship') return;
      const type = tag.attributes.Type?.value.replace(/.*\//, '');
      const target = tag.attributes.Target?.value;
      if (!type || !target || tag.attributes.TargetMode?.value === 'External') return;
      targets.set(type, target.startsWith('/') ? target.slice(1) : baseFolder + target);
    },
    close() {},
  });
  return targets;
}

function newLevel(): Level {
  return { start: 1, format: 'decimal', text: '', legal: false };
}

/** numbering.xml: the list definitions and the instances paragraphs point at. */
function readNumbering(parts: Record<string, Uint8Array>, name: string | undefined, defs: NumberingDefinitions): void {
  if (!name) return;
  let abstract: AbstractNum | undefined;
  let num: NumInstance | undefined;
  let level: Level | undefined;
  let overrideLevel: number | undefined;
  readXml(parts, name, {
    open(tag) {
      if (!W.has(tag.uri)) return;
      switch (tag.local) {
        case 'abstractNum':
          abstract = { levels: [] };
          defs.abstracts.set(attr(tag, 'abstractNumId') ?? '', abstract);
          break;
        case 'num':
          num = { abstractId: '', overrides: new Map() };
          defs.nums.set(attr(tag, 'numId') ?? '', num);
          break;
        case 'abstractNumId':
          if (num) num.abstractId = attr(tag, 'val') ?? '';
          break;
        case 'numStyleLink':
          if (abstract) abstract.styleLink = attr(tag, 'val');
          break;
        case 'lvlOverride':
          overrideLevel = int(attr(tag, 'ilvl')) ?? 0;
          if (num) num.overrides.set(overrideLevel, {});
          break;
        case 'startOverride':
          if (num && overrideLevel !== undefined) num.overrides.get(overrideLevel)!.start = int(attr(tag, 'val')) ?? 0;
          break;
        case 'lvl': {
          level = newLevel();
          const k = int(attr(tag, 'ilvl')) ?? 0;
          if (num && overrideLevel !== undefined) num.overrides.get(overrideLevel)!.level = level;
          else if (abstract) abstract.levels[k] = level;
          break;
        }
        case 'start':
          if (level) level.start = int(attr(tag, 'val')) ?? 1;
          break;
        // In an mc:AlternateContent the Fallback's numFmt comes last and wins, as in Word before 2010.
        case 'numFmt':
          if (level) level.format = attr(tag, 'val') ?? 'decimal';
          break;
        case 'lvlText':
          if (level) level.text = attr(tag, 'val') ?? '';
          break;
        case 'lvlRestart':
          if (level) level.restart = int(attr(tag, 'val'));
          break;
        case 'isLgl':
          if (level) level.legal = isOn(tag);
          break;
        case 'pStyle':
          if (level) level.style = attr(tag, 'val');
          break;
      }
    },
    close(tag) {
      if (!W.has(tag.uri)) return;
      if (tag.local === 'lvl') level = undefined;
      else if (tag.local === 'lvlOverride') overrideLevel = undefined;
      else if (tag.local === 'abstractNum') abstract = undefined;
      else if (tag.local === 'num') num = undefined;
    },
  });
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** styles.xml: the numbering each paragraph style carries, and the numbering styles lists link to. */
function readStyles(parts: Record<string, Uint8Array>, name: string | undefined, defs: NumberingDefinitions): { styles: Map<string, StyleNumbering>; defaultStyle?: string } {
  const styles = new Map<string, StyleNumbering>();
  let defaultStyle: string | undefined;
  let current: StyleNumbering | undefined;
  let currentId = '';
  let isNumberingStyle = false;
  if (name) {
    readXml(parts, name, {
      open(tag) {
        if (!W.has(tag.uri)) return;
        if (tag.local === 'style') {
          const type = attr(tag, 'type');
          currentId = attr(tag, 'styleId') ?? '';
          isNumberingStyle = type === 'numbering';
          current = type === 'paragraph' || isNumberingStyle ? {} : undefined;
          if (current && type === 'paragraph') styles.set(currentId, current);
          if (type === 'paragraph' && ['1', 'true', 'on'].includes(attr(tag, 'default') ?? '')) defaultStyle = currentId;
        } else if (current && tag.local === 'basedOn') current.basedOn = attr(tag, 'val');
        else if (current && tag.local === 'numId') {
          current.numId = attr(tag, 'val');
          if (isNumberingStyle && current.numId) defs.numberingStyles.set(currentId, current.numId);
        } else if (current && tag.local === 'ilvl') current.ilvl = int(attr(tag, 'val'));
      },
      close(tag) {
        if (isW(tag, 'style')) current = undefined;
      },
    });
  }
  return { styles, defaultStyle };
}

/** The list a paragraph style puts its paragraphs in, following basedOn. */
function styleNumbering(styles: Map<string, StyleNumbering>, id: string | undefined): { numId: string; ilvl?: number } | undefined {
  for (let hops = 0; id !== undefined && hops < 16; hops++) {
    const style = styles.get(id);
    if (!style) return undefined;
    if (style.numId !== undefined) return { numId: style.numId, ilvl: style.ilvl };
    id = style.basedOn;
  }
  return undefined;
}

/** Subtrees whose text Word does not show as body text, or shows elsewhere. */
const SKIPPED = new Set([
  'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'pPrChange', 'rPrChange', 'sectPr', 'sectPrChange', 'tblPrChange',
  'numberingChange', 'drawing', 'pict', 'object', 'txbxContent', 'footnoteReference', 'endnoteReference', 'commentReference',
]);

interface ParagraphState {
  text: string;
  style?: string;
  numId?: string;
  ilvl?: number;
  /** The paragraph mark is hidden as a style separator (a run-in heading): the text runs on into the next paragraph. */
  styleSeparator: boolean;
  /** The paragraph mark is a tracked deletion: the paragraph is merged into the next, and is not numbered. */
  markDeleted: boolean;
  /** How much of the text, from its start, is in bold runs: a run-in measure set in bold (`强化楼宇招商。` then the body). */
  boldLead: number;
  /** No text outside a bold run yet. */
  allBold: boolean;
}

/** A sentence end, after which a bold lead is a run-in title. */
const LEAD_END = /[。！？!?.]\s*$/;

/** The paragraph's text with a bold lead that ends a sentence marked as Markdown emphasis, as plans pasted from Word keep it. */
function withBoldLead(p: ParagraphState): string {
  const lead = p.text.slice(0, p.boldLead);
  if (!p.boldLead || p.boldLead >= p.text.trimEnd().length || !LEAD_END.test(lead)) return p.text;
  return `**${lead.trimEnd()}**${p.text.slice(p.boldLead)}`;
}

/** Reads a .docx; throws WordError for what is not a readable Word document. */
export function importDocx(bytes: Uint8Array): ImportedPlan {
  const parts = unzip(bytes);
  const main = relationships(parts, '_rels/.rels', '').get('officeDocument') ?? 'word/document.xml';
  if (!parts[main]) throw new WordError('word.notWord');
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const related = relationships(parts, `${folder}_rels/${main.slice(folder.length)}.rels`, folder);
  const defs = emptyDefinitions();
  const { styles, defaultStyle } = readStyles(parts, related.get('styles') ?? `${folder}styles.xml`, defs);
  readNumbering(parts, related.get('numbering') ?? `${folder}numbering.xml`, defs);
  const counters = new ListCounters(defs);

  const paragraphs: { text: string; number: number }[] = [];
  let number = 0;
  /** Text of paragraphs whose mark joined them to this one, and the number of the first of them. */
  let carried: { text: string; number: number } | undefined;
  let paragraph: ParagraphState | undefined;
  let skipDepth = 0;
  let tableDepth = 0;
  let inParagraphProps = false;
  let inMarkProps = false;
  let inRunProps = false;
  let runHidden = false;
  let runBold = false;
  /** Complex fields open at this point: true while in the field code, false once in the result. */
  const fields: boolean[] = [];
  let inText = false;

  const finishParagraph = (p: ParagraphState) => {
    const list = p.numId !== undefined ? p : styleNumbering(styles, p.style ?? defaultStyle);
    let label = '';
    if (list?.numId && list.numId !== '0' && !p.markDeleted) {
      const ilvl = p.ilvl ?? list.ilvl ?? (p.style ? counters.levelOfStyle(list.numId, p.style) : undefined) ?? 0;
      label = counters.next(list.numId, ilvl);
    }
    if (tableDepth > 0) return;
    number++;
    const text = (carried?.text ?? '') + label + withBoldLead(p);
    const first = carried?.number ?? number;
    if (p.styleSeparator || p.markDeleted) carried = { text, number: first };
    else {
      carried = undefined;
      paragraphs.push({ text, number: first });
    }
  };

  readXml(parts, main, {
    open(tag) {
      if (skipDepth) return void skipDepth++;
      if (tag.uri === MC && tag.local === 'Fallback') return void (skipDepth = 1);
      if (!W.has(tag.uri)) return;
      if (SKIPPED.has(tag.local)) return void (skipDepth = 1);
      switch (tag.local) {
        case 'tbl':
          tableDepth++;
          break;
        case 'p':
          paragraph = { text: '', styleSeparator: false, markDeleted: false, boldLead: 0, allBold: true };
          break;
        case 'pPr':
          inParagraphProps = true;
          break;
        case 'rPr':
          if (inParagraphProps) inMarkProps = true;
          else inRunProps = true;
          break;
        case 'r':
          runHidden = false;
          runBold = false;
          break;
        case 'b':
          if (inRunProps) runBold = isOn(tag);
          break;
        case 'pStyle':
          if (paragraph && inParagraphProps && !inMarkProps) paragraph.style = attr(tag, 'val');
          break;
        case 'numId':
          if (paragraph && inParagraphProps) paragraph.numId = attr(tag, 'val');
          break;
        case 'ilvl':
          if (paragraph && inParagraphProps) paragraph.ilvl = int(attr(tag, 'val'));
          break;
        case 'specVanish':
          if (paragraph && inMarkProps && isOn(tag)) paragraph.styleSeparator = true;
          break;
        case 'vanish':
          if (inRunProps) runHidden = isOn(tag);
          break;
        case 'fldChar': {
          const type = attr(tag, 'fldCharType');
          if (type === 'begin') fields.push(true);
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = false;
          else if (type === 'end') fields.pop();
          break;
        }
        case 't':
          inText = true;
          break;
        case 'tab':
        case 'ptab':
          if (paragraph && !inParagraphProps && !runHidden && !fields.includes(true)) paragraph.text += '\t';
          break;
        case 'br':
        case 'cr': {
          const type = attr(tag, 'type');
          if (paragraph && !runHidden && !fields.includes(true) && (type === undefined || type === 'textWrapping')) paragraph.text += '\n';
          break;
        }
        case 'noBreakHyphen':
          if (paragraph && !runHidden) paragraph.text += '-';
          break;
      }
    },
    close(tag) {
      if (skipDepth) {
        skipDepth--;
        // A deleted paragraph mark (w:del in the mark's properties) joins the paragraph to the next.
        if (!skipDepth && inMarkProps && paragraph && isW(tag, 'del')) paragraph.markDeleted = true;
        return;
      }
      if (!W.has(tag.uri)) return;
      switch (tag.local) {
        case 'tbl':
          tableDepth--;
          break;
        case 'p':
          if (paragraph) finishParagraph(paragraph);
          paragraph = undefined;
          break;
        case 'pPr':
          inParagraphProps = false;
          break;
        case 'rPr':
          if (inMarkProps) inMarkProps = false;
          else inRunProps = false;
          break;
        case 't':
          inText = false;
          break;
      }
    },
    text(t) {
      if (!(inText && !skipDepth && paragraph && !runHidden && !fields.includes(true))) return;
      paragraph.text += t;
      if (paragraph.allBold && runBold) paragraph.boldLead = paragraph.text.length;
      else if (t.trim()) paragraph.allBold = false;
    },
  });
  if (carried) paragraphs.push(carried);
  return assemble(paragraphs);
}

/** Paragraphs as lines, a blank line between two; empty paragraphs leave no line of their own. */
function assemble(paragraphs: { text: string; number: number }[]): ImportedPlan {
  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  for (const p of paragraphs) {
    if (!p.text.trim()) continue;
    if (lines.length) {
      lines.push('');
      paragraphOfLine.push(0);
    }
    for (const line of p.text.split('\n')) {
      lines.push(line);
      paragraphOfLine.push(p.number);
    }
  }
  return { text: lines.length ? lines.join('\n') + '\n' : '', paragraphOfLine };
}
