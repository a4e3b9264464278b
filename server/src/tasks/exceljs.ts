// The part of exceljs the workbook writer uses: the entry of a bundle of its own (server/out/exceljs.js,
// see scripts/build.mjs) that the server and the CLI import only when they write a workbook.
export { Workbook } from 'exceljs';
