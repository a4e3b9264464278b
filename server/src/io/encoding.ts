// Bytes to text and back: plans come as UTF-8 (with or without BOM) or as GB18030/GBK from Windows tools.
// Reading is forgiving (a damaged plan can still be checked); writing back is strict: only the edited
// characters may change, every other byte must come out as it was read, or nothing is written.
import * as iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Some bytes are not text in `encoding` (read as U+FFFD, or a GB18030 body behind a UTF-8 BOM): never written back. */
  lossy?: true;
}

export class UnreadableError extends Error {}

/** Why text cannot be written back byte for byte: its bytes were not all read, or do not encode back to themselves. */
export class NotWritableError extends Error {
  constructor(
    readonly reason: 'lossy' | 'roundTrip',
    /** For `roundTrip`: the offset of the first byte that would change. */
    readonly byteOffset = 0,
  ) {
    super(reason === 'lossy' ? 'bytes that are not text in the file’s encoding' : `the bytes at offset ${byteOffset} do not encode back to themselves`);
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Share of invalid sequences up to which a file is still read as (damaged) UTF-8. */
const DAMAGED_UTF8_SHARE = 0.001;

/** Share of control bytes above which a file is taken for binary rather than text. */
const BINARY_CONTROL_SHARE = 0.01;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return sample.length > 0 && controls / sample.length > BINARY_CONTROL_SHARE;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Decodes a plan's bytes. UTF-8 is tried first and strictly; what is not valid UTF-8 is read as
 * GB18030 (a superset of GBK and GB2312). Throws UnreadableError for binary data.
 */
export function decodePlan(bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) throw new UnreadableError('binary data, not a text file');
  const bom = hasBom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // The BOM is taken off above: a second one belongs to the text (the decoder would drop it silently).
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // A UTF-8 file cut mid-character or with a stray byte: GB18030 would read the rest as mojibake.
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    if (damagedUtf8(lenient)) return { text: lenient, encoding: bom ? 'utf-8-bom' : 'utf-8', lossy: true };
    // GB18030 validated by the runtime, decoded by the codec that encodes it back (iconv-lite): the two
    // disagree on 20 sequences (`80`, `A3A0`, `A6D9`…, `FE59`…), and one codec both ways keeps a byte a byte.
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new UnreadableError('neither UTF-8 nor GB18030 text');
    }
    const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030', { stripBOM: false });
    // GB18030 saved behind a UTF-8 BOM: readable, but which encoding a rewrite should use is anyone's guess.
    return bom ? { text, encoding: 'utf-8-bom', lossy: true } : { text, encoding: 'gb18030' };
  }
}

/** Few bad sequences among many good ones is damaged UTF-8; GB18030 text read as UTF-8 is mostly bad. */
function damagedUtf8(lenient: string): boolean {
  // Damage is counted by place: one bad sequence (an encoded surrogate, `ED A0 80`) can read as three U+FFFD.
  let invalid = 0;
  let valid = 0;
  let previous = '';
  for (const ch of lenient) {
    if (ch === '\ufffd') {
      if (previous !== ch) invalid++;
    } else if (ch > '\u007f') valid++;
    previous = ch;
  }
  return invalid <= Math.max(1, lenient.length * DAMAGED_UTF8_SHARE) && valid >= 20 * invalid;
}

/** `text` in `encoding`, without a BOM. */
function encodeText(text: string, encoding: Encoding): Buffer {
  return encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
}

/** A replacement of `[start, end)` of the decoded text (UTF-16 offsets). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The file's bytes with `edits` applied to its decoded text: only the edits are encoded anew, and every
 * stretch between them must encode back to exactly the bytes it was read from. Throws NotWritableError
 * otherwise, before anything is written. Linear in the size of the file.
 */
export function encodeEdited(original: Uint8Array, decoded: Decoded, edits: readonly TextEdit[]): Buffer {
  if (decoded.lossy) throw new NotWritableError('lossy');
  const { text, encoding } = decoded;
  const source = Buffer.from(original.buffer, original.byteOffset, original.byteLength);
  const parts: Buffer[] = [];
  let at = encoding === 'utf-8-bom' ? BOM.length : 0;
  if (at) parts.push(BOM);
  /** Checks that `text[from, to)` was read from the bytes at `at`, and moves past them. */
  const keep = (from: number, to: number): Buffer => {
    const bytes = encodeText(text.slice(from, to), encoding);
    const read = source.subarray(at, at + bytes.length);
    if (!read.equals(bytes)) throw new NotWritableError('roundTrip', at + firstDifference(read, bytes));
    at += bytes.length;
    return read;
  };
  let done = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < done) throw new RangeError('overlapping edits');
    parts.push(keep(done, e.start));
    keep(e.start, e.end);
    parts.push(encodeText(e.newText, encoding));
    done = e.end;
  }
  parts.push(keep(done, text.length));
  if (at !== source.length) throw new NotWritableError('roundTrip', at);
  return Buffer.concat(parts);
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
