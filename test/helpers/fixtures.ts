// Data-driven checks: compare rendered output with a file under test/fixtures/; UPDATE_FIXTURES=1 rewrites them.
import * as assert from 'assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { ROOT } from './seeds';

export function assertFixture(relative: string, actual: string): void {
  const file = path.join(ROOT, 'test', 'fixtures', relative);
  if (process.env.UPDATE_FIXTURES === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `missing fixture ${relative}: run with UPDATE_FIXTURES=1 and review it`);
  assert.strictEqual(actual, readFileSync(file, 'utf8'), `output differs from test/fixtures/${relative}`);
}
