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
import { contentHash, KnownFile, loadTermTable, RecordStore } from './cache';
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

/** The term table a worker has read, by term: read once, for as long as the jobs name it. */
let table: { name: string; ids: Promise<Map<string, number> | undefined> } | undefined;

function termTable(store: RecordStore, name: string): Promise<Map<string, number> | undefined> {
  if (table?.name !== name) {
    const ids = loadTermTable(store.dir, store.key, name).then((terms) => terms && new Map(terms.map((t, i) => [t, i])));
    table = { name, ids };
  }
  return table.ids;
}

/** The job's reply, its record's terms given as numbers where the table the job names holds them. */
export async function runJob(job: Job, store: RecordStore | undefined): Promise<Reply> {
  const reply = await replyTo(job, store);
  if ('record' in reply && job.terms && store) {
    const ids = await termTable(store, job.terms);
    if (ids) knownTerms(reply.record, ids);
  }
  return reply;
}

async function replyTo(job: Job, store: RecordStore | undefined): Promise<Reply> {
  if (job.kind === 'text') return answer(recordOf(job.text, job.name));
  const { known, name } = job;
  if (known?.trusted) {
    const stat = await fs.stat(job.real).catch(() => undefined);
    if (stat && stat.size === known.size && stat.mtimeMs === known.mtimeMs) {
      const entry = { size: known.size, mtimeMs: known.mtimeMs, hash: known.hash, checked: known.checked };
      if (known.indexed) return { unchanged: true, entry };
      const cached = await store?.load(known.hash, name);
      if (cached !== undefined) return answer(cached, entry, true);
    }
  }
  const checked = Date.now();
  let read;
  try {
    read = await readPlanBytes(job.real);
  } catch (e) {
    return { skipped: readFailureOf(e) };
  }
  if ('skipped' in read) return read;
  const entry = { size: read.size, mtimeMs: read.mtimeMs, hash: contentHash(read.bytes), checked };
  if (known?.indexed && known.hash === entry.hash) return { unchanged: true, entry };
  const cached = await store?.load(entry.hash, name);
  if (cached !== undefined) return answer(cached, entry, true);
  let text: string;
  try {
    text = decodePlan(read.bytes).text;
  } catch (e) {
    return { skipped: readFailureOf(e) };
  }
  const record = recordOf(text, name);
  // A cache that cannot be written only costs the next start its time.
  await store?.save(entry.hash, name, record).catch(() => undefined);
  return answer(record, entry);
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
  // One job at a time, in the order they came: the pool decides what comes first.
  let queue = Promise.resolve();
  port.on('message', ({ id, job }: { id: number; job: Job }) => {
    queue = queue.then(async () => {
      let reply: Reply;
      try {
        reply = await runJob(job, store);
      } catch (e) {
        reply = { skipped: readFailureOf(e) };
      }
      port.postMessage({ id, reply }, 'record' in reply ? recordBuffers(reply.record) : []);
    });
  });
}
