// What related-measure matching compares: every heading, run-in enumeration and measure of a plan,
// with its own body text and the titles of the sections above it.
import { DocumentMetadata, OutlineModel, OutlineNode } from '../model';
import { metadataFromFileName } from '../parse/metadata';
import { CJK } from '../text/chars';
import { float64s, uint8s, withRoom } from '../text/grow';
import { topicTerm } from './lexicon';
import { normalizeText } from './normalize';
import { TableTerms, TermTable } from './terms';

export interface PlanUnit {
  node: OutlineNode;
  /** Title as a reader sees it: one line, no gaps between ideographs. */
  title: string;
  /** Titles of the enclosing sections, outermost first. */
  path: string[];
  /** The node's own body text (children excluded). */
  body: string;
  parent?: PlanUnit;
  /** The units directly below it, in document order. */
  children: PlanUnit[];
  /** The plan it belongs to. */
  model: OutlineModel;
}

// Weights of the parts of a unit, chosen on test/fixtures/related-pairs.json: a title names the
// topic; the enclosing section says what a terse measure (`改良生态环境`) is about.
const TITLE_WEIGHT = 2;
const PARENT_TITLE_WEIGHT = 0.5;
const PARENT_BODY_WEIGHT = 0.3;
// A heading's topics are its section's: `（一）坚持强动能促发展` names none, its measures do.
const CHILD_TITLE_WEIGHT = 1;
const CHILD_BODY_WEIGHT = 0.3;

const CJK_GAP = new RegExp(`(?<=[${CJK}“”"、，,。])\\s+(?=[${CJK}“”"])`, 'g');
const EXCERPT_CHARS = 60;

/** One-line text: extraction gaps between ideographs removed, other whitespace runs made one space. */
export function oneLine(text: string): string {
  return text.replace(/\*\*/g, '').replace(CJK_GAP, '').replace(/\s+/g, ' ').trim();
}

const unitCache = new WeakMap<OutlineModel, PlanUnit[]>();

/** The units of a model, in document order (cached per model: models are cached per document version). */
export function unitsOf(model: OutlineModel): PlanUnit[] {
  const cached = unitCache.get(model);
  if (cached) return cached;
  const units: PlanUnit[] = [];
  const byNode = new Map<OutlineNode, PlanUnit>();
  for (const node of model.nodes) {
    const parent = node.parent ? byNode.get(node.parent) : undefined;
    const unit: PlanUnit = {
      node,
      title: oneLine(node.title),
      path: parent ? [...parent.path, parent.title] : [],
      body: node.bodySpans.map((s) => model.text.slice(s.start, s.end)).join('\n'),
      parent,
      children: [],
      model,
    };
    parent?.children.push(unit);
    byNode.set(node, unit);
    units.push(unit);
  }
  unitCache.set(model, units);
  return units;
}

/** The unit whose heading (marker and title, end included) holds `offset`; undefined on body text. */
export function unitAt(model: OutlineModel, offset: number): PlanUnit | undefined {
  return unitsOf(model).find((u) => u.node.headingSpan.start <= offset && offset <= u.node.headingSpan.end);
}

/** Each plan's terms, numbered as its units are counted (cached per model, as its units are). */
const tables = new WeakMap<OutlineModel, TermTable>();

/** The table that numbers the terms of a plan's units (see unitTermIds). */
export function termTableOf(model: OutlineModel): TermTable {
  let table = tables.get(model);
  if (!table) tables.set(model, (table = new TermTable()));
  return table;
}

function count(text: string, table: TermTable): TableTerms {
  return table.add(normalizeText(text));
}

/** A unit's title and body counted once: its children count their parent's again (tokenising is the costly part). */
const countCache = new WeakMap<PlanUnit, { title: TableTerms; body: TableTerms }>();

function countsOf(unit: PlanUnit): { title: TableTerms; body: TableTerms } {
  let c = countCache.get(unit);
  if (!c) {
    const table = termTableOf(unit.model);
    countCache.set(unit, (c = { title: count(unit.title, table), body: count(unit.body, table) }));
  }
  return c;
}

function add(into: Map<string, number>, c: TableTerms, weight: number, terms: readonly string[]): void {
  for (let i = 0; i < c.ids.length; i++) {
    const term = terms[c.ids[i]];
    into.set(term, (into.get(term) ?? 0) + c.counts[i] * weight);
  }
}

/**
 * Weighted sums by term id, in the order ids were first added, as a Map keeps its keys: a unit's
 * terms gathered in numbers (unitTermIds).
 */
export class TermSums {
  /** Ids in the order first added. */
  readonly order: number[] = [];
  private sums = new Float64Array(256);
  private added = new Uint8Array(256);

  get(id: number): number {
    return this.sums[id];
  }

  add(id: number, value: number): void {
    if (id >= this.sums.length) this.grow(id);
    if (this.added[id]) this.sums[id] += value;
    else {
      this.added[id] = 1;
      this.sums[id] = value;
      this.order.push(id);
    }
  }

  clear(): void {
    for (const id of this.order) this.added[id] = 0;
    this.order.length = 0;
  }

  private grow(id: number): void {
    this.sums = withRoom(this.sums, id + 1, float64s);
    this.added = withRoom(this.added, id + 1, uint8s);
  }
}

function addIds(into: TermSums, c: TableTerms, weight: number): number {
  for (let i = 0; i < c.ids.length; i++) into.add(c.ids[i], c.counts[i] * weight);
  return c.total * weight;
}

/**
 * unitTerms in the numbers of termTableOf(unit.model), topics aside: the same terms with the same
 * sums, added in the same order; `words` gets the readable bigrams' ids (repeats possible).
 * Returns the unit's length, as unitTerms does.
 */
export function unitTermIds(unit: PlanUnit, into: TermSums, words: number[]): number {
  const own = countsOf(unit);
  let length = addIds(into, own.title, TITLE_WEIGHT) + addIds(into, own.body, 1);
  words.push(...own.title.words, ...own.body.words);
  if (unit.parent) {
    const parent = countsOf(unit.parent);
    length += addIds(into, parent.title, PARENT_TITLE_WEIGHT) + addIds(into, parent.body, PARENT_BODY_WEIGHT);
  }
  return length;
}

/** Shared by every unitTerms call, cleared after each. */
const unitSums = new TermSums();

/**
 * Weighted terms of a unit as stored in the index (unitTermIds, spelt out), and its topics (see
 * topicTerm) with their evidence, as it answers or, `asked`, as it is asked about (see unitTopics);
 * returns the total weight of its terms (the unit's length). See addTerms for `words`.
 */
export function unitTerms(unit: PlanUnit, into: Map<string, number>, words?: Set<string>, asked = false): number {
  const { terms } = termTableOf(unit.model);
  const readable: number[] = [];
  const length = unitTermIds(unit, unitSums, readable);
  for (const id of unitSums.order) into.set(terms[id], (into.get(terms[id]) ?? 0) + unitSums.get(id));
  unitSums.clear();
  for (const w of readable) words?.add(terms[w]);
  for (const [topic, evidence] of unitTopics(unit, new Map(), asked)) into.set(topicTerm(topic), evidence);
  return length;
}

function addTopics(into: Map<number, number>, c: TableTerms, weight: number): void {
  for (const [topic, n] of c.topics) into.set(topic, (into.get(topic) ?? 0) + n * weight);
}

/**
 * How much a unit speaks of each topic: lexicon terms counted where its terms are, weighted alike,
 * and in the titles and bodies of the units directly below it: their sum where the unit is `asked`
 * about (a heading stands for its whole section), their average where it answers. A summary heading
 * over items on four topics (稳中求进 over 招商, 消费, 双创 and 服务) is on each of them less than a
 * heading whose items share one is on that one.
 */
export function unitTopics(unit: PlanUnit, into = new Map<number, number>(), asked = false): Map<number, number> {
  const own = countsOf(unit);
  addTopics(into, own.title, TITLE_WEIGHT);
  addTopics(into, own.body, 1);
  if (unit.parent) {
    const parent = countsOf(unit.parent);
    addTopics(into, parent.title, PARENT_TITLE_WEIGHT);
    addTopics(into, parent.body, PARENT_BODY_WEIGHT);
  }
  const share = asked ? 1 : 1 / unit.children.length;
  for (const child of unit.children) {
    addTopics(into, countsOf(child).title, CHILD_TITLE_WEIGHT * share);
    addTopics(into, countsOf(child).body, CHILD_BODY_WEIGHT * share);
  }
  return into;
}

/**
 * Terms of a unit asked about. A heading stands for its whole section, so the titles of its children
 * join the question: a bare `（二）优服务稳存量` heading says little on its own.
 */
export function queryTerms(unit: PlanUnit): Map<string, number> {
  const terms = new Map<string, number>();
  unitTerms(unit, terms, undefined, true);
  const table = termTableOf(unit.model);
  for (const child of unit.children) add(terms, countsOf(child).title, 1, table.terms);
  return terms;
}

/** A title as searches compare it: one line, no spaces, in the form matching normalises to (繁/简, width). */
export function titleKey(title: string): string {
  const key = normalizeText(oneLine(title)).replace(/\s+/g, '');
  // Most titles are their own key: share the string.
  return key === title ? title : key;
}

/** First sentence of the body, or the children's titles for a heading without one; one line, short. */
export function excerptOf(unit: PlanUnit): string {
  const text = oneLine(unit.body) || unit.node.children.map((c) => oneLine(c.title)).join('；');
  const sentence = /^.*?[。；！？]/.exec(text)?.[0] ?? text;
  const chars = [...sentence];
  return chars.length > EXCERPT_CHARS ? chars.slice(0, EXCERPT_CHARS).join('') + '…' : sentence;
}

/** The document's metadata, with what the text does not say taken from the file name. */
export function planMetadata(model: OutlineModel, fileName: string | undefined): DocumentMetadata {
  const fromName = fileName ? metadataFromFileName(fileName) : {};
  const meta: DocumentMetadata = { ...model.metadata };
  if (meta.place === undefined && fromName.place !== undefined) meta.place = fromName.place;
  if (meta.district === undefined && fromName.district !== undefined && (!meta.place || meta.place === fromName.place)) {
    meta.district = fromName.district;
  }
  if (meta.year === undefined && fromName.year !== undefined) meta.year = fromName.year;
  // A headline such as `凝心聚力 实干笃行` reads as 其他 where the file name may say 计划/要点/总结.
  if ((meta.kind === undefined || meta.kind === '其他') && fromName.kind && fromName.kind !== '其他') meta.kind = fromName.kind;
  return meta;
}
