// Plans for the related-measure benchmarks, recombined from the seeds' sections: each plan 4 to 6
// top-level sections drawn at random, numbered afresh, under a street and year of its own.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineModel } from '../server/src/service/model';
import { parsePlan } from '../server/src/service/parse/parser';
import { PlanUnit, unitsOf } from '../server/src/service/related/units';
import { Random } from '../test/helpers/fuzz';
import { seeds } from '../test/helpers/seeds';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const STREETS = ['枫林', '田林', '虹梅', '康健', '长桥', '凌云', '龙华', '漕河泾', '斜土', '湖南', '天平', '徐家汇'];

/** Every top-level section of every seed, as text, with its own top-level marker taken off. */
export function seedSections(): string[] {
  const out: string[] = [];
  for (const s of seeds()) {
    const model = parsePlan(s.text);
    for (const root of model.roots) out.push(s.text.slice(root.span.start, root.span.end).replace(/^[#*\s]*[一二三四五六七八九十]+[、.．]\s*/, ''));
  }
  return out;
}

/** Plan number `k`: 4 to 6 sections of `pool` under a street and year of its own. */
export function recombinedPlan(k: number, pool: string[], rng: Random): string {
  const street = `${STREETS[k % STREETS.length]}${k}街道`;
  const n = 4 + rng.int(3);
  const body = Array.from({ length: n }, (_, i) => `${NUMERALS[i]}、${pool[rng.int(pool.length)]}`);
  return [`${street} ${2020 + (k % 6)} 年工作计划`, '', ...body].join('\n');
}

/** `count` plans, the same for the same seed of the generator. */
export function recombinedPlans(count: number, seed: number): string[] {
  const pool = seedSections();
  const rng = new Random(seed);
  return Array.from({ length: count }, (_, k) => recombinedPlan(k, pool, rng));
}

/** A plan of at most `bytes` of UTF-8 (and not much less): the seeds' sections one after another, each numbered 一、 (a plan pasted many times over). */
export function largePlan(bytes: number): string {
  const pool = seedSections();
  const lines = ['某街道 2025 年工作计划', ''];
  for (let i = 0, size = 0; ; i++) {
    const section = '一、' + pool[i % pool.length];
    size += Buffer.byteLength(section) + 1;
    if (size > bytes) break;
    lines.push(section);
  }
  return lines.join('\n');
}

export interface Question {
  doc: TextDocument;
  model: OutlineModel;
  unit: PlanUnit;
}

/** Headings, enumerations and measures of the seeds, hovered as if each seed were the open plan. */
export function seedQuestions(count: number, rng: Random): Question[] {
  const all: Question[] = [];
  for (const s of seeds()) {
    const doc = TextDocument.create(`file:///bench/open/${encodeURIComponent(s.name)}`, 'workplan', 1, s.text);
    const model = parsePlan(s.text);
    for (const unit of unitsOf(model)) all.push({ doc, model, unit });
  }
  return Array.from({ length: count }, () => all[rng.int(all.length)]);
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
