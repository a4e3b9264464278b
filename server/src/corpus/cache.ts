// The persisted corpus index: one file per plan content and file name (its record; a plan's file name
// may give its street and year), a manifest (each plan file's path, size, mtime and content hash), so a restart
// reads only the files that changed, and the index's table of terms (named by its content), so a restart's
// records can reach the request thread as numbers rather than strings (corpus.ts). Every cache file carries a magic, a format number, the code key
// and a checksum of its payload; anything that does not match in every part is ignored and rebuilt,
// and what passes is checked field by field (isPlanRecord) before the index takes it. The manifest and
// the term table go to a temporary file in the same folder, fsync'd, then renamed over the old one
// (io/writeFile.ts); a record is written in place (RecordStore.write).
import { createHash } from 'crypto';
import { closeSync, promises as fs, mkdirSync, openSync, readFileSync, writevSync } from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { writeWhole } from '../io/writeFile';
import { topicOfTerm } from '../service/related/lexicon';
import { isPlanRecord, PlanRecord } from '../service/related/record';

/** Bumped when the layout of a cache file or of its payload changes. */
export const CACHE_FORMAT = 4;
const MAGIC = Buffer.from('WPLNIDX\0', 'latin1');
const KIND = { record: 1, manifest: 2, terms: 3 } as const;
const SHA256_BYTES = 32;
/** Timestamps this close to the moment a file was read cannot tell two writes apart (FAT keeps 2 s). */
const RACY_MS = 2000;

/**
 * What the records depend on besides the plan: the code and data that make them (the worker bundle
 * holds the parser, units, terms, the normalisation with OpenCC's tables and the topic lexicon, so any
 * change to them changes its hash), ICU's and Unicode's tables (NFKC, lower case), V8's
 * serialisation, and this file's format. Records from any other key are foreign. The ranking weights
 * are not among them: records keep topic evidence unweighted (record.ts).
 */
export function codeKey(workerScript: string): string {
  const hash = createHash('sha256').update(readFileSync(workerScript));
  const { icu, unicode, v8: engine } = process.versions;
  hash.update(JSON.stringify({ CACHE_FORMAT, icu, unicode, engine }));
  return hash.digest('hex').slice(0, 32);
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A cache file's bytes in parts, the payload's serialisation last (a record's file is written from them as they are). */
function encodeParts(kind: number, key: string, payload: unknown): Buffer[] {
  const body = v8.serialize(payload);
  const keyBytes = Buffer.from(key, 'utf8');
  const head = Buffer.alloc(MAGIC.length + 1 + 4 + 2);
  MAGIC.copy(head);
  head.writeUInt8(kind, MAGIC.length);
  head.writeUInt32LE(CACHE_FORMAT, MAGIC.length + 1);
  head.writeUInt16LE(keyBytes.length, MAGIC.length + 5);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return [head, keyBytes, createHash('sha256').update(body).digest(), length, body];
}

function encode(kind: number, key: string, payload: unknown): Buffer {
  return Buffer.concat(encodeParts(kind, key, payload));
}

/** The payload, if `bytes` is a whole, intact cache file of this kind, format and key; else undefined. */
function decode(kind: number, key: string, bytes: Buffer): unknown {
  const keyBytes = Buffer.from(key, 'utf8');
  let at = MAGIC.length + 1 + 4 + 2;
  if (bytes.length < at + keyBytes.length + SHA256_BYTES + 4) return undefined;
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.readUInt8(MAGIC.length) !== kind) return undefined;
  if (bytes.readUInt32LE(MAGIC.length + 1) !== CACHE_FORMAT || bytes.readUInt16LE(MAGIC.length + 5) !== keyBytes.length) return undefined;
  if (!bytes.subarray(at, at + keyBytes.length).equals(keyBytes)) return undefined;
  at += keyBytes.length;
  const sum = bytes.subarray(at, at + SHA256_BYTES);
  at += SHA256_BYTES;
  const length = bytes.readUInt32LE(at);
  at += 4;
  const body = bytes.subarray(at);
  if (body.length !== length || !createHash('sha256').update(body).digest().equals(sum)) return undefined;
  try {
    return v8.deserialize(body);
  } catch {
    return undefined;
  }
}

/** A typed array with a buffer of its own: deserialised ones share the file's, which must not be handed to another thread. */
function own<T extends Uint8Array | Uint16Array | Int32Array | Float32Array | Float64Array>(a: T): T {
  return a.slice() as T;
}

const RECORD_SUFFIX = '.rec';

/** A record's cache file and its bytes (in parts, not joined: a copy of some 60 KB a plan saved), not yet written. */
export interface RecordFile {
  file: string;
  parts: Buffer[];
}

/** The name of the record file of a plan's content under a file name. */
export function recordName(hash: string, name: string): string {
  return createHash('sha256').update(`${hash}\0${name}`).digest('hex');
}

/** Records by content and file name; `null` is kept for a text file that is no plan (a README), so it is not parsed again. */
export class RecordStore {
  constructor(
    readonly dir: string,
    readonly key: string,
  ) {}

  private file(hash: string, name: string): string {
    return path.join(this.dir, recordName(hash, name) + RECORD_SUFFIX);
  }

  /** The stored record, `null` for "not a plan", undefined if there is none that can be trusted. */
  async load(hash: string, name: string): Promise<PlanRecord | null | undefined> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.file(hash, name));
    } catch {
      return undefined;
    }
    const payload = decode(KIND.record, this.key, bytes) as { hash?: unknown; name?: unknown; record?: unknown } | undefined;
    if (!payload || payload.hash !== hash || payload.name !== name) return undefined;
    if (payload.record === null) return null;
    if (!isPlanRecord(payload.record)) return undefined;
    const r = payload.record;
    return {
      ...r,
      kinds: own(r.kinds),
      parents: own(r.parents),
      lines: own(r.lines),
      ranges: own(r.ranges),
      readable: own(r.readable),
      unitStarts: own(r.unitStarts),
      unitTerms: own(r.unitTerms),
      unitTfs: own(r.unitTfs),
      lengths: own(r.lengths),
      topicStarts: own(r.topicStarts),
      unitTopics: own(r.unitTopics),
      topicEvidence: own(r.topicEvidence),
    };
  }

  /** The record's file, encoded: the record's buffers may be handed to another thread before it is written. */
  encode(hash: string, name: string, record: PlanRecord | null): RecordFile {
    return { file: this.file(hash, name), parts: encodeParts(KIND.record, this.key, { hash, name, record }) };
  }

  /**
   * Writes an encoded record in place, synchronously, without a temporary file or fsync: a record cut
   * short by a crash, or read while it is written, fails its checksum and its plan is parsed again;
   * two servers write the same bytes. A worker writes between its jobs: through libuv's pool (open,
   * write, close a file) a first index of 1,000 plans cost its threads 0.3–0.9 s more CPU.
   */
  write({ file, parts }: RecordFile): void {
    let fd;
    try {
      fd = openSync(file, 'w');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      // The folder is made by the first write, and again if someone removed it.
      mkdirSync(this.dir, { recursive: true });
      fd = openSync(file, 'w');
    }
    try {
      // A write cut short (a full disk) leaves a file that fails its checksum.
      writevSync(fd, parts);
    } finally {
      closeSync(fd);
    }
  }
}

/** A plan file as it was read: size and mtime, and the SHA-256 of its bytes. */
export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface KnownFile extends ManifestEntry {
  /** When size and mtime were last seen to go with this content (ms since the epoch). */
  checked: number;
}

/**
 * Whether size and mtime alone may vouch for the content: not if the file was written so shortly
 * before it was read that a second write could have kept its timestamp.
 */
export function trustedBySignature(f: KnownFile): boolean {
  return f.mtimeMs < f.checked - RACY_MS;
}

const MANIFEST = 'manifest';

type Row = [file: string, size: number, mtimeMs: number, hash: string, checked: number];

function isRow(e: unknown): e is Row {
  return (
    Array.isArray(e) && e.length === 5 && typeof e[0] === 'string' && Number.isFinite(e[1]) && Number.isFinite(e[2]) &&
    typeof e[3] === 'string' && /^[0-9a-f]{64}$/.test(e[3]) && Number.isFinite(e[4])
  );
}

export interface Manifest {
  /** Plan files as the last server left them, by path. */
  files: Map<string, KnownFile>;
  /** The term table saved beside them (saveTermTable), if any. */
  terms?: string;
}

/** The manifest; no files when there is none to trust. */
export async function loadManifest(dir: string, key: string): Promise<Manifest> {
  const files = new Map<string, KnownFile>();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(dir, MANIFEST));
  } catch {
    return { files };
  }
  const payload = decode(KIND.manifest, key, bytes) as { rows?: unknown; terms?: unknown } | undefined;
  if (!payload || !Array.isArray(payload.rows) || !payload.rows.every(isRow)) return { files };
  for (const [file, size, mtimeMs, hash, checked] of payload.rows) files.set(file, { size, mtimeMs, hash, checked });
  return { files, terms: typeof payload.terms === 'string' && TERMS_NAME.test(payload.terms) ? payload.terms : undefined };
}

export async function saveManifest(dir: string, key: string, manifest: { files: ReadonlyMap<string, KnownFile>; terms?: string }): Promise<void> {
  const rows: Row[] = [...manifest.files].map(([file, e]) => [file, e.size, e.mtimeMs, e.hash, e.checked]);
  await fs.mkdir(dir, { recursive: true });
  await writeWhole(path.join(dir, MANIFEST), encode(KIND.manifest, key, { rows, terms: manifest.terms }));
}

/** A term table's file name: `terms-` and the start of its bytes' SHA-256, so a name always means one content. */
const TERMS_NAME = /^terms-[0-9a-f]{32}$/;
const SEPARATOR = '\0';

/**
 * Whether a term may go in the table: topic terms stay out (the index makes them as the lexicon says,
 * and a topic no plan holds must not be known to it), and so does a term with the separator in it.
 */
export function tableable(term: string): boolean {
  return term !== '' && !term.includes(SEPARATOR) && topicOfTerm(term) < 0;
}

/** Saves a table of distinct terms (each tableable), unless it is there already; returns its name. */
export async function saveTermTable(dir: string, key: string, terms: readonly string[]): Promise<string> {
  const bytes = encode(KIND.terms, key, terms.join(SEPARATOR));
  const name = `terms-${contentHash(bytes).slice(0, 32)}`;
  const file = path.join(dir, name);
  if (!(await fs.stat(file).then(() => true, () => false))) {
    await fs.mkdir(dir, { recursive: true });
    await writeWhole(file, bytes);
  }
  return name;
}

/**
 * The term table of that name, if its file is whole, of this format and key, holds the content its
 * name says, and every entry is a distinct tableable term; else undefined.
 */
export async function loadTermTable(dir: string, key: string, name: string): Promise<string[] | undefined> {
  if (!TERMS_NAME.test(name)) return undefined;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.join(dir, name));
  } catch {
    return undefined;
  }
  if (`terms-${contentHash(bytes).slice(0, 32)}` !== name) return undefined;
  const joined = decode(KIND.terms, key, bytes);
  if (typeof joined !== 'string') return undefined;
  const terms = joined === '' ? [] : joined.split(SEPARATOR);
  return terms.every(tableable) && new Set(terms).size === terms.length ? terms : undefined;
}

/**
 * Deletes the cache files nothing refers to (`keep` holds recordName()s, and the term table's name):
 * records of plans no longer in the corpus and older term tables (unless written after `since`, by
 * another server sharing the folder), leftovers of interrupted writes.
 */
export async function collectGarbage(dir: string, keep: ReadonlySet<string>, since: number): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (name === MANIFEST || keep.has(name)) continue;
    const isRecord = name.endsWith(RECORD_SUFFIX) && !name.startsWith('.');
    if (isRecord && keep.has(name.slice(0, -RECORD_SUFFIX.length))) continue;
    const file = path.join(dir, name);
    try {
      if ((await fs.stat(file)).mtimeMs >= since) continue;
      await fs.rm(file, { force: true });
      removed++;
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}
