import * as assert from 'assert';
import * as iconv from 'iconv-lite';
import { decodePlan, encodeEdited, NotWritableError, UnreadableError } from '../../server/src/io/encoding';
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

describe('encoding: writing plans back', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  const plan = '一、总体要求\r\n\r\n做好全年各项工作。\r\n\r\n三、保障措施\r\n';
  /** The edit that renumbers 三、 to 二、 in `text`. */
  const renumber = (text: string) => [{ start: text.indexOf('三、'), end: text.indexOf('三、') + 1, newText: '二' }];

  it('re-encodes only the edits: every other byte, CRLF and a second BOM included, comes out as read', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), utf8(plan)]);
    const decoded = decodePlan(bytes);
    assert.deepStrictEqual([decoded.encoding, decoded.text.charAt(0)], ['utf-8-bom', '\ufeff'], 'the second BOM is text');
    const written = encodeEdited(bytes, decoded, renumber(decoded.text));
    assert.ok(written.equals(Buffer.concat([bytes.subarray(0, 6), utf8(plan.replace('三、', '二、'))])));
  });

  it('refuses to write back a BOM followed by GB18030 bytes, or by one stray byte, whatever the edits', () => {
    const gbBody = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(plan.repeat(3), 'gb18030')]);
    const stray = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(plan.repeat(30)), Buffer.from([0xb8]), utf8(plan)]);
    for (const bytes of [gbBody, stray]) {
      const decoded = decodePlan(bytes);
      assert.deepStrictEqual([decoded.encoding, decoded.lossy], ['utf-8-bom', true]);
      assert.throws(() => encodeEdited(bytes, decoded, renumber(decoded.text)), (e: unknown) => e instanceof NotWritableError && e.reason === 'lossy');
    }
    assert.strictEqual(decodePlan(gbBody).text, plan.repeat(3), 'the GB18030 body is still read for checking');
  });

  // The 20 sequences the runtime's GB18030 decoder (GB18030-2022, WHATWG) and iconv-lite's encoder
  // (GB18030-2005) map differently: decoded by one and encoded by the other, each came back as other bytes.
  const DISAGREE = ['80', 'a3a0', 'a6d9', 'a6da', 'a6db', 'a6dc', 'a6dd', 'a6de', 'a6df', 'a6ec', 'a6ed', 'a6f3',
    'fe59', 'fe61', 'fe66', 'fe67', 'fe6d', 'fe7e', 'fe90', 'fea0'];

  it('writes each of the 20 GB18030 sequences the two codecs disagree on back as it was, or refuses the file', () => {
    const head = iconv.encode(plan, 'gb18030');
    const tail = iconv.encode('推进工作。\r\n', 'gb18030');
    const refused: string[] = [];
    for (const hex of DISAGREE) {
      const bytes = Buffer.concat([head, gb18030(hex), tail]);
      const decoded = decodePlan(bytes);
      assert.strictEqual(decoded.encoding, 'gb18030', hex);
      try {
        const written = encodeEdited(bytes, decoded, renumber(decoded.text));
        const at = plan.indexOf('三、');
        const expected = Buffer.concat([iconv.encode(plan.slice(0, at), 'gb18030'), iconv.encode('二', 'gb18030'), bytes.subarray(iconv.encode(plan.slice(0, at + 1), 'gb18030').length)]);
        assert.ok(written.equals(expected), `${hex}: every byte but the edit's as read`);
      } catch (e) {
        assert.ok(e instanceof NotWritableError && e.reason === 'roundTrip', `${hex}: ${e}`);
        assert.strictEqual(e.byteOffset, head.length, `${hex}: refused at its own offset`);
        refused.push(hex);
      }
    }
    // 80 and A3A0 read as € and U+3000, whose GB18030 codes are other bytes (A2E3, A1A1): no codec gives them back.
    assert.deepStrictEqual(refused, ['80', 'a3a0']);
  });
});
