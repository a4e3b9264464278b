// The five real plans shipped in seeds/, for tests.
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');

export interface Seed {
  name: string;
  path: string;
  text: string;
}

export function seeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const p = path.join(SEEDS_DIR, name);
      return { name, path: p, text: readFileSync(p, 'utf8') };
    });
}

export function seed(nameFragment: string): Seed {
  const found = seeds().find((s) => s.name.includes(nameFragment));
  if (!found) throw new Error(`no seed named like ${nameFragment}`);
  return found;
}
