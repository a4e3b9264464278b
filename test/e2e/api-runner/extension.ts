// Test-only extension, packaged by the end-to-end test: runs test/electron's vscode-API suite inside
// code-server's extension host, where @vscode/test-electron cannot start it. The suite writes its
// outcomes to WORKPLAN_TEST_RESULTS.
export async function activate(): Promise<void> {
  const suite = process.env.WORKPLAN_API_SUITE;
  if (!suite) return;
  // The suite's path is known only at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { run } = require(suite) as { run(): Promise<void> };
  await run().catch(() => undefined);
}
