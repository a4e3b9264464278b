// Lint for the whole repository, run by `npm test` (pretest). Besides the recommended rules it keeps the
// layers of docs/architecture.md: no import cycles, the language service free of transport and file I/O,
// and no folder importing from a layer above its own.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SERVICE = 'server/src/service';
const S = (part) => `${SERVICE}/${part}`;

/** The service's layers, lowest first, and what each may import besides itself (docs/architecture.md). */
const LAYERS = [
  // Of the model, text/ may know only the types (the rule for text/ below).
  { layer: S('text'), may: [S('model.ts')] },
  { layer: S('model.ts'), may: [S('text')] },
  { layer: S('parse'), may: [S('text'), S('model.ts')] },
  // The catalogue names the diagnostic codes: codes.ts is the leaf of checks/ that all share.
  { layer: S('l10n'), may: [S('model.ts'), S('checks/codes.ts')] },
  { layer: S('checks'), may: [S('text'), S('model.ts'), S('parse'), S('l10n')] },
  { layer: S('related'), may: [S('text'), S('model.ts'), S('parse'), S('l10n')] },
  { layer: S('tasks'), may: [S('text'), S('model.ts'), S('parse'), S('l10n'), S('checks'), S('related')] },
  { layer: S('features'), may: [S('text'), S('model.ts'), S('parse'), S('l10n'), S('checks'), S('related')] },
];
const SERVICE_PARTS = ['text', 'model.ts', 'parse', 'l10n', 'checks', 'related', 'tasks', 'features', 'languageService.ts'].map(S);

/** Outside the service: what each folder may import of the project's own code. */
const OUTSIDE = [
  { layer: SERVICE, may: [] },
  // Reading a plan from a file may mean reading a Word document.
  { layer: 'server/src/io', may: ['server/src/word'] },
  { layer: 'server/src/corpus', may: [SERVICE, 'server/src/io'] },
  // Other formats: the task table as xlsx and csv, Word in and out. They turn the service's results into bytes and back.
  { layer: 'server/src/tasks', may: [SERVICE] },
  { layer: 'server/src/word', may: [SERVICE] },
  { layer: 'server/src/cli', may: [SERVICE, 'server/src/io', 'server/src/corpus', 'server/src/tasks', 'server/src/word'] },
  { layer: 'server/src/lsp', may: [SERVICE, 'server/src/io', 'server/src/corpus', 'server/src/tasks', 'server/src/word'] },
  // The client starts the server as a process; of its code it shares only the message catalogue and the Word requests' names.
  { layer: 'client/src', may: [S('l10n'), 'server/src/word/protocol.ts'] },
];
const OWN_CODE = ['client/src', SERVICE, 'server/src/io', 'server/src/corpus', 'server/src/tasks', 'server/src/word', 'server/src/cli', 'server/src/lsp'];

/**
 * Zones for import-x/no-restricted-paths: a layer may import itself and what it lists, nothing else of
 * `all`. One zone per forbidden part, so that an allowed file inside it (codes.ts in checks/) is its exception.
 */
function zones(layers, all, why) {
  return layers.flatMap(({ layer, may }) => all
    .filter((part) => part !== layer && !layer.startsWith(`${part}/`) && !may.includes(part) && !may.some((m) => part.startsWith(`${m}/`)))
    .map((part) => ({
      target: layer,
      from: part,
      except: may.filter((m) => m.startsWith(`${part}/`)).map((m) => `./${m.slice(part.length + 1)}`),
      message: why(layer),
    })));
}

/** Modules the pure service must not import: it does no I/O and knows no LSP connection or editor. */
const NOT_IN_SERVICE = ['vscode', 'vscode-languageserver', 'vscode-languageclient', 'fs', 'fs/promises', 'child_process', 'worker_threads', 'net', 'http', 'https'];

/** Options of @typescript-eslint/no-restricted-imports for service files, plus `patterns` of their folder. */
function serviceImports(patterns) {
  const message = 'The language service does no I/O and knows no transport or editor (docs/architecture.md).';
  return {
    paths: NOT_IN_SERVICE.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message })),
    patterns: [{ group: ['vscode-languageserver/*', 'vscode-languageclient/*', 'node:fs/*'], message }, ...patterns],
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'out/**', 'client/out/**', 'server/out/**', 'test-results/**', '.vscode-test/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript preset's extensions and parsers, so that no-cycle follows imports into .ts files.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // Full-width spaces are part of Chinese text, in strings, comments and patterns alike.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', {
        zones: [
          ...zones(LAYERS, SERVICE_PARTS, (layer) => `${layer} may not import this: it sits higher in docs/architecture.md.`),
          ...zones(OUTSIDE, OWN_CODE, (layer) => `${layer} may not import this (docs/architecture.md).`),
        ],
      }],
    },
  },
  {
    // CommonJS, loaded by mocha by path.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read the untyped JSON the server sends.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: [`${SERVICE}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', serviceImports([])] },
  },
  {
    // text/ is the bottom layer: of the model it may know the types, nothing that runs.
    files: [`${SERVICE}/text/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', serviceImports([
        { group: ['../model', '../model.ts'], allowTypeImports: true, message: 'text/ may import only types from the model (docs/architecture.md).' },
      ])],
    },
  },
);
