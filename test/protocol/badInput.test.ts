// Bad input and misbehaving clients: the server answers sensibly, keeps every position inside the
// document in UTF-16 units, declines files over the size limit, and never stays behind stuck.
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { DocumentSymbol, FoldingRange, Range, SelectionRange } from 'vscode-languageserver-types';
import { decodePlan, UnreadableError } from '../../server/src/io/encoding';
import { PlainDocument, Random } from '../helpers/fuzz';
import { LspClient, SERVER } from '../helpers/lspClient';
import { ROOT, seed, seeds } from '../helpers/seeds';

const MB = 1024 * 1024;

/** GB18030 bytes of `text`, from the runtime's own decoder run backwards over the two-byte table. */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no two-byte GB18030 code for ${ch}`);
  }
  return Buffer.from(bytes);
}

function assertRangeInside(doc: PlainDocument, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: ${JSON.stringify(p)} is not whole numbers`);
    assert.ok(p.line >= 0 && p.line < doc.lineCount, `${what}: line ${p.line} outside 0..${doc.lineCount - 1}`);
    const width = doc.lineEnd(p.line) - doc.offsetAt({ line: p.line, character: 0 });
    assert.ok(p.character >= 0 && p.character <= width, `${what}: column ${p.character} outside line ${p.line} of width ${width}`);
  }
}

function assertSymbolsInside(doc: PlainDocument, symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assertRangeInside(doc, s.range, `range of ${s.name}`);
    assertRangeInside(doc, s.selectionRange, `selection range of ${s.name}`);
    assertSymbolsInside(doc, s.children ?? []);
  }
}

interface Outline {
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
}

async function outline(client: LspClient, uri: string): Promise<Outline> {
  const textDocument = { uri };
  const [symbols, folding] = await Promise.all([
    client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }),
    client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument }),
  ]);
  return { symbols, folding };
}

async function openAndOutline(client: LspClient, name: string, text: string): Promise<Outline> {
  const uri = client.uri(name);
  await client.open(uri, text);
  const result = await outline(client, uri);
  assertSymbolsInside(new PlainDocument(text), result.symbols);
  return result;
}

/** Seed text repeated to at least `bytes` bytes of UTF-8. */
function planOfSize(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const s = seeds()[k % seeds().length].text;
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join('\n');
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

/** Whether process `pid` is gone (or a zombie nobody has reaped yet). */
function gone(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return readFileSync(stat, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return true;
  }
}

describe('protocol: bad input', function () {
  this.timeout(120000);
  let client: LspClient;
  before(async () => (client = await LspClient.start({})));
  after(async () => client.stop());

  it('answers an empty file with no symbols, no folds and a selection at 0:0', async () => {
    const { symbols, folding } = await openAndOutline(client, 'empty.plan', '');
    assert.deepStrictEqual([symbols, folding], [[], []]);
    const uri = client.uri('empty.plan');
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 0 }] });
    assert.deepStrictEqual(sel.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('reads binary data as text without failing and keeps every range inside it', async () => {
    const r = new Random(6);
    const bytes = Buffer.from(Array.from({ length: 200000 }, () => r.int(256)));
    // What an editor shows for a binary file: every byte as a character, NULs and lone CRs included.
    const result = await openAndOutline(client, 'binary.plan', bytes.toString('latin1'));
    assert.ok(Array.isArray(result.symbols) && Array.isArray(result.folding));
    assert.throws(() => decodePlan(bytes), UnreadableError, 'decodePlan refuses the same bytes');
  });

  it('outlines a 10 MB document on a single line, all on line 0', async () => {
    const flat = seed('五角场').text.replace(/\r?\n/g, '');
    const line = flat.slice(flat.indexOf('一、'));
    const text = line.repeat(Math.ceil((10 * MB) / Buffer.byteLength(line)));
    const { symbols, folding } = await openAndOutline(client, 'one-line.plan', text);
    assert.ok(symbols.length > 0, 'the first heading of the line is found');
    const lines = (ss: DocumentSymbol[]): number[] => ss.flatMap((s) => [s.range.start.line, s.range.end.line, ...lines(s.children ?? [])]);
    assert.deepStrictEqual([...new Set(lines(symbols))], [0]);
    assert.deepStrictEqual(folding, [], 'one line does not fold');
  });

  it('declines a 50 MB file with a message in the client\'s language (Chinese unless it asks for English), answers nothing for it and serves other files', async () => {
    const uri = client.uri('huge.plan');
    await client.open(uri, planOfSize(50 * MB));
    const message = await client.waitFor((n) => n.method === 'window/showMessage' && n.params.message.includes('huge.plan'));
    const text: string = message.params.message;
    assert.strictEqual(message.params.type, 2, 'a warning');
    assert.match(text, /^工作计划：文件 huge\.plan 过大（50\.\d MB，上限 20\.0 MB），不做分析。$/);
    assert.deepStrictEqual(await outline(client, uri), { symbols: [], folding: [] });
    const s = seed('江苏路');
    const other = await openAndOutline(client, 'after-huge.plan', s.text);
    assert.strictEqual(other.symbols[0].name, '一、“招、留、增”全面发力，经济发展奋力一跃');
    await client.close(uri);
  });

  it('reads GB18030 bytes to the same text and outline as the UTF-8 seed', async () => {
    const s = seed('新华路');
    const decoded = decodePlan(encodeGb18030(s.text));
    assert.deepStrictEqual(decoded, { text: s.text, encoding: 'gb18030' });
    assert.deepStrictEqual(await openAndOutline(client, 'gb.plan', decoded.text), await openAndOutline(client, 'utf8.plan', s.text));
  });

  it('prints the same outline for a GB18030 file as for its UTF-8 original from the CLI', () => {
    const s = seed('新华路');
    const dir = mkdtempSync(path.join(tmpdir(), 'workplan-gb-'));
    try {
      const gb = path.join(dir, 'plan.txt');
      writeFileSync(gb, encodeGb18030(s.text));
      const cli = path.join(ROOT, 'server', 'out', 'cli.js');
      const run = (file: string) => execFileSync(process.execPath, [cli, 'outline', file], { encoding: 'utf8' }).replace(/^== .*\n/, '');
      assert.strictEqual(run(gb), run(s.path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts lone surrogates and astral characters as UTF-16 units in every position', async () => {
    const lines = ['一、推进\ud800建设𠀀工作', '正文\udc00内容。', '二、加强😀管理\ud83d', '正文。'];
    const { symbols } = await openAndOutline(client, 'surrogates.plan', lines.join('\n'));
    assert.deepStrictEqual(symbols.map((s) => s.name), [lines[0], lines[2]]);
    assert.deepStrictEqual(symbols[0].selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: lines[0].length } });
    assert.deepStrictEqual(symbols[0].range.end, { line: 1, character: lines[1].length });
    assert.strictEqual(symbols[1].range.start.line, 2);
  });

  it('answers a file with LF, CRLF and CR mixed exactly as its LF version', async () => {
    const s = seed('华阳路街道2025年工作计划');
    const breaks = ['\n', '\r\n', '\r'];
    const lines = s.text.split('\n');
    // A CR before an empty line would make CRLF, one break where the LF version has two.
    const mixed = lines.map((l, k) => l + (breaks[k % 3] === '\r' && lines[k + 1] === '' ? '\n' : breaks[k % 3])).join('');
    const lf = lines.map((l) => l + '\n').join('');
    assert.deepStrictEqual(await openAndOutline(client, 'mixed.plan', mixed), await openAndOutline(client, 'lf.plan', lf));
  });
});

describe('protocol: the size limit', function () {
  this.timeout(60000);
  let client: LspClient;
  // Set to 1 MB through initializationOptions, as Neovim's init_options would.
  before(async () => (client = await LspClient.start({}, { maxFileSize: 1 })));
  after(async () => client.stop());

  it('serves a declined file again once edits bring it under the limit', async () => {
    const s = seed('五角场');
    const uri = client.uri('shrinks.plan');
    const big = planOfSize(1.5 * MB);
    await client.open(uri, big);
    await client.waitFor((n) => n.method === 'window/showMessage' && n.params.message.includes('shrinks.plan'));
    assert.deepStrictEqual(await outline(client, uri), { symbols: [], folding: [] });
    // Keep only the first copy of the seed: the edit lands on the real text behind the empty stand-in.
    const keep = new PlainDocument(big).positionAt(s.text.length);
    await client.change(uri, [{ range: { start: keep, end: { line: 1e9, character: 0 } }, text: '' }]);
    assert.deepStrictEqual(await outline(client, uri), await openAndOutline(client, 'original.plan', s.text));
  });

  it('tells an English client in English', async () => {
    const en = await LspClient.start({}, { maxFileSize: 1 }, 'en-GB');
    try {
      await en.open(en.uri('large plan.plan'), planOfSize(1.5 * MB));
      const message = await en.waitFor((n) => n.method === 'window/showMessage');
      assert.match(message.params.message, /^Workplan: large plan\.plan is too large \(1\.\d MB, limit 1\.0 MB\); it is not analysed\.$/);
    } finally {
      await en.stop();
    }
  });
});

describe('protocol: misbehaving clients', function () {
  this.timeout(60000);

  it('exits on its own when its input closes, even with a request in flight', async () => {
    const client = await LspClient.start({});
    const uri = client.uri('in-flight.plan');
    await client.open(uri, planOfSize(5 * MB));
    void client.request('textDocument/documentSymbol', { textDocument: { uri } }).catch(() => undefined);
    client.process.stdin!.end();
    assert.notStrictEqual(await exited(client.process), null);
    client.connection.dispose();
  });

  it('exits when the client process is killed in the middle of a request', async () => {
    // A stand-in client process starts the server, sends a heavy request and is killed before the answer.
    const script = `
      const { spawn } = require('child_process');
      const server = spawn(process.execPath, [${JSON.stringify(SERVER)}, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
      const send = (o) => { const b = Buffer.from(JSON.stringify(o)); server.stdin.write('Content-Length: ' + b.length + '\\r\\n\\r\\n'); server.stdin.write(b); };
      send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      const text = ${JSON.stringify(seed('五角场').text)}.repeat(400);
      send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///killed.plan', languageId: 'workplan', version: 1, text } } });
      send({ jsonrpc: '2.0', id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///killed.plan' } } });
      console.log(server.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => parent.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
    parent.kill('SIGKILL');
    await exited(parent);
    while (!gone(pid)) await new Promise((r) => setTimeout(r, 100));
  });

  it('answers errors for unknown methods and malformed params, and keeps serving', async () => {
    const client = await LspClient.start({});
    try {
      await assert.rejects(client.request('workplan/noSuchMethod', {}), (e: any) => e.code === -32601);
      await assert.rejects(client.request('textDocument/documentSymbol', {}), (e: any) => e.code === -32602);
      const s = seed('华阳路街道2025年基层治理答卷');
      const uri = client.uri('bad-params.plan');
      await client.open(uri, s.text);
      const want = await outline(client, uri);
      await assert.rejects(client.request('textDocument/selectionRange', { textDocument: { uri }, positions: 'x' }), (e: any) => e.code === -32602);
      // Answered InvalidParams at the edge, before a handler could fail on them.
      for (const [method, params] of [
        ['textDocument/codeAction', { textDocument: { uri } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ range: null }] } }],
        ['textDocument/hover', { textDocument: { uri }, position: null }],
        ['textDocument/references', { textDocument: { uri: 7 }, position: { line: 0, character: 0 } }],
        ['workspace/symbol', { query: 5 }],
      ] as const) {
        await assert.rejects(client.request(method, params), (e: any) => e.code === -32602 && e.message === `${method}: invalid parameters`);
      }
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 1 }] });
      await client.connection.sendNotification('workspace/didChangeConfiguration', null);
      await client.connection.sendNotification('workplan/noSuchNotification', { x: 1 });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri('never-opened.plan'), version: 2 }, contentChanges: [{ text: 'x' }] });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri('no-text.plan'), languageId: 'workplan', version: 1, text: 12345 } });
      assert.deepStrictEqual(await outline(client, client.uri('no-text.plan')), { symbols: [], folding: [] });
      // Positions that are negative, fractional or not numbers at all insert at a clamped place, never NaN.
      await client.change(uri, [{ range: { start: { line: -3, character: 0.5 }, end: { line: 'x', character: null } }, text: '' }]);
      assert.deepStrictEqual(await outline(client, uri), want);
      assert.strictEqual(client.process.exitCode, null);
      assert.ok(!client.notifications.some((n) => n.method === 'window/logMessage' && n.params.type === 1), 'no handler failed');
    } finally {
      await client.stop();
    }
  });

  it('survives a didOpen whose URI has a malformed escape or is no string, and says what it ignored', async () => {
    const client = await LspClient.start({});
    try {
      const s = seed('江苏路');
      await client.open('untitled:100%', s.text);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 12345, languageId: 'workplan', version: 1, text: s.text } });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:100%' }, contentChanges: [{ text: '' }] });
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:100%', version: 3 }, contentChanges: 'x' });
      // Past the pause after which an open document is indexed for related measures (where it used to die).
      await new Promise((r) => setTimeout(r, 1000));
      const { symbols } = await outline(client, 'untitled:100%');
      assert.strictEqual(symbols[0].name, '一、“招、留、增”全面发力，经济发展奋力一跃', 'the document as opened: no change was applied');
      // Hover reads the related index the document went into: an error would reject.
      await client.request('textDocument/hover', { textDocument: { uri: 'untitled:100%' }, position: { line: 4, character: 2 } });
      const ignored = client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.message.startsWith('工作计划：已忽略参数无效的'));
      assert.deepStrictEqual(ignored.map((n) => [n.params.type, n.params.message.replace(/^.* (\S+) 消息$/, '$1')]), [
        [2, 'textDocument/didOpen'], [2, 'textDocument/didOpen'], [2, 'textDocument/didChange'], [2, 'textDocument/didChange'],
      ]);
      assert.strictEqual(client.process.exitCode, null);
      assert.strictEqual(client.stderr, '');
      assert.ok(!client.notifications.some((n) => n.method === 'window/logMessage' && n.params.type === 1), 'no error logged');
    } finally {
      await client.stop();
    }
  });

  it('keeps the outline current when a URI is opened twice, or changed without a new version', async () => {
    const client = await LspClient.start({});
    try {
      const uri = client.uri('twice.plan');
      await client.open(uri, seed('江苏路').text);
      assert.strictEqual((await outline(client, uri)).symbols[0].name, '一、“招、留、增”全面发力，经济发展奋力一跃');
      await client.open(uri, seed('新华路').text);
      assert.strictEqual((await outline(client, uri)).symbols[0].name, seed('新华路').text.match(/^一、.*$/m)![0]);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: '一、同一版本\n' }] });
      assert.strictEqual((await outline(client, uri)).symbols[0].name, '一、同一版本');
    } finally {
      await client.stop();
    }
  });

  it('answers requests only between initialize and shutdown, with the errors LSP names', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest(() => null);
    connection.listen();
    try {
      const symbols = (uri: string) => connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      await assert.rejects(symbols('file:///early.plan'), (e: any) => e.code === -32002);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///early.plan', languageId: 'workplan', version: 1, text: '一、甲\n' } });
      await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await assert.rejects(connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }), (e: any) => e.code === -32600);
      await connection.sendNotification('initialized', {});
      assert.strictEqual(await symbols('file:///early.plan'), null, 'a didOpen before initialize is not taken');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///on-time.plan', languageId: 'workplan', version: 1, text: '一、甲\n' } });
      assert.strictEqual((await symbols('file:///on-time.plan') as DocumentSymbol[])[0].name, '一、甲');
      await connection.sendRequest('shutdown');
      await assert.rejects(symbols('file:///on-time.plan'), (e: any) => e.code === -32600);
      await connection.sendNotification('exit');
      assert.strictEqual(await exited(child), 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('skips garbage bytes and invalid JSON and answers what follows', async () => {
    const client = await LspClient.start({});
    try {
      client.process.stdin!.write(Buffer.from([0, 0xff, 0x13, 0x37, 13, 10, 13, 10]));
      client.process.stdin!.write('Content-Length: 10\r\n\r\n{not json}');
      client.process.stdin!.write('Content-Length: 3\r\n\r\n[1]');
      // vscode-jsonrpc resumes reading after a bad header only when more bytes arrive: keep asking until answered.
      const answers: Promise<unknown>[] = [];
      let answered = false;
      while (!answered) {
        const a = client.request('workplan/noSuchMethod', {}).catch(() => (answered = true));
        answers.push(a);
        await Promise.race([a, new Promise((r) => setTimeout(r, 200))]);
      }
      await Promise.all(answers);
      const uri = client.uri('after-garbage.plan');
      await client.open(uri, seed('江苏路').text);
      assert.strictEqual((await outline(client, uri)).symbols[0].name, '一、“招、留、增”全面发力，经济发展奋力一跃');
    } finally {
      await client.stop();
    }
  });
});
