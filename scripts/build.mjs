// Bundles the client, the server, its corpus and diagnostics worker threads and the CLI with esbuild; `--watch` rebuilds on change.
// exceljs (only for writing a workbook) is a file of its own, server/out/exceljs.js, that the server
// and the CLI load when they first write one: they start without reading its 1.2 MB.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };
/**
 * `import('./exceljs.js')` in server/src/tasks/xlsx.ts stays a dynamic import of `./exceljs.js`, beside the
 * server and the CLI in server/out. esbuild marks that bundle's export names for Node's import() of CommonJS.
 */
const exceljsBeside = {
  name: 'exceljs-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/exceljs\.js$/ }, () => ({ path: './exceljs.js', external: true }));
  },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'server/out/server.js', plugins: [exceljsBeside] },
  // Started by the server from beside it (corpus.ts): reads and parses plans off the request thread.
  { ...common, entryPoints: ['server/src/corpus/corpusWorker.ts'], outfile: 'server/out/corpusWorker.js' },
  // Started by the server from beside it (lsp/diagnosticsThread.ts): checks large documents off the request thread.
  { ...common, entryPoints: ['server/src/lsp/diagnosticsWorker.ts'], outfile: 'server/out/diagnosticsWorker.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [exceljsBeside] },
  { ...common, entryPoints: ['server/src/tasks/exceljs.ts'], outfile: 'server/out/exceljs.js', minify: true, sourcemap: false },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
