// Finding and reading plans on disk, scoped so a huge folder cannot swamp the server (marksman#301, #373): only
// *.txt, *.md and *.plan, no .git, node_modules or other dot-folders, files up to 5 MB, a cap on how
// many are taken. One rule for symbolic links, on the first scan and on every change event alike: a
// link is followed only where it leads inside a configured root, and each real file is read once.
// A root that is the whole disk or a home folder is refused.
import { constants, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodePlan, UnreadableError } from '../io/encoding';
import type { Notice, ReadFailure } from '../service/l10n/messages';

export const PLAN_EXTENSIONS = ['.txt', '.md', '.plan'];
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
export const MAX_PLAN_FILES = 20_000;

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

/** Whether the real folder or file `real` is `root` or lies inside it, outside the folders the walk skips. */
function inside(root: string, real: string, folder: boolean): boolean {
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const parts = rel ? rel.split(path.sep) : [];
  return (folder ? parts : parts.slice(0, -1)).every((part) => !skipDirectory(part));
}

/** A corpus folder: as configured (the paths the editor uses) and as it really is on disk. */
export interface Root {
  path: string;
  real: string;
}

export type RootRefusal = 'missing' | 'disk' | 'home';

/**
 * The folder, resolved, or why it is refused: a filesystem root or a folder holding the home folder
 * would have the server read the whole disk or everything the user owns.
 */
export async function resolveRoot(folder: string): Promise<Root | { refused: RootRefusal }> {
  let real: string;
  try {
    real = await fs.realpath(folder);
  } catch {
    return { refused: 'missing' };
  }
  if (path.parse(real).root === real) return { refused: 'disk' };
  let home = os.homedir();
  try {
    home = await fs.realpath(home);
  } catch {
    // No home folder on disk: nothing to protect there.
  }
  const rel = path.relative(real, home);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { refused: 'home' };
  return { path: path.normalize(folder), real };
}

/** A plan file found: the path the corpus knows it by and the real file behind it. */
export interface FoundFile {
  path: string;
  real: string;
}

/**
 * The real file behind `file`, if it is a regular file that lies inside one of `roots` once every
 * link is resolved; undefined otherwise (a link leading out, a folder, nothing there).
 */
export async function resolveInRoots(file: string, roots: readonly Root[]): Promise<string | undefined> {
  try {
    const real = await fs.realpath(file);
    if (!roots.some((r) => isUnder(r.real, real))) return undefined;
    return (await fs.stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Plan files under `roots`, each root breadth first in name order, at most `limit` in all, each real
 * file once: by its own path if the walk meets it, else by the first link that reaches it. Links are
 * followed where they lead inside a root.
 * Folders that cannot be read are reported through `log` and passed over.
 */
export async function findPlanFiles(roots: readonly Root[], limit: number, log: (notice: Notice) => void): Promise<FoundFile[]> {
  const found: (FoundFile & { link: boolean })[] = [];
  /** Real paths met: folders walked, and files with their place in `found`. */
  const seen = new Map<string, number>();
  for (const root of roots) {
    // Each folder with its real path: a file's real path is then its folder's, joined, without asking the disk.
    const queue = [{ dir: root.path, real: root.real }];
    seen.set(root.real, -1);
    while (queue.length && found.length < limit) {
      const { dir, real: realDir } = queue.shift()!;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        log({ key: 'corpus.folderUnreadable', args: { folder: dir, reason: String((e as NodeJS.ErrnoException).code ?? e) } });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (found.length >= limit) break;
        const full = path.join(dir, entry.name);
        const link = entry.isSymbolicLink();
        let real: { path: string; folder: boolean } | undefined;
        if (link) {
          real = await realFolderOrFile(full);
          const target = real;
          // A link is followed only where it leads inside a root (a file: not into a skipped folder either).
          if (!target || !roots.some((r) => inside(r.real, target.path, target.folder))) continue;
        } else if (entry.isDirectory() || entry.isFile()) {
          real = { path: path.join(realDir, entry.name), folder: entry.isDirectory() };
        }
        if (!real) continue;
        const met = seen.get(real.path);
        if (real.folder) {
          if (met === undefined && !skipDirectory(entry.name)) {
            seen.set(real.path, -1);
            queue.push({ dir: full, real: real.path });
          }
        } else if (isPlanFile(entry.name)) {
          if (met === undefined) {
            seen.set(real.path, found.length);
            found.push({ path: full, real: real.path, link });
          } else if (met >= 0 && found[met].link && !link) {
            // Its own path, met after a link to it: the file is known by where it is.
            found[met] = { path: full, real: real.path, link };
          }
        }
      }
    }
  }
  return found.map(({ path: p, real }) => ({ path: p, real }));
}

async function realFolderOrFile(p: string): Promise<{ path: string; folder: boolean } | undefined> {
  try {
    const real = await fs.realpath(p);
    const stat = await fs.stat(real);
    return stat.isDirectory() || stat.isFile() ? { path: real, folder: stat.isDirectory() } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bytes of the real file `real`, opened without following a link put there since it was resolved,
 * or why it was skipped (not a file, too large).
 */
export async function readPlanBytes(real: string): Promise<{ bytes: Buffer; size: number; mtimeMs: number } | { skipped: ReadFailure }> {
  const handle = await fs.open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { skipped: { kind: 'notFile' } };
    if (stat.size > MAX_PLAN_BYTES) return { skipped: { kind: 'tooLarge', limit: `${MAX_PLAN_BYTES / 1024 / 1024} MB` } };
    return { bytes: await handle.readFile(), size: stat.size, mtimeMs: stat.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Why reading or decoding a plan file threw: its bytes, the file system, or anything else. */
export function readFailureOf(e: unknown): ReadFailure {
  if (e instanceof UnreadableError) return { kind: 'undecodable', reason: e.message };
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code ? { kind: 'unreadable', reason: code } : { kind: 'failed', reason: e instanceof Error ? e.message : String(e) };
}

export type PlanRead = { text: string } | { skipped: ReadFailure };

/** A plan's text, decoded as UTF-8 or GB18030, wherever a link at `file` leads; or why it could not be read. */
export async function readPlanFile(file: string): Promise<PlanRead> {
  try {
    const read = await readPlanBytes(await fs.realpath(file));
    return 'skipped' in read ? read : { text: decodePlan(read.bytes).text };
  } catch (e) {
    return { skipped: readFailureOf(e) };
  }
}
