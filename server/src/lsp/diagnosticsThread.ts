// The diagnostics of large documents, computed by one worker thread (diagnosticsWorker.ts): parsing
// and checking a 1 MB plan takes the request thread 50–250 ms, during which no request is answered.
// Jobs run one at a time. Per document only the newest text waits: a newer text takes the place of
// the one queued, whose callers get the newer diagnostics (a client applies them to its current
// version anyway). The worker starts with the first job and stops after a while idle; one that dies
// (out of memory, a bug) fails the job it held and is replaced for the next.
import { Worker } from 'worker_threads';
import { Diagnostic } from 'vscode-languageserver-types';
import { Lang } from '../service/l10n/messages';
import { WorkplanSettings } from '../service/checks/settings';
import type { DiagnosticsJob, DiagnosticsReply } from './diagnosticsWorker';

const IDLE_MS = 30_000;
/** Old-generation limit of the worker: far above a 20 MB plan's (the file size limit), low enough that a runaway check cannot take the server down. */
const HEAP_MB = 2048;

interface Pending {
  job: DiagnosticsJob;
  promise: Promise<Diagnostic[]>;
  resolve: (diagnostics: Diagnostic[] | PromiseLike<Diagnostic[]>) => void;
  reject: (error: Error) => void;
}

export class DiagnosticsThread {
  private worker?: Worker;
  private running?: Pending;
  /** Jobs waiting, one per document, in the order their documents first asked. */
  private readonly queue = new Map<string, Pending>();
  private nextId = 0;
  private idle?: NodeJS.Timeout;

  /** `onParseError` hears of a parser bug the worker met. */
  constructor(
    private readonly script: string,
    private readonly onParseError: (uri: string, error: string) => void,
  ) {}

  compute(uri: string, text: string, settings: WorkplanSettings, lang: Lang): Promise<Diagnostic[]> {
    const same = (p?: Pending) => p && p.job.text === text && p.job.settings === settings && p.job.lang === lang;
    if (same(this.running)) return this.running!.promise;
    const queued = this.queue.get(uri);
    if (same(queued)) return queued!.promise;
    const pending = this.pending({ id: this.nextId++, uri, text, settings, lang });
    // The older text is not worth computing: its callers get the newer one's diagnostics.
    queued?.resolve(pending.promise);
    this.queue.set(uri, pending);
    this.dispatch();
    return pending.promise;
  }

  /** A closed document's waiting job is dropped; its callers hear nothing for it. */
  forget(uri: string): void {
    this.queue.get(uri)?.resolve([]);
    this.queue.delete(uri);
  }

  private pending(job: DiagnosticsJob): Pending {
    let resolve!: Pending['resolve'];
    let reject!: Pending['reject'];
    const promise = new Promise<Diagnostic[]>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { job, promise, resolve, reject };
  }

  private dispatch(): void {
    if (this.running) return;
    const [first] = this.queue.values();
    if (!first) return;
    this.queue.delete(first.job.uri);
    this.running = first;
    clearTimeout(this.idle);
    const worker = this.worker ?? this.start();
    worker.ref();
    worker.postMessage(first.job);
  }

  private start(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    this.worker = worker;
    let death: Error | undefined;
    worker.on('message', (reply: DiagnosticsReply) => {
      const job = this.running;
      if (!job || job.job.id !== reply.id) return;
      this.running = undefined;
      if (reply.parseError) this.onParseError(job.job.uri, reply.parseError);
      if (reply.diagnostics) job.resolve(reply.diagnostics);
      else job.reject(new Error(reply.error));
      this.settle();
    });
    worker.on('error', (e) => (death = e));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      job?.reject(death ?? new Error(`diagnostics worker exited with code ${code}`));
      this.settle();
    });
    return worker;
  }

  /** The next job, or, with none, an idle worker that lets the process exit and stops after a while. */
  private settle(): void {
    this.dispatch();
    if (this.running || !this.worker) return;
    const worker = this.worker;
    worker.unref();
    this.idle = setTimeout(() => {
      this.worker = undefined;
      void worker.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }
}
