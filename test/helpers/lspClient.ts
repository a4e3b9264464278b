// Starts the bundled server over stdio, as other editors do, and speaks LSP to it.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT } from './seeds';

export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

export interface Notification {
  method: string;
  params: any;
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly notifications: Notification[] = [];
  /** Requests the server sent to this client (workspace/configuration, workspace/applyEdit…). */
  readonly serverRequests: Notification[] = [];
  /** What this client answers for each item of workspace/configuration. */
  settings: unknown = null;
  private readonly listeners: ((n: Notification) => void)[] = [];
  private version = new Map<string, number>();
  stderr = '';

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    const record = (n: Notification) => {
      this.notifications.push(n);
      for (const l of this.listeners) l(n);
    };
    this.connection.onNotification((method, params) => record({ method, params }));
    // jsonrpc routes $/progress to per-token handlers; a test client has none, so keep them as notifications.
    this.connection.onUnhandledProgress((params) => record({ method: '$/progress', params }));
    // Answer the server's requests the way a minimal client would, and keep them for the tests.
    this.connection.onRequest((method, params: any) => {
      this.serverRequests.push({ method, params });
      if (method === 'workspace/configuration') return (params?.items ?? [null]).map(() => this.settings);
      if (method === 'workspace/applyEdit') return { applied: true };
      return null;
    });
    process.stderr!.on('data', (d) => (this.stderr += d));
    this.connection.listen();
  }

  static async start(capabilities: object = {}, initializationOptions?: object, locale?: string, workspaceFolders?: { uri: string; name: string }[]): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolders?.[0]?.uri ?? null,
      capabilities,
      initializationOptions,
      locale,
      workspaceFolders: workspaceFolders ?? null,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult: any;

  uri(name: string): string {
    return pathToFileURL(path.join(ROOT, 'test-virtual', name)).toString();
  }

  async open(uri: string, text: string, languageId = 'workplan', version = 1): Promise<void> {
    this.version.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async close(uri: string): Promise<void> {
    this.version.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics pushed for `uri` at `version` (the server pushes after a pause in typing). */
  async pushedDiagnostics(uri: string, version: number, timeoutMs?: number): Promise<unknown[]> {
    const n = await this.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version, timeoutMs);
    return n.params.diagnostics;
  }

  async change(uri: string, contentChanges: object[]): Promise<void> {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  request<T = any>(method: string, params: object): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Resolves with the first notification that satisfies `pred`, already received or still to come. */
  waitFor(pred: (n: Notification) => boolean, timeoutMs = 10000): Promise<Notification> {
    const seen = this.notifications.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const listener = (n: Notification) => {
        if (!pred(n)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        resolve(n);
      };
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error('timed out waiting for a notification'));
      }, timeoutMs);
      this.listeners.push(listener);
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
