import * as assert from 'assert';
import { allocatorEnv } from '../../client/src/allocator';

describe('allocator settings the client starts the server with', () => {
  it('sets one arena and a fixed mmap threshold where the user set none', () => {
    assert.deepStrictEqual(allocatorEnv({ PATH: '/usr/bin' }), { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it("keeps the user's own values", () => {
    assert.deepStrictEqual(allocatorEnv({ MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536' }), { MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536' });
  });
});
