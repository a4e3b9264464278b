// The name a URI gives a document in messages and labels: its last path segment, %-decoded.

/** `file:///a/%E8%AE%A1%E5%88%92.txt` → `计划.txt`; a malformed escape (`untitled:100%`) is kept as written. */
export function uriBaseName(uri: string): string {
  const name = uri.replace(/^.*\//, '');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
