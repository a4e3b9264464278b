// The corpus worker, except that a file named `crash*.txt` takes the thread down with it, the way an
// out-of-memory error or a bug in the parser would: for the tests of a worker that dies.
import { parentPort } from 'worker_threads';

// Registered before the real worker's listener, so it sees the job first.
parentPort?.on('message', ({ job }: { job: { kind: string; real?: string } }) => {
  if (job.kind === 'file' && /[/\\]crash[^/\\]*\.txt$/.test(job.real ?? '')) process.exit(7);
});
require('../../server/src/corpus/corpusWorker');
