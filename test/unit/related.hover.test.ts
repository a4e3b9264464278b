// Hover, references and workspace symbols over the seeds, in the language service (no transport).
import * as assert from 'assert';
import { readFileSync } from 'fs';
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

  /** The hover's measures: each a link line, then maybe a line saying why. */
  function entries(md: string): { link: string; why?: string }[] {
    const lines = md.split('  \n').slice(1);
    const out: { link: string; why?: string }[] = [];
    for (const line of lines) {
      if (line.startsWith('[**') || line.startsWith('**')) out.push({ link: line });
      else out[out.length - 1].why = line;
    }
    return out;
  }

  /** The target of a hover link: file, and the 1-based line and column range it selects. */
  function target(link: string): { file: string; from: [number, number]; to: [number, number] } {
    const m = /\]\((file:[^\s#)]+)#L(\d+),(\d+)-L(\d+),(\d+)[ )]/.exec(link);
    assert.ok(m, link);
    return { file: decodeURIComponent(new URL(m[1]).pathname), from: [Number(m[2]), Number(m[3])], to: [Number(m[4]), Number(m[5])] };
  }

  it('lists up to five related measures of other plans compactly: a title that links to its selection, street · year, then topic and shared words', () => {
    const { doc } = docOf('五角场');
    const md = markdownOf(getHover(doc, parsePlan(doc.getText()), at(doc, '用心用情为老服务', 2), index));
    assert.ok(md.startsWith('**相关举措（其他计划中的同类举措）**  \n'), md);
    assert.ok(!md.includes('\n\n'), 'one paragraph: no blank space between measures');
    const items = entries(md);
    assert.ok(items.length >= 3 && items.length <= 5, md);
    assert.ok(md.split('\n').length <= 1 + 2 * items.length, 'two lines a measure at most');
    for (const item of items) {
      assert.match(item.link, /^\[\*\*.+\*\*\]\(file:.+\) · .+街道 · 20\d\d$/, item.link);
      // The link selects the measure's heading in the other plan: marker and title, as written.
      const { file, from, to } = target(item.link);
      const title = /^\[\*\*(.+?)(…)?\*\*\]/.exec(item.link)![1].replace(/\\(.)/g, '$1');
      const lines = readFileSync(file, 'utf8').split('\n');
      assert.strictEqual(from[0], to[0], 'on one line');
      assert.ok(lines[from[0] - 1].slice(from[1] - 1, to[1] - 1).includes(title), `${lines[from[0] - 1]} ${JSON.stringify({ from, to })} ${title}`);
    }
    assert.match(items[0].why ?? '', /^同主题：为老服务 · 共同关键词：.*(为老|养老)/, items[0].why);
    assert.ok(!md.includes('五角场'), 'nothing from the plan under the cursor');
  });

  it('speaks the client\'s language: English names the topic in English', () => {
    const { doc } = docOf('五角场');
    const md = markdownOf(getHover(doc, parsePlan(doc.getText()), at(doc, '用心用情为老服务', 2), index, 'en'));
    assert.ok(md.startsWith('**Related measures in other plans**'), md);
    assert.match(entries(md)[0].why ?? '', /^Same topic: care for the elderly · Shared terms: /);
  });

  it('shows the first sentence of a measure as its link\'s tooltip', () => {
    const { doc } = docOf('华阳路街道2025年工作计划');
    const md = markdownOf(getHover(doc, parsePlan(doc.getText()), at(doc, '强化平台招商'), index));
    const renderer = new MarkdownIt();
    renderer.validateLink = () => true;
    const html = renderer.render(md);
    const titles = [...html.matchAll(/<a href="[^"]*" title="([^"]*)">/g)].map((m) => m[1]);
    assert.ok(titles.length >= 3, html);
    assert.ok(titles.every((t) => t.length > 0 && [...t].length <= 61 && /[。；！？…]$/.test(t)), titles.join('\n'));
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
    assert.deepStrictEqual([...tags].filter((t) => !['p', 'strong', 'a', 'br'].includes(t)), [], html);
    const links = [...html.matchAll(/<a\s+([^>]*)>/g)].map((m) => m[1]);
    assert.strictEqual(links.length, md.split('](file:').length - 1, 'one link per related unit, ours');
    for (const attrs of links) assert.ok(/^href="file:\/\/\/[^\s()<>"']*#L\d+,\d+-L\d+,\d+"( title="[^"<>]*")?$/.test(attrs), attrs);
    assert.ok(links.some((a) => a.startsWith(`href="${HOSTILE_URI.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L`)), links.join('\n'));
    // The hostile text is still there to read, as text: the measure's first sentence in its link's tooltip.
    assert.ok(html.includes('title="[图](https://evil.example/x.png)。"'), html);
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
