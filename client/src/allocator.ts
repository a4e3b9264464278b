// Memory settings for the language server, which holds a large corpus index: the client starts the
// server with them, and the bench its corpus processes. glibc's are read only when a process starts
// (other C libraries ignore them); V8's are flags of the node command.
import * as os from 'os';

/**
 * V8's young generation at most 4 MB a semi-space (16 MB by default): after a burst of records (a
 * restart, a first index) the default leaves some 25 MB committed and nearly empty until V8's memory
 * reducer runs, 20–60 s later. With 1,000 plans RSS 169–176 → 147–151 MB after the restart, and its
 * request thread no slower (docs/performance.md).
 */
const SEMI_SPACE = '--max-semi-space-size=4';

/**
 * V8's helper threads (node starts four, whatever the machine) at most one per core beside the
 * request thread: a first index runs three isolates (the request thread, an indexing worker per core)
 * and more helpers only contend with them. On two cores, one helper: a first index of 1,000 plans
 * takes about a sixth less CPU, hovers no slower (docs/performance.md).
 */
export function helperThreads(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/** Node flags the server is started with (by the client, and by the bench as the client does). */
export function serverV8Flags(cores = os.availableParallelism()): string[] {
  return [SEMI_SPACE, `--v8-pool-size=${helperThreads(cores)}`];
}

/**
 * One arena: what the request thread frees of the records the indexing workers made is reused, not
 * kept in the workers' arenas. A fixed mmap threshold of 128 KB: a large posting list's old buffer
 * goes back to the system when the list grows (glibc otherwise raises the threshold as such buffers
 * are freed, and keeps them in its heap). At 10,000 plans, hundreds of MB of RSS (docs/performance.md).
 * A value already in `env` wins: the user's choice.
 */
export function allocatorEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '1',
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
  };
}
