// Finding and reading plans on disk, scoped so a huge folder cannot swamp the server (marksman#301,
// #373): only *.txt, *.md and *.plan, no .git, node_modules or other dot-folders, no symlinks,
// files up to 5 MB, and a cap on how many are taken.
import { promises as fs } from 'fs';
import * as path from 'path';
import { decodePlan, UnreadableError } from '../io/encoding';
import type { Notice, ReadFailure } from '../service/l10n/messages';

export const PLAN_EXTENSIONS = ['.txt', '.md', '.plan'];
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
export const MAX_PLAN_FILES = 5000;

/** The glob a client watches for us. */
export const PLAN_GLOB = '**/*.{txt,md,plan}';

export function isPlanFile(file: string): boolean {
  return PLAN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function skipDirectory(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether `file` lies inside `root` (and not inside a folder the walk skips). */
export function isUnder(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return rel.split(path.sep).slice(0, -1).every((part) => !skipDirectory(part));
}

/**
 * Plan files under `root`, breadth first, in name order, at most `limit`. Folders that cannot be
 * read are reported through `log` and passed over.
 */
export async function findPlanFiles(root: string, limit: number, log: (notice: Notice) => void): Promise<string[]> {
  const found: string[] = [];
  const queue = [root];
  while (queue.length && found.length < limit) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      log({ key: 'corpus.folderUnreadable', args: { folder: dir, reason: String((e as NodeJS.ErrnoException).code ?? e) } });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !skipDirectory(entry.name)) queue.push(full);
      else if (entry.isFile() && isPlanFile(entry.name) && found.length < limit) found.push(full);
    }
  }
  return found;
}

export type PlanRead = { text: string; signature: string } | { skipped: ReadFailure };

/** A plan's text, decoded as UTF-8 or GB18030; or why it could not be read (too large, binary, unreadable). */
export async function readPlanFile(file: string): Promise<PlanRead> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { skipped: { kind: 'notFile' } };
    if (stat.size > MAX_PLAN_BYTES) return { skipped: { kind: 'tooLarge', limit: `${MAX_PLAN_BYTES / 1024 / 1024} MB` } };
    const { text } = decodePlan(await fs.readFile(file));
    return { text, signature: `${stat.size}:${stat.mtimeMs}` };
  } catch (e) {
    if (e instanceof UnreadableError) return { skipped: { kind: 'undecodable', reason: e.message } };
    return { skipped: { kind: 'unreadable', reason: String((e as NodeJS.ErrnoException).code ?? e) } };
  }
}

/** Signature of a file as it is now (size and time), to skip re-reading what has not changed. */
export async function fileSignature(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}
