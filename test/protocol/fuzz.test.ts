// Random edit sessions through incremental sync: after every didChange the edited document must answer
// exactly what a fresh open of the same text answers in a second server. WORKPLAN_FUZZ_SEED replays a run,
// WORKPLAN_FUZZ_EDITS sets its length (`npm run fuzz` runs 100k).
import * as assert from 'assert';
import { Position } from 'vscode-languageserver-types';
import { parsePlan } from '../../server/src/service/parse/parser';
import { Change, EditGenerator, fuzzSeed, PlainDocument, Random } from '../helpers/fuzz';
import { LspClient } from '../helpers/lspClient';
import { seeds } from '../helpers/seeds';

const EDITS = Number(process.env.WORKPLAN_FUZZ_EDITS ?? 300);
const SESSION_LENGTH = 150;
/** Diagnostics are pushed after a pause in typing, so they are compared at every 25th edit, not each one. */
const DIAGNOSTICS_EVERY = 25;

interface Answers {
  symbols: unknown;
  folding: unknown;
  selection: unknown;
}

async function answers(client: LspClient, uri: string, positions: Position[]): Promise<Answers> {
  const textDocument = { uri };
  const [symbols, folding, selection] = await Promise.all([
    client.request('textDocument/documentSymbol', { textDocument }),
    client.request('textDocument/foldingRange', { textDocument }),
    client.request('textDocument/selectionRange', { textDocument, positions }),
  ]);
  return { symbols, folding, selection };
}

/** Failures the client can see besides wrong answers: a dead process, stderr output, logged errors. */
function healthProblem(client: LspClient): string | undefined {
  if (client.process.exitCode !== null || client.process.signalCode !== null) return `server exited (${client.process.exitCode ?? client.process.signalCode})`;
  if (client.stderr) return `server wrote to stderr: ${client.stderr.slice(0, 500)}`;
  const logged = client.notifications.find((n) => (n.method === 'window/logMessage' || n.method === 'window/showMessage') && n.params.type === 1);
  return logged ? `server reported an error: ${logged.params.message}` : undefined;
}

function startText(r: Random, seedTexts: string[], lines: string[]): string {
  switch (r.int(5)) {
    case 0: return '';
    case 1: return r.pick(seedTexts).replace(/\r?\n/g, '\r\n');
    case 2: return Array.from({ length: 5 + r.int(60) }, () => r.pick(lines)).join(r.pick(['\n', '\r\n']));
    default: return r.pick(seedTexts);
  }
}

describe('protocol: fuzzed incremental editing', function () {
  const seed = fuzzSeed();
  const seedTexts = seeds().map((s) => s.text);
  const lines = seedTexts.flatMap((t) => t.split(/\r?\n/)).filter((l) => l.trim());
  let edited: LspClient;
  let fresh: LspClient;
  /** Whether the server pushes diagnostics to a client without pull support (it did not always). */
  let pushes = false;
  this.timeout(Math.max(60000, EDITS * 50));

  before(async () => {
    [edited, fresh] = await Promise.all([LspClient.start({}), LspClient.start({})]);
    const probe = edited.uri('probe.plan');
    await edited.open(probe, seeds()[0].text);
    pushes = await edited.pushedDiagnostics(probe, 1, 3000).then(() => true, () => false);
    await edited.close(probe);
  });
  after(async () => Promise.all([edited?.stop(), fresh?.stop()]));

  it(`answers after each of ${EDITS} random edits as a fresh open of the same text does (seed ${seed})`, async () => {
    const r = new Random(seed);
    const gen = new EditGenerator(r, lines);
    let doc = new PlainDocument('');
    let uri = '';
    let version = 1;
    let before = '';
    let changes: Change[] = [];
    const fail = (step: number, why: string): never => {
      const last = JSON.stringify(changes).slice(0, 400);
      assert.fail(`fuzz seed ${seed}, edit ${step}: ${why}\n  last didChange: ${last}\n  text before it (${before.length} chars): ${JSON.stringify(before.slice(0, 300))}…\n  replay: WORKPLAN_FUZZ_SEED=${seed} WORKPLAN_FUZZ_EDITS=${EDITS} npm test`);
    };
    for (let step = 0; step < EDITS; step++) {
      if (step % SESSION_LENGTH === 0) {
        if (uri) await edited.close(uri);
        uri = edited.uri(`fuzz-${seed}-${step}.plan`);
        doc = new PlainDocument(startText(r, seedTexts, lines));
        version = 1;
        await edited.open(uri, doc.text);
        // Keep the clients' notification logs short on long runs.
        edited.notifications.length = 0;
        fresh.notifications.length = 0;
      }
      before = doc.text;
      changes = gen.next(doc);
      for (const c of changes) doc.apply(c);
      version++;
      await edited.change(uri, changes);
      await fresh.close(uri);
      await fresh.open(uri, doc.text, 'workplan', version);
      parsePlan(doc.text, (e) => fail(step, `the parser threw ${(e as Error).stack}`));
      const positions = [doc.positionAt(r.int(doc.text.length + 1)), doc.positionAt(r.int(doc.text.length + 1))];
      const [got, want] = await Promise.all([answers(edited, uri, positions), answers(fresh, uri, positions)]);
      for (const key of Object.keys(want) as (keyof Answers)[]) {
        try {
          assert.deepStrictEqual(got[key], want[key]);
        } catch (e) {
          fail(step, `${key} after incremental edits differs from a fresh open\n${(e as Error).message.slice(0, 3000)}`);
        }
      }
      if (pushes && (step % DIAGNOSTICS_EVERY === DIAGNOSTICS_EVERY - 1 || step === EDITS - 1)) {
        const [got, want] = await Promise.all([edited.pushedDiagnostics(uri, version), fresh.pushedDiagnostics(uri, version)]);
        try {
          assert.deepStrictEqual(got, want);
        } catch (e) {
          fail(step, `pushed diagnostics after incremental edits differ from a fresh open\n${(e as Error).message.slice(0, 3000)}`);
        }
      }
      const problem = healthProblem(edited) ?? healthProblem(fresh);
      if (problem) fail(step, problem);
    }
  });
});
