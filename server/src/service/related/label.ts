// How a plan is named to a reader in hovers and symbol lists.
import type { IndexedUnit } from './index';

/** `华阳路街道 · 2025`, from the plan's metadata, else its file name. */
export function planLabel(unit: IndexedUnit): string {
  const { place, year } = unit.doc.metadata;
  const name = place ?? unit.doc.name ?? decodeURIComponent(unit.doc.uri.replace(/^.*\//, ''));
  return year ? `${name} · ${year}` : name;
}
