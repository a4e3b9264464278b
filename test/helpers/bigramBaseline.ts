// The plainest ranker, printed beside the service by `npm run eval:related`: TF-IDF over the
// character bigrams of a unit's title and body, cosine similarity, nothing tuned, nothing normalised.
import { parsePlan } from '../../server/src/service/parse/parser';
import { PlanUnit, unitsOf } from '../../server/src/service/related/units';
import { Ranked, Ranker } from './relatedPairs';

/** Letters, digits and ideographs; anything else separates runs. */
const RUN = /[\p{L}\p{N}]+/gu;

function bigrams(unit: PlanUnit): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [run] of `${unit.title}\n${unit.body}`.matchAll(RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const b = chars[i] + chars[i + 1];
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  return counts;
}

interface Entry {
  uri: string;
  title: string;
  counts: Map<string, number>;
}

export function bigramRanker(): Ranker {
  const plans = new Map<string, Entry[]>();
  return {
    add(uri, text) {
      plans.set(uri, unitsOf(parsePlan(text)).map((u) => ({ uri, title: u.title, counts: bigrams(u) })));
    },
    remove(uri) {
      plans.delete(uri);
    },
    top(unit, uri, k): Ranked[] {
      const all = [...plans.values()].flat();
      const df = new Map<string, number>();
      for (const e of all) for (const b of e.counts.keys()) df.set(b, (df.get(b) ?? 0) + 1);
      const vector = (counts: Map<string, number>) => {
        const v = new Map<string, number>();
        let norm = 0;
        for (const [b, tf] of counts) {
          const w = tf * Math.log(all.length / (df.get(b) ?? 1));
          v.set(b, w);
          norm += w * w;
        }
        return { v, norm: Math.sqrt(norm) || 1 };
      };
      const q = vector(bigrams(unit));
      return all
        .filter((e) => e.uri !== uri)
        .map((e) => {
          const d = vector(e.counts);
          let dot = 0;
          for (const [b, w] of q.v) dot += w * (d.v.get(b) ?? 0);
          return { e, score: dot / (q.norm * d.norm) };
        })
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map(({ e }) => ({ uri: e.uri, title: e.title }));
    },
  };
}
