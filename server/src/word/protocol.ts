// The requests by which the editor's Word commands ask the server to convert, shared by client and
// server. Bytes travel as base64. Nothing here loads the converters: the client bundles this file.
import type { WordArgs, WordKey } from '../service/l10n/messages';

/** Largest .docx read: a plan is text, so a larger file is mostly pictures, or not a plan. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

/** A size as the messages give it: `20.0 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `workplan/exportDocx`: a plan's text (and its file name, for the title when the text has none) to a .docx. */
export const EXPORT_DOCX_REQUEST = 'workplan/exportDocx';
export interface ExportDocxParams {
  text: string;
  file: string;
}
export interface ExportDocxResult {
  data: string;
}

/** `workplan/importDocx`: a .docx to plan text, or the reason it cannot be read, for the client to say in its language. */
export const IMPORT_DOCX_REQUEST = 'workplan/importDocx';
export interface ImportDocxParams {
  data: string;
}
export type ImportDocxResult = { text: string } | { error: { key: WordKey; args: WordArgs } };
