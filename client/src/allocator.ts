// glibc's allocator settings for the language server, which holds a large corpus index: the client starts
// the server with them, and the bench its 10,000-plan process; glibc reads them only when a process
// starts. Other C libraries ignore them.

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
