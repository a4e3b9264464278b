// Markdown built from untrusted plan text: every ASCII punctuation character is backslash-escaped
// (CommonMark lets any of them be), so no plan can open a link, an image, an HTML tag, an autolink
// or a `command:` URI, and line breaks become spaces so it cannot start a heading or a list either.

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Plan text as inert Markdown on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** Characters a link destination may hold as they are; the rest are percent-encoded. */
const LINK_SAFE = /[A-Za-z0-9\-._~:/%@!$&+,;=?]/;

/** A `file:` URI as a Markdown link destination (no brackets, spaces or quotes left to break out of it). */
export function linkTarget(uri: string): string {
  let out = '';
  for (const ch of uri) {
    out += LINK_SAFE.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}
