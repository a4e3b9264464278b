// Keeps the related-measures index current with the plans on disk and in the editor. Roots are the
// shipped seeds, the workspace folders and `workplan.corpus.paths`; an open document is authoritative
// over its file on disk (its unsaved text is what the user sees).
//
// Off the request thread: worker threads read, decode, parse and extract each plan (workers.ts), and
// a persisted cache lets a restart skip every file that has not changed (cache.ts). This thread only
// swaps records into the index, a few milliseconds of work at a time between requests (drain).
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { fileURLToPath, pathToFileURL } from 'url';
import { URI, Utils } from 'vscode-uri';
import type { Notice } from '../service/l10n/messages';
import { IndexedDocument, RecordEntry, RelatedIndex } from '../service/related/index';
import { PlanRecord } from '../service/related/record';
import { codeKey, collectGarbage, KnownFile, loadManifest, loadTermTable, recordName, saveManifest, saveTermTable, tableable, trustedBySignature } from './cache';
import type { Job, Reply } from './corpusWorker';
import { findPlanFiles, FoundFile, isPlanFile, isUnder, MAX_PLAN_FILES, resolveInRoots, resolveRoot, Root, RootRefusal } from './files';
import { defaultBulkSize, defaultPoolSize, WorkerPool } from './workers';

export interface SyncResult {
  plans: number;
  units: number;
  skipped: number;
  /** Files whose record came from the cache, and files read and parsed. */
  cached: number;
  parsed: number;
  ms: number;
}

export interface CorpusOptions {
  /** Folder for the persisted index (the extension's storage folder, or one a client names); none: no cache. */
  cacheFolder?: string;
  /** Worker threads; by default one per core but one, up to four, and one per core while a first index runs. */
  workers?: number;
  /** Heap limit of each worker, in MB: what indexing one file may cost. */
  workerHeapMb?: number;
  /** Estimated size the corpus's plans may take in the index; plans beyond it are left out (open documents never). */
  maxIndexBytes?: number;
  maxFiles?: number;
  /** The worker's script: server/out/corpusWorker.js beside the bundled server, or the compiled one beside this file. */
  workerScript?: string;
  /** @internal For tests: how long records of a bulk may wait for their batch (HOLD_MS). */
  holdMs?: number;
}

export const DEFAULT_WORKER_HEAP_MB = 512;
export const MAX_INDEX_BYTES = 1024 * 1024 * 1024;
/** Subfolder of the cache folder that is ours alone (its garbage is collected). */
export const CACHE_SUBFOLDER = 'related-index';
/** Postings of the records swapped in as one batch (each term's list reached once a batch); the batch itself goes in steps. */
const BATCH_POSTINGS = 50_000;
/** What a term's number becomes when it is no place in the term table: no id the index has. */
const NO_TERM = 0x7fffffff;
/**
 * How long records read in a bulk (a first index) may wait for more to join their batch while other
 * files are still being read: workers send them one at a time, and a plan swapped in alone reaches
 * each of its two thousand lists for itself.
 */
const HOLD_MS = 50;
/** Longest stretch of index work between two looks at the request queue. */
const APPLY_BUDGET_MS = 4;
/** What one step of index work should take at most: a request that comes during it waits that long. */
const STEP_TARGET_MS = 8;
/** Pause after the last change on disk before the manifest is written. */
const MANIFEST_DELAY_MS = 2000;

/** What a plan's record is estimated to take in the index: 8 bytes a posting and room to grow, its units, its list of terms. */
export function estimatedBytes(record: PlanRecord): number {
  return record.unitTerms.length * 10 + record.titles.length * 250 + record.terms.length * 2;
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Absolute folder paths from setting values: `~/…` is the home folder, relative ones are taken from `base`. */
export function resolveFolders(values: unknown, base: string | undefined): string[] {
  if (!Array.isArray(values)) return [];
  return values
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim().replace(/^~(?=$|[/\\])/, os.homedir()))
    .map((v) => path.normalize(path.isAbsolute(v) ? v : path.resolve(base ?? os.homedir(), v)));
}

/** Work on the index, done between requests a slice at a time. */
interface Work {
  start: () => Generator<void, unknown>;
  /** Still wanted (a plan: no newer text or file read, not closed, not deleted). */
  valid: () => boolean;
  done: (completed: boolean, value?: unknown) => void;
  steps?: Generator<void, unknown>;
  /** A plan's record to add, which may join the records queued after it in one batch. */
  record?: RecordEntry;
  /** A record of a file read in a bulk: when it was queued (see HOLD_MS); none for one that should not wait (an open document). */
  bulkSince?: number;
}

type Outcome = 'indexed' | 'cached' | 'unchanged' | 'notPlan' | 'skipped' | 'dropped';

export class Corpus {
  private shipped: Root[] = [];
  private roots: Root[] = [];
  /** Plans read from disk, by file path. */
  private readonly disk = new Map<string, { uri: string; real: string; bytes: number }>();
  /** Real path → the path it is indexed by: one entry per real file. */
  private readonly byReal = new Map<string, string>();
  /** What each plan file was when last read (the manifest). */
  private readonly known = new Map<string, KnownFile>();
  /** The latest read started per file (a number never reused): an older read's result is dropped, and so is one of a file forgotten since. */
  private readonly generation = new Map<string, number>();
  private generations = 0;
  /** Open file documents, by file path → the URI the editor uses. */
  private readonly openFiles = new Map<string, string>();
  /** Latest text sent for indexing, per open document. */
  private readonly openSeq = new Map<string, number>();
  /** Open documents whose first text is still being indexed: the first requests wait for these only. */
  private pendingOpen = 0;
  private readonly queue: Work[] = [];
  private drainScheduled = false;
  /** Files whose worker has not replied yet: while there are, more records are on their way. */
  private reading = 0;
  private holdTimer?: NodeJS.Timeout;
  private indexBytes = 0;
  private capLogged = false;
  private readonly pool: WorkerPool;
  private readonly cache?: { dir: string; key: string };
  private manifestLoaded?: Promise<void>;
  /**
   * The term table the last server saved, read back at start (before the records): workers give the
   * terms it holds as their places in it, and `ids` turns those into the index's ids. Kept for the
   * session: a job names it, so a reply's numbers always refer to it.
   */
  private table?: { name: string; ids: Int32Array; same: boolean };
  /** The term table saved last, which the manifest names for the next start. */
  private savedTable?: string;
  private manifestTimer?: NodeJS.Timeout;
  private running?: Promise<SyncResult>;
  private again = false;
  private shippedDone = false;
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];

  constructor(
    readonly index: RelatedIndex,
    private readonly log: (notice: Notice) => void,
    private readonly options: CorpusOptions = {},
  ) {
    const script = options.workerScript ?? path.join(__dirname, 'corpusWorker.js');
    if (options.cacheFolder) {
      try {
        this.cache = { dir: path.join(options.cacheFolder, CACHE_SUBFOLDER), key: codeKey(script) };
      } catch (e) {
        log({ key: 'corpus.noCache', args: { reason: (e as Error).message } });
      }
    }
    this.pool = new WorkerPool({
      script,
      size: options.workers ?? defaultPoolSize(),
      bulkSize: options.workers ?? defaultBulkSize(),
      heapMb: options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
      workerData: { cache: this.cache },
      log,
    });
  }

  /**
   * Folders whose plans belong to the corpus; `shipped` (the seeds) are indexed first. Call sync() to
   * apply. Returns the folders refused: missing, a filesystem root, or holding the home folder.
   */
  async setRoots(shipped: string[], roots: string[]): Promise<{ folder: string; refused: RootRefusal }[]> {
    const refused: { folder: string; refused: RootRefusal }[] = [];
    const resolve = async (folders: string[]) => {
      const out: Root[] = [];
      for (const folder of new Set(folders.map((f) => path.normalize(f)))) {
        const root = await resolveRoot(folder);
        if ('refused' in root) refused.push({ folder, refused: root.refused });
        else out.push(root);
      }
      return out;
    };
    this.shipped = await resolve(shipped);
    this.roots = await resolve(roots);
    return refused;
  }

  /** Resolves true once the shipped plans and the documents opened so far are indexed; false after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<boolean> {
    if (this.ready) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  async dispose(): Promise<void> {
    clearTimeout(this.manifestTimer);
    clearTimeout(this.holdTimer);
    await this.pool.dispose();
  }

  /**
   * Brings the index in line with the roots: reads new and changed plans, drops those no longer
   * there. Calls made while one runs are folded into one more run, and counted with it.
   */
  sync(progress?: (done: number, total: number) => void): Promise<SyncResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<SyncResult> => {
      try {
        const started = Date.now();
        let total: SyncResult | undefined;
        do {
          this.again = false;
          const result = await this.syncOnce(progress);
          total = total && { ...result, skipped: total.skipped + result.skipped, cached: total.cached + result.cached, parsed: total.parsed + result.parsed };
          total ??= result;
        } while (this.again);
        return { ...total, ms: Date.now() - started };
      } finally {
        this.running = undefined;
      }
    };
    this.running = run();
    return this.running;
  }

  private async syncOnce(progress?: (done: number, total: number) => void): Promise<SyncResult> {
    const started = Date.now();
    await this.loadManifest();
    const limit = this.options.maxFiles ?? MAX_PLAN_FILES;
    // Workspace paths first: a seed opened as part of the workspace is known by the path the editor uses.
    const found = await findPlanFiles([...this.roots, ...this.shipped], limit, this.log);
    if (found.length >= limit) {
      this.log({ key: 'corpus.fileLimit', args: { limit } });
    }
    const present = new Set(found.map((f) => f.path));
    for (const file of this.tracked()) if (!present.has(file)) this.forget(file);
    const isShipped = (f: FoundFile) => this.shipped.some((r) => isUnder(r.real, f.real));
    const first = found.filter(isShipped);
    const ordered = [...first, ...found.filter((f) => !isShipped(f))];
    let done = 0;
    let firstDone = 0;
    const counts: Record<Outcome, number> = { indexed: 0, cached: 0, unchanged: 0, notPlan: 0, skipped: 0, dropped: 0 };
    if (!first.length) this.shippedIndexed();
    await Promise.all(
      ordered.map(async (f, i) => {
        counts[await this.readFile(f)]++;
        progress?.(++done, ordered.length);
        if (i < first.length && ++firstDone === first.length) this.shippedIndexed();
      }),
    );
    // Workers write records to the cache after posting them: the manifest written below should find them.
    await this.pool.flush();
    // The lists grew a size class (about a fifth) at a time while plans came in: packed to their size now.
    if (counts.indexed + counts.cached > 0) await this.work(() => this.index.compactInSteps(), () => true);
    await this.saveManifest(started);
    return {
      plans: this.index.documentCount,
      units: this.index.unitCount,
      skipped: counts.skipped,
      cached: counts.cached,
      parsed: counts.indexed + counts.notPlan,
      ms: Date.now() - started,
    };
  }

  /** A plan file was created, changed or deleted on disk (a deleted folder takes its plans along). */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const file = filePath(uri);
    if (!file || this.openFiles.has(file)) return;
    if (deleted) {
      for (const f of this.tracked()) if (f === file || isUnder(file, f)) this.forget(f);
      this.scheduleManifest();
      return;
    }
    const roots = [...this.roots, ...this.shipped];
    if (!isPlanFile(file) || !roots.some((r) => isUnder(r.path, file) || isUnder(r.real, file))) return;
    // The same rule as the scan's: a link is followed only where it leads inside a root.
    const real = await resolveInRoots(file, roots);
    if (!real) {
      this.forget(file);
      return;
    }
    const other = this.byReal.get(real);
    if (other !== undefined && other !== file && this.disk.has(other)) return;
    await this.readFile({ path: file, real });
    this.scheduleManifest();
  }

  /** An open document's text, as of now: indexed in the background, replacing its file's plan. */
  opened(uri: string, text: string): void {
    const file = filePath(uri);
    if (file) {
      this.dropDisk(file);
      this.openFiles.set(file, uri);
      this.bump(file);
    }
    const seq = (this.openSeq.get(uri) ?? 0) + 1;
    this.openSeq.set(uri, seq);
    const current = () => this.openSeq.get(uri) === seq;
    // Later versions come while typing; waiting for them would keep the first requests waiting for ever.
    const first = seq === 1;
    if (first) this.pendingOpen++;
    void this.pool
      .run({ kind: 'text', text, name: Utils.basename(URI.parse(uri)), terms: this.table?.name }, true)
      .then(async (reply) => {
        if (!current()) return;
        if ('record' in reply) await this.apply(uri, this.inIndexIds(reply.record), current);
        else {
          if ('skipped' in reply) this.log({ key: 'corpus.skipped', args: { file: uri, why: reply.skipped } });
          this.index.removeDocument(uri);
        }
      })
      .finally(() => {
        if (!first) return;
        this.pendingOpen--;
        this.checkReady();
      });
  }

  /** An open document too large to index: it stays out, and so does its file while it is open. */
  tooLarge(uri: string): void {
    const file = filePath(uri);
    if (file) {
      this.dropDisk(file);
      this.openFiles.set(file, uri);
      this.bump(file);
    }
    this.openSeq.set(uri, (this.openSeq.get(uri) ?? 0) + 1);
    this.index.removeDocument(uri);
  }

  /** A document was closed: its file, if it belongs to the corpus, is read back from disk. */
  async closed(uri: string): Promise<void> {
    this.openSeq.delete(uri);
    this.index.removeDocument(uri);
    const file = filePath(uri);
    if (!file) return;
    this.openFiles.delete(file);
    await this.fileChanged(uri, false);
  }

  private bump(file: string): number {
    const gen = ++this.generations;
    this.generation.set(file, gen);
    return gen;
  }

  /** Every file the corpus indexed, knows or is reading. */
  private tracked(): Set<string> {
    return new Set([...this.disk.keys(), ...this.known.keys(), ...this.generation.keys()]);
  }

  /** A file gone from the corpus: out of the index and the manifest, and a read still under way is dropped. */
  private forget(file: string): void {
    this.generation.delete(file);
    this.dropDisk(file);
    this.known.delete(file);
  }

  private dropDisk(file: string): void {
    const entry = this.disk.get(file);
    if (!entry) return;
    this.disk.delete(file);
    if (this.byReal.get(entry.real) === file) this.byReal.delete(entry.real);
    this.indexBytes -= entry.bytes;
    this.index.removeDocument(entry.uri);
  }

  /** Reads one plan file into the index, unless it is open or unchanged. */
  private async readFile(f: FoundFile): Promise<Outcome> {
    if (this.openFiles.has(f.path)) return 'unchanged';
    const gen = this.bump(f.path);
    const known = this.known.get(f.path);
    const indexed = this.disk.get(f.path);
    const job: Job = {
      kind: 'file',
      real: f.real,
      name: path.basename(f.path),
      known: known && { ...known, trusted: trustedBySignature(known), indexed: indexed?.real === f.real },
      terms: this.table?.name,
    };
    this.reading++;
    let reply: Reply;
    try {
      reply = await this.pool.run(job);
    } finally {
      this.reading--;
    }
    const current = () => this.generation.get(f.path) === gen && !this.openFiles.has(f.path);
    if (!current()) return 'dropped';
    if ('skipped' in reply) {
      this.log({ key: 'corpus.skipped', args: { file: f.path, why: reply.skipped } });
      this.forget(f.path);
      return 'skipped';
    }
    if (reply.entry) this.known.set(f.path, reply.entry);
    if ('unchanged' in reply) return 'unchanged';
    if ('notPlan' in reply) {
      this.dropDisk(f.path);
      return reply.cached ? 'cached' : 'notPlan';
    }
    const bytes = estimatedBytes(reply.record);
    const others = this.indexBytes - (indexed?.bytes ?? 0);
    const cap = this.options.maxIndexBytes ?? MAX_INDEX_BYTES;
    if (others + bytes > cap) {
      if (!this.capLogged) {
        this.capLogged = true;
        this.log({ key: 'corpus.indexCap', args: { mb: Math.round(cap / 1024 / 1024), file: f.path } });
      }
      this.dropDisk(f.path);
      return 'skipped';
    }
    const uri = indexed?.uri ?? pathToFileURL(f.path).href;
    if (!(await this.apply(uri, this.inIndexIds(reply.record), current, true))) return 'dropped';
    if (indexed) this.indexBytes -= indexed.bytes;
    this.indexBytes += bytes;
    this.disk.set(f.path, { uri, real: f.real, bytes });
    this.byReal.set(f.real, f.path);
    return reply.cached ? 'cached' : 'indexed';
  }

  /**
   * A record as a worker posts it with numbers for terms (places in the term table: knownTerms), as
   * the index takes it: every term in its place, the numbers the index's ids.
   */
  private inIndexIds(record: PlanRecord): PlanRecord {
    const { known } = record;
    if (!known) return record;
    const ids = this.table?.ids;
    const terms = new Array<string>(known.length);
    let other = 0;
    for (let t = 0; t < known.length; t++) {
      if (known[t] < 0) terms[t] = record.terms[other++] ?? '';
      else {
        terms[t] = '';
        // A number that is no place in the table makes the index refuse the record (RelatedIndex.stage).
        if (!this.table?.same) known[t] = ids && known[t] < ids.length ? ids[known[t]] : NO_TERM;
      }
    }
    record.terms = terms;
    return record;
  }

  /** Queues a record to be swapped into the index between requests (`bulk`: one of many files read); resolves whether it was. */
  private apply(uri: string, record: PlanRecord, valid: () => boolean, bulk = false): Promise<boolean> {
    return this.work(() => this.index.addRecordInSteps(uri, record), valid, { uri, record, keep: valid }, bulk);
  }

  /**
   * The records at the head of the queue as one batch (addRecordsInSteps) when more than one waits,
   * as in a first index or a restart: each term's list is then reached once a batch, not once a plan.
   */
  private batchRecords(): void {
    let n = 0;
    let postings = 0;
    for (const item of this.queue) {
      if (!item.record || item.steps || (n > 0 && postings + item.record.record.unitTerms.length > BATCH_POSTINGS)) break;
      postings += item.record.record.unitTerms.length;
      n++;
    }
    if (n < 2) return;
    const batch = this.queue.splice(0, n);
    this.queue.unshift({
      start: () => this.index.addRecordsInSteps(batch.map((b) => b.record!)),
      valid: () => true,
      done: (completed, value) => {
        const docs = value as (IndexedDocument | Error | undefined)[] | undefined;
        batch.forEach((b, i) => {
          const doc = completed ? docs?.[i] : undefined;
          if (doc instanceof Error) this.log({ key: 'corpus.cannotIndex', args: { reason: doc.message } });
          b.done(doc !== undefined && !(doc instanceof Error));
        });
      },
    });
  }

  /**
   * Whether the queue holds only records of a bulk, fewer postings than a batch, queued less than
   * HOLD_MS ago, while files are still being read: then they wait for more (a timer drains them
   * at the latest when the first has waited HOLD_MS; a record that comes drains sooner).
   */
  private holdBatch(): boolean {
    if (this.reading === 0) return false;
    let postings = 0;
    for (const item of this.queue) {
      if (item.bulkSince === undefined || item.steps) return false;
      postings += item.record!.record.unitTerms.length;
      if (postings >= BATCH_POSTINGS) return false;
    }
    const wait = this.queue[0].bulkSince! + (this.options.holdMs ?? HOLD_MS) - performance.now();
    if (wait <= 0) return false;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.scheduleDrain(), wait);
    return true;
  }

  private work(start: () => Generator<void, unknown>, valid: () => boolean, record?: RecordEntry, bulk = false): Promise<boolean> {
    return new Promise((done) => {
      this.queue.push({ start, valid, done, record, bulkSince: bulk ? performance.now() : undefined });
      this.scheduleDrain();
    });
  }

  /**
   * One slice of index work per turn of the event loop, never more: results arrive as messages, and
   * Node delivers a worker's pending messages in one go, so work started from each of them would run
   * slice after slice without a turn in between.
   */
  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  /** Index work for up to APPLY_BUDGET_MS; requests that came meanwhile are answered before the next slice. */
  private drain(): void {
    const deadline = performance.now() + APPLY_BUDGET_MS;
    while (this.queue.length && performance.now() < deadline) {
      if (this.queue[0].record && !this.queue[0].steps) {
        if (this.holdBatch()) return;
        this.batchRecords();
      }
      const item = this.queue[0];
      if (!item.valid()) {
        this.queue.shift();
        // Work stopped half way gives back what it holds (a plan pending in the index: addRecordInSteps).
        item.steps?.return(undefined);
        item.done(false);
        continue;
      }
      try {
        item.steps ??= item.start();
        const began = performance.now();
        const step = item.steps.next();
        this.index.paceSteps(performance.now() - began, STEP_TARGET_MS);
        if (step.done) {
          this.queue.shift();
          item.done(true, step.value);
        }
      } catch (e) {
        // A plan the index cannot take (more plans than slots): it stays out, and the server goes on.
        this.queue.shift();
        this.log({ key: 'corpus.cannotIndex', args: { reason: e instanceof Error ? e.message : String(e) } });
        item.done(false);
      }
    }
    if (this.queue.length) this.scheduleDrain();
  }

  private shippedIndexed(): void {
    this.shippedDone = true;
    this.checkReady();
  }

  private checkReady(): void {
    if (this.ready || !this.shippedDone || this.pendingOpen > 0) return;
    this.ready = true;
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  private loadManifest(): Promise<void> {
    this.manifestLoaded ??= (async () => {
      if (!this.cache) return;
      const manifest = await loadManifest(this.cache.dir, this.cache.key);
      for (const [file, entry] of manifest.files) this.known.set(file, entry);
      const terms = manifest.terms && (await loadTermTable(this.cache.dir, this.cache.key, manifest.terms));
      if (!manifest.terms || !terms) return;
      const ids = this.index.internTerms(terms);
      this.table = { name: manifest.terms, ids, same: ids.every((id, i) => id === i) };
      this.savedTable = manifest.terms;
    })();
    return this.manifestLoaded;
  }

  private scheduleManifest(): void {
    if (!this.cache) return;
    clearTimeout(this.manifestTimer);
    this.manifestTimer = setTimeout(() => void this.saveManifest(), MANIFEST_DELAY_MS);
    this.manifestTimer.unref();
  }

  /** Writes the manifest; after a full sync (`syncStarted`), also deletes the records nothing refers to. */
  private async saveManifest(syncStarted?: number): Promise<void> {
    if (!this.cache) return;
    clearTimeout(this.manifestTimer);
    try {
      // After a full sync the index's terms are those of the corpus: the table for the next start.
      if (syncStarted !== undefined) this.savedTable = await saveTermTable(this.cache.dir, this.cache.key, this.index.heldTerms(tableable));
      await saveManifest(this.cache.dir, this.cache.key, { files: this.known, terms: this.savedTable });
      if (syncStarted !== undefined) {
        const keep = new Set([...this.known].map(([file, e]) => recordName(e.hash, path.basename(file))));
        // The table read at start too: this session's jobs name it.
        for (const table of [this.savedTable, this.table?.name]) if (table) keep.add(table);
        await collectGarbage(this.cache.dir, keep, syncStarted);
      }
    } catch (e) {
      this.log({ key: 'corpus.cacheUnwritable', args: { reason: String((e as NodeJS.ErrnoException).code ?? e) } });
    }
  }
}
