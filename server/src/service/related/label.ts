// How a plan is named to a reader in hovers and symbol lists.
import { URI, Utils } from 'vscode-uri';
import type { IndexedUnit } from './index';

/** `华阳路街道 · 2025`, from the plan's metadata, else its file name. */
export function planLabel(unit: IndexedUnit): string {
  const { place, year } = unit.doc.metadata;
  const name = place ?? unit.doc.name ?? Utils.basename(URI.parse(unit.doc.uri));
  return year ? `${name} · ${year}` : name;
}
