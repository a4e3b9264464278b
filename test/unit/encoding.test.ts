import * as assert from 'assert';
import { decodePlan, UnreadableError } from '../../server/src/io/encoding';
import { seed } from '../helpers/seeds';

const gb18030 = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');

describe('encoding: reading plans', () => {
  it('reads a UTF-8 plan cut in the middle of a character, marking it lossy rather than as GB18030 mojibake', () => {
    const bytes = Buffer.from(seed('新华路').text, 'utf8');
    const cut = bytes.subarray(0, bytes.length - 1);
    const decoded = decodePlan(cut);
    assert.deepStrictEqual([decoded.encoding, decoded.lossy], ['utf-8', true]);
    assert.ok(decoded.text.startsWith('2025年是实施“十四五”规划的收官之年'));
    assert.ok(decoded.text.endsWith('\ufffd'));
  });

  it('reads a short UTF-8 plan with one encoded surrogate (three bad bytes) as damaged UTF-8', () => {
    const text = '一、总体要求\n\n做好全年各项工作，确保完成目标任务。\n';
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('二、保障措施\n', 'utf8')]);
    const decoded = decodePlan(bytes);
    assert.deepStrictEqual([decoded.encoding, decoded.lossy], ['utf-8', true]);
    assert.ok(decoded.text.startsWith(text) && decoded.text.endsWith('二、保障措施\n'));
  });

  it('reads a mostly-ASCII GB18030 file with one Chinese word as GB18030', () => {
    const decoded = decodePlan(Buffer.concat([Buffer.from('Plan 2026: '.repeat(300)), gb18030('c4e3 bac3')]));
    assert.deepStrictEqual([decoded.encoding, decoded.lossy, decoded.text.slice(-2)], ['gb18030', undefined, '你好']);
  });

  it('reads clean UTF-8 without marking it lossy and refuses binary data', () => {
    assert.deepStrictEqual(decodePlan(Buffer.from('一、总体要求', 'utf8')), { text: '一、总体要求', encoding: 'utf-8' });
    assert.throws(() => decodePlan(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), UnreadableError);
  });
});
