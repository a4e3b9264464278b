// A plan's text from a file: a text file in its encoding, or a Word document read by the importer.
import { readFileSync } from 'fs';
import { importDocx, isOle, isZip, WordError } from '../word/import';
import { decodePlan, Decoded } from './encoding';

export type PlanSource =
  | (Decoded & { kind: 'text' })
  /** `paragraphOfLine`: the Word paragraph (1-based) each line of `text` comes from, 0 between paragraphs. */
  | { kind: 'word'; text: string; paragraphOfLine: number[] };

const WORD_NAME = /\.(docx|docm|dotx|doc)$/i;

/** Throws UnreadableError, WordError or the file system's error (see planFromBytes). */
export function readPlanText(file: string): PlanSource {
  return planFromBytes(file, readFileSync(file));
}

/**
 * The plan in the bytes of `file`; throws UnreadableError or WordError. A file named like a Word
 * document is read as one, and so is an OLE file (a .doc, or an encrypted .docx) whatever its name;
 * a zip under another name is read as Word only if it is a Word document, and is otherwise binary data.
 */
export function planFromBytes(file: string, bytes: Uint8Array): PlanSource {
  if (WORD_NAME.test(file) || isOle(bytes)) return { kind: 'word', ...importDocx(bytes) };
  if (isZip(bytes)) {
    try {
      return { kind: 'word', ...importDocx(bytes) };
    } catch (e) {
      if (!(e instanceof WordError)) throw e;
    }
  }
  return { kind: 'text', ...decodePlan(bytes) };
}
