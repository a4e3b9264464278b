// `npm run test:electron`: the vscode-API suite in VS Code through @vscode/test-electron. Needs a VS Code
// build: VSCODE_EXECUTABLE names a local one; WORKPLAN_DOWNLOAD_VSCODE=1 lets test-electron download one
// (not done by default: on these machines only the npm registry and Debian are reachable). Without either,
// it says so in one line and succeeds.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createPlanWorkspace } from '../helpers/planWorkspace';
import { ROOT } from '../helpers/seeds';

async function vscodeExecutable(): Promise<string | undefined> {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  if (process.env.WORKPLAN_DOWNLOAD_VSCODE !== '1') return undefined;
  try {
    return await downloadAndUnzipVSCode({ version: 'stable', timeout: 15000 });
  } catch (e) {
    console.log(`download failed: ${(e as Error).message}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const executable = await vscodeExecutable();
  if (!executable) {
    console.log('skipped: no VS Code build available (set VSCODE_EXECUTABLE, or WORKPLAN_DOWNLOAD_VSCODE=1 to download one)');
    return 0;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'workplan-electron-'));
  try {
    const ws = createPlanWorkspace(path.join(root, 'workspace'));
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [ws.dir, '--disable-extensions', '--disable-workspace-trust', '--locale=zh-cn', `--user-data-dir=${path.join(root, 'user-data')}`, `--extensions-dir=${path.join(root, 'extensions')}`],
    });
    return 0;
  } catch (e) {
    console.error(`editor tests failed: ${(e as Error).message}`);
    return 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then((code) => (process.exitCode = code));
