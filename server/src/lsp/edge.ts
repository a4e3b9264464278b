// The server's edge: every message a client sends passes here before any handler sees it. Requests
// are answered only between `initialize` and `shutdown` (LSP: ServerNotInitialized before,
// InvalidRequest after); a request whose parameters are malformed is answered InvalidParams, and such a
// notification is dropped with a log line. No feature meets a URI that is not a string, a position that
// is not two whole numbers, or a list that is not a list.
import { Connection, ErrorCodes, Message, MessageStrategy, RequestMessage, ResponseError } from 'vscode-languageserver/node';
import { record } from '../service/checks/settings';
import { Lang, uiText } from '../service/l10n/messages';

/** Where a request the server refuses is routed, to be answered with the error it carries. */
const REFUSED = '$/workplan/refused';

/** The notifications taken before `initialize` and after `shutdown`. */
const ALWAYS = new Set(['exit', '$/cancelRequest']);

const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const position = (p: unknown) => whole(record(p)?.line) && whole(record(p)?.character);
const range = (r: unknown) => position(record(r)?.start) && position(record(r)?.end);
const document = (p: unknown) => typeof record(record(p)?.textDocument)?.uri === 'string';
const uris = (list: unknown) => Array.isArray(list) && list.every((f) => typeof record(f)?.uri === 'string');

/**
 * What the parameters of each method the server handles must have; a change's own positions are
 * clamped by DocumentSync instead, as LSP asks. Methods not listed are passed on as they come.
 */
const PARAMS: Record<string, (p: unknown) => boolean> = {
  'textDocument/didOpen': document,
  'textDocument/didChange': (p) => document(p) && typeof record(record(p)?.textDocument)?.version === 'number' && Array.isArray(record(p)?.contentChanges),
  'textDocument/didClose': document,
  'textDocument/willSave': document,
  'textDocument/willSaveWaitUntil': document,
  'textDocument/didSave': document,
  'textDocument/documentSymbol': document,
  'textDocument/foldingRange': document,
  'textDocument/diagnostic': document,
  'textDocument/selectionRange': (p) => document(p) && Array.isArray(record(p)?.positions) && (record(p)!.positions as unknown[]).every(position),
  'textDocument/hover': (p) => document(p) && position(record(p)?.position),
  'textDocument/references': (p) => document(p) && position(record(p)?.position),
  'textDocument/codeAction': (p) => {
    const diagnostics = record(record(p)?.context)?.diagnostics;
    return document(p) && range(record(p)?.range) && Array.isArray(diagnostics) && diagnostics.every((d) => range(record(d)?.range));
  },
  'workspace/symbol': (p) => typeof record(p)?.query === 'string',
  'workspace/executeCommand': (p) => typeof record(p)?.command === 'string',
  'workspace/didChangeConfiguration': (p) => record(p) !== undefined,
  'workspace/didChangeWatchedFiles': (p) => uris(record(p)?.changes),
  'workspace/didChangeWorkspaceFolders': (p) => uris(record(record(p)?.event)?.added) && uris(record(record(p)?.event)?.removed),
};

/** A message strategy of the connection (vscode-jsonrpc's ConnectionOptions) that keeps the session in order. */
export class Edge implements MessageStrategy {
  private state: 'new' | 'running' | 'shutDown' = 'new';
  private connection?: Connection;

  constructor(private readonly lang: () => Lang) {}

  readonly handleMessage: MessageStrategy['handleMessage'] = (message, next) => {
    if (Message.isRequest(message)) return next(this.request(message));
    if (!Message.isNotification(message)) return next(message);
    if (this.state !== 'running' && !ALWAYS.has(message.method)) return;
    if (PARAMS[message.method]?.(message.params) === false) {
      this.connection?.console.warn(uiText('edge.ignored', this.lang(), { expected: '', found: '', context: message.method }));
      return;
    }
    return next(message);
  };

  /** Answers refused requests with their error: the handler registered under REFUSED returns it. */
  listen(connection: Connection): void {
    this.connection = connection;
    connection.onRequest(REFUSED, (params: unknown) => {
      const refusal = record(params);
      return typeof refusal?.code === 'number' && typeof refusal.message === 'string'
        ? new ResponseError(refusal.code, refusal.message)
        : new ResponseError(ErrorCodes.MethodNotFound, `${REFUSED}: not a method`);
    });
  }

  private request(message: RequestMessage): RequestMessage {
    const refuse = (code: number, why: string): RequestMessage => ({ ...message, method: REFUSED, params: { code, message: `${message.method}: ${why}` } });
    if (message.method === 'initialize') {
      if (this.state !== 'new') return refuse(ErrorCodes.InvalidRequest, 'already initialized');
      this.state = 'running';
      return message;
    }
    if (this.state === 'new') return refuse(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
    if (this.state === 'shutDown') return refuse(ErrorCodes.InvalidRequest, 'the server is shut down');
    if (PARAMS[message.method]?.(message.params) === false) return refuse(ErrorCodes.InvalidParams, 'invalid parameters');
    if (message.method === 'shutdown') this.state = 'shutDown';
    return message;
  }
}
