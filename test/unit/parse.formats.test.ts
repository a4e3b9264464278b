// Plans written for these tests in each format the parser reads (PLAN-FORMAT §1–§3), beside the reading
// expected of each: test/fixtures/plans/NAME.txt and NAME.reading (outline, damage, document starts, line roles).
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { assertFixture } from '../helpers/fixtures';
import { parse, renderReading } from '../helpers/parse';
import { ROOT } from '../helpers/seeds';

const DIR = path.join(ROOT, 'test', 'fixtures', 'plans');

describe('parser: plans in each format, against their expected reading', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
    it(`reads ${file}`, () => {
      assertFixture(`plans/${file.replace(/\.txt$/, '.reading')}`, renderReading(parse(readFileSync(path.join(DIR, file), 'utf8'))));
    });
  }
});
