// Replacing a file without ever leaving it half written: the new bytes go to a temporary file in the
// same folder, are flushed to disk, and are renamed over the original only if the original is still
// what was read. A full disk, a size limit or a kill leaves the original as it was. Files that only
// this program writes (the corpus cache) take the same way without the checks (writeWhole).
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** What a file was when it was read, to tell whether someone changed it since. */
export interface Snapshot {
  /** The file itself, symbolic links resolved: a link stays a link to the rewritten file. */
  path: string;
  size: bigint;
  mtimeNs: bigint;
  sha256: string;
  mode: number;
  uid: number;
  gid: number;
}

export type WriteFailure = 'readOnly' | 'folder' | 'changed' | 'io';

export class WriteError extends Error {
  constructor(
    readonly failure: WriteFailure,
    /** The system's error code (`EACCES`, `ENOSPC`, `EFBIG`…), when there is one. */
    readonly code?: string,
  ) {
    super(code ? `${failure}: ${code}` : failure);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file and notes what it was. Throws what `fs` throws (ENOENT, EISDIR, EACCES…). */
export function readWithSnapshot(file: string): { bytes: Buffer; snapshot: Snapshot } {
  const real = fs.realpathSync(file);
  const fd = fs.openSync(real, 'r');
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
    const bytes = fs.readFileSync(fd);
    return {
      bytes,
      snapshot: { path: real, size: stat.size, mtimeNs: stat.mtimeNs, sha256: sha256(bytes), mode: Number(stat.mode), uid: Number(stat.uid), gid: Number(stat.gid) },
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the file is still what `snapshot` saw: same size, time and content. */
function unchanged(snapshot: Snapshot): boolean {
  let stat: fs.BigIntStats;
  try {
    stat = fs.statSync(snapshot.path, { bigint: true });
  } catch {
    return false;
  }
  return stat.size === snapshot.size && stat.mtimeNs === snapshot.mtimeNs && sha256(fs.readFileSync(snapshot.path)) === snapshot.sha256;
}

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/**
 * Replaces the file of `snapshot` with `bytes`, keeping its mode (and its owner where the system
 * allows). Throws WriteError, the original untouched and no temporary file left behind, if the file is
 * read-only, the folder takes no new file, the disk refuses the bytes, or the file changed since it was read.
 */
export function replaceFile(snapshot: Snapshot, bytes: Uint8Array): void {
  const target = snapshot.path;
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (e) {
    throw new WriteError(codeOf(e) === 'ENOENT' ? 'changed' : 'readOnly', codeOf(e));
  }
  const dir = path.dirname(target);
  const temp = temporaryBeside(target);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx', snapshot.mode & 0o777);
  } catch (e) {
    throw new WriteError('folder', codeOf(e));
  }
  try {
    try {
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at);
      fs.fchmodSync(fd, snapshot.mode & 0o7777);
      keepOwner(fd, snapshot);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (!unchanged(snapshot)) throw new WriteError('changed');
    fs.renameSync(temp, target);
  } catch (e) {
    removeQuietly(temp);
    throw e instanceof WriteError ? e : new WriteError('io', codeOf(e));
  }
  syncFolder(dir);
}

/**
 * Writes `bytes` to `file`, new or replaced, so that a reader sees the old bytes or the new ones, never
 * a part; for a file only this program writes, so nothing of the old one is checked or kept. Does not
 * block: the server's request thread writes the corpus cache's manifest.
 */
export async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const temp = temporaryBeside(file);
  try {
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, file);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw e;
  }
}

/** A new file's name beside `file`: hidden, never taken, and recognisably ours. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.workplan-tmp`);
}

/** The original's owner, where allowed: root may give the file back to its owner, others only keep their own. */
function keepOwner(fd: number, snapshot: Snapshot): void {
  try {
    fs.fchownSync(fd, snapshot.uid, snapshot.gid);
  } catch {
    // Not permitted: the file belongs to whoever rewrote it, as with any editor's atomic save.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or never made.
  }
}

/** The rename is durable once the folder is flushed; a system that cannot flush a folder keeps it anyway. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (some network file systems): the rename itself has happened.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
