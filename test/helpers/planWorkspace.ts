// A throwaway workspace for the tests in real editors: the five seeds, plus a copy of one seed with
// one injected numbering fault (its `(三)` written as `(四)`), and what our own service says about them.
import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../server/src/service/languageService';
import { parsePlan } from '../../server/src/service/parse/parser';
import { seed, seeds } from './seeds';

/** The file name matches `*工作计划*.txt`, so editors open it as a plan. */
export const FAULTY_NAME = '序号有误-新华路街道2025年工作计划.txt';

export interface InjectedFault {
  path: string;
  /** 0-based line of the wrong marker. */
  line: number;
  expected: string;
  found: string;
  /** The seed's text: what a correct fix gives back. */
  original: string;
}

export interface PlanWorkspace {
  dir: string;
  fault: InjectedFault;
  /** Absolute path of the workspace copy of the seed whose name contains `fragment`. */
  seedPath(fragment: string): string;
}

/** Writes the seeds and the faulty copy into `dir` (created if missing). */
export function createPlanWorkspace(dir: string): PlanWorkspace {
  mkdirSync(dir, { recursive: true });
  for (const s of seeds()) copyFileSync(s.path, path.join(dir, s.name));
  const ws = planWorkspaceAt(dir);
  const lines = ws.fault.original.split('\n');
  lines[ws.fault.line] = ws.fault.found + lines[ws.fault.line].slice(ws.fault.expected.length);
  writeFileSync(ws.fault.path, lines.join('\n'));
  return ws;
}

/** What createPlanWorkspace(dir) writes, without writing it: for tests that run inside the editor. */
export function planWorkspaceAt(dir: string): PlanWorkspace {
  const source = seed('新华路');
  const line = source.text.split('\n').findIndex((l) => l.startsWith('(三)'));
  if (line < 0) throw new Error('seed 新华路 has no (三) heading to damage');
  return {
    dir,
    fault: { path: path.join(dir, FAULTY_NAME), line, expected: '(三)', found: '(四)', original: source.text },
    seedPath: (fragment) => path.join(dir, seed(fragment).name),
  };
}

export interface OutlineEntry {
  /** 1 for top-level sections. */
  depth: number;
  name: string;
}

function serviceDocument(text: string): TextDocument {
  return TextDocument.create('file:///plan.txt', 'workplan', 1, text);
}

/** The outline our service gives for `text`, flattened in document order (what the Outline view lists). */
export function expectedOutline(text: string): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (symbols: DocumentSymbol[], depth: number) => {
    for (const s of symbols) {
      out.push({ depth, name: s.name });
      walk(s.children ?? [], depth + 1);
    }
  };
  walk(new LanguageService().getDocumentSymbols(serviceDocument(text)), 1);
  return out;
}

/** Folding range of the first top-level section of `text` (0-based lines). */
export function firstSectionFold(text: string): FoldingRange {
  const model = parsePlan(text);
  const first = model.roots[0];
  const fold = new LanguageService().getFoldingRanges(serviceDocument(text)).find((r) => r.startLine === first?.line);
  if (!fold) throw new Error('the first section does not fold');
  return fold;
}

/** A measure whose title contains `topic`: hovers on it should list related measures. */
export function measureOn(text: string, topic: string): { line: number; title: string } {
  const node = parsePlan(text).nodes.find((n) => n.kind === 'measure' && n.title.includes(topic));
  if (!node) throw new Error(`no measure about ${topic}`);
  return { line: node.line, title: node.title };
}

/** Street or town of each seed, as the parser reads it from the title (what hovers show as "street · year"). */
export function seedPlaces(): Map<string, string> {
  return new Map(seeds().map((s) => [s.name, parsePlan(s.text).metadata.place ?? '']));
}
