// LSP wiring of related measures: hover, references and workspace symbols over the corpus, and the
// corpus kept current from workspace folders, the `workplan.corpus.paths` setting, watched files and
// open documents. The index is built in the background (worker threads, a persisted cache: see
// corpus/), with work-done progress where the client shows it. A request that comes before the
// shipped plans and the open documents are indexed waits for them, up to FIRST_INDEX_WAIT_MS;
// after that, requests are answered from what is indexed so far.
import { fileURLToPath, pathToFileURL } from 'url';
import {
  Connection,
  DidChangeConfigurationParams,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  FileSystemWatcher,
  InitializeParams,
  MessageType,
  ServerCapabilities,
  ShowMessageNotification,
  TextDocuments,
  WatchKind,
  WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { Corpus, resolveFolders } from '../corpus/corpus';
import { MAX_PLAN_BYTES, PLAN_GLOB } from '../corpus/files';
import { utf8Size } from './documentSync';
import { LanguageService } from '../service/languageService';
import { Lang, langOf, Notice, noticeText } from '../service/l10n/messages';
import { record } from '../service/checks/settings';

/** Pause after the last keystroke before an open plan is re-indexed. */
const REINDEX_DELAY_MS = 300;
/** Longest a request waits for the first index (shipped plans, open documents) rather than answer without it. */
const FIRST_INDEX_WAIT_MS = 2000;

/** `corpus.paths` from a `workplan` section, nested or dotted, or from options that wrap one. */
export function corpusPathsOf(settings: unknown): unknown {
  const s = record(record(settings)?.workplan) ?? record(settings);
  return s?.['corpus.paths'] ?? record(s?.corpus)?.paths;
}

function folderPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** `initializationOptions.cacheFolder`: where the index is persisted, if an absolute path. */
export function cacheFolderOf(options: unknown): string | undefined {
  const folder = record(options)?.cacheFolder;
  return typeof folder === 'string' && path.isAbsolute(folder) ? folder : undefined;
}

export class RelatedFeatures {
  /** Made at initialize, when the cache folder is known; nothing reaches it before. */
  private corpus?: Corpus;
  private lang: Lang = 'zh';
  /** Folders the user was told are refused, once each. */
  private readonly refusedShown = new Set<string>();
  private folders: string[] = [];
  private settingPaths: unknown;
  private progressShown = false;
  private watchDynamic = false;
  private relativePatterns = false;
  private folderEvents = false;
  private configurable = false;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Open documents indexed at least once: later versions wait for a pause in typing. */
  private readonly indexedOnce = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    private readonly seedsDir: string,
  ) {}

  private log(notice: Notice): void {
    this.connection.console.log(noticeText(notice, this.lang));
  }

  initialize(params: InitializeParams): ServerCapabilities {
    this.lang = langOf(params.locale);
    this.corpus = new Corpus(this.service.related, (notice) => this.log(notice), { cacheFolder: cacheFolderOf(params.initializationOptions) });
    const caps = params.capabilities;
    this.progressShown = !!caps.window?.workDoneProgress;
    this.watchDynamic = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.relativePatterns = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    this.folderEvents = !!caps.workspace?.workspaceFolders;
    this.configurable = !!caps.workspace?.configuration;
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folderUris.map(folderPath).filter((p): p is string => !!p);
    this.settingPaths = corpusPathsOf(params.initializationOptions);
    return {
      hoverProvider: true,
      referencesProvider: true,
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  listen(): void {
    const { connection, documents, service } = this;
    const firstIndex = () => this.corpus?.whenReady(FIRST_INDEX_WAIT_MS);
    connection.onHover(async ({ textDocument, position }) => {
      await firstIndex();
      const doc = documents.get(textDocument.uri);
      return doc ? service.getHover(doc, position) : null;
    });
    connection.onReferences(async ({ textDocument, position, context }) => {
      await firstIndex();
      const doc = documents.get(textDocument.uri);
      return doc ? service.getReferences(doc, position, !!context?.includeDeclaration) : null;
    });
    connection.onWorkspaceSymbol(async ({ query }) => {
      await firstIndex();
      return service.getWorkspaceSymbols(typeof query === 'string' ? query : '');
    });
    connection.onDidChangeWatchedFiles(async ({ changes }) => {
      if (!Array.isArray(changes)) return;
      for (const change of changes) await this.corpus?.fileChanged(change.uri, change.type === FileChangeType.Deleted);
    });
    // didOpen fires onDidChangeContent too: opening and typing are indexed after the same pause.
    documents.onDidChangeContent(({ document }) => this.schedule(document));
    documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.indexedOnce.delete(document.uri);
      void this.corpus?.closed(document.uri);
    });
    connection.onInitialized(() => void this.start());
  }

  /** The `workplan` settings changed (server.ts fans didChangeConfiguration out). */
  settingsChanged(params: DidChangeConfigurationParams): void {
    if (!this.configurable) this.settingPaths = corpusPathsOf(params.settings);
    void this.reload();
  }

  /** A document just opened is indexed at once (requests wait for it); later versions after a pause in typing. */
  private schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    if (!this.indexedOnce.has(document.uri)) {
      this.indexedOnce.add(document.uri);
      this.index(document);
    } else this.timers.set(document.uri, setTimeout(() => this.index(document), REINDEX_DELAY_MS));
  }

  private index(document: TextDocument): void {
    this.timers.delete(document.uri);
    // Closed meanwhile, or replaced by a newer version that has its own timer.
    if (this.documents.get(document.uri) !== document) return;
    const text = document.getText();
    // Like a file on disk: a huge document is left out rather than indexed on every pause in typing.
    if (utf8Size(text) > MAX_PLAN_BYTES) this.corpus?.tooLarge(document.uri);
    else this.corpus?.opened(document.uri, text);
  }

  private async start(): Promise<void> {
    if (this.folderEvents) {
      this.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => folderPath(f.uri)));
        this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.map((f) => folderPath(f.uri)).filter((p): p is string => !!p)];
        void this.reload();
      });
    }
    await this.reload();
  }

  /** Reads the setting, sets the roots, watches them and syncs the corpus. */
  private async reload(): Promise<void> {
    const corpus = this.corpus;
    if (!corpus) return;
    if (this.configurable) {
      try {
        const [section] = await this.connection.workspace.getConfiguration([{ section: 'workplan' }]);
        this.settingPaths = corpusPathsOf(section);
      } catch {
        // The client would not say: keep what initializationOptions gave.
      }
    }
    const extra = resolveFolders(this.settingPaths, this.folders[0]);
    for (const { folder, refused } of await corpus.setRoots([this.seedsDir], [...this.folders, ...extra])) {
      if (refused === 'missing') {
        this.log({ key: 'corpus.missingFolder', args: { folder } });
        continue;
      }
      const message = noticeText({ key: refused === 'disk' ? 'corpus.refused.disk' : 'corpus.refused.home', args: { folder } }, this.lang);
      this.connection.console.log(message);
      if (!this.refusedShown.has(folder)) {
        this.refusedShown.add(folder);
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      }
    }
    await this.watch(extra);
    const reporter = await this.progress();
    let percent = -1;
    const result = await corpus.sync((done, total) => {
      const p = Math.floor((done * 100) / total);
      if (reporter && p !== percent) reporter.report((percent = p), `${done}/${total}`);
    });
    reporter?.done();
    this.log({ key: 'related.indexed', args: result });
  }

  private async progress(): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.progressShown) return undefined;
    try {
      const reporter = await this.connection.window.createWorkDoneProgress();
      reporter.begin(noticeText({ key: 'related.progress.title' }, this.lang), 0, noticeText({ key: 'related.progress.indexing' }, this.lang), false);
      return reporter;
    } catch {
      return undefined;
    }
  }

  private watchers?: Promise<{ dispose(): void }>;

  /**
   * Asks the client to watch plan files in the workspace and, where it takes patterns with a base
   * folder, in the setting's folders too. A deleted folder reports only itself, hence the second watcher.
   */
  private async watch(extra: string[]): Promise<void> {
    if (!this.watchDynamic) return;
    const bases: (string | undefined)[] = [undefined, ...(this.relativePatterns ? extra : [])];
    const glob = (base: string | undefined, pattern: string) => (base === undefined ? pattern : { baseUri: pathToFileURL(base).href, pattern });
    const watchers: FileSystemWatcher[] = bases.flatMap((base) => [
      { globPattern: glob(base, PLAN_GLOB) },
      { globPattern: glob(base, '**/*'), kind: WatchKind.Delete },
    ]);
    const previous = this.watchers;
    this.watchers = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    try {
      (await previous)?.dispose();
      await this.watchers;
    } catch {
      this.log({ key: 'related.cannotWatch' });
    }
  }
}
