// `npm run eval:related`: precision at 3 of related measures on the labelled pairs
// (test/fixtures/related-pairs.json), seeds → seeds and unseen plans → seeds, on the tuning and the
// test half, beside a plain bigram TF-IDF baseline. The unseen plans are real plans of other
// provinces kept outside the repository (see sharedPlansDir); where they are absent that part is
// skipped with a message. Flags:
//   --tune   choose the ranking weights on the tuning half only (grid search), print the best and
//            whether it beats the weights in use by at least one hit (else they stay);
//            --grid '{"topic":[0.1,0.2],…}' searches another grid
//   --list   print every question with its top three, each marked + (labelled on the question's
//            topic) or - (for judging pools, and the hits that hang on one place)
//   --json   one JSON object instead of the table
//   --half tune   only the tuning half (table, --list, --json): for choosing without seeing the test half
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const pairs = require('../out/test/helpers/relatedPairs.js');
const { bigramRanker } = require('../out/test/helpers/bigramBaseline.js');
const { DEFAULT_WEIGHTS } = require('../out/server/src/service/related/index.js');
const { seeds } = require('../out/test/helpers/seeds.js');

const args = new Set(process.argv.slice(2));
const halfArg = process.argv.indexOf('--half');
const onlyHalf = halfArg > 0 ? process.argv[halfArg + 1] : undefined;
if (onlyHalf !== undefined && onlyHalf !== 'tune') throw new Error(`--half takes only 'tune', not ${onlyHalf}`);
const shown = (half) => !onlyHalf || half === onlyHalf;
const dir = pairs.sharedPlansDir();
const unseen = dir ? pairs.loadUnseen(dir) : [];
const unresolved = unseen.filter((q) => !q.unit);

function withSeeds(ranker) {
  for (const s of seeds()) ranker.add(pairs.seedUri(s), s.text);
  return ranker;
}

function run(ranker) {
  return { seeds: pairs.evaluateSeeds(ranker), unseen: pairs.evaluateUnseen(ranker, unseen) };
}

const p = (results, half) => {
  const rs = results.filter((r) => r.half === half);
  return { p: pairs.precision(rs), n: rs.length };
};

function summary(results) {
  const halves = (rs) => (shown('test') ? { tune: p(rs, 'tune'), test: p(rs, 'test') } : { tune: p(rs, 'tune') });
  return { seeds: halves(results.seeds), unseen: halves(results.unseen) };
}

/** The score tuning maximises: both kinds of question, equally. */
const objective = (s) => (s.seeds.tune.p + (Number.isNaN(s.unseen.tune.p) ? s.seeds.tune.p : s.unseen.tune.p)) / 2;

function service(weights) {
  return pairs.serviceRanker(pairs.seedIndex({ ...DEFAULT_WEIGHTS, ...weights }));
}

if (args.has('--tune')) {
  const given = process.argv.indexOf('--grid');
  const grid = given > 0 ? JSON.parse(process.argv[given + 1]) : { topic: [0, 0.1, 0.2, 0.3, 0.5], topicSaturation: [1, 2, 4], topicMin: [0.5, 1], expansion: [0, 0.25, 0.5], generic: [0.3, 1] };
  let best;
  const keys = Object.keys(grid);
  const combos = keys.reduce((acc, k) => acc.flatMap((c) => grid[k].map((v) => ({ ...c, [k]: v }))), [{}]);
  const tuned = (weights) => {
    const s = summary(run(service(weights)));
    // The test half is not looked at while choosing.
    return { weights, objective: objective(s), seeds: s.seeds.tune, unseen: s.unseen.tune };
  };
  for (const weights of combos) {
    const t = tuned(weights);
    if (!best || t.objective > best.objective + 1e-9) best = t;
  }
  // The weights in use stay unless the best beats them by at least one top-three hit of the tuning
  // half: a smaller difference is a tie, and a tie is no reason to move.
  const current = tuned(DEFAULT_WEIGHTS);
  const oneHit = 1 / (6 * Math.max(current.seeds.n, current.unseen.n || 0));
  const change = best.objective >= current.objective + oneHit - 1e-9;
  console.log(JSON.stringify({ ...best, current, change }, null, 2));
} else {
  const mine = run(service(DEFAULT_WEIGHTS));
  const baseline = run(withSeeds(bigramRanker()));
  const result = { weights: DEFAULT_WEIGHTS, service: summary(mine), baseline: summary(baseline), unseenLabels: unseen.length, unresolved: unresolved.map((q) => q.name), sharedPlans: dir ?? null };
  if (args.has('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const f = ({ p, n }) => (n ? `${p.toFixed(3)} (${n})` : '   –   ');
    const row = (label, s) => `  ${label.padEnd(40)} ${f(s.tune).padEnd(14)} ${s.test ? f(s.test) : '(hidden)'}`;
    console.log('related measures: precision at 3 on test/fixtures/related-pairs.json (questions in brackets)');
    console.log(`  ${''.padEnd(40)} ${'tuning half'.padEnd(14)} test half`);
    console.log(row('service, seed → seed', result.service.seeds));
    console.log(row('baseline bigram TF-IDF, seed → seed', result.baseline.seeds));
    if (dir) {
      console.log(row('service, unseen → seed', result.service.unseen));
      console.log(row('baseline bigram TF-IDF, unseen → seed', result.baseline.unseen));
      if (unresolved.length) console.log(`  ${unresolved.length} of ${unseen.length} unseen labels name no unit the parser finds yet: ${unresolved.map((q) => q.name).join(', ')}`);
    } else {
      console.log('  未找到其他省份的计划文件夹（shared/plans），跳过“未见计划 → 种子”部分。No shared/plans folder of plans from other provinces: unseen → seed skipped.');
    }
    console.log(`  weights: ${JSON.stringify(DEFAULT_WEIGHTS)}`);
  }
  if (args.has('--list')) {
    for (const [kind, rs] of [['seed', mine.seeds], ['unseen', mine.unseen]]) {
      for (const r of rs.filter((q) => shown(q.half))) console.log(`${kind} ${r.half} ${r.hits}/3 ${r.name} [${r.topics.join(' | ')}] → ${r.top.map((t, i) => `${r.relevantAt[i] ? '+' : '-'}${decodeURIComponent(t.uri.replace(/^.*\//, '')).slice(0, 12)}:${t.title}`).join(' ; ')}`);
    }
  }
}
