// Memory settings for the language server, which holds a large corpus index: the client starts the
// server with them, and the bench its corpus processes. glibc's are read only when a process starts
// (other C libraries ignore them); V8's are flags of the node command.

/**
 * V8's young generation at most 4 MB a semi-space (16 MB by default): after a burst of records (a
 * restart, a first index) the default leaves some 25 MB committed and nearly empty until V8's memory
 * reducer runs, 20–60 s later. With 1,000 plans RSS 169–176 → 147–151 MB after the restart, and its
 * request thread no slower (docs/performance.md).
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

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
