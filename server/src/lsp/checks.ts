// LSP wiring of the pre-submission checks: diagnostics pulled where the client can pull them and
// pushed otherwise, code actions, the renumber command and renumber-on-save, and the settings they read.
import * as path from 'path';
import {
  CodeActionKind,
  DidChangeConfigurationParams,
  Connection,
  Diagnostic,
  InitializeParams,
  ServerCapabilities,
  TextDocumentEdit,
  TextDocuments,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, RENUMBER_COMMAND } from '../service/features/codeActions';
import { LanguageService } from '../service/languageService';
import { Lang, langOf, noticeText, uiText } from '../service/l10n/messages';
import { DEFAULT_SETTINGS, readSettings, WorkplanSettings } from '../service/checks/settings';
import { uriUnder } from '../service/related/index';
import { DiagnosticsThread } from './diagnosticsThread';

/** Pause after the last keystroke before diagnostics are pushed. */
const PUSH_DELAY_MS = 200;
/**
 * Documents from this many UTF-16 units on are checked by the diagnostics thread: at about 10 ms here,
 * a plan of 100,000 characters costs less than the round trip to a thread that must parse it again.
 */
export const LARGE_DOCUMENT = 100_000;

function sectionOf(options: unknown): unknown {
  const o = options as Record<string, unknown> | null | undefined;
  return o && typeof o === 'object' && 'workplan' in o ? o.workplan : o;
}

export class Checks {
  private lang: Lang = 'zh';
  private pull = false;
  private configurable = false;
  private refreshable = false;
  private versionedEdits = false;
  /** Workspace folders: a shipped plan inside one is the user's to check. */
  private folders: string[] = [];
  /** Settings from initializationOptions or the last didChangeConfiguration. */
  private fallback: WorkplanSettings = DEFAULT_SETTINGS;
  private readonly settings = new Map<string, Promise<WorkplanSettings>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bundled beside the server: server/out/diagnosticsWorker.js. */
  private readonly thread = new DiagnosticsThread(path.join(__dirname, 'diagnosticsWorker.js'), (uri, error) =>
    this.connection.console.error(noticeText({ key: 'parse.failed', args: { uri, error } }, this.lang)),
  );

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
  ) {}

  /** Reads the client's abilities; returns the capabilities the checks add to the initialize result. */
  initialize(params: InitializeParams): ServerCapabilities {
    const caps = params.capabilities;
    this.lang = langOf(params.locale);
    this.pull = !!caps.textDocument?.diagnostic;
    this.configurable = !!caps.workspace?.configuration;
    this.refreshable = !!caps.workspace?.diagnostics?.refreshSupport;
    this.versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    this.fallback = readSettings(sectionOf(params.initializationOptions));
    this.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [RENUMBER_COMMAND] },
      ...(this.pull ? { diagnosticProvider: { identifier: 'workplan', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    };
  }

  listen(): void {
    const { connection, documents } = this;
    documents.onDidChangeContent(({ document }) => {
      if (!this.pull) this.schedule(document.uri);
    });
    documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.settings.delete(document.uri);
      this.thread.forget(document.uri);
      if (!this.pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.languages.diagnostics.on(async ({ textDocument }) => {
      const doc = documents.get(textDocument.uri);
      // A check that failed (or a diagnostics thread that died) is logged; the client gets no findings, not an error.
      const items = doc && this.checked(doc.uri) ? await this.diagnostics(doc, await this.settingsFor(doc.uri)).catch((e) => (this.failed(doc.uri, e), [])) : [];
      return { kind: 'full', items };
    });
    connection.onCodeAction(async ({ textDocument, context }) => {
      const doc = documents.get(textDocument.uri);
      return doc ? this.service.getCodeActions(doc, context, await this.settingsFor(doc.uri), this.lang) : null;
    });
    connection.onExecuteCommand(async ({ command, arguments: args }) => {
      if (command === RENUMBER_COMMAND) await this.renumber(args?.[0]);
    });
    documents.onWillSaveWaitUntil(async ({ document }) => {
      const settings = await this.settingsFor(document.uri);
      return settings.renumberOnSave ? this.service.getSafeFixEdits(document, settings) : [];
    });
  }

  /** Settings changed: forget what was read and check every open document again. */
  settingsChanged({ settings }: DidChangeConfigurationParams): void {
    if (!this.configurable) this.fallback = readSettings(sectionOf(settings));
    this.settings.clear();
    if (this.pull) {
      if (this.refreshable) void this.connection.languages.diagnostics.refresh();
    } else {
      for (const doc of this.documents.all()) this.schedule(doc.uri);
    }
  }

  private settingsFor(uri: string): Promise<WorkplanSettings> {
    if (!this.configurable) return Promise.resolve(this.fallback);
    let s = this.settings.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'workplan' })
        .then((section) => (section ? readSettings(section) : this.fallback), () => this.fallback);
      this.settings.set(uri, s);
    }
    return s;
  }

  private schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    // A check that throws must not take the server down with an unhandled rejection.
    this.timers.set(uri, setTimeout(() => this.push(uri).catch((e) => this.failed(uri, e)), PUSH_DELAY_MS));
  }

  private failed(uri: string, error: unknown): void {
    this.connection.console.error(noticeText({ key: 'diagnostics.failed', args: { uri, error: String(error) } }, this.lang));
  }

  private async push(uri: string): Promise<void> {
    this.timers.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc || !this.checked(uri)) return;
    const settings = await this.settingsFor(uri);
    const current = this.documents.get(uri);
    // Edited while the settings were on their way: the next push has the newer text.
    if (current !== doc) return;
    const diagnostics = await this.diagnostics(doc, settings);
    // Edited or closed while a thread checked it: the newer text's push publishes, never this older one.
    if (this.documents.get(uri) !== doc) return;
    await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /** A large document's diagnostics come from the diagnostics thread, the request thread answering meanwhile. */
  private async diagnostics(doc: TextDocument, settings: WorkplanSettings): Promise<Diagnostic[]> {
    const text = doc.getText();
    return text.length < LARGE_DOCUMENT ? this.service.getLspDiagnostics(doc, settings, this.lang) : this.thread.compute(doc.uri, text, settings, this.lang);
  }

  /**
   * A plan shipped with the extension, opened from a hover or a reference, is there to be read:
   * its findings would only fill the Problems panel. Unless it is in a workspace folder.
   */
  private checked(uri: string): boolean {
    return !this.service.related.isShippedUri(uri) || this.folders.some((f) => uriUnder(uri, f));
  }

  /** `workplan.renumber [uri]`: without an argument, the only open plan. */
  private async renumber(arg: unknown): Promise<void> {
    const uri = typeof arg === 'string' ? arg : (arg as { uri?: unknown } | undefined)?.uri;
    const open = this.documents.all();
    const opened = typeof uri === 'string' ? this.documents.get(uri) : open.length === 1 ? open[0] : undefined;
    const settings = opened && (await this.settingsFor(opened.uri));
    // Looked up again once the settings have come: the edits are for the text as it is now.
    const doc = opened && this.documents.get(opened.uri);
    if (!doc || !settings) {
      void this.connection.window.showWarningMessage(uiText('renumber.noDocument', this.lang));
      return;
    }
    const edits = this.service.getSafeFixEdits(doc, settings);
    if (!edits.length) {
      void this.connection.window.showInformationMessage(uiText('renumber.nothing', this.lang));
      return;
    }
    const edit: WorkspaceEdit = this.versionedEdits
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
      : { changes: { [doc.uri]: edits } };
    await this.connection.workspace.applyEdit({ label: uiText('renumber.title', this.lang), edit });
  }
}
