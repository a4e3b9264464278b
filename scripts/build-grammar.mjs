// Writes syntaxes/workplan.tmLanguage.json from the regex fragments below, so each fragment
// (markers, title cut) is written once; `--check` fails if the JSON is out of date. The markers and
// enumerators come from the parser's own module (server/src/service/parse/markers.ts), compiled here.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../syntaxes/workplan.tmLanguage.json', import.meta.url));
const MARKERS_TS = fileURLToPath(new URL('../server/src/service/parse/markers.ts', import.meta.url));

/** The parser's marker module, bundled in memory and imported. */
async function parserMarkers() {
  const { outputFiles } = await esbuild.build({ entryPoints: [MARKERS_TS], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}
const { MARKER_SOURCES, ENUMERATOR_SOURCES, LISTED_NUMERALS_SOURCE, FAMILY_RANK } = await parserMarkers();

const WS = '[ \\t\u3000]';
const DIGIT = '[0-9０-９]';

// The marker of each level: a family's rank in the outline; `1)` (rank 3.5) takes its level from
// where it stands, which a grammar cannot see.
const LEVELS = Object.entries(FAMILY_RANK)
  .map(([family, rank]) => ({ level: Number.isInteger(rank) ? String(rank) : 'other', rank: Number.isInteger(rank) ? rank : Infinity, marker: MARKER_SOURCES[family] }))
  .sort((a, b) => a.rank - b.rank);

// Line start, optional Markdown `#` run (group 1).
const LINE_START = `^${WS}*(?:(#{1,6})${WS}*)?`;
const NOT_BOLD_MARK = '(?:[^。*\\n]|\\*(?!\\*))';
// A heading title: to the first `。` within 60 characters; else to a wide gap inside a long line
// (a heading merged with its paragraph, PLAN-FORMAT §3); else to `。`, `**` or the end of the line.
const TITLE =
  `${NOT_BOLD_MARK}{1,60}(?=。)` +
  `|(?=.{41})${NOT_BOLD_MARK}{5,44}?\\p{Han}(?=${WS}+[\\p{Han}“"].{19})` +
  `|${NOT_BOLD_MARK}*`;

const CJK_IN_PHRASE = '[\\p{Han}“”"‘’「」、·+＋0-9]';
// A run-in measure: a short phrase, no comma or one comma after a short first part (parser.ts isMeasureLike).
const MEASURE =
  `(?=\\p{Han})(?![这此其该它那])` +
  `(?:${CJK_IN_PHRASE}{4,16}|(?=[^。\\n]{5,21}。)${CJK_IN_PHRASE}{2,10}[，,]${CJK_IN_PHRASE}{2,16})`;
const BOLD_MEASURE = `(?![0-9０-９这此其该它那])[^*。；;：:\\n]{4,30}`;

const ENUMERATOR = Object.values(ENUMERATOR_SOURCES).join('|');
const ENUM_CHAR = '(?:[^。；;*\\n]|\\*(?!\\*))';
// Title of a run-in enumeration: its first sentence, or its first clause when that runs on.
const ENUM_TITLE = `${ENUM_CHAR}{1,50}(?=[。；;])|(?:[^。；;，,*\\n]|\\*(?!\\*))+`;
const SENTENCE_START = `(?:^${WS}*|(?<=[。；;]))`;

// A line broken mid-sentence by PDF extraction (PLAN-FORMAT §3): not ending a sentence and longer than
// a title (a closing quote ends many titles, so then longer still), ending in a comma, or a lone
// fragment of a few characters (`企业`, `搭建`). Other short unpunctuated lines are titles.
const NO_END = '[^。！？!?；;：:…”"’」』）)】》*\\s]';
const BROKEN_LINE =
  `^(?=.{18,}${NO_END}${WS}*$|.{29,}${NO_END}[”"’」』）)】》]${WS}*$|.*[，,、]${WS}*$|${WS}*[\\p{Han}“”"]{1,4}${WS}*$)`;
const SENTENCE_END = '[。！？!?；;]';
// What starts a new paragraph whatever the previous line was.
const NEW_BLOCK = `^${WS}*(?:#{1,6}${WS}*)?(?:\\*\\*|${LEVELS.map((l) => l.marker).join('|')}|${ENUMERATOR})`;

const UNIT_WORD =
  '平方公里|平方米|公里|千米|人次|户次|个百分点|百分点|周年|小时|分钟|' +
  '[个名户家项次场幢栋座处所条件台辆套间张份批类支期届天年月日号版人元倍岁%％]';
const UNIT = `[余多]?[万亿千]?(?:${UNIT_WORD})|[余多]?[万亿千]|[余多]`;
const NOT_AFTER_WORD = '(?<![0-9０-９A-Za-z.．])';

const s = (name) => ({ name: `${name}.workplan` });
const TITLE_CAPTURE = { name: 'entity.name.section.workplan', patterns: [{ include: '#inline' }] };
const HASH = s('punctuation.definition.heading.hash');
const BOLD_MARK = s('punctuation.definition.bold');
const BOLD_EDGE = { name: 'markup.bold.workplan punctuation.definition.bold.workplan' };

/** A quotation on one line; unbalanced quotes from broken lines must not colour the rest of the file. */
function quote(open, close, name, max) {
  const captures = { 1: s('punctuation.definition.string.begin'), 3: s('punctuation.definition.string.end') };
  // ‘…’ nest inside double quotes: “‘夷’方美好暖‘新’地图”.
  if (open !== '‘') captures[2] = { patterns: [{ include: '#quotedSingle' }] };
  return { match: `(${open})([^${open === close ? open : open + close}\\n]{1,${max}}?)(${close})`, name, captures };
}

/**
 * A `**…**` run holding a heading-like phrase. A begin/end rule, not one match: vscode-textmate drops
 * enclosing capture scopes from a capture that has patterns, so `markup.bold` must sit on the rule.
 * `lead` may capture one group (the `#` run); `body` captures the phrase's parts for `bodyCaptures`.
 */
function boldRun({ name, lead, leadCaptures = {}, body, bodyCaptures, ahead, end = '(\\*\\*)' }) {
  const bold = Object.keys(leadCaptures).length + 1;
  return {
    begin: `${lead}(\\*\\*)(?=${ahead})`,
    beginCaptures: { ...leadCaptures, [bold]: BOLD_EDGE },
    end,
    endCaptures: { 1: BOLD_EDGE },
    name,
    contentName: 'markup.bold.workplan',
    patterns: [{ match: `\\G${body}`, captures: bodyCaptures }],
  };
}

function headingRules({ level, marker }) {
  const heading = `markup.heading.${level}.workplan`;
  const markerScope = s(`punctuation.definition.heading.marker.${level === 'other' ? 'other' : `level-${level}`}`);
  return [
    {
      comment: 'marker alone on its line: the next non-blank line is the title',
      begin: `${LINE_START}(\\*\\*)?(${marker})${WS}*(\\*\\*)?${WS}*$`,
      beginCaptures: { 1: HASH, 2: BOLD_MARK, 3: markerScope, 4: BOLD_MARK },
      end: '(?<=\\S)(?!\\G)$',
      name: heading,
      contentName: 'entity.name.section.workplan',
      patterns: [{ include: '#inline' }],
    },
    boldRun({
      name: heading,
      lead: LINE_START,
      leadCaptures: { 1: HASH },
      ahead: `(?:${marker})${WS}*(?:${TITLE})。?\\*\\*`,
      body: `(${marker})${WS}*(${NOT_BOLD_MARK}*)`,
      bodyCaptures: { 1: markerScope, 2: TITLE_CAPTURE },
    }),
    {
      match: `${LINE_START}(\\*\\*)?(${marker})${WS}*(${TITLE})。?`,
      name: heading,
      captures: { 1: HASH, 2: BOLD_MARK, 3: markerScope, 4: TITLE_CAPTURE },
    },
  ];
}

const ENUM_SCOPE = 'markup.heading.enumeration.workplan';
const ENUM_KEYWORD = s('keyword.other.enumerator');
const MEASURE_SCOPE = 'markup.heading.measure.workplan';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Workplan',
  scopeName: 'text.workplan',
  comment: 'Generated by scripts/build-grammar.mjs; edit that file, not this one.',
  patterns: [
    { include: '#listedNumerals' },
    { include: '#headings' },
    { include: '#continued' },
    { include: '#enumerations' },
    { include: '#measures' },
    { include: '#bold' },
    { include: '#inline' },
  ],
  repository: {
    continued: {
      comment: 'the line after a broken line continues its sentence: no run-in measure at its start',
      begin: `${BROKEN_LINE}(.*)$`,
      beginCaptures: { 1: { patterns: [{ include: '#enumerations' }, { include: '#measures' }, { include: '#bold' }, { include: '#inline' }] } },
      end: `(?=${NEW_BLOCK})|^${WS}*([^。！？!?；;\\n]*?${SENTENCE_END})`,
      endCaptures: { 1: { patterns: [{ include: '#bold' }, { include: '#inline' }] } },
      patterns: [{ include: '#bold' }, { include: '#inline' }],
    },
    listedNumerals: {
      comment: '三、四季度, 一、二、三级: a numeral that lists numbers is no heading marker',
      match: `${LINE_START}(?:\\*\\*)?${LISTED_NUMERALS_SOURCE}`,
      captures: { 1: HASH },
    },
    headings: { patterns: LEVELS.flatMap(headingRules) },
    enumerations: {
      patterns: [
        boldRun({
          name: ENUM_SCOPE,
          lead: SENTENCE_START,
          ahead: `(?:${ENUMERATOR})(?:${ENUM_TITLE})[。；;]?\\*\\*`,
          body: `(${ENUMERATOR})(${ENUM_CHAR}*)`,
          bodyCaptures: { 1: ENUM_KEYWORD, 2: TITLE_CAPTURE },
        }),
        {
          match: `${SENTENCE_START}(\\*\\*)?(${ENUMERATOR})(${ENUM_TITLE})`,
          name: ENUM_SCOPE,
          captures: { 1: BOLD_MARK, 2: ENUM_KEYWORD, 3: TITLE_CAPTURE },
        },
      ],
    },
    measures: {
      patterns: [
        boldRun({
          name: MEASURE_SCOPE,
          lead: '',
          ahead: `${BOLD_MEASURE}。\\*\\*`,
          body: `(${BOLD_MEASURE})`,
          bodyCaptures: { 1: TITLE_CAPTURE },
        }),
        // `**盘活产业承载空间**。`: the full stop left outside the bold.
        boldRun({
          name: MEASURE_SCOPE,
          lead: '',
          ahead: `${BOLD_MEASURE}\\*\\*。`,
          body: `(${BOLD_MEASURE})`,
          bodyCaptures: { 1: TITLE_CAPTURE },
          end: '(\\*\\*)。',
        }),
        {
          comment: 'unmarked, at the start of a paragraph or alone on its line: 强化平台招商。积极融入…',
          match: `^${WS}*(${MEASURE})。`,
          name: MEASURE_SCOPE,
          captures: { 1: TITLE_CAPTURE },
        },
      ],
    },
    bold: {
      match: '(\\*\\*)((?:[^*\\n]|\\*(?!\\*))+?)(\\*\\*)',
      name: 'markup.bold.workplan',
      captures: { 1: BOLD_MARK, 2: { patterns: [{ include: '#inline' }] }, 3: BOLD_MARK },
    },
    inline: {
      patterns: [
        { include: '#quoted' },
        { include: '#documentTitle' },
        { include: '#numbers' },
      ],
    },
    quoted: {
      patterns: [
        quote('“', '”', 'string.quoted.double.workplan', 80),
        quote('"', '"', 'string.quoted.double.workplan', 80),
        quote('「', '」', 'string.quoted.other.corner.workplan', 80),
        quote('『', '』', 'string.quoted.other.corner.workplan', 80),
        { include: '#quotedSingle' },
      ],
    },
    quotedSingle: quote('‘', '’', 'string.quoted.single.workplan', 40),
    documentTitle: {
      match: '(《)([^《》\\n]{1,100})(》)',
      name: 'entity.name.type.document-title.workplan',
      captures: {
        1: s('punctuation.definition.document-title.begin'),
        3: s('punctuation.definition.document-title.end'),
      },
    },
    numbers: {
      patterns: [
        {
          match: `${NOT_AFTER_WORD}((?:19|20)[0-9]{2})${WS}*(年)`,
          captures: { 1: s('constant.numeric.year'), 2: s('keyword.other.unit') },
        },
        {
          match:
            `${NOT_AFTER_WORD}(${DIGIT}{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|${DIGIT}+(?:[.．]${DIGIT}+)?)` +
            `(?![0-9０-９A-Za-z])(?:${WS}*(${UNIT}))?`,
          captures: { 1: s('constant.numeric'), 2: s('keyword.other.unit') },
        },
      ],
    },
  },
};


const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== json) {
    console.error('syntaxes/workplan.tmLanguage.json is out of date: run node scripts/build-grammar.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(OUT, json);
}
