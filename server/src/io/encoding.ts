// Bytes to text and back: plans come as UTF-8 (with or without BOM) or as GB18030/GBK from Windows tools.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Some bytes were invalid and read as U+FFFD: writing the text back would lose them. */
  lossy?: true;
}

export class UnreadableError extends Error {}

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

/**
 * Decodes a plan's bytes. UTF-8 is tried first and strictly; what is not valid UTF-8 is read as
 * GB18030 (a superset of GBK and GB2312). Throws UnreadableError for binary data.
 */
export function decodePlan(bytes: Uint8Array): Decoded {
  if (looksBinary(bytes)) throw new UnreadableError('binary data, not a text file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // A UTF-8 file cut mid-character or with a stray byte: GB18030 would read the rest as mojibake.
    const lenient = new TextDecoder('utf-8').decode(bytes);
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
    // Few bad sequences among many good ones is damaged UTF-8; GB18030 text read as UTF-8 is mostly bad.
    if (invalid <= Math.max(1, lenient.length * DAMAGED_UTF8_SHARE) && valid >= 20 * invalid) {
      return { text: lenient, encoding: 'utf-8', lossy: true };
    }
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new UnreadableError('neither UTF-8 nor GB18030 text');
    }
  }
}
