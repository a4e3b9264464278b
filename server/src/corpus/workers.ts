// Worker threads that run corpusWorker.ts jobs: started when there is work, stopped when idle (their
// memory goes with them), each with a heap limit. Open documents' jobs go before the corpus's. A
// worker that dies (out of memory, a bug) is logged and replaced; the jobs it held are tried once
// more, each alone, and a job that brings a worker down twice is given up with its reason.
import * as os from 'os';
import { Worker } from 'worker_threads';
import type { Notice, ThreadStop } from '../service/l10n/messages';
import type { Control, Job, Reply, WorkerOptions } from './corpusWorker';

export interface PoolOptions {
  script: string;
  size: number;
  /** Threads while a bulk of corpus jobs waits (a first index): the extra ones stop as soon as they are idle. */
  bulkSize?: number;
  /** Old-generation heap limit of each worker: what one file may cost to index. */
  heapMb: number;
  workerData: WorkerOptions;
  log: (notice: Notice) => void;
}

/**
 * Jobs a worker holds at once: enough to keep it busy while the request thread spends a slice
 * swapping results in (a cached plan takes the worker about a millisecond), few enough that an
 * open document's job does not wait long behind them.
 */
const IN_FLIGHT = 8;
/** Plans waiting to be parsed that make a bulk worth the extra threads. */
const BULK_JOBS = 32;
const IDLE_MS = 10_000;
/** How long a worker asked to stop may take to finish its cache writes before it is ended. */
const STOP_MS = 2_000;
/** Deaths in a row (no job finished between them) after which the pool stops starting workers: something is wrong beyond one file. */
const MAX_DEATHS = 4;
/** What a job gets when no thread will run it: the server is stopping, or the threads kept dying. */
const STOPPED: Reply = { skipped: { kind: 'indexerStopped' } };

interface Task {
  id: number;
  job: Job;
  urgent: boolean;
  resolve: (reply: Reply) => void;
  /** Held by a worker that died: now run alone, and given up if it happens again. */
  retried: boolean;
}

interface Slot {
  worker?: Worker;
  running: Map<number, Task>;
  idle?: NodeJS.Timeout;
}

const MAX_THREADS = 4;

/** A file the manifest does not vouch for is read and, unless the cache has its content, parsed: the costly kind of job. */
function likelyParsed(job: Job): boolean {
  return job.kind === 'text' || !job.known?.trusted;
}

function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Threads worth keeping: one core is left to the server's requests and the editor. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(MAX_THREADS, cores() - 1));
}

/**
 * Threads for a bulk of plans (a first index): every core. The request thread mostly waits for
 * records then, and swaps them in a slice at a time between requests.
 */
export function defaultBulkSize(): number {
  return Math.max(defaultPoolSize(), Math.min(MAX_THREADS, cores()));
}

export class WorkerPool {
  private readonly slots: Slot[];
  /** Slots always used; those after them only for a bulk. */
  private readonly steady: number;
  private readonly urgent: Task[] = [];
  private readonly waiting: Task[] = [];
  /** Workers we stopped ourselves: their exit is no death. */
  private readonly stopped = new WeakSet<Worker>();
  private nextId = 0;
  /** Jobs waiting that will likely be parsed: no manifest entry vouches for a cached record. */
  private toParse = 0;
  private deaths = 0;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {
    this.steady = Math.max(1, options.size);
    this.slots = Array.from({ length: Math.max(this.steady, options.bulkSize ?? 0) }, () => ({ running: new Map() }));
  }

  get broken(): boolean {
    return this.deaths >= MAX_DEATHS;
  }

  run(job: Job, urgent = false): Promise<Reply> {
    if (this.disposed || this.broken) return Promise.resolve(STOPPED);
    return new Promise((resolve) => {
      (urgent ? this.urgent : this.waiting).push({ id: this.nextId++, job, urgent, resolve, retried: false });
      if (!urgent && likelyParsed(job)) this.toParse++;
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const held = this.slots.flatMap((slot) => [...slot.running.values()]);
    for (const slot of this.slots) slot.running.clear();
    for (const task of [...held, ...this.urgent.splice(0), ...this.waiting.splice(0)]) task.resolve(STOPPED);
    this.toParse = 0;
    await Promise.all(this.slots.map((slot) => this.stop(slot)));
  }

  /** Resolves once every running worker has written the records it made to the cache (a worker that ends meanwhile counts as done). */
  async flush(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (slot) =>
          slot.worker &&
          new Promise<void>((resolve) => {
            const worker = slot.worker!;
            const n = this.nextId++;
            // An idle worker lets the process exit: not while it is asked for its writes.
            worker.ref();
            const done = () => {
              worker.off('message', flushed);
              worker.off('exit', done);
              if (slot.worker === worker) this.settle(slot);
              resolve();
            };
            const flushed = (m: { flushed?: number }) => m.flushed === n && done();
            worker.on('message', flushed);
            worker.on('exit', done);
            worker.postMessage({ flush: n } satisfies Control);
          }),
      ),
    );
  }

  private next(slot: Slot): Task | undefined {
    if (this.extra(slot) && !slot.running.size && this.toParse <= BULK_JOBS) return undefined;
    const solo = [...slot.running.values()].some((t) => t.retried);
    if (solo || slot.running.size >= IN_FLIGHT) return undefined;
    const queue = this.urgent.length ? this.urgent : this.waiting;
    if (!queue.length || (queue[0].retried && slot.running.size > 0)) return undefined;
    const task = queue.shift()!;
    if (queue === this.waiting && likelyParsed(task.job)) this.toParse--;
    return task;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      for (let task = this.next(slot); task; task = this.next(slot)) {
        const worker = slot.worker ?? this.start(slot);
        clearTimeout(slot.idle);
        slot.running.set(task.id, task);
        worker.ref();
        worker.postMessage({ id: task.id, job: task.job });
      }
    }
  }

  private start(slot: Slot): Worker {
    const worker = new Worker(this.options.script, {
      workerData: this.options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    slot.worker = worker;
    let death: ThreadStop | undefined;
    worker.on('message', ({ id, reply }: { id: number; reply: Reply }) => {
      const task = slot.running.get(id);
      if (!task) return;
      slot.running.delete(id);
      this.deaths = 0;
      task.resolve(reply);
      this.settle(slot);
      this.dispatch();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      death = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'outOfMemory' } : { kind: 'error', message: e.message };
    });
    worker.on('exit', (code) => {
      if (this.stopped.has(worker) || this.disposed) return;
      slot.worker = undefined;
      this.died(slot, death ?? { kind: 'exitCode', code });
    });
    return worker;
  }

  private died(slot: Slot, stop: ThreadStop): void {
    this.deaths++;
    const held = [...slot.running.values()];
    slot.running.clear();
    this.options.log({ key: 'corpus.threadStopped', args: { stop, restarted: !this.broken } });
    for (const task of held.reverse()) {
      if (task.retried || this.broken) task.resolve({ skipped: { kind: 'indexerDied', stop } });
      else {
        task.retried = true;
        this.urgent.unshift(task);
      }
    }
    if (this.broken) {
      for (const task of [...this.urgent.splice(0), ...this.waiting.splice(0)]) task.resolve(STOPPED);
      this.toParse = 0;
    }
    this.dispatch();
  }

  private extra(slot: Slot): boolean {
    return this.slots.indexOf(slot) >= this.steady;
  }

  /** An idle worker lets the process exit, and is stopped after a while (one started for a bulk, at once). */
  private settle(slot: Slot): void {
    if (slot.running.size || !slot.worker) return;
    if (this.extra(slot)) {
      void this.stop(slot);
      return;
    }
    slot.worker.unref();
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => void this.stop(slot), IDLE_MS);
    slot.idle.unref();
  }

  /** Asks an idle worker to end once its cache writes are done (a record not written is a plan parsed again at the next start). */
  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.idle);
    const worker = slot.worker;
    if (!worker || slot.running.size) return;
    this.stopped.add(worker);
    slot.worker = undefined;
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      timer = setTimeout(resolve, STOP_MS);
    });
    worker.postMessage({ stop: true } satisfies Control);
    await exited;
    clearTimeout(timer);
    await worker.terminate();
  }
}
