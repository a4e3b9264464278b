// The catalogue: every notice in both languages, each in its own.
import * as assert from 'assert';
import { langOf, Notice, NoticeKey, noticeText } from '../../server/src/service/l10n/messages';

const HAN = /\p{Script=Han}/u;

describe('messages: notices of the server and the client', () => {
  // Arguments of any notice: each one the same ASCII word, and a notice where one explains another (`why`, `stop`).
  const args = new Proxy({}, { get: (_, name) => (name === 'why' ? { kind: 'notFile' } : name === 'stop' ? { kind: 'outOfMemory' } : 'x') });
  // A record, so that the compiler asks for every key.
  const keys = Object.keys({
    'client.name': 1, 'client.openTextFirst': 1, 'client.openPlanFirst': 1, 'client.noRelated': 1, 'symbols.label': 1, 'symbols.untitled': 1, 'file.tooLarge': 1,
    'diagnostics.failed': 1, 'diagnostics.more': 1, 'parse.failed': 1, 'related.progress.title': 1, 'related.progress.indexing': 1, 'related.indexed': 1, 'related.cannotWatch': 1,
    'corpus.fileLimit': 1, 'corpus.folderUnreadable': 1, 'corpus.skipped': 1, 'tasks.cannotRead': 1, 'corpus.indexCap': 1, 'corpus.cannotIndex': 1,
    'corpus.threadStopped': 1, 'corpus.noCache': 1, 'corpus.cacheUnwritable': 1, 'corpus.missingFolder': 1, 'corpus.refused.disk': 1, 'corpus.refused.home': 1,
  } satisfies Record<NoticeKey, 1>) as NoticeKey[];

  it('words each notice in Chinese for a Chinese or unknown locale and in English for an English one, never both in one', () => {
    for (const key of keys) {
      const notice = { key, args } as Notice;
      const zh = noticeText(notice, langOf(undefined));
      const en = noticeText(notice, langOf('en-US'));
      // Names that stay as they are in either language: a setting's, a command's.
      const words = zh.replace(/\bx\b/g, '').replace(/\bMB\b|\bms\b/g, '').replace(/\bworkplan(\.[\w.]+| check\b)/g, '');
      assert.ok(HAN.test(zh) && !/[A-Za-z]{3,}/.test(words), `${key}: ${zh}`);
      assert.ok(!HAN.test(en) && en.length > 3, `${key}: ${en}`);
      assert.strictEqual(noticeText(notice, langOf('zh-TW')), zh);
    }
  });

  it('puts the arguments into the wording', () => {
    const notice: Notice = { key: 'related.indexed', args: { plans: 5, units: 120, cached: 3, parsed: 2, skipped: 1, ms: 42 } };
    assert.strictEqual(noticeText(notice, 'zh'), '相关举措索引：5 份计划，120 个条目，3 个取自缓存，2 个重新读取，跳过 1 个文件，42 ms');
    assert.strictEqual(noticeText(notice, 'en'), 'Related-measures index: 5 plans, 120 units, 3 from the cache, 2 read, 1 files skipped, 42 ms');
  });
});
