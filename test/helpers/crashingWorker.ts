// The corpus worker, except that a file named `crash*.txt` takes the thread down with it, the way an
// out-of-memory error or a bug in the parser would: for the tests of a worker that dies.
import { parentPort } from 'worker_threads';
import '../../server/src/corpus/corpusWorker';

// Called in the same dispatch of the message as the real worker's listener, whose job only starts
// once the dispatch is over: the thread is gone before it can answer.
parentPort?.on('message', ({ job }: { job: { kind: string; real?: string } }) => {
  if (job?.kind === 'file' && /[/\\]crash[^/\\]*\.txt$/.test(job.real ?? '')) process.exit(7);
});
