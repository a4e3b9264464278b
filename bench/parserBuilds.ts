// The parser before the passes (build 909b5ea, the one-loop parser issue 12 measures against) and
// today's, each bundled alone with the same esbuild options, for the parse benchmark to time side
// by side. The old one's sources come from this clone's git history.
import { spawnSync } from 'child_process';
import { buildSync } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../test/helpers/seeds';

export const PARSER_BEFORE = '909b5ea';
const ENTRY = 'server/src/service/parse/parser.ts';

function bundle(entry: string, outfile: string): void {
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' });
}

/** Bundles of both parsers in out/bench/parsers; `before` is missing, with the reason, where the history is. */
export function parserBundles(): { now: string; before?: string; missing?: string } {
  const dir = path.join(ROOT, 'out', 'bench', 'parsers');
  mkdirSync(dir, { recursive: true });
  const now = path.join(dir, 'now.js');
  bundle(path.join(ROOT, ENTRY), now);
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const sources = git(['archive', '--format=tar', PARSER_BEFORE, 'server/src/service']);
  if (sources.error || sources.status !== 0) {
    return { now, missing: `build ${PARSER_BEFORE} is not in this clone's git history (a shallow clone, or no git)` };
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'workplan-parser-before-'));
  try {
    const untar = spawnSync('tar', ['-x', '-C', tmp], { input: sources.stdout });
    if (untar.status !== 0) return { now, missing: `the sources of ${PARSER_BEFORE} could not be unpacked (tar: ${untar.stderr})` };
    const before = path.join(dir, `${PARSER_BEFORE}.js`);
    bundle(path.join(tmp, ENTRY), before);
    return { now, before };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
