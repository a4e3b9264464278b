// Entry point the editor's extension host loads (extensionTestsPath): runs the suite with mocha.
// With WORKPLAN_TEST_RESULTS set, also writes a JSON summary there, for runs (code-server) whose
// exit code does not reach the caller.
import { writeFileSync } from 'fs';
import * as path from 'path';
import Mocha = require('mocha');
import * as vscode from 'vscode';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
  mocha.addFile(path.join(__dirname, 'features.test.js'));
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.WORKPLAN_TEST_RESULTS;
      if (file) writeFileSync(file, JSON.stringify({ language: vscode.env.language, outcomes }, null, 2));
      if (failures) reject(new Error(`${failures} of ${outcomes.length} editor tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => outcomes.push({ title: t.title, state: 'passed' }));
    runner.on('fail', (t, err) => outcomes.push({ title: t.title, state: 'failed', error: String(err?.message ?? err) }));
  });
}
