// Hover, references and workspace symbols over the seeds, in the language service (no transport).
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { getHover } from '../../server/src/service/features/hover';
import { parsePlan } from '../../server/src/service/parse/parser';
import { getReferences } from '../../server/src/service/features/references';
import { RelatedIndex } from '../../server/src/service/related/index';
import { getWorkspaceSymbols } from '../../server/src/service/features/workspaceSymbols';
import { seedIndex, seedUri } from '../helpers/relatedPairs';
import { seed } from '../helpers/seeds';

/** A plan whose every line tries to smuggle Markdown, HTML or a command link into a hover. */
const HOSTILE = [
  '恶意街道 2025 年工作计划',
  '一、招商引资[点我](command:workbench.action.terminal.new)',
  '（一）强化平台招商<img src=x onerror=alert(1)>',
  '强化平台招商![图](https://evil.example/x.png)。积极融入招商引资工作体系<script>alert(1)</script>，联动商会、协会开展平台招商，' +
    '详见 https://evil.example/a 与 www.evil.example/b 以及 javascript:alert(1)、<https://evil.example/c>、[ref]: command:x，' +
    '*强调* _下划_ `代码` | 表格 | # 标题 \\ 反斜杠 &lt;b&gt; &amp; <!-- 注释 --> <a href="command:x">链接</a>。',
  '强化产业链招商。依托平台开展产业链招商<iframe src="command:x"></iframe>，吸引企业落户。',
].join('\n');
const HOSTILE_URI = 'file:///tmp/%E6%81%B6%E6%84%8F%20(x)/evil%5Bplan%5D.txt';

function docOf(fragment: string, uri?: string): { doc: TextDocument; text: string } {
  const s = seed(fragment);
  return { doc: TextDocument.create(uri ?? seedUri(s), 'workplan', 1, s.text), text: s.text };
}

/** Position of the first character of `needle` in `doc`. */
function at(doc: TextDocument, needle: string, delta = 0) {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, needle);
  return doc.positionAt(i + delta);
}

function markdownOf(hover: ReturnType<typeof getHover>): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

describe('related measures: hover', () => {
  const index = seedIndex();

  it('shows related units of other plans on a measure title, best first, with street · year, path, excerpt, shared terms and a link', () => {
    const { doc } = docOf('五角场');
    const md = markdownOf(getHover(doc, parsePlan(doc.getText()), at(doc, '用心用情为老服务', 2), index));
    assert.ok(md.startsWith('**相关举措 Related measures**'), md);
    const items = md.split('\n\n---\n\n').slice(1);
    assert.ok(items.length >= 3 && items.length <= 5, md);
    const jiangsu = seed('江苏路');
    const line = jiangsu.text.split('\n').findIndex((l) => l.includes('二是用心用情')) + 1;
    assert.strictEqual(
      items[0].split('  \n')[0],
      `**江苏路街道 · 2024** · [打开 Open ↗ 第${line}行 line ${line}](${seedUri(jiangsu).replace(/\(/g, '%28')}#L${line})`,
    );
    assert.ok(items[0].includes('“老、小、旧”持续攻坚，品质生活… › **用心用情，构建多维服务圈层**'), items[0]);
    assert.ok(/共同关键词 Shared terms: .*为老/.test(items[0]), items[0]);
    assert.ok(!md.includes('五角场'), 'nothing from the plan under the cursor');
  });

  it('shows nothing on body text, nor between headings', () => {
    const { doc } = docOf('五角场');
    const model = parsePlan(doc.getText());
    assert.strictEqual(getHover(doc, model, at(doc, '新增敬老助餐点', 3), index), null);
    assert.strictEqual(getHover(doc, model, at(doc, '围绕B站、达达等龙头企业'), index), null);
  });

  it('never lists the plan under the cursor, under its own URI or as a copy under another', () => {
    const copyUri = 'file:///tmp/copy/%E5%89%AF%E6%9C%AC.txt';
    const withCopy = seedIndex();
    const s = seed('华阳路街道2025年工作计划');
    withCopy.setDocument(copyUri, s.text, { name: '副本.txt' });
    for (const uri of [seedUri(s), copyUri, 'untitled:Untitled-1']) {
      const { doc } = docOf('华阳路街道2025年工作计划', uri);
      const model = parsePlan(doc.getText());
      for (const title of ['坚持就业优先', '优化市民热线处置', '强化平台招商']) {
        const md = markdownOf(getHover(doc, model, at(doc, title), withCopy));
        assert.ok(!md.includes(`${seedUri(s)}#L`), `${uri} ${title}: the plan itself`);
        assert.ok(!md.includes('/tmp/copy/'), `${uri} ${title}: a copy is the same plan`);
      }
    }
  });

  it('takes another version of a plan (same street, year and kind) for the same plan: listed once, never beside itself', () => {
    const withDraft = seedIndex();
    const jiangsu = seed('江苏路');
    const draftUri = 'file:///tmp/drafts/%E6%B1%9F%E8%8B%8F%E8%B7%AF%E4%BF%AE%E6%94%B9%E7%A8%BF.txt';
    const draft = jiangsu.text.replace('招商引资，挖掘更大潜力', '招商引资，挖掘更大的潜力');
    withDraft.setDocument(draftUri, draft, { name: '江苏路修改稿.txt' });
    const { doc } = docOf('五角场');
    const md = markdownOf(getHover(doc, parsePlan(doc.getText()), at(doc, '做大增量,强力招商引资', 3), withDraft));
    assert.strictEqual(md.split('江苏路街道 · 2024').length - 1, 1, md);
    const draftDoc = TextDocument.create(draftUri, 'workplan', 1, draft);
    const mine = markdownOf(getHover(draftDoc, parsePlan(draft), at(draftDoc, '营商服企'), withDraft));
    assert.ok(!mine.includes('江苏路街道 · 2024'), mine);
  });

  it('escapes every piece of plan text: no link, image, HTML or command: URI gets through', () => {
    const hostileIndex = seedIndex();
    hostileIndex.setDocument(HOSTILE_URI, HOSTILE, { name: 'evil[plan].txt' });
    const { doc } = docOf('华阳路街道2025年工作计划');
    const model = parsePlan(doc.getText());
    const md = markdownOf(getHover(doc, model, at(doc, '强化平台招商'), hostileIndex));
    assert.ok(md.includes('恶意街道'), 'the hostile plan is among the related ones');
    // Rendered as CommonMark, with HTML and bare-URL links switched on and every link scheme let
    // through (markdown-it would drop javascript: and file: ones itself; VS Code keeps file:).
    const renderer = new MarkdownIt({ html: true, linkify: true });
    renderer.validateLink = () => true;
    const html = renderer.render(md);
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()));
    assert.deepStrictEqual([...tags].filter((t) => !['p', 'strong', 'em', 'a', 'hr', 'br'].includes(t)), [], html);
    const hrefs = [...html.matchAll(/<a\s+href="([^"]*)"/g)].map((m) => m[1]);
    assert.strictEqual(hrefs.length, md.split('\n\n---\n\n').length - 1, 'one link per related unit, ours');
    for (const href of hrefs) assert.ok(/^file:\/\/\/[^\s()<>"']*#L\d+$/.test(href), href);
    assert.ok(hrefs.includes(`${HOSTILE_URI.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L3`), hrefs.join('\n'));
    // The hostile text is still there to read, as text.
    const text = html.replace(/<[^>]+>/g, '');
    assert.ok(text.includes('强化平台招商&lt;img src=x onerror=alert(1)&gt;'), text);
  });
});

describe('related measures: references and workspace symbols', () => {
  const index = seedIndex();

  it('lists related units of other plans above the threshold, and the heading itself when asked', () => {
    const { doc } = docOf('五角场');
    const model = parsePlan(doc.getText());
    const position = at(doc, '提升热线工单办理质效');
    const refs = getReferences(doc, model, position, index, false)!;
    assert.ok(refs.length >= 1, 'something related');
    assert.ok(refs.every((r) => r.uri !== doc.uri));
    const huayang = seed('华阳路街道2025年工作计划');
    const hotline = refs.find((r) => r.uri === seedUri(huayang))!;
    assert.ok(hotline, 'the 华阳路 hotline measure');
    const lines = huayang.text.split('\n');
    assert.ok(lines[hotline.range.start.line].slice(hotline.range.start.character).startsWith('优化市民热线处置'), JSON.stringify(hotline.range));
    const withDecl = getReferences(doc, model, position, index, true)!;
    assert.deepStrictEqual(withDecl.slice(1), refs);
    assert.strictEqual(withDecl[0].uri, doc.uri);
    assert.strictEqual(getReferences(doc, model, at(doc, '落实“12345”热线首办责任制'), index, true), null, 'body text');
  });

  it('finds headings and measures of every plan by their title', () => {
    const symbols = getWorkspaceSymbols('招商', index);
    const names = symbols.map((s) => `${s.name} | ${s.containerName}`);
    assert.ok(names.includes('强化平台招商 | 华阳路街道 · 2025 › 抓牢第一要务,强化科创引领,打造高质量发展增长极 › 强招引促增量,打造招商引资新枢纽'), names.join('\n'));
    assert.ok(names.some((n) => n.startsWith('招商引资，挖掘更大潜力 | 江苏路街道 · 2024')), names.join('\n'));
    assert.ok(symbols.every((s) => s.name.includes('招') && s.name.includes('商')));
    assert.strictEqual(getWorkspaceSymbols('不存在的标题词语', index).length, 0);
    assert.ok(new RelatedIndex().searchTitles('', 10).length === 0);
  });
});
