// The server's edge: what a client sends is checked here before any feature sees it. Requests are
// answered only between `initialize` and `shutdown` (LSP: ServerNotInitialized before, InvalidRequest
// after), and document notifications whose parameters are malformed are dropped with a log line, so
// that no feature meets a URI that is not a string, a change list that is not a list or a missing version.
import { Connection, ErrorCodes, Message, MessageStrategy, RequestMessage, ResponseError } from 'vscode-languageserver/node';
import { Lang, uiText } from '../service/l10n/messages';

/** Where a request the server refuses is routed, to be answered with the error it carries. */
const REFUSED = '$/workplan/refused';

/** The requests and notifications allowed before `initialize` and after `shutdown`. */
const ALWAYS = new Set(['exit', '$/cancelRequest']);

/** The order of a session, as a message strategy of the connection (vscode-jsonrpc's ConnectionOptions). */
export class Lifecycle implements MessageStrategy {
  private state: 'new' | 'running' | 'shutDown' = 'new';

  readonly handleMessage: MessageStrategy['handleMessage'] = (message, next) => {
    if (Message.isRequest(message)) return next(this.request(message));
    if (Message.isNotification(message) && this.state !== 'running' && !ALWAYS.has(message.method)) return;
    return next(message);
  };

  /** Answers refused requests with an error: the handler registered under REFUSED throws it. */
  listen(connection: Connection): void {
    connection.onRequest(REFUSED, (params: { code: number; message: string }) => new ResponseError(params.code, params.message));
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
    if (message.method === 'shutdown') this.state = 'shutDown';
    return message;
  }
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const hasUri = (p: unknown) => typeof record(record(p)?.textDocument)?.uri === 'string';
const isChange = (p: unknown) => hasUri(p) && typeof record(record(p)?.textDocument)?.version === 'number' && Array.isArray(record(p)?.contentChanges);

/** The document notifications TextDocuments listens to: their method, and what their parameters must have. */
const DOCUMENT_EVENTS = {
  onDidOpenTextDocument: ['textDocument/didOpen', hasUri],
  onDidChangeTextDocument: ['textDocument/didChange', isChange],
  onDidCloseTextDocument: ['textDocument/didClose', hasUri],
  onWillSaveTextDocument: ['textDocument/willSave', hasUri],
  onWillSaveTextDocumentWaitUntil: ['textDocument/willSaveWaitUntil', hasUri],
  onDidSaveTextDocument: ['textDocument/didSave', hasUri],
} satisfies Partial<Record<keyof Connection, [string, (p: unknown) => boolean]>>;

/**
 * `connection` as `TextDocuments.listen` is given it: each document notification reaches the
 * documents only with well-formed parameters, and is otherwise logged and dropped.
 */
export function checkedDocumentEvents(connection: Connection, lang: () => Lang): Connection {
  const checked: Partial<Connection> = {};
  for (const [name, [method, valid]] of Object.entries(DOCUMENT_EVENTS) as [keyof typeof DOCUMENT_EVENTS, [string, (p: unknown) => boolean]][]) {
    const register = connection[name].bind(connection) as (handler: (params: unknown) => unknown) => unknown;
    (checked as Record<string, unknown>)[name] = (handler: (params: unknown) => unknown) =>
      register((params) => {
        if (valid(params)) return handler(params);
        connection.console.warn(uiText('edge.ignored', lang(), { expected: '', found: '', context: method }));
        return undefined;
      });
  }
  return Object.assign(Object.create(connection) as Connection, checked);
}
