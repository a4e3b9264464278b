// A worker thread that turns plans into index records off the server's request thread: it reads a
// file (or takes an open document's text), decodes, parses and extracts units and terms, and posts
// the record back with its typed arrays handed over, not copied. With a cache folder it looks up and
// stores records by content hash (cache.ts). Bundled as its own entry: server/out/corpusWorker.js.
import { promises as fs, readlinkSync } from 'fs';
import * as os from 'os';
import { parentPort, workerData } from 'worker_threads';
import { decodePlan } from '../io/encoding';
import type { ReadFailure } from '../service/l10n/messages';
import { OutlineModel } from '../service/model';
import { parsePlan } from '../service/parse/parser';
import { knownTerms, PlanRecord, planRecord, recordBuffers } from '../service/related/record';
import { hasCjk } from '../service/text/chars';
import { contentHash, KnownFile, loadTermTable, RecordFile, RecordStore } from './cache';
import { readFailureOf, readPlanBytes } from './files';

export interface WorkerOptions {
  /** Folder of the record cache, with the code key its files must carry. */
  cache?: { dir: string; key: string };
}

/** What the job's record may refer to by number: the term table of this name in the cache folder, which the request thread has read too. */
interface Terms {
  terms?: string;
}

export type Job =
  | ({
      kind: 'file';
      /** The real file to open (resolved inside a root by the caller). */
      real: string;
      /** The file name the corpus knows it by (a link's own name): plans say their street and year in it. */
      name: string;
      /**
       * What the manifest says of it: `trusted` when size and mtime alone may vouch for the content,
       * `indexed` when the index holds that content already (then only a change needs a record).
       */
      known?: KnownFile & { trusted: boolean; indexed: boolean };
    } & Terms)
  | ({ kind: 'text'; text: string; name?: string } & Terms);

/** Besides jobs, a worker is asked to answer `{ flushed }` once its cache writes are done, or to end once they are. */
export type Control = { flush: number } | { stop: true };

export type Reply =
  | { unchanged: true; entry: KnownFile }
  | { record: PlanRecord; entry?: KnownFile; cached?: boolean }
  | { notPlan: true; entry?: KnownFile; cached?: boolean }
  | { skipped: ReadFailure };

/** A plan is an outline with Chinese titles: a README or an English note in the same folder is not. */
function looksLikePlan(model: OutlineModel): boolean {
  return model.nodes.some((n) => hasCjk(n.title));
}

function recordOf(text: string, name: string | undefined): PlanRecord | null {
  const model = parsePlan(text);
  return looksLikePlan(model) ? planRecord(model, text, name) : null;
}

function answer(record: PlanRecord | null, entry?: KnownFile, cached?: boolean): Reply {
  return record ? { record, entry, cached } : { notPlan: true, entry, cached };
}

/** A job once its file is read: its reply, or the text to parse and, for a file, what its record is stored under. */
type Read = { reply: Reply } | { text: string; name?: string; entry?: KnownFile };

/** What a job waits for (the file's signature, its bytes, the cache), none of the parsing. */
async function read(job: Job, store: RecordStore | undefined): Promise<Read> {
  if (job.kind === 'text') return { text: job.text, name: job.name };
  const { known, name } = job;
  if (known?.trusted) {
    const stat = await fs.stat(job.real).catch(() => undefined);
    if (stat && stat.size === known.size && stat.mtimeMs === known.mtimeMs) {
      const entry = { size: known.size, mtimeMs: known.mtimeMs, hash: known.hash, checked: known.checked };
      if (known.indexed) return { reply: { unchanged: true, entry } };
      const cached = await store?.load(known.hash, name);
      if (cached !== undefined) return { reply: answer(cached, entry, true) };
    }
  }
  const checked = Date.now();
  let bytes;
  try {
    bytes = await readPlanBytes(job.real);
  } catch (e) {
    return { reply: { skipped: readFailureOf(e) } };
  }
  if ('skipped' in bytes) return { reply: bytes };
  const entry = { size: bytes.size, mtimeMs: bytes.mtimeMs, hash: contentHash(bytes.bytes), checked };
  if (known?.indexed && known.hash === entry.hash) return { reply: { unchanged: true, entry } };
  const cached = await store?.load(entry.hash, name);
  if (cached !== undefined) return { reply: answer(cached, entry, true) };
  try {
    return { text: decodePlan(bytes.bytes).text, name, entry };
  } catch (e) {
    return { reply: { skipped: readFailureOf(e) } };
  }
}

/**
 * The reply to a job read and, for a file made into a record here, its cache file: encoded before this
 * returns, so the record's buffers may be handed over before the file is written.
 */
function make(job: Read, store: RecordStore | undefined): { reply: Reply; file?: RecordFile } {
  if ('reply' in job) return job;
  const record = recordOf(job.text, job.name);
  return { reply: answer(record, job.entry), file: job.entry && store?.encode(job.entry.hash, job.name!, record) };
}

/** A cache that cannot be written only costs the next start its time. */
function write(store: RecordStore | undefined, file: RecordFile | undefined): void {
  try {
    if (file) store?.write(file);
  } catch {
    // Not written: the plan is parsed again next time.
  }
}

/** The term table a worker has read, by term: read once, for as long as the jobs name it. */
let table: { name: string; ids: Promise<Map<string, number> | undefined> } | undefined;

function termTable(store: RecordStore, name: string): Promise<Map<string, number> | undefined> {
  if (table?.name !== name) {
    const ids = loadTermTable(store.dir, store.key, name).then((terms) => terms && new Map(terms.map((t, i) => [t, i])));
    table = { name, ids };
  }
  return table.ids;
}

/**
 * `make`, then the record's terms given as numbers where the table the job names holds them: after
 * `make` has encoded the record for the cache, which keeps its terms as strings.
 */
async function makeWithTerms(job: Job, reading: Promise<Read>, store: RecordStore | undefined): Promise<ReturnType<typeof make>> {
  const made = make(await reading, store);
  if ('record' in made.reply && job.terms && store) {
    const ids = await termTable(store, job.terms);
    if (ids) knownTerms(made.reply.record, ids);
  }
  return made;
}

export async function runJob(job: Job, store: RecordStore | undefined): Promise<Reply> {
  const made = await makeWithTerms(job, read(job, store), store);
  write(store, made.file);
  return made.reply;
}

/**
 * A worker's jobs: each file is read as soon as its job comes, while the jobs before it are parsed,
 * and each reply is posted as soon as its record is made, its cache file written after. Jobs are
 * parsed and answered one at a time, in the order they came: the pool decides what comes first.
 */
export class Jobs {
  private queue = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly store: RecordStore | undefined,
    private readonly post: (id: number, reply: Reply) => void,
  ) {}

  add(id: number, job: Job): void {
    const reading = read(job, this.store).catch((e): Read => ({ reply: { skipped: readFailureOf(e) } }));
    this.queue = this.queue.then(async () => {
      if (this.stopping) return;
      let made: ReturnType<typeof make>;
      try {
        made = await makeWithTerms(job, reading, this.store);
      } catch (e) {
        made = { reply: { skipped: readFailureOf(e) } };
      }
      this.post(id, made.reply);
      write(this.store, made.file);
    });
  }

  /** Resolves once every job come so far is answered and its cache file written. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Drops the jobs not started; resolves once the one under way is answered and its cache file written. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.settled();
  }
}

/** Nice value of an indexing thread: the server's request thread, at the default 0, gets the CPU first. */
export const INDEXING_NICE = 10;

/**
 * On Linux each thread has its own nice value (setpriority on its thread id): with every core indexing
 * a first corpus, a hover still runs at once. Elsewhere, or where not allowed, the default stays.
 */
function yieldCpuToRequests(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0) os.setPriority(tid, INDEXING_NICE);
  } catch {
    // Not Linux, or not allowed: the default priority stays.
  }
}

if (parentPort) {
  yieldCpuToRequests();
  const port = parentPort;
  const options = workerData as WorkerOptions;
  const store = options.cache ? new RecordStore(options.cache.dir, options.cache.key) : undefined;
  const jobs = new Jobs(store, (id, reply) => port.postMessage({ id, reply }, 'record' in reply ? recordBuffers(reply.record) : []));
  port.on('message', (message: { id: number; job: Job } | Control) => {
    if ('flush' in message) void jobs.settled().then(() => port.postMessage({ flushed: message.flush }));
    // Asked to stop: the records made are written to the cache before the thread ends.
    else if ('stop' in message) void jobs.stop().then(() => process.exit(0));
    else jobs.add(message.id, message.job);
  });
}
