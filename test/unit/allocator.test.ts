import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { allocatorEnv, helperThreads, serverV8Flags } from '../../client/src/allocator';

describe('memory settings the client starts the server with', () => {
  it('gives node flags it takes on the command line and, as the README tells stdio users, in NODE_OPTIONS', () => {
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [...args, '-e', '0'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const flags = serverV8Flags();
    for (const r of [run(flags), run([], { NODE_OPTIONS: flags.join(' ') })]) assert.strictEqual(r.status, 0, r.stderr);
    assert.notStrictEqual(run(['--max-semi-space-sise=4']).status, 0, 'a misspelt flag is refused');
  });

  it("leaves V8 a helper thread per core beside the request thread, one at least, node's four at most", () => {
    assert.deepStrictEqual([1, 2, 3, 4, 8, 64].map((cores) => helperThreads(cores)), [1, 1, 2, 3, 4, 4]);
    assert.ok(serverV8Flags(2).includes('--v8-pool-size=1'));
  });

  it('sets one arena and a fixed mmap threshold where the user set none', () => {
    assert.deepStrictEqual(allocatorEnv({ PATH: '/usr/bin' }), { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it("keeps the user's own values", () => {
    assert.deepStrictEqual(allocatorEnv({ MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536' }), { MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536' });
  });
});
