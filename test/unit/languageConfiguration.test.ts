// language-configuration.json: the word pattern VS Code uses for double-click, word navigation and
// word-based suggestions, and the pairs the issue asks for.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ROOT, seed } from '../helpers/seeds';

interface LanguageConfiguration {
  wordPattern: string;
  autoClosingPairs: { open: string; close: string }[];
  surroundingPairs: [string, string][];
}

const config = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;
// VS Code compiles the pattern with the global flag and no others.
const wordRegExp = () => new RegExp(config.wordPattern, 'g');

function words(s: string): string[] {
  return s.match(wordRegExp()) ?? [];
}

function seedLine(name: string, line: number): string {
  return seed(name).text.split(/\r\n|\r|\n/)[line - 1];
}

describe('language-configuration.json', () => {
  it('has a word pattern that compiles as a JavaScript RegExp and never matches empty text', () => {
    assert.doesNotThrow(wordRegExp);
    assert.strictEqual(new RegExp(`^(?:${config.wordPattern})$`).test(''), false);
  });

  it('splits a seed line into ideograph runs at CJK and ASCII punctuation, and keeps 6.0 whole', () => {
    const line = seedLine('五角场', 18);
    assert.strictEqual(line, '全面落实杨浦优化营商环境6.0版方案,持续');
    assert.deepStrictEqual(words(line), ['全面落实杨浦优化营商环境', '6.0', '版方案', '持续']);
  });

  it('splits an issuer and date line at spaces and between digits and ideographs', () => {
    assert.deepStrictEqual(words(seedLine('华阳路街道2025年工作计划', 7)), [
      '中共华阳路街道工作委员会', '华阳路街道办事处', '2025', '年', '2', '月', '5', '日',
    ]);
  });

  it('breaks at full-width punctuation and quotes; decimals stay one word', () => {
    const line = seedLine('华阳路街道2025年工作计划', 41);
    const at = line.indexOf('共计24.3万平方米');
    assert.ok(at >= 0);
    assert.deepStrictEqual(words(line.slice(at, at + '共计24.3万平方米"精品小区"建设。'.length)), [
      '共计', '24.3', '万平方米', '精品小区', '建设',
    ]);
    assert.deepStrictEqual(words('“一江一河”文明实践带（上接1版）'), ['一江一河', '文明实践带', '上接', '1', '版']);
  });

  it('treats ASCII words, thousands and ideographs outside the BMP as words', () => {
    assert.deepStrictEqual(words('围绕No.1 创新空间,1,000 名'), ['围绕', 'No', '1', '创新空间', '1,000', '名']);
    assert.deepStrictEqual(words('𠀀𠀁字、GDP'), ['𠀀𠀁字', 'GDP']);
  });

  it('keeps auto-closing and surrounding pairs for the Chinese and ASCII brackets and quotes', () => {
    const pairs: [string, string][] = [
      ['（', '）'], ['“', '”'], ['‘', '’'], ['《', '》'], ['「', '」'], ['【', '】'], ['(', ')'], ['[', ']'], ['{', '}'], ['"', '"'],
    ];
    for (const [open, close] of pairs) {
      assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), `auto-closes ${open}${close}`);
      assert.ok(config.surroundingPairs.some(([o, c]) => o === open && c === close), `surrounds with ${open}${close}`);
    }
  });
});
