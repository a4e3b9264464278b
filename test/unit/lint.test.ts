// The lint rules that keep the layers of docs/architecture.md: a real source file with one import added
// (linted from memory, nothing on disk changes) must be reported, and the file as it is must not.
import * as assert from 'assert';
import { ESLint } from 'eslint';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers/seeds';

interface Probe {
  what: string;
  file: string;
  added: string;
  rules: string[];
}

const PROBES: Probe[] = [
  {
    what: 'a cycle inside a folder: codes.ts, the leaf, importing the diagnostics that import it',
    file: 'server/src/service/checks/codes.ts',
    added: "import { computeDiagnostics } from './diagnostics';\nexport const probe = computeDiagnostics;",
    rules: ['import-x/no-cycle'],
  },
  {
    what: 'an upward import that closes a cycle: parse/ importing checks/',
    file: 'server/src/service/parse/markers.ts',
    added: "import { renumberEdit } from '../checks/markerForms';\nexport const probe = renumberEdit;",
    rules: ['import-x/no-cycle', 'import-x/no-restricted-paths'],
  },
  {
    what: 'an upward import: checks/ importing a feature',
    file: 'server/src/service/checks/damage.ts',
    added: "import { getFoldingRanges } from '../features/folding';\nexport const probe = getFoldingRanges;",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    what: 'text/ importing the checks',
    file: 'server/src/service/text/lines.ts',
    added: "import { DIAGNOSTIC_CODES } from '../checks/codes';\nexport const probe = DIAGNOSTIC_CODES;",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    what: 'text/ importing a value of the model (types only)',
    file: 'server/src/service/text/ranges.ts',
    added: "import { LineRole } from '../model';\nexport const probe = LineRole;",
    rules: ['@typescript-eslint/no-restricted-imports'],
  },
  {
    what: 'checks/ and related/ importing each other',
    file: 'server/src/service/related/terms.ts',
    added: "import { DEFAULT_SETTINGS } from '../checks/settings';\nexport const probe = DEFAULT_SETTINGS;",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    what: 'the service importing the LSP wiring (which imports the service)',
    file: 'server/src/service/features/hover.ts',
    added: "import { Checks } from '../../lsp/checks';\nexport const probe = Checks;",
    rules: ['import-x/no-cycle', 'import-x/no-restricted-paths'],
  },
  {
    what: 'the service reading encodings',
    file: 'server/src/service/parse/metadata.ts',
    added: "import { decodePlan } from '../../io/encoding';\nexport const probe = decodePlan;",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    what: 'the service importing the transport',
    file: 'server/src/service/features/folding.ts',
    added: "import { createConnection } from 'vscode-languageserver/node';\nexport const probe = createConnection;",
    rules: ['@typescript-eslint/no-restricted-imports'],
  },
  {
    what: 'the service reading files',
    file: 'server/src/service/languageService.ts',
    added: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;",
    rules: ['@typescript-eslint/no-restricted-imports'],
  },
  {
    what: 'the service importing the editor API',
    file: 'server/src/service/l10n/messages.ts',
    added: "import * as vscode from 'vscode';\nexport const probe = vscode;",
    rules: ['@typescript-eslint/no-restricted-imports'],
  },
  {
    what: 'the CLI importing the LSP wiring',
    file: 'server/src/cli/outline.ts',
    added: "import { DocumentSync } from '../lsp/documentSync';\nexport const probe = DocumentSync;",
    rules: ['import-x/no-restricted-paths'],
  },
  {
    what: 'the client importing the parser',
    file: 'client/src/extension.ts',
    added: "import { parsePlan } from '../../server/src/service/parse/parser';\nexport const probe = parsePlan;",
    rules: ['import-x/no-restricted-paths'],
  },
];

describe('lint: the layers of docs/architecture.md', function () {
  this.timeout(60000);
  const eslint = new ESLint({ cwd: ROOT });

  async function ruleIds(file: string, text: string): Promise<string[]> {
    const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
    return [...new Set(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`))].sort();
  }

  for (const probe of PROBES) {
    it(`reports ${probe.what}`, async () => {
      const text = readFileSync(path.join(ROOT, probe.file), 'utf8');
      assert.deepStrictEqual(await ruleIds(probe.file, text), [], `${probe.file} is clean as it is`);
      assert.deepStrictEqual(await ruleIds(probe.file, `${text}\n${probe.added}\n`), probe.rules.sort());
    });
  }
});
