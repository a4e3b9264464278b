// Child processes the end-to-end test starts and must stop: each runs in its own process group,
// so stopping it by its own id also ends the helpers it spawned (extension hosts, renderers).
import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import { openSync } from 'fs';
import * as net from 'net';

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${reason}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const started = new Set<ChildProcess>();

/** Starts `command` in a new process group, its output appended to `logFile`. */
export function startGroup(command: string, args: string[], logFile: string, options: SpawnOptions = {}): ChildProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', log, log] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the group led by `child`: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child?.pid) return;
  signalGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(child) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(child)) signalGroup(child, 'SIGKILL');
  started.delete(child);
}

// If the run dies before its after-hooks, still end what it started.
process.once('exit', () => {
  for (const child of started) signalGroup(child, 'SIGKILL');
});
