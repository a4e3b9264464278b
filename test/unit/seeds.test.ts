import * as assert from 'assert';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { seeds } from '../helpers/seeds';

// The seeds ship as the corpus and are test material: their bytes, flaws included, must never change.
const SHA256: Record<string, string> = {
  '杨浦区五角场街道2023年工作计划.txt': '234bdf69be4d18daecbe975bff7ec9e57fb817ea89aaacba2b6db4368c66f6ff',
  '长宁区华阳路街道2025年基层治理答卷.txt': '7631933dda57ec26d8d9d95f21cd95105887685b5b23a3d6111f9290f8da5e05',
  '长宁区华阳路街道2025年工作计划.txt': '9de164ba375dca90fdbe51d1d121b9746393ff327f39f52279666146be01f17b',
  '长宁区新华路街道2025年工作计划.txt': '48a02516604525f82ae48aec7ba1185f5b1fa06f2e05fe34406173223ac3d88a',
  '长宁区江苏路街道2024年工作计划.txt': '169a5cd92c0116f4b1430c848e9d1009be01cff5f41b7008a6d83c5e0a2c60a6',
};

describe('seeds', () => {
  it('ships the five original documents byte for byte', () => {
    const actual = Object.fromEntries(seeds().map((s) => [s.name, createHash('sha256').update(readFileSync(s.path)).digest('hex')]));
    assert.deepStrictEqual(actual, SHA256);
  });
});
