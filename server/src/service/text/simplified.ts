// Traditional Chinese to Simplified, for matching only: a plan in 繁體 must match the same plans as
// its 简体 twin, while what a reader sees stays as written. OpenCC's own t2s dictionaries through
// opencc-js (phrase-aware: 乾淨→干净 but 乾隆 stays); its t2cn build adds about 110 KB to a bundle,
// loads in about 4 ms and builds its converter in about 11 ms, so both wait for the first plan that
// needs them. Most plans are Simplified: a scan for characters the conversion would change (a few
// hundred million characters a second) lets them skip the converter (about ten million a second).
type OpenCC = typeof import('opencc-js/t2cn', { with: { 'resolution-mode': 'import' } });

let convert: ((text: string) => string) | undefined;
/** 1 for every UTF-16 code that some t2s entry changes; built from the converter's own dictionaries. */
let changing: Uint8Array | undefined;

function openCC(): OpenCC {
  // A CommonJS build of an ES module package: required, typed from its declarations.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('opencc-js/t2cn') as OpenCC;
}

function changingCodes(): Uint8Array {
  const codes = new Uint8Array(0x10000);
  const config = openCC().Locale.configs?.t2s;
  for (const group of config?.conversionChain ?? []) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from, to] of entries) {
        if (!from || !to) continue;
        // Mark the characters that change: where lengths differ, those the result lacks.
        const same = from.length === to.length;
        for (let i = 0; i < from.length; i++) if (same ? from[i] !== to[i] : !to.includes(from[i])) codes[from.charCodeAt(i)] = 1;
      }
    }
  }
  return codes;
}

/** Whether the t2s conversion would change anything in `text`. */
export function hasTraditional(text: string): boolean {
  const codes = (changing ??= changingCodes());
  for (let i = 0; i < text.length; i++) if (codes[text.charCodeAt(i)]) return true;
  return false;
}

/** `text` in Simplified characters (unchanged where it already is). */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const t2s = (convert ??= openCC().Converter({ from: 't', to: 'cn' }));
  return t2s(text);
}
