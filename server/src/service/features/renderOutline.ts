// The outline as indented text, one node a line: what `workplan outline` prints and fixtures compare.
import { symbolName } from './documentSymbols';
import { OutlineModel } from '../model';

export function renderOutline(model: OutlineModel): string {
  const out: string[] = [];
  const m = model.metadata;
  out.push(`# ${[m.district, m.place, m.year, m.kind].filter((x) => x !== undefined).join(' ') || '（未识别）'}${m.title ? ` 《${m.title}》` : ''}`);
  for (const node of model.nodes) {
    out.push(`${'  '.repeat(node.depth - 1)}${node.line + 1} ${node.kind} ${symbolName(node)}`);
  }
  return out.join('\n') + '\n';
}
